"""Kahoot!, Quizizz and Blooket files from the teacher's quiz page and from `quizapp export`."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from quizapp.cli.export import export_command
from quizapp.models import QuizStatus, db
from tests.factories import make_quiz

KINDS = ("multiple_choice", "fill_in", "true_false")


@pytest.fixture
def owned_quiz(app, auth):
    """A quiz of the logged-in teacher (multiple choice, fill-in, true/false): its id."""
    teacher = auth.login()
    with app.app_context():
        return make_quiz(db.session.merge(teacher), kinds=KINDS).id


def _rows(fmt: str, data: bytes) -> list[list[object]]:
    """The question rows of a game file, as its importer would find them."""
    if fmt == "blooket":
        return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))[2:]
    rows = [list(r) for r in load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]
    return rows[8:] if fmt == "kahoot" else rows[2:]


@pytest.mark.parametrize(
    ("fmt", "correct"), [("kahoot", (2, 2)), ("quizizz", (2, 2)), ("blooket", ("2", "2"))]
)
def test_teacher_downloads_each_game_file(client, owned_quiz, fmt, correct):
    response = client.get(f"/teacher/quizzes/{owned_quiz}/export/{fmt}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    assert (
        f"harbour-town-opens-a-floating-library-{fmt}." in response.headers["Content-Disposition"]
    )
    rows = _rows(fmt, response.data)
    prompts = [row[0] if fmt == "quizizz" else row[1] for row in rows]
    # The fill-in question is left out; multiple choice and true/false are in, in order.
    assert prompts == [
        "How many books does the Reading Tide carry?",
        "Librarian Tomas Berg runs the boat alone.",
    ]
    column = 7  # the correct-answer column is the eighth in all three templates
    assert (rows[0][column], rows[1][column]) == correct


def test_quiz_page_says_what_each_game_leaves_out(client, owned_quiz):
    html = client.get(f"/teacher/quizzes/{owned_quiz}").get_data(as_text=True)
    for fmt in ("kahoot", "quizizz", "blooket"):
        start = html.index(f'id="game-{fmt}"')
        entry = html[start : html.index("</li>", html.index("</details>", start))]
        assert f"/teacher/quizzes/{owned_quiz}/export/{fmt}" in entry
        assert "2 of 3 questions, 1 left out." in entry
        assert "Question 2: fill-in (takes only multiple-choice and true/false questions)" in entry


def test_cli_export_reports_left_out_items_on_stderr(app, tmp_path):
    from click.testing import CliRunner

    env = {
        "QUIZAPP_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "QUIZAPP_SECRET_KEY": "test-secret",
    }
    with app.app_context():
        make_quiz(kinds=KINDS, status=QuizStatus.PUBLISHED, join_code="GAME01")
    out = tmp_path / "quiz.xlsx"
    result = CliRunner().invoke(
        export_command, ["GAME01", "--format", "kahoot", "-o", str(out)], env=env
    )
    assert result.exit_code == 0, result.output
    assert "Kahoot!: 2 of 3 questions exported, 1 left out" in result.stderr
    assert "question 2: fill-in" in result.stderr
    assert len(_rows("kahoot", out.read_bytes())) == 2
