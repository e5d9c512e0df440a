"""Spaced review for rostered students: FSRS schedules every answered item; due items come back.

Every question a rostered student has answered (a submitted quiz, or a lesson's check) becomes
a card, scheduled by the ``fsrs`` package from that first answer. Opening the class link with
a personal code shows the items due today and asks them one at a time (every other review in
another form of the same fact); a right answer rates Good, a wrong one Again. A review names
the card version it was shown: of two devices answering the same due card, one review counts.
Making and scheduling the cards is services/review_cards.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fsrs import Rating
from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError

from quizapp.models import (
    LessonItem,
    Question,
    Quiz,
    ReviewCard,
    ReviewLog,
    SchoolClass,
    Student,
    db,
)
from quizapp.nlp import convert_item
from quizapp.services.feedback import feedback_for
from quizapp.services.practice import MAX_ANSWER_CHARS, OTHER_KIND, student_item
from quizapp.services.review_cards import (
    SCHEDULER,
    as_utc,
    card_columns,
    day_end,
    fsrs_card,
    sync_cards,
)
from quizapp.services.rosters import PERSONAL_CODE_LENGTH, normalise_personal_code
from quizapp.services.scoring import Marking, score_item
from quizapp.services.taking import close_if_due
from quizapp.services.units import StudentUnit, student_units

__all__ = [
    "SCHEDULER",
    "ReviewFeedback",
    "ReviewHome",
    "ReviewOutcome",
    "ReviewPrompt",
    "answer_card",
    "as_utc",
    "day_end",
    "due_today",
    "fsrs_card",
    "held_back",
    "next_prompt",
    "review_feedback",
    "review_home",
    "student_for_review",
    "sync_cards",
]


def student_for_review(personal_code: str | None) -> Student | None:
    """The current student with this personal code (in a class not archived), or None."""
    wanted = normalise_personal_code(personal_code)
    if len(wanted) != PERSONAL_CODE_LENGTH:
        return None
    return db.session.scalars(
        db.select(Student)
        .join(SchoolClass, SchoolClass.id == Student.class_id)
        .where(
            Student.personal_code == wanted,
            Student.removed_at.is_(None),
            SchoolClass.archived_at.is_(None),
        )
    ).first()


# ---------------------------------------------------------------- the student's review


@dataclass(frozen=True, slots=True)
class ReviewHome:
    """The student's review page: how many items are due today, and in all."""

    student: Student
    due: int
    cards: int
    next_due: datetime | None
    # The class's units: the student's path through them and progress along it.
    units: tuple[StudentUnit, ...] = ()


def held_back(student_id: int) -> frozenset[int]:
    """The student's cards whose quiz does not let students see its answers now ("after the
    quiz closes" while it is open, or "never"): a review's feedback gives the answer, so these
    wait (a lesson's checks show theirs once answered, so they never wait). A question its
    teacher dropped in a regrade (as flawed) waits too, until the regrade is undone."""
    rows = db.session.execute(
        db.select(ReviewCard.id, Question.quiz_id, Question.marking)
        .join(Question, Question.id == ReviewCard.question_id)
        .outerjoin(LessonItem, LessonItem.question_id == Question.id)
        .where(ReviewCard.student_id == student_id)
        .where((LessonItem.id.is_(None)) | (LessonItem.section.is_(None)))
    ).all()
    quiz_ids = {quiz_id for _card, quiz_id, _marking in rows}
    if not quiz_ids:
        return frozenset()
    quizzes = list(db.session.scalars(db.select(Quiz).where(Quiz.id.in_(quiz_ids))))
    for quiz in quizzes:
        close_if_due(quiz)  # past its closing time, a quiz shows what it shows "after closing"
    shown = {quiz.id: feedback_for(quiz).answers for quiz in quizzes}
    return frozenset(
        card for card, quiz_id, marking in rows if marking == Marking.DROPPED or not shown[quiz_id]
    )


def due_today(student_id: int, now: datetime) -> int:
    """How many of the student's cards fall due before the end of today and may be asked."""
    return (
        db.session.scalar(
            db.select(func.count())
            .select_from(ReviewCard)
            .where(ReviewCard.student_id == student_id, ReviewCard.due < day_end(now))
            .where(ReviewCard.id.not_in(held_back(student_id)))
        )
        or 0
    )


def review_home(student: Student, now: datetime) -> ReviewHome:
    """Make any new cards, then count what is due today."""
    sync_cards(student)
    cards = db.session.scalar(
        db.select(func.count()).select_from(ReviewCard).where(ReviewCard.student_id == student.id)
    )
    next_due = db.session.scalar(
        db.select(func.min(ReviewCard.due)).where(ReviewCard.student_id == student.id)
    )
    return ReviewHome(
        student=student,
        due=due_today(student.id, now),
        cards=cards or 0,
        next_due=as_utc(next_due) if next_due else None,
        units=tuple(student_units(student, as_utc(now).date())),
    )


@dataclass(frozen=True, slots=True)
class ReviewPrompt:
    """The next due item as asked (no answers), and the card version it was shown at."""

    card_id: int
    version: int
    item: dict[str, Any]
    other_form: bool
    due_left: int


