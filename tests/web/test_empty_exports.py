"""A quiz with nothing a format can hold says so instead of downloading an empty file (session 9)."""

from __future__ import annotations

from html import unescape
from typing import Any

import pytest

from quizapp.exports import FORMATS
from tests.factories import make_quiz


def _quiz(app: Any, auth: Any, kinds: tuple[str, ...]) -> int:
    teacher = auth.login()
    with app.app_context():
        return make_quiz(owner=teacher, kinds=kinds).id


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_empty_quiz_is_not_exported_and_the_teacher_is_told_why(
    app: Any, client: Any, auth: Any, fmt: str
) -> None:
    quiz_id = _quiz(app, auth, ())
    response = client.get(f"/teacher/quizzes/{quiz_id}/export/{fmt}", follow_redirects=True)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert "This quiz has no questions yet: add one, then print or export it." in response.text


def test_the_quiz_page_of_an_empty_quiz_offers_no_download(
    app: Any, client: Any, auth: Any
) -> None:
    quiz_id = _quiz(app, auth, ())
    page = client.get(f"/teacher/quizzes/{quiz_id}").text
    assert 'id="downloads-empty"' in page
    assert f"/teacher/quizzes/{quiz_id}/export/" not in page


def test_a_game_none_of_whose_questions_fit_is_not_offered(
    app: Any, client: Any, auth: Any
) -> None:
    quiz_id = _quiz(app, auth, ("fill_in", "matching"))
    page = client.get(f"/teacher/quizzes/{quiz_id}").text
    assert f"/teacher/quizzes/{quiz_id}/export/kahoot" not in page
    assert f"/teacher/quizzes/{quiz_id}/export/gift" in page
    response = client.get(f"/teacher/quizzes/{quiz_id}/export/kahoot", follow_redirects=True)
    assert response.mimetype == "text/html"
    assert "None of this quiz's questions fit Kahoot!" in unescape(response.text)
    gift = client.get(f"/teacher/quizzes/{quiz_id}/export/gift")
    assert gift.status_code == 200 and gift.mimetype == "text/plain"


def test_a_quiz_with_a_choice_question_still_downloads_its_game_file(
    app: Any, client: Any, auth: Any
) -> None:
    quiz_id = _quiz(app, auth, ("multiple_choice", "fill_in"))
    response = client.get(f"/teacher/quizzes/{quiz_id}/export/kahoot")
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
