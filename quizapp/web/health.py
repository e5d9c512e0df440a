"""Health endpoints for load balancers: liveness (/healthz) and readiness with the database (/readyz)."""

from __future__ import annotations

from flask import Blueprint, current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from quizapp.models import db

bp = Blueprint("health", __name__)
PLAIN = {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}


@bp.get("/healthz")
def healthz() -> tuple[str, int, dict[str, str]]:
    """Answer 200 with a tiny body; touches nothing else (also the web benchmark's baseline)."""
    return "ok", 200, PLAIN


@bp.get("/readyz")
def readyz() -> tuple[str, int, dict[str, str]]:
    """200 when the database answers, 503 when it does not (take this server out of rotation)."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        current_app.logger.warning("readiness check: the database did not answer", exc_info=True)
        return "database unavailable", 503, PLAIN
    return "ok", 200, PLAIN
