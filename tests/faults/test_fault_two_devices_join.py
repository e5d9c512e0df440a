"""Two devices of one rostered student join at the same instant: one attempt, both resume it."""

from __future__ import annotations

from typing import Any

from quizapp.models import Attempt, QuizStatus, db
from tests.factories import make_class, make_quiz
from tests.faults.test_fault_double_submit import _at_once

ROUNDS = 4
DEVICES = 3


def test_simultaneous_joins_with_one_personal_code_share_one_attempt(app: Any) -> None:
    with app.app_context():
        school_class = make_class(names=tuple(f"Student {n}" for n in range(ROUNDS)))
        quiz = make_quiz(
            school_class.owner,
            status=QuizStatus.PUBLISHED,
            join_code="TWO2DV",
            class_id=school_class.id,
            time_limit_minutes=20,
        )
        quiz_id = quiz.id
        codes = [s.personal_code for s in school_class.students]
    for code in codes:
        devices = [app.test_client() for _ in range(DEVICES)]
        locations = _at_once(
            [
                lambda d=d, c=code: (
                    d.post("/join", data={"code": "TWO2DV", "personal_code": c}).location
                )
                for d in devices
            ]
        )
        assert len(set(locations)) == 1 and "/attempt/" in locations[0], locations
    with app.app_context():
        attempts = db.session.scalars(db.select(Attempt).where(Attempt.quiz_id == quiz_id)).all()
        assert len(attempts) == ROUNDS
        assert len({a.student_id for a in attempts}) == ROUNDS
