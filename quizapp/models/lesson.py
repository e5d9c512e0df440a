"""Read-and-check lessons: an article in sections, each followed by its check questions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import db, utcnow
from quizapp.models.quiz import Question, Quiz


class Lesson(db.Model):
    """A quiz taught in steps: its questions are the sections' checks and the end-of-lesson quiz.

    The questions live in an ordinary quiz, so the teacher reviews, edits and publishes them
    with the quiz editor and students join with its code.
    """

    __tablename__ = "lesson"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), unique=True)
    # One entry per section, in order: {"first": p, "last": q, "spans": [[start, end], ...]},
    # the 1-based body paragraphs it covers (as the generator numbers them) and their offsets.
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    quiz: Mapped[Quiz] = relationship()
    items: Mapped[list[LessonItem]] = relationship(
        back_populates="lesson", cascade="all, delete-orphan"
    )


class LessonItem(db.Model):
    """Where a lesson's question is asked: after section ``section`` (1-based), or at the end."""

    __tablename__ = "lesson_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lesson.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), unique=True
    )
    # None: the question belongs to the end-of-lesson quiz that mixes sections.
    section: Mapped[int | None] = mapped_column(Integer)

    lesson: Mapped[Lesson] = relationship(back_populates="items")
    question: Mapped[Question] = relationship()
