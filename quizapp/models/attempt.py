"""Students' attempts at a quiz and their responses, one per question."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import db, utcnow
from quizapp.models.quiz import Question, Quiz
from quizapp.models.roster import Student


class AttemptEnd(enum.StrEnum):
    """Why an attempt stopped taking answers: the student submitted, time ran out, or the
    teacher closed the quiz (what was saved then was scored)."""

    SUBMITTED = "submitted"
    TIME_UP = "time_up"
    QUIZ_CLOSED = "quiz_closed"


class Attempt(db.Model):
    """One student's go at a quiz, resumable by its secret token until submitted."""

    __tablename__ = "attempt"
    __table_args__ = (
        # A rostered student has at most one open attempt per quiz, whatever the device:
        # two devices joining at once cannot both start one.
        Index(
            "uq_attempt_open_per_student",
            "quiz_id",
            "student_id",
            unique=True,
            sqlite_where=text("submitted_at IS NULL"),
            postgresql_where=text("submitted_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    student_name: Mapped[str] = mapped_column(String(80))
    token: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    # The one-time value of the join form that started it (None for older attempts and
    # rostered joins): the same form sent twice (a double click, a resend) finds this attempt
    # instead of starting a second one. Unique, so two requests at once cannot both insert it.
    join_nonce: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    order_seed: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float | None] = mapped_column(Float)
    # None for attempts submitted before the reason was recorded (and for open ones).
    end_reason: Mapped[AttemptEnd | None] = mapped_column(
        Enum(AttemptEnd, native_enum=False, length=20)
    )
    # The rostered student who took it (None for name-only joining).
    student_id: Mapped[int | None] = mapped_column(
        ForeignKey("student.id", ondelete="SET NULL"), index=True
    )
    # Set when a regrade changed the score: the student's result page says so.
    regraded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    score_before_regrade: Mapped[float | None] = mapped_column(Float)
    max_before_regrade: Mapped[float | None] = mapped_column(Float)

    quiz: Mapped[Quiz] = relationship()
    student: Mapped[Student | None] = relationship()
    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan"
    )


class Response(db.Model):
    """A student's answer to one question; unique per (attempt, question)."""

    __tablename__ = "response"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("attempt.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    # The given answer as the student chose or typed it; matching stores a JSON mapping.
    given: Mapped[str | None] = mapped_column(Text)
    given_data: Mapped[dict[str, str] | None] = mapped_column(JSON)
    correct: Mapped[bool | None] = mapped_column(Boolean)
    credit: Mapped[float | None] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()
