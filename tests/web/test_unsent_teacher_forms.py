"""A teacher's form sent after the session ended: the teacher is told it was not saved and is
led back to the page it came from (where the browser puts back what was typed)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from quizapp.models import QuizStatus
from tests.factories import make_article, make_question, make_quiz, make_teacher


def _next_of(location: str) -> str:
    """The ?next= target of a redirect to the login page."""
    parts = urlsplit(location)
    assert parts.path == "/auth/login", location
    return parse_qs(parts.query)["next"][0]


def _draft_question(app: Any) -> tuple[int, int]:
    """A draft quiz with one question, owned by a teacher who is not logged in."""
    with app.app_context():
        teacher = make_teacher()
        quiz = make_quiz(teacher, make_article(teacher), kinds=(), status=QuizStatus.DRAFT)
        question = make_question(quiz)
        return quiz.id, question.id


def test_an_edit_sent_after_logging_out_says_it_was_not_saved_and_leads_back(
    app: Any, client: Any
) -> None:
    quiz_id, question_id = _draft_question(app)
    edit_page = f"http://localhost/teacher/quizzes/{quiz_id}/questions/{question_id}/edit"
    response = client.post(
        edit_page, data={"prompt": "My new wording"}, headers={"Referer": edit_page}
    )
    assert response.status_code == 302
    assert _next_of(response.headers["Location"]) == urlsplit(edit_page).path
    login_page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "so that was not saved" in login_page
    assert "flash-unsent" in login_page  # what static/js/app.js looks for
    assert "data-keeps-unsent-work" in login_page


def test_a_button_that_only_posts_leads_back_to_the_page_it_was_on(app: Any, client: Any) -> None:
    quiz_id, _question_id = _draft_question(app)
    quiz_page = f"http://localhost/teacher/quizzes/{quiz_id}"
    response = client.post(f"/teacher/quizzes/{quiz_id}/publish", headers={"Referer": quiz_page})
    assert _next_of(response.headers["Location"]) == f"/teacher/quizzes/{quiz_id}"


def test_without_a_usable_referer_the_login_leads_to_the_dashboard(app: Any, client: Any) -> None:
    quiz_id, _question_id = _draft_question(app)
    for headers in ({}, {"Referer": "https://elsewhere.example/teacher/quizzes/1"}):
        response = client.post(f"/teacher/quizzes/{quiz_id}/publish", headers=headers)
        assert _next_of(response.headers["Location"]) == "/teacher/"
    response = client.post(
        f"/teacher/quizzes/{quiz_id}/publish", headers={"Referer": "http://localhost/join/ABC123"}
    )
    assert _next_of(response.headers["Location"]) == "/teacher/"


def test_opening_a_teacher_page_logged_out_still_comes_back_to_it(app: Any, client: Any) -> None:
    quiz_id, _question_id = _draft_question(app)
    response = client.get(f"/teacher/quizzes/{quiz_id}/settings?from=list")
    assert (
        _next_of(response.headers["Location"]) == f"/teacher/quizzes/{quiz_id}/settings?from=list"
    )
    login_page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Please log in to see that page." in login_page
    assert "not saved" not in login_page


def test_a_stale_form_token_on_a_teacher_page_says_it_was_not_saved(make_app: Any) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    quiz_id, question_id = _draft_question(app)
    edit_page = f"http://localhost/teacher/quizzes/{quiz_id}/questions/{question_id}/edit"
    response = client.post(edit_page, data={"prompt": "Mine"}, headers={"Referer": edit_page})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Not saved: you were logged out" in page
    assert "data-unsent-work" in page
    link = page.split('class="button primary" href="')[1].split('"')[0]
    assert _next_of(link.replace("&amp;", "&")) == urlsplit(edit_page).path


def test_a_stale_token_while_logged_in_offers_the_page_again(make_app: Any) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    with app.app_context():
        make_teacher(email="other@school.example")
    token_page = client.get("/auth/login").get_data(as_text=True)
    token = token_page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post(
        "/auth/login",
        data={"email": "other@school.example", "password": "correct horse", "csrf_token": token},
    )
    dashboard = "http://localhost/teacher/"
    response = client.post(
        "/teacher/articles/new", data={"text": "x"}, headers={"Referer": dashboard}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Not saved: the page was out of date" in page
    assert 'href="/teacher/">Open the page again' in page


def test_a_students_stale_form_keeps_the_general_message(make_app: Any) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    response = client.post("/join", data={"code": "ABC123", "name": "Ana"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The form expired" in page
    assert "data-unsent-work" not in page
