"""Readiness means students' answers can be saved: a read-only database is not ready."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import make_url

from quizapp.models import Quiz, db


def _read_only(url: str) -> str:
    """The same database, opened so that every write fails (as on a read-only disk or standby)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"sqlite:///file:{parsed.database}?mode=ro&uri=true"
    return parsed.update_query_dict(
        {"options": "-c default_transaction_read_only=on"}
    ).render_as_string(hide_password=False)


def test_readiness_is_503_when_the_database_takes_no_writes(
    make_app: Any, test_databases: Any, tmp_path: Any
) -> None:
    url = test_databases.create(tmp_path)
    try:
        app = make_app(SQLALCHEMY_DATABASE_URI=_read_only(url))
        client = app.test_client()
        with app.app_context():
            # Reads still work: the database answers, it just cannot store anything.
            assert db.session.scalars(db.select(Quiz)).all() == []
        assert client.get("/healthz").status_code == 200
        response = client.get("/readyz")
        assert response.status_code == 503
        assert "database unavailable" in response.get_data(as_text=True)
        with app.app_context():
            db.engine.dispose()
    finally:
        test_databases.drop(url)


def test_the_readiness_write_leaves_nothing_behind(app: Any, client: Any) -> None:
    with app.app_context():
        before = db.session.execute(db.text("SELECT version_num FROM alembic_version")).all()
    assert client.get("/readyz").status_code == 200
    assert client.get("/readyz").status_code == 200
    with app.app_context():
        after = db.session.execute(db.text("SELECT version_num FROM alembic_version")).all()
    assert after == before and len(after) == 1
