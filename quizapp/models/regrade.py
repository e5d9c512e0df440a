"""The regrade log: every change a teacher made to the marking of a published question."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import db, utcnow
from quizapp.models.quiz import Question, Quiz
from quizapp.models.user import User


class RegradeChange(db.Model):
    """One regrade of one question: who, when, what (the question's marking before and after),
    how many scores it changed, and whether and by whom it was undone."""

    __tablename__ = "regrade_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    # accept_answer, change_key, full_credit, drop, undo
    action: Mapped[str] = mapped_column(String(30))
    summary: Mapped[str] = mapped_column(Text)
    # The question's answer, data and marking before and after: what undo puts back.
    before: Mapped[dict[str, Any]] = mapped_column(JSON)
    after: Mapped[dict[str, Any]] = mapped_column(JSON)
    scores_changed: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    quiz: Mapped[Quiz] = relationship()
    question: Mapped[Question] = relationship()
    teacher: Mapped[User | None] = relationship(foreign_keys=[teacher_id])
    undone_by: Mapped[User | None] = relationship(foreign_keys=[undone_by_id])
