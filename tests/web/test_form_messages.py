"""A new teacher's mistakes in the first forms are told in the page's words, never WTForms'
defaults ("This field is required.", "Field must be between 8 and 200 characters long.")."""

from __future__ import annotations

from typing import Any

from quizapp.models import QuizStatus, db
from tests.factories import ARTICLE_TEXT, make_quiz

DEFAULTS = ("This field is required", "Field must be", "Invalid email address", "Number must be")


def _plain(page: str) -> None:
    for default in DEFAULTS:
        assert default not in page, default


def test_register_says_what_to_fix(client: Any) -> None:
    empty = client.post("/auth/register", data={}).get_data(as_text=True)
    for message in (
        "Type your name as students should see it.",
        "Type your e-mail address.",
        "Choose a password.",
        "Type the password again.",
    ):
        assert message in empty
    _plain(empty)
    page = client.post(
        "/auth/register",
        data={"display_name": "Ms Rivera", "email": "rivera", "password": "short"},
    ).get_data(as_text=True)
    assert "Type the whole e-mail address, such as you@school.org." in page
    assert "Use at least 8 characters (at most 200)." in page
    _plain(page)


def test_login_and_password_pages_say_what_is_missing(client: Any, auth: Any) -> None:
    page = client.post("/auth/login", data={}).get_data(as_text=True)
    assert "Type your e-mail address." in page and "Type your password." in page
    _plain(page)
    auth.login()
    page = client.post("/auth/password", data={}).get_data(as_text=True)
    assert "Type your current password." in page and "Choose a password." in page
    _plain(page)


def test_quiz_forms_say_the_allowed_range(app: Any, client: Any, auth: Any) -> None:
    teacher = auth.login()
    step2 = client.post("/teacher/articles/new", data={"text": ARTICLE_TEXT}).headers["Location"]
    page = client.post(step2, data={"title": "", "kinds": ["fill_in"], "count": "0"}).get_data(
        as_text=True
    )
    assert "Give the quiz a title." in page and "Choose from 1 to 60 questions." in page
    _plain(page)
    with app.app_context():
        quiz = make_quiz(db.session.merge(teacher), status=QuizStatus.PUBLISHED)
        quiz_id, version = quiz.id, quiz.version
    page = client.post(
        f"/teacher/quizzes/{quiz_id}/settings",
        data={
            "version": str(version),
            "title": "",
            "attempts_allowed": "0",
            "time_limit_minutes": "601",
            "explanations": "after_submit",
        },
    ).get_data(as_text=True)
    for message in (
        "Give the quiz a title.",
        "Allow from 1 to 100 attempts.",
        "Give a time limit of 1 to 600 minutes.",
    ):
        assert message in page
    _plain(page)
