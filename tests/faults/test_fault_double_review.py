"""Two devices of one student answer the same due review item at the same instant: one counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from quizapp.models import QuizStatus, ReviewCard, ReviewLog, db
from quizapp.services import spaced_review
from tests.factories import make_attempt, make_class, make_quiz
from tests.faults.test_fault_double_submit import _at_once

ROUNDS = 4


def test_simultaneous_reviews_of_one_due_card_store_one_review(app: Any) -> None:
    """Both threads show the card at the same version and answer at once, several times over."""
    with app.app_context():
        school_class = make_class()
        ada = school_class.current_students[0]
        quiz = make_quiz(status=QuizStatus.PUBLISHED, class_id=school_class.id)
        make_attempt(
            quiz, ada.name, {q: ("wrong", False) for q in quiz.questions}, student_id=ada.id
        )
        spaced_review.sync_cards(ada)
        student_id = ada.id
        card_ids = list(db.session.scalars(db.select(ReviewCard.id)))
    later = datetime.now(UTC) + timedelta(days=2)
    for card_id in card_ids[:ROUNDS]:

        def answer(card_id: int = card_id) -> bool:
            with app.app_context():
                student = db.session.get(spaced_review.Student, student_id)
                card = db.session.get(ReviewCard, card_id)
                item = spaced_review._asked_item(card, spaced_review._uses_other_form(card))
                fields = {item["id"]: str(item.get("answer"))}
                return spaced_review.answer_card(student, card_id, 1, fields, later).accepted

        assert sorted(_at_once([answer, answer])) == [False, True]
    with app.app_context():
        for card_id in card_ids[:ROUNDS]:
            logs = db.session.scalars(
                db.select(ReviewLog).where(ReviewLog.card_id == card_id, ReviewLog.card_version > 0)
            ).all()
            card = db.session.get(ReviewCard, card_id)
            assert len(logs) == 1 and card.version == 2 and card.reviews == 1
