"""Issue 10 attacks on the assessment rules: a closed quiz takes no answers, the clock is the
server's, and a classmate still in the quiz never reads the key released on close."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from quizapp.models import Attempt, AttemptEnd, ExplanationPolicy, QuizStatus, db
from tests.factories import make_attempt, make_quiz, make_teacher
from tests.security.conftest import PASSWORD, login

CODE = "SHUT42"


@pytest.fixture
def quiz_ids(app: Any) -> dict[str, Any]:
    """A published quiz (answers shown after close) and its owner's e-mail."""
    with app.app_context():
        teacher = make_teacher(password=PASSWORD)
        quiz = make_quiz(
            teacher,
            status=QuizStatus.PUBLISHED,
            join_code=CODE,
            explanations=ExplanationPolicy.AFTER_CLOSE,
        )
        return {
            "quiz": quiz.id,
            "email": teacher.email,
            "version": quiz.version,
            "questions": [q.id for q in quiz.questions],
        }


def _join(app: Any, name: str) -> tuple[Any, str]:
    """A student's browser that joined the quiz, and the attempt's token."""
    student = app.test_client()
    response = student.post("/join", data={"code": CODE, "name": name})
    assert response.status_code == 302
    return student, response.headers["Location"].rsplit("/", 1)[-1]


def _close(app: Any, ids: dict[str, Any]) -> None:
    teacher = login(app, ids["email"])
    with app.app_context():
        from quizapp.models import Quiz

        version = db.session.get(Quiz, ids["quiz"]).version
    response = teacher.post(f"/teacher/quizzes/{ids['quiz']}/close", data={"version": version})
    assert response.status_code == 302


def test_closed_quiz_refuses_autosave_and_submit(app: Any, quiz_ids: dict[str, Any]) -> None:
    """Failure 1: after "Close the quiz" a student already in it autosaved (200) and submitted."""
    first, *_ = quiz_ids["questions"]
    student, token = _join(app, "Ada")
    saved = student.post(f"/attempt/{token}/save", data={f"q{first}": "1,200"})
    assert saved.status_code == 200

    _close(app, quiz_ids)

    late = student.post(f"/attempt/{token}/save", data={f"q{first}": "4,200"})
    assert late.status_code == 409
    assert "closed the quiz" in late.get_json()["message"]
    submit = student.post(f"/attempt/{token}", data={f"q{first}": "4,200", "action": "submit"})
    assert submit.headers["Location"].endswith(f"/attempt/{token}/result")
    # The answer page is gone; the result says why the attempt ended.
    assert student.get(f"/attempt/{token}").headers["Location"].endswith("/result")
    page = student.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "Your teacher closed the quiz" in page
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).where(Attempt.token == token)).one()
        assert attempt.end_reason is AttemptEnd.QUIZ_CLOSED
        assert attempt.submitted_at is not None
        # Scored as it stood at the close: the late answer never got in.
        assert {r.question_id: r.given for r in attempt.responses}[first] == "1,200"


def test_closing_ends_open_attempts_so_the_key_cannot_be_copied(
    app: Any, quiz_ids: dict[str, Any]
) -> None:
    """Failure 1: with answers "after the quiz closes", a classmate still in the quiz read the
    key on a submitted friend's screen after the close and scored 10/10."""
    first, *_ = quiz_ids["questions"]
    friend, friend_token = _join(app, "Friend")
    friend.post(f"/attempt/{friend_token}", data={"action": "submit"})
    copier, copier_token = _join(app, "Copier")
    hidden = friend.get(f"/attempt/{friend_token}/result").get_data(as_text=True)
    assert "Correct answer" not in hidden  # the key stays hidden while the quiz is open

    _close(app, quiz_ids)

    key_page = friend.get(f"/attempt/{friend_token}/result").get_data(as_text=True)
    assert "Correct answer" in key_page and "4,200" in key_page
    # The copier was still in the quiz: the close submitted their attempt as it stood.
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).where(Attempt.token == copier_token)).one()
        assert attempt.submitted_at is not None and attempt.score == 0
    copied = copier.post(
        f"/attempt/{copier_token}", data={f"q{first}": "4,200", "action": "submit"}
    )
    assert copied.status_code == 302
    assert copier.post(
        f"/attempt/{copier_token}/save", data={f"q{first}": "4,200"}
    ).status_code == (409)
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).where(Attempt.token == copier_token)).one()
        assert attempt.score == 0


def test_an_attempt_left_open_on_a_closed_quiz_ends_on_its_next_request(app: Any) -> None:
    """An attempt that missed the close (a join racing it) is ended by the next request."""
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.CLOSED, join_code="RACE42")
        quiz.closed_at = datetime.now(UTC)
        db.session.commit()
        token = make_attempt(quiz, "Late", submitted=False, started_at=datetime.now(UTC)).token
        first = quiz.questions[0].id
    student = app.test_client()
    assert student.post(f"/attempt/{token}/save", data={f"q{first}": "4,200"}).status_code == 409
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).where(Attempt.token == token)).one()
        assert attempt.end_reason is AttemptEnd.QUIZ_CLOSED
        assert not [r for r in attempt.responses if r.given]


def test_time_limit_holds_for_a_new_browser_on_the_same_attempt(app: Any) -> None:
    """Failure 4: the clock is the attempt's, kept on the server: a fresh cookie jar holding
    only the attempt's token gets no new time (grace included)."""
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, join_code="TIME42", time_limit_minutes=10)
        started = datetime.now(UTC) - timedelta(minutes=10, seconds=45)
        token = make_attempt(quiz, "Ada", submitted=False, started_at=started).token
        first = quiz.questions[0].id
    fresh = app.test_client()  # no cookies at all: only the token, e.g. copied to a phone
    take = fresh.get(f"/attempt/{token}")
    assert take.status_code == 302 and take.headers["Location"].endswith("/result")
    late = fresh.post(f"/attempt/{token}/save", data={f"q{first}": "4,200"})
    assert late.status_code == 409
    assert "time limit" in late.get_json()["message"]
    fresh.post(f"/attempt/{token}", data={f"q{first}": "4,200", "action": "submit"})
    page = fresh.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "submitted automatically when the time ran out" in page
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).where(Attempt.token == token)).one()
        assert attempt.end_reason is AttemptEnd.TIME_UP
        assert attempt.score == 0


def test_answers_within_the_grace_still_count(app: Any) -> None:
    """The stated grace (30 s after the limit) is honoured: a slow phone's last save counts."""
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, join_code="GRCE42", time_limit_minutes=10)
        # Just past the limit: the save below must land within the 30 s grace even when a
        # loaded machine is slow to get there.
        started = datetime.now(UTC) - timedelta(minutes=10, seconds=2)
        token = make_attempt(quiz, "Ada", submitted=False, started_at=started).token
        first = quiz.questions[0].id
    student = app.test_client()
    assert student.post(f"/attempt/{token}/save", data={f"q{first}": "4,200"}).status_code == 200
