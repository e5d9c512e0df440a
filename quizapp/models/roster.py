"""Class rosters: a teacher's classes and their students, each with a personal join code."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import db, utcnow
from quizapp.models.user import User


class SchoolClass(db.Model):
    """A teacher's class (e.g. "7B Geography"); quizzes assigned to it are taken by its students."""

    __tablename__ = "school_class"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Archived classes keep their students and results but take no new quizzes or joins.
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    owner: Mapped[User] = relationship()
    students: Mapped[list[Student]] = relationship(
        back_populates="school_class",
        order_by="Student.position",
        cascade="all, delete-orphan",
    )

    @property
    def current_students(self) -> list[Student]:
        """The students on the roster now (removed ones keep their rows for past results)."""
        return [s for s in self.students if s.removed_at is None]


class Student(db.Model):
    """One student on a roster: a stable identity per class, found by a personal code.

    Attempts (and, later, review schedules) point at this row, so renaming the student or
    giving them a new code keeps their history.
    """

    __tablename__ = "student"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))
    # Unique across every class, so a code alone says who the student is.
    personal_code: Mapped[str] = mapped_column(String(12), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    school_class: Mapped[SchoolClass] = relationship(back_populates="students")