def _other_item(row: ReviewCard) -> dict[str, Any] | None:
    """The card's question in another form, made once and kept (None where it cannot be)."""
    if not row.other_checked:
        kind = OTHER_KIND.get(row.question.kind)
        converted = None
        if kind is not None:
            converted = convert_item(
                row.question.quiz.article.text, row.question.to_item(), kind, seed=row.id
            )
        # Not the card's schedule: an UPDATE that leaves the version alone.
        db.session.execute(
            update(ReviewCard)
            .where(ReviewCard.id == row.id)
            .values(other_item=converted, other_checked=True)
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        db.session.refresh(row)
    return row.other_item


def _asked_item(row: ReviewCard, other_form: bool) -> dict[str, Any]:
    """The full item (answers included, for marking) in the form it is asked."""
    other = _other_item(row) if other_form else None
    item = dict(other) if other else row.question.to_item()
    item["id"] = f"r{row.id}"
    return item


def _uses_other_form(row: ReviewCard) -> bool:
    """Every other review asks the fact another way, where the generator can."""
    return row.reviews % 2 == 0 and _other_item(row) is not None


def next_prompt(student: Student, now: datetime) -> ReviewPrompt | None:
    """The earliest due card of today, asked in its form for this review; None when done."""
    due = list(
        db.session.scalars(
            db.select(ReviewCard)
            .where(ReviewCard.student_id == student.id, ReviewCard.due < day_end(now))
            .where(ReviewCard.id.not_in(held_back(student.id)))
            .order_by(ReviewCard.due, ReviewCard.id)
            .limit(1)
        )
    )
    if not due:
        return None
    row = due[0]
    other = _uses_other_form(row)
    return ReviewPrompt(
        card_id=row.id,
        version=row.version,
        item=student_item(_asked_item(row, other), f"{row.id}:{row.version}"),
        other_form=other,
        due_left=due_today(student.id, now),
    )


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """What became of a posted review: counted (and right or not), or stale."""

    accepted: bool
    correct: bool = False
    empty: bool = False


def answer_card(
    student: Student,
    card_id: int | None,
    version: int | None,
    fields: Mapping[str, str],
    now: datetime,
) -> ReviewOutcome:
    """Mark the answer and reschedule the card, if it is still at the version shown.

    The UPDATE is a compare-and-set on the version (on PostgreSQL the second of two concurrent
    ones waits for the first's row lock, then matches nothing); the log is unique per version.
    """
    row = db.session.get(ReviewCard, card_id) if card_id is not None else None
    if row is None or row.student_id != student.id or row.version != version:
        return ReviewOutcome(accepted=False)
    if row.id in held_back(student.id):
        return ReviewOutcome(accepted=False)
    other = _uses_other_form(row)
    item = _asked_item(row, other)
    given = str(fields.get(item["id"], ""))[:MAX_ANSWER_CHARS].strip()
    if not given:
        return ReviewOutcome(accepted=False, empty=True)
    correct = score_item(item, given).correct
    rating = Rating.Good if correct else Rating.Again
    now = as_utc(now)
    card = fsrs_card(row)
    retrievability = SCHEDULER.get_card_retrievability(card, now)
    scheduled, _log = SCHEDULER.review_card(card, rating, now)
    claimed = db.session.execute(
        update(ReviewCard)
        .where(ReviewCard.id == row.id, ReviewCard.version == version)
        .values(
            version=ReviewCard.version + 1,
            reviews=ReviewCard.reviews + 1,
            lapses=ReviewCard.lapses + (0 if correct else 1),
            **card_columns(scheduled),
        )
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        return ReviewOutcome(accepted=False)
    db.session.add(
        ReviewLog(
            card_id=row.id,
            card_version=version,
            correct=correct,
            rating=int(rating),
            retrievability=retrievability,
            reviewed_at=now,
            due_after=scheduled.due,
            given=given,
            other_form=other,
        )
    )
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return ReviewOutcome(accepted=False)
    return ReviewOutcome(accepted=True, correct=correct)


@dataclass(frozen=True, slots=True)
class ReviewFeedback:
    """The verdict on the student's last review of a card, with the item (now answered)."""

    item: dict[str, Any]
    given: str | None
    correct: bool
    due: datetime


def review_feedback(student: Student, card_id: int | None) -> ReviewFeedback | None:
    """Feedback on this card's latest review, if the card is the student's and was reviewed."""
    row = db.session.get(ReviewCard, card_id) if card_id is not None else None
    if row is None or row.student_id != student.id or row.id in held_back(student.id):
        return None
    log = db.session.scalars(
        db.select(ReviewLog)
        .where(ReviewLog.card_id == row.id, ReviewLog.card_version > 0)
        .order_by(ReviewLog.card_version.desc())
        .limit(1)
    ).first()
    if log is None:
        return None
    item = _asked_item(row, log.other_form)
    return ReviewFeedback(item=item, given=log.given, correct=log.correct, due=as_utc(row.due))
