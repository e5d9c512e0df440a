"""A unit step's opening date holds on the server: a rostered student with the quiz's code
cannot start it before that day (the path hides the link; a code passed on must not work)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from quizapp.models import Attempt, QuizStatus, db
from quizapp.services import units
from tests.factories import make_class, make_quiz


def _unit_quiz(app: Any, opens_on: date | None, *, second_open: bool = False) -> tuple[str, str]:
    """A class quiz in a unit step opening on ``opens_on``; its join code and a personal code."""
    with app.app_context():
        school_class = make_class()
        owner = school_class.owner
        quiz = make_quiz(
            owner, status=QuizStatus.PUBLISHED, join_code="UNIT42", class_id=school_class.id
        )
        units.create_unit(
            owner, "Rivers", school_class.id, [units.StepChoice(quiz.id, 1, opens_on)]
        )
        if second_open:  # the same quiz, open now in another unit of the class
            units.create_unit(owner, "Revision", school_class.id, [units.StepChoice(quiz.id, 1)])
        return quiz.join_code, school_class.current_students[0].personal_code


def _join(app: Any, code: str, personal_code: str) -> Any:
    return app.test_client().post("/join", data={"code": code, "personal_code": personal_code})


def test_a_step_not_open_yet_cannot_be_started(app: Any) -> None:
    opens = datetime.now(UTC).date() + timedelta(days=3)
    code, personal = _unit_quiz(app, opens)
    refused = _join(app, code, personal)
    assert refused.status_code == 200
    assert f"opens on {opens.day} {opens:%B %Y}" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 0


def test_a_step_open_today_can_be_started(app: Any) -> None:
    today = datetime.now(UTC).date()
    code, personal = _unit_quiz(app, today)
    assert _join(app, code, personal).status_code == 302


def test_the_same_quiz_open_in_another_unit_can_be_started(app: Any) -> None:
    code, personal = _unit_quiz(app, datetime.now(UTC).date() + timedelta(days=3), second_open=True)
    assert _join(app, code, personal).status_code == 302
