"""What a new teacher sees before having anything: each page says what to do first."""

from __future__ import annotations

from typing import Any

from quizapp.models import db
from tests.factories import make_quiz


def test_a_new_unit_without_quizzes_says_to_make_a_quiz_first(
    app: Any, client: Any, auth: Any
) -> None:
    teacher = auth.login()
    page = client.get("/teacher/units/new").get_data(as_text=True)
    assert "No quizzes to put in a unit yet" in page
    assert 'href="/teacher/articles/new"' in page
    assert "Create the unit" not in page  # no empty table with nothing to choose
    with app.app_context():
        make_quiz(db.session.merge(teacher))
    page = client.get("/teacher/units/new").get_data(as_text=True)
    assert "No quizzes to put in a unit yet" not in page
    assert "Harbour Town Opens a Floating Library" in page and "Create the unit" in page
