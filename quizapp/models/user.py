"""Teacher accounts."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.models.base import db, utcnow


class User(UserMixin, db.Model):
    """A teacher who owns articles and quizzes."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(20), default="teacher")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
