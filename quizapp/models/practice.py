"""Retrieval practice after a graded attempt: one row per (attempt, question) with its state."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.attempt import Attempt
from quizapp.models.base import db, utcnow
from quizapp.models.quiz import Question


class PracticeForm(enum.StrEnum):
    """How a practice item is asked: as graded (options reshuffled) or in its other kind."""

    SAME = "same"
    OTHER = "other"


class PracticeItem(db.Model):
    """One question a student practises after an attempt; it never touches the graded score."""

    __tablename__ = "practice_item"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("attempt.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    # Answered correctly in the graded attempt: mixed in among the missed ones for review.
    review: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    streak: Mapped[int] = mapped_column(Integer, default=0)
    times_seen: Mapped[int] = mapped_column(Integer, default=0)
    misses: Mapped[int] = mapped_column(Integer, default=0)
    # The practice turn (0-based count of answers in this practice) it was last asked at.
    last_turn: Mapped[int | None] = mapped_column(Integer)
    due: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # The item in its other kind (fill-in for multiple choice and back), made once when first
    # needed; ``other_checked`` records that it was tried, so a failed conversion is not retried.
    other_item: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    other_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    last_form: Mapped[PracticeForm | None] = mapped_column(
        Enum(PracticeForm, native_enum=False, length=10)
    )
    last_given: Mapped[str | None] = mapped_column(Text)
    last_correct: Mapped[bool | None] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    attempt: Mapped[Attempt] = relationship()
    question: Mapped[Question] = relationship()
