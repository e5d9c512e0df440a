"""A closing time years ahead (a typo such as 9999) is refused with a message, never a 500."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from quizapp.models import ExplanationPolicy, Quiz, QuizStatus, db
from quizapp.services import publishing, taking
from tests.factories import make_quiz


@pytest.mark.parametrize("zone", ["America/New_York", "Europe/London", "Pacific/Kiritimati"])
def test_a_closing_time_in_year_9999_is_refused(
    app: Any, client: Any, auth: Any, zone: str
) -> None:
    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(db.session.merge(teacher), status=QuizStatus.PUBLISHED)
        quiz_id, version, code = quiz.id, quiz.version, quiz.join_code
    response = client.post(
        f"/teacher/quizzes/{quiz_id}/settings",
        data={
            "version": str(version),
            "title": "Boats",
            "attempts_allowed": "1",
            "explanations": "after_submit",
            "closes_at": "9999-12-31T23:59",
            "time_zone": zone,
        },
    )
    assert response.status_code == 200
    assert "Choose a closing time within the next ten years." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).closes_at is None
    # The student's join page still works.
    assert client.get(f"/join/{code}").status_code == 200


def test_the_service_refuses_it_too(app: Any) -> None:
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED)
        settings = publishing.quiz_settings(quiz)
        far = datetime.now(UTC) + timedelta(days=11 * 366)
        with pytest.raises(publishing.AuthoringError, match="within the next ten years"):
            publishing.update_settings(quiz, _with(settings, far))
        soon = datetime.now(UTC) + timedelta(days=200)
        publishing.update_settings(quiz, _with(settings, soon))
        assert quiz.closes_at is not None


def _with(settings: Any, closes_at: datetime) -> Any:
    return replace(settings, closes_at=closes_at)


def test_after_the_closing_time_a_submitted_students_result_shows_the_answers(
    app: Any, client: Any
) -> None:
    """Answers shown "after the quiz closes" appear once the closing time has passed, even
    when the first page asked after it is a result page of an attempt already submitted."""
    with app.app_context():
        quiz = make_quiz(
            kinds=("fill_in",),
            status=QuizStatus.PUBLISHED,
            join_code="LATER6",
            show_answers=ExplanationPolicy.AFTER_CLOSE,
            explanations=ExplanationPolicy.AFTER_CLOSE,
            closes_at=datetime.now(UTC) + timedelta(hours=1),
        )
        fill = quiz.questions[0]
        attempt = taking.join_quiz("LATER6", "Ada")
        taking.submit_attempt(attempt, {f"q{fill.id}": "no idea"})
        token, quiz_id, answer = attempt.token, quiz.id, fill.answer
    before = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "when the quiz closes" in before and answer not in before
    with app.app_context():
        # The closing time passes (set directly: the form only takes future times).
        db.session.get(Quiz, quiz_id).closes_at = datetime.now(UTC) - timedelta(minutes=5)
        db.session.commit()
    after = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "when the quiz closes" not in after and answer in after
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).status is QuizStatus.CLOSED
