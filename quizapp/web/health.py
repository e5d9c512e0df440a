"""Health endpoints for load balancers: liveness (/healthz) and readiness with the database (/readyz)."""

from __future__ import annotations

from flask import Blueprint, current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from quizapp.models import db

bp = Blueprint("health", __name__)
PLAIN = {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}
# A write that changes nothing, rolled back: fails on a read-only file, a read-only
# transaction (a PostgreSQL standby) or a database that was never migrated.
_WRITE_PROBE = text("UPDATE alembic_version SET version_num = version_num")


@bp.get("/healthz")
def healthz() -> tuple[str, int, dict[str, str]]:
    """Answer 200 with a tiny body; touches nothing else (also the web benchmark's baseline)."""
    return "ok", 200, PLAIN


@bp.get("/readyz")
def readyz() -> tuple[str, int, dict[str, str]]:
    """200 when the database answers and takes writes, 503 otherwise (take this server out of
    rotation: students' answers could not be saved)."""
    try:
        db.session.execute(_WRITE_PROBE)
    except SQLAlchemyError:
        current_app.logger.warning("readiness check: the database took no write", exc_info=True)
        return "database unavailable", 503, PLAIN
    finally:
        db.session.rollback()
    return "ok", 200, PLAIN
