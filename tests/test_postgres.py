"""PostgreSQL itself: the migrations build exactly the models' schema there and tear it down.

The rest of the suite runs on PostgreSQL too when QUIZAPP_TEST_DATABASE_URL names a server
(tests/databases.py); these tests need a server given by that variable or by
QUIZAPP_TEST_POSTGRES_URL, which CI sets in both passes.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from quizapp import create_app
from quizapp.models import QuizStatus, db
from tests.databases import ENV_POSTGRES_URL, postgres_server_url

pytestmark = pytest.mark.postgres


@pytest.fixture
def empty_postgres_url() -> Iterator[str]:
    """A new, empty database on the configured PostgreSQL server, dropped afterwards."""
    server = postgres_server_url()
    if server is None:
        pytest.skip(f"no PostgreSQL server: set {ENV_POSTGRES_URL} (CI starts one: .ci/postgres)")
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"qt_empty_{secrets.token_hex(4)}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_migrations_on_postgres_match_the_models_and_downgrade_cleanly(
    empty_postgres_url: str,
) -> None:
    app = create_app({"SECRET_KEY": "t", "SQLALCHEMY_DATABASE_URI": empty_postgres_url})
    with app.app_context():
        assert db.engine.dialect.name == "postgresql"
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
        assert diff == []
        downgrade(revision="base")
        with db.engine.connect() as connection:
            tables = set(db.inspect(connection).get_table_names())
        assert tables <= {"alembic_version"}
        upgrade()
        db.engine.dispose()


def test_postgres_keeps_enums_json_booleans_and_aware_times(empty_postgres_url: str) -> None:
    """What SQLite lets slide and PostgreSQL does not: the stored values read back exactly."""
    from tests.factories import make_attempt, make_quiz

    app = create_app({"SECRET_KEY": "t", "SQLALCHEMY_DATABASE_URI": empty_postgres_url})
    with app.app_context():
        upgrade()
        quiz = make_quiz(status=QuizStatus.PUBLISHED, kinds=("multiple_choice", "true_false"))
        options = list(quiz.questions[0].data["options"])
        attempt = make_attempt(quiz, answers={quiz.questions[1]: ("True", True)})
        db.session.expire_all()
        assert quiz.status is QuizStatus.PUBLISHED
        assert quiz.questions[0].data["options"] == options
        assert quiz.questions[0].deleted is False
        assert attempt.responses[0].correct is True
        assert attempt.submitted_at.tzinfo is not None
        raw = db.session.execute(text("SELECT status FROM quiz")).scalar_one()
        assert raw == "PUBLISHED"
        db.session.remove()
        db.engine.dispose()


def test_servers_starting_at_once_on_an_empty_database_migrate_it_once(
    empty_postgres_url: str,
) -> None:
    """`quizapp serve` on several machines at once: the advisory lock lets one migrate."""
    import os
    import subprocess
    import sys

    script = "from quizapp.cli.web import _app, upgrade_database; upgrade_database(_app())"
    env = {**os.environ, "QUIZAPP_DATABASE_URL": empty_postgres_url, "QUIZAPP_SECRET_KEY": "t"}
    processes = [
        subprocess.Popen([sys.executable, "-c", script], env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    errors = [process.communicate(timeout=120)[1] for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0], errors
    app = create_app({"SECRET_KEY": "t", "SQLALCHEMY_DATABASE_URI": empty_postgres_url})
    with app.app_context():
        heads = db.session.execute(text("SELECT version_num FROM alembic_version")).all()
        assert len(heads) == 1
        db.session.remove()
        db.engine.dispose()
