"""The join-nonce migration: attempts survive it both ways, on SQLite and on PostgreSQL; old
attempts have no nonce, and a nonce is unique once it is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from quizapp import create_app
from quizapp.models import Attempt, Quiz, QuizStatus, db
from tests.factories import make_attempt, make_quiz
from tests.test_postgres import empty_postgres_url  # noqa: F401 (a fixture)

BEFORE = "c1a5e7d2f830"


def _round_trip(url: str) -> None:
    """Upgrade, keep two attempts, go down to BEFORE and up again, checking what holds."""
    app = create_app({"SECRET_KEY": "t", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        quiz = make_quiz(status=QuizStatus.PUBLISHED)
        kept = {make_attempt(quiz, "Ada").token, make_attempt(quiz, "Ben").token}
        db.session.remove()
        downgrade(revision=BEFORE)
        with db.engine.connect() as connection:
            columns = {c["name"] for c in inspect(connection).get_columns("attempt")}
            indexes = {i["name"] for i in inspect(connection).get_indexes("attempt")}
            tokens = set(connection.execute(text("SELECT token FROM attempt")).scalars())
        assert "join_nonce" not in columns
        # The rostered students' one-open-attempt index survives the table being rebuilt.
        assert "uq_attempt_open_per_student" in indexes
        assert tokens == kept
        upgrade()
        rows = db.session.execute(db.select(Attempt.token, Attempt.join_nonce)).all()
        assert {token for token, _ in rows} == kept
        assert {nonce for _, nonce in rows} == {None}
        quiz = db.session.scalars(db.select(Quiz)).one()
        make_attempt(quiz, "Cy", join_nonce="n" * 32)
        with pytest.raises(IntegrityError):
            make_attempt(quiz, "Cy", join_nonce="n" * 32)
        db.session.rollback()
        db.session.remove()
        db.engine.dispose()


def test_join_nonce_migration_keeps_attempts_both_ways_on_sqlite(tmp_path: Path) -> None:
    _round_trip(f"sqlite:///{tmp_path}/nonce.db")


@pytest.mark.postgres
def test_join_nonce_migration_keeps_attempts_both_ways_on_postgres(
    empty_postgres_url: str,  # noqa: F811
) -> None:
    _round_trip(empty_postgres_url)
