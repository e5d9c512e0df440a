"""Spaced-review cards: the FSRS scheduler, and a card for every item a student answered,
scheduled from that first answer (right: Good, wrong: Again)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from fsrs import Card, Rating, Scheduler, State
from sqlalchemy.exc import IntegrityError

from quizapp.models import Attempt, Question, Response, ReviewCard, ReviewLog, Student, db

__all__ = [
    "REVIEW_KINDS",
    "SCHEDULER",
    "as_utc",
    "card_columns",
    "day_end",
    "fsrs_card",
    "sync_cards",
]

# Whole-day intervals (no minute-long learning steps: a class meets once a day at most), and no
# random fuzz, so a schedule can be checked. Everything else is FSRS-6 as published.
SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
# Kinds a review asks on one screen (matching needs its whole list of pairs).
REVIEW_KINDS = ("multiple_choice", "fill_in", "true_false", "numeric", "short_answer")


def as_utc(moment: datetime) -> datetime:
    """A time in UTC (fsrs insists): SQLite returns naive datetimes, PostgreSQL the session's zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def day_end(now: datetime) -> datetime:
    """The end of ``now``'s day (UTC): items due before it are due today."""
    return datetime.combine(as_utc(now).date() + timedelta(days=1), time.min, tzinfo=UTC)


def fsrs_card(row: ReviewCard) -> Card:
    """The fsrs package's Card for a stored row."""
    return Card(
        card_id=row.id,
        state=State(row.state),
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=as_utc(row.due),
        last_review=as_utc(row.last_review) if row.last_review else None,
    )


def card_columns(card: Card) -> dict[str, Any]:
    """A scheduled fsrs Card as ReviewCard column values."""
    return {
        "state": int(card.state),
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": card.due,
        "last_review": card.last_review,
    }


def _first_answers(student: Student) -> dict[int, tuple[bool, datetime]]:
    """Per question the student has a marked answer to: its first (correct, when)."""
    rows = db.session.execute(
        db.select(Response.question_id, Response.correct, Response.updated_at)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Question, Question.id == Response.question_id)
        .outerjoin(
            ReviewCard,
            (ReviewCard.student_id == student.id)
            & (ReviewCard.question_id == Response.question_id),
        )
        .where(
            Attempt.student_id == student.id,
            Response.correct.is_not(None),
            Response.given.is_not(None),
            Question.deleted.is_(False),
            Question.kind.in_(REVIEW_KINDS),
            ReviewCard.id.is_(None),
        )
        .order_by(Response.updated_at)
    )
    first: dict[int, tuple[bool, datetime]] = {}
    for question_id, correct, when in rows:
        first.setdefault(question_id, (bool(correct), as_utc(when)))
    return first


def sync_cards(student: Student) -> int:
    """Make a card for every item the student answered that has none; returns how many.

    The first answer is the card's first review (right: Good, wrong: Again), at its time.
    """
    for _ in range(2):
        first = _first_answers(student)
        if not first:
            return 0
        for question_id, (correct, when) in first.items():
            rating = Rating.Good if correct else Rating.Again
            card, _log = SCHEDULER.review_card(Card(due=when), rating, when)
            row = ReviewCard(
                student_id=student.id,
                question_id=question_id,
                reviews=0,
                lapses=0 if correct else 1,
                version=1,
                other_checked=False,
                **card_columns(card),
            )
            db.session.add_all(
                [
                    row,
                    ReviewLog(
                        card=row,
                        card_version=0,
                        correct=correct,
                        rating=int(rating),
                        reviewed_at=when,
                        due_after=card.due,
                        other_form=False,
                    ),
                ]
            )
        try:
            db.session.commit()
            return len(first)
        except IntegrityError:
            # Another device of the same student made these cards this instant.
            db.session.rollback()
    return 0
