"""Web commands: db upgrade, create-teacher, demo (without serving)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quizapp import create_app
from quizapp.cli import main
from quizapp.models import Quiz, QuizStatus, db
from quizapp.services.accounts import authenticate


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the commands at a temporary SQLite database."""
    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("QUIZAPP_DATABASE_URL", url)
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "cli-test")
    return url


def test_db_upgrade_then_create_teacher(database: str) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main,
        ["create-teacher", "--email", "Ana@School.example", "--name", "Ana"],
        input="secret pass\nsecret pass\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created teacher" in result.output
    result = runner.invoke(
        main,
        ["create-teacher", "--email", "x@school.example", "--name", "X", "--password", "short"],
    )
    assert result.exit_code != 0 and "at least 8" in result.output
    app = create_app()
    with app.app_context():
        assert authenticate("ana@school.example", "secret pass") is not None
        db.engine.dispose()


def test_demo_sets_up_idempotently(database: str) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["demo", "--no-serve"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(main, ["demo", "--no-serve", "--port", "5055"])
    assert second.exit_code == 0, second.output
    assert "demo@example.org" in first.output and "demo-teacher" in first.output
    code = first.output.split("Join code:")[1].split()[0]
    assert code in second.output and "http://127.0.0.1:5055" in second.output
    app = create_app()
    with app.app_context():
        quizzes = db.session.scalars(db.select(Quiz)).all()
        assert len(quizzes) == 1
        assert quizzes[0].status is QuizStatus.PUBLISHED and quizzes[0].join_code == code
        # A full quiz of the sample article (sized to its facts: no item gives another away).
        assert len(quizzes[0].questions) >= 6
        db.engine.dispose()


def test_demo_on_a_busy_port_says_how_to_choose_another(database: str) -> None:
    """No banner and no traceback: one message naming PORT= and --port."""
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["demo", "--port", str(port)])
    assert result.exit_code != 0
    assert f"Port {port} on 127.0.0.1 is already in use" in result.output
    assert f"make run PORT={port + 1}" in result.output and "--port" in result.output
    assert "Serving on" not in result.output and "Teacher login" not in result.output
