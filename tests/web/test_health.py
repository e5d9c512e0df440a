"""Health endpoints: liveness always answers; readiness follows the database."""

from __future__ import annotations

from typing import Any


def test_liveness_and_readiness_answer_when_all_is_well(client: Any) -> None:
    assert client.get("/healthz").get_data(as_text=True) == "ok"
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.headers["Cache-Control"] == "no-store"


def test_readiness_fails_when_the_database_is_gone(make_app: Any, tmp_path: Any) -> None:
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/missing/dir/none.db")
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "database unavailable" in response.get_data(as_text=True)
