"""Script and style code written inline in an uploaded Markdown article never becomes its text
(session 9: "alert(1)" of an inline <script> reached the article and its questions)."""

from __future__ import annotations

import io
from typing import Any

from quizapp.models import Article, db

MARKDOWN = (
    "# Rivers of Europe\n\n"
    "The Danube flows through <script>alert(1)</script> ten countries.\n\n"
    "The Rhine <style>p { color: red }</style> rises in <b>Switzerland</b>.\n\n"
    + "The Elbe, the Oder and the Vistula drain the North European Plain into two seas. "
    * 3
)


def test_inline_script_and_style_content_is_dropped_with_the_tags(
    app: Any, client: Any, auth: Any
) -> None:
    auth.login()
    response = client.post(
        "/teacher/articles/new",
        data={"upload": (io.BytesIO(MARKDOWN.encode()), "rivers.md")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    with app.app_context():
        article = db.session.scalars(db.select(Article)).one()
    assert article.title == "Rivers of Europe"
    assert "The Danube flows through ten countries." in article.text
    assert "The Rhine rises in Switzerland." in article.text
    for code in ("alert", "color", "script", "<"):
        assert code not in article.text
