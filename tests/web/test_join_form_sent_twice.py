"""One join form sent twice (a double click without JavaScript, a network resend) starts one
attempt; a new page of the form starts a new one, as before. Real requests to a served app."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from quizapp.models import Attempt, QuizStatus, db
from tests.factories import make_quiz
from tests.faults.student_http import Browser, csrf_of
from tests.faults.test_fault_double_submit import _at_once

ROUNDS = 4


@pytest.fixture
def served(make_app: Any) -> Iterator[tuple[Any, int]]:
    """The app (CSRF on, as in production) served on a free port by a threaded server."""
    from werkzeug.serving import make_server

    app = make_app(WTF_CSRF_ENABLED=True)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, server.server_port
    finally:
        server.shutdown()
        thread.join(timeout=10)


def _published(app: Any, **settings: Any) -> tuple[int, str]:
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, **settings)
        return quiz.id, quiz.join_code


def _names(app: Any, quiz_id: int) -> list[str]:
    with app.app_context():
        return sorted(
            db.session.scalars(
                db.select(Attempt.student_name).where(Attempt.quiz_id == quiz_id)
            ).all()
        )


def _form_of(page: str, action: str) -> dict[str, str]:
    """The hidden and filled fields of the page's form that posts to ``action``."""
    form = re.search(
        rf'<form method="post" action="{re.escape(action)}"[^>]*>(.*?)</form>', page, re.S
    )
    assert form, f"the page has a form posting to {action}"
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.group(1)))
    fields["csrf_token"] = csrf_of(page)
    return fields


def _send_twice_at_once(port: int, cookies: dict[str, str], path: str, form: dict[str, str]):
    """The same form sent by two requests at the same instant, with the same cookies."""
    browsers = [Browser(port), Browser(port)]
    for browser in browsers:
        browser.cookies = dict(cookies)
    return _at_once([lambda b=b: b.request("POST", path, form) for b in browsers])


def test_the_join_form_sent_twice_at_once_starts_one_attempt(served: tuple[Any, int]) -> None:
    app, port = served
    quiz_id, code = _published(app)
    for round_ in range(ROUNDS):
        student = Browser(port)
        status, _, page = student.request("GET", f"/join/{code}")
        assert status == 200
        form = {**_form_of(page, "/join"), "code": code, "name": f"Lea {round_}"}
        answers = _send_twice_at_once(port, student.cookies, "/join", form)
        locations = {headers["Location"] for _, headers, _ in answers}
        assert [status for status, _, _ in answers] == [302, 302]
        assert len(locations) == 1 and "/attempt/" in locations.pop()
    assert _names(app, quiz_id) == [f"Lea {n}" for n in range(ROUNDS)]


def test_the_join_form_sent_again_later_lands_on_the_same_attempt(
    served: tuple[Any, int],
) -> None:
    """A resend after the first answer was lost: the browser never got the attempt's cookie."""
    app, port = served
    quiz_id, code = _published(app)
    student = Browser(port)
    page = student.request("GET", f"/join/{code}")[2]
    form = {**_form_of(page, "/join"), "code": code, "name": "Lea"}
    cookies = dict(student.cookies)
    first = student.request("POST", "/join", form)
    student.cookies = cookies
    again = student.request("POST", "/join", form)
    assert first[1]["Location"] == again[1]["Location"]
    assert _names(app, quiz_id) == ["Lea"]


def test_a_new_page_of_the_join_form_starts_a_new_attempt_as_before(
    served: tuple[Any, int],
) -> None:
    """Joining again on purpose is unchanged: another browser (no cookie) under a name taken
    is a second student, numbered; a form sent under another name is that student's join."""
    app, port = served
    quiz_id, code = _published(app)
    for _ in range(2):
        student = Browser(port)
        page = student.request("GET", f"/join/{code}")[2]
        form = {**_form_of(page, "/join"), "code": code, "name": "Lea"}
        assert student.request("POST", "/join", form)[0] == 302
    other = Browser(port)
    page = other.request("GET", f"/join/{code}")[2]
    form = _form_of(page, "/join")
    other.request("POST", "/join", {**form, "code": code, "name": "Max"})
    # The same page sent back under another name (the first was someone else's) is a new join.
    other.request("POST", "/join", {**form, "code": code, "name": "Maxine"})
    assert _names(app, quiz_id) == ["Lea", "Lea (2)", "Max", "Maxine"]


def test_try_again_sent_twice_at_once_starts_one_new_attempt_within_the_limit(
    served: tuple[Any, int],
) -> None:
    app, port = served
    quiz_id, code = _published(app, attempts_allowed=2)
    student = Browser(port)
    page = student.request("GET", f"/join/{code}")[2]
    form = {**_form_of(page, "/join"), "code": code, "name": "Lea"}
    take = student.request("POST", "/join", form)[1]["Location"]
    token = take.rsplit("/", 1)[-1]
    page = student.request("GET", f"/attempt/{token}")[2]
    submit = {"csrf_token": csrf_of(page), "action": "submit"}
    assert student.request("POST", f"/attempt/{token}", submit)[0] == 302
    page = student.request("GET", f"/attempt/{token}/result")[2]
    again = _form_of(page, "/join")
    assert again["name"] == "Lea"
    answers = _send_twice_at_once(port, student.cookies, "/join", again)
    locations = {headers["Location"] for _, headers, _ in answers}
    assert len(locations) == 1 and token not in locations.pop()
    assert _names(app, quiz_id) == ["Lea", "Lea"]
    # The second attempt was the last one allowed: a new page of the form says so.
    new_token = answers[0][1]["Location"].rsplit("/", 1)[-1]
    page = student.request("GET", f"/attempt/{new_token}")[2]
    submit = {"csrf_token": csrf_of(page), "action": "submit"}
    student.request("POST", f"/attempt/{new_token}", submit)
    page = student.request("GET", f"/join/{code}")[2]
    form = {**_form_of(page, "/join"), "code": code, "name": "Lea"}
    refused = student.request("POST", "/join", form)
    assert refused[0] == 302 and refused[1]["Location"].endswith("/result")
    assert _names(app, quiz_id) == ["Lea", "Lea"]
