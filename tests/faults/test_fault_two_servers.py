"""Two app servers (`quizapp serve`) on one database: a student may hop between them freely.

What a load balancer does: every request of one student can land on another machine. The
servers share only the database and the secret key, so nothing a student needs may live in a
server's memory.
"""

from __future__ import annotations

import secrets
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quizapp.models import Attempt, QuizStatus, db
from tests.factories import make_quiz
from tests.faults.student_http import Browser, csrf_of
from tests.security.served import quizapp_serve


@pytest.fixture
def two_servers(test_databases: Any, tmp_path: Path) -> Iterator[tuple[list[int], str]]:
    """Two `quizapp serve --workers 1` processes on one fresh database: (ports, database URL).
    They share the secret key, as machines behind one load balancer do."""
    url = test_databases.create(tmp_path)
    secret = secrets.token_hex(16)
    homes = [tmp_path / "first", tmp_path / "second"]
    for home in homes:
        home.mkdir()
    try:
        with (
            quizapp_serve(url, homes[0], workers=1, secret_key=secret) as first,
            quizapp_serve(url, homes[1], workers=1, secret_key=secret) as second,
        ):
            yield [first, second], url
    finally:
        test_databases.drop(url)


def test_a_student_moving_between_servers_keeps_session_answers_and_result(
    two_servers: tuple[list[int], str], make_app: Any
) -> None:
    (first, second), url = two_servers
    seed = make_app(SQLALCHEMY_DATABASE_URI=url)
    with seed.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, kinds=("true_false", "fill_in"))
        code, (truth, blank) = quiz.join_code, [q.id for q in quiz.questions]
    student = Browser(first)
    status, _, page = student.request("GET", f"/join/{code}")
    assert status == 200
    student.port = second  # the form was served by one machine and is posted to the other
    status, headers, _ = student.request(
        "POST", f"/join/{code}", {"code": code, "name": "Ada", "csrf_token": csrf_of(page)}
    )
    assert status == 302
    take = urllib.parse.urlsplit(headers["Location"]).path
    student.port = first
    status, _, page = student.request("GET", take)
    assert status == 200
    csrf = csrf_of(page)
    student.port = second
    status, _, body = student.request(
        "POST", f"{take}/save", {f"q{truth}": "True", "csrf_token": csrf}
    )
    assert (status, body.strip()) == (200, '{"saved":true}')
    student.port = first
    status, _, body = student.request(
        "POST", f"{take}/save", {f"q{blank}": "Harbour", "csrf_token": csrf}
    )
    assert status == 200
    student.port = second
    status, _, page = student.request("GET", take)
    assert 'value="Harbour"' in page
    status, headers, _ = student.request("POST", take, {"csrf_token": csrf, "action": "submit"})
    assert status == 302 and headers["Location"].endswith("/result")
    student.port = first
    status, _, page = student.request("GET", f"{take}/result")
    assert status == 200
    with seed.app_context():
        attempt = db.session.scalars(db.select(Attempt)).one()
        assert attempt.submitted_at is not None
        assert {r.question_id: r.given for r in attempt.responses} == {
            truth: "True",
            blank: "Harbour",
        }
