"""A legacy page that never closes its tags is read whole, not cut off at libxml2's depth (session 9)."""

from __future__ import annotations

import io
import re
from html import unescape
from typing import Any

from quizapp.models import Article, db


def _page(paragraphs: int) -> bytes:
    """An old-style page: every paragraph opens a <font> it never closes."""
    body = "".join(
        f"<font face=Arial><p>Paragraph {n} says the town of Example had {1000 + n} residents."
        for n in range(paragraphs)
    )
    return f"<html><head><title>Example</title></head><body>{body}</body></html>".encode()


def _upload(client: Any, data: bytes) -> Any:
    return client.post(
        "/teacher/articles/new",
        data={"upload": (io.BytesIO(data), "page.html")},
        content_type="multipart/form-data",
    )


def test_every_paragraph_of_a_page_with_unclosed_tags_is_kept(
    app: Any, client: Any, auth: Any
) -> None:
    auth.login()
    response = _upload(client, _page(400))
    assert response.status_code == 302
    article_id = int(re.search(r"/articles/(\d+)/quiz", response.headers["Location"]).group(1))
    with app.app_context():
        text = db.session.get(Article, article_id).text
    assert "Paragraph 0 says" in text
    assert "Paragraph 399 says the town of Example had 1399 residents." in text


def test_a_page_nested_deeper_than_any_parser_reads_says_so(
    app: Any, client: Any, auth: Any
) -> None:
    auth.login()
    response = _upload(client, _page(3000))
    assert response.status_code == 200
    page = unescape(response.get_data(as_text=True))
    assert "nested too deeply to read all of it" in page
    assert "paste the article's text instead" in page
    with app.app_context():
        assert db.session.scalars(db.select(Article)).first() is None


def test_a_pasted_page_source_with_unclosed_tags_is_kept_whole(
    app: Any, client: Any, auth: Any
) -> None:
    auth.login()
    response = client.post("/teacher/articles/new", data={"text": _page(300).decode()})
    assert response.status_code == 302
    with app.app_context():
        text = db.session.scalars(db.select(Article)).one().text
    assert "Paragraph 299 says" in text
