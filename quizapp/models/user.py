"""Teacher accounts."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import DateTime, Integer, String
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
    # Part of every session's and remember-me cookie's identity: bumping it (log out, new
    # password) makes every cookie issued before refer to no one (services/accounts.py).
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Set on the loaded object for one login or one request, never stored: a random part that
    # makes each login's remember-me token different.
    login_nonce = ""

    def get_id(self) -> str:
        """Flask-Login's identity for the session and remember cookies: id, version, nonce."""
        return f"{self.id}:{self.session_version}:{self.login_nonce}"
