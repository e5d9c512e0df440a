"""Units: several articles' quizzes and lessons in an order, with optional dates, for a class."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import db, utcnow
from quizapp.models.quiz import Quiz
from quizapp.models.roster import SchoolClass


class Unit(db.Model):
    """A teacher's unit of work: a path of quizzes and lessons, then a unit test."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    # The class that follows the unit: its students see the path on their review page.
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("school_class.id", ondelete="SET NULL"), index=True
    )
    # The unit test drawing items from every article (a draft quiz until published).
    test_quiz_id: Mapped[int | None] = mapped_column(ForeignKey("quiz.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    school_class: Mapped[SchoolClass | None] = relationship()
    test_quiz: Mapped[Quiz | None] = relationship()
    steps: Mapped[list[UnitStep]] = relationship(
        back_populates="unit", order_by="UnitStep.position", cascade="all, delete-orphan"
    )


class UnitStep(db.Model):
    """One quiz or lesson of a unit, at its place in the path, open between optional dates."""

    __tablename__ = "unit_step"
    __table_args__ = (UniqueConstraint("unit_id", "quiz_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    opens_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)

    unit: Mapped[Unit] = relationship(back_populates="steps")
    quiz: Mapped[Quiz] = relationship()
