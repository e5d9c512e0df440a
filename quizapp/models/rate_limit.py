"""Rate-limit counters kept in the app's own database, shared by every worker and restart."""

from __future__ import annotations

from sqlalchemy import Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.models.base import db


class RateLimitCounter(db.Model):
    """One fixed window of one limit for one key (address or account): hits so far, and when
    the window ends (seconds since the epoch, as the limits library counts time)."""

    __tablename__ = "rate_limit_counter"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[float] = mapped_column(Float, index=True)
