"""Spaced review for rostered students: one FSRS card per (student, question), and its reviews."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import db, utcnow
from quizapp.models.quiz import Question
from quizapp.models.roster import Student


class ReviewCard(db.Model):
    """A fact a student has answered, scheduled for review by FSRS (the ``fsrs`` package).

    The FSRS state (state, step, stability, difficulty, due, last review) is stored as columns
    so "due today" is one index range scan; ``version`` is bumped by every review, and a review
    only counts if it names the version it was shown (compare-and-set).
    """

    __tablename__ = "review_card"
    __table_args__ = (
        UniqueConstraint("student_id", "question_id"),
        # "n items due today" for one student reads this index only.
        Index("ix_review_card_student_due", "student_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[int] = mapped_column(Integer, default=1)
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_review: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    # The question in another form (fill-in for multiple choice and back), made once.
    other_item: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    other_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Bumped by each review (never by other writes): the compare-and-set a review names.
    version: Mapped[int] = mapped_column(Integer, default=1)

    student: Mapped[Student] = relationship()
    question: Mapped[Question] = relationship()


class ReviewLog(db.Model):
    """One review of a card: right or not, when, and the interval FSRS gave it.

    Unique per (card, version reviewed): two devices answering the same due card store one.
    """

    __tablename__ = "review_log"
    __table_args__ = (UniqueConstraint("card_id", "card_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(
        ForeignKey("review_card.id", ondelete="CASCADE"), index=True
    )
    card_version: Mapped[int] = mapped_column(Integer)
    correct: Mapped[bool] = mapped_column(Boolean)
    rating: Mapped[int] = mapped_column(Integer)
    # What the student answered, and whether the question was asked in its other form.
    given: Mapped[str | None] = mapped_column(Text)
    other_form: Mapped[bool] = mapped_column(Boolean, default=False)
    # The model's recall probability just before this review (for retention over time).
    retrievability: Mapped[float | None] = mapped_column(Float)
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    due_after: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    card: Mapped[ReviewCard] = relationship()
