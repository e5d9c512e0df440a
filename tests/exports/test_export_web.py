"""Download routes, the exporting service and `quizapp export`, on a real app and database."""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest
from flask import render_template

from quizapp.cli.export import FORMAT_NAMES, export_command
from quizapp.exports import FORMATS
from quizapp.models import QuizStatus, db
from quizapp.services.exporting import find_quiz, quiz_document
from tests.factories import make_question, make_quiz, make_teacher

MIMETYPES = {
    "pdf": "application/pdf",
    "key": "application/pdf",
    "gift": "text/plain; charset=utf-8",
    "moodle-xml": "application/xml",
    "qti": "application/zip",
    "qti-canvas": "application/zip",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "anki": "application/octet-stream",
    "kahoot": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "quizizz": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "blooket": "text/csv; charset=utf-8",
}
KINDS = ("multiple_choice", "fill_in", "true_false")


@pytest.fixture
def owned_quiz(app, auth):
    """A quiz of the logged-in teacher: (quiz id, teacher id)."""
    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(db.session.merge(teacher), kinds=KINDS)
        return quiz.id


def _url(quiz_id: int, fmt: str, **args: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in args.items())
    return f"/teacher/quizzes/{quiz_id}/export/{fmt}" + (f"?{query}" if query else "")


def test_downloads_need_a_login(app, client):
    with app.app_context():
        quiz_id = make_quiz(kinds=KINDS).id
    response = client.get(_url(quiz_id, "gift"))
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_owner_downloads_every_format(client, owned_quiz, fmt):
    response = client.get(_url(owned_quiz, fmt))
    assert response.status_code == 200
    assert response.mimetype == MIMETYPES[fmt].split(";")[0]
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "harbour-town-opens-a-floating-library" in disposition
    assert response.headers["Cache-Control"] == "private, no-store"


def test_another_teacher_gets_404(app, client, auth):
    with app.app_context():
        quiz_id = make_quiz(make_teacher(), kinds=KINDS).id
    auth.login()
    for fmt in ("pdf", "key", "gift", "json"):
        assert client.get(_url(quiz_id, fmt)).status_code == 404


def test_unknown_format_quiz_or_options(client, owned_quiz):
    assert client.get(_url(owned_quiz, "docx")).status_code == 404
    assert client.get(_url(owned_quiz + 999, "gift")).status_code == 404
    assert client.get(_url(owned_quiz, "pdf", paper="A3")).status_code == 400
    assert client.get(_url(owned_quiz, "pdf", versions="0")).status_code == 400
    assert client.get(_url(owned_quiz, "pdf", versions="x")).status_code == 400


def test_pdf_options_paper_appendix_and_versions(client, owned_quiz):
    letter = client.get(_url(owned_quiz, "pdf", paper="Letter", appendix="1"))
    reader = pypdf.PdfReader(io.BytesIO(letter.data))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "¶1" in text and "Kelmouth" in text
    versions = client.get(_url(owned_quiz, "pdf", versions="2"))
    assert versions.mimetype == "application/zip"
    names = sorted(zipfile.ZipFile(io.BytesIO(versions.data)).namelist())
    assert [n.rsplit("-library-", 1)[-1] for n in names] == [
        "A-key.pdf",
        "A.pdf",
        "B-key.pdf",
        "B.pdf",
    ]


def test_document_skips_deleted_questions_and_follows_positions(app, ctx):
    quiz = make_quiz(kinds=KINDS)
    questions = list(quiz.questions)
    questions[0].position, questions[2].position = 9, 0
    make_question(quiz, "multiple_choice", deleted=True, prompt="Gone?")
    db.session.commit()
    document = quiz_document(quiz)
    assert [q["id"] for q in document["questions"]] == [
        f"q{questions[2].id}",
        f"q{questions[1].id}",
        f"q{questions[0].id}",
    ]
    assert "Gone?" not in str(document)
    assert document["article"]["title"] == quiz.article.title
    assert document["article"]["published"] == "2024-05-04"
    assert document["questions"][2]["source"]["paragraph"] == questions[0].paragraph


def test_find_quiz_by_number_or_join_code(app, ctx):
    quiz = make_quiz(kinds=KINDS, status=QuizStatus.PUBLISHED, join_code="ABC234")
    assert find_quiz(str(quiz.id)) is quiz
    assert find_quiz("abc234") is quiz
    assert find_quiz("NOPE99") is None


def test_downloads_partial_links_every_format(app, ctx):
    quiz = make_quiz(kinds=KINDS)
    with app.test_request_context():
        html = render_template("exports/_downloads.html", quiz=quiz)
    for fmt in FORMATS:
        assert f"/teacher/quizzes/{quiz.id}/export/{fmt}" in html
    assert 'name="paper"' in html and 'name="appendix"' in html and 'name="versions"' in html


def test_cli_formats_match_the_registry():
    assert tuple(FORMAT_NAMES) == FORMATS


@pytest.fixture
def cli_env(app, tmp_path):
    """Environment making `quizapp export` use the test app's database."""
    return {
        "QUIZAPP_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "QUIZAPP_SECRET_KEY": "test-secret",
    }


def test_cli_exports_by_join_code(app, cli_env, tmp_path):
    from click.testing import CliRunner

    with app.app_context():
        make_quiz(kinds=KINDS, status=QuizStatus.PUBLISHED, join_code="XYZ789")
    out = tmp_path / "quiz.gift"
    result = CliRunner().invoke(
        export_command, ["xyz789", "--format", "gift", "-o", str(out)], env=cli_env
    )
    assert result.exit_code == 0, result.output
    assert "::How many books does the Reading Tide carry?::" in out.read_text(encoding="utf-8")
    pdf = tmp_path / "versions.zip"
    result = CliRunner().invoke(
        export_command,
        ["XYZ789", "--format", "key", "--versions", "2", "--paper", "letter", "-o", str(pdf)],
        env=cli_env,
    )
    assert result.exit_code == 0, result.output
    assert len(zipfile.ZipFile(pdf).namelist()) == 4


def test_cli_unknown_quiz_is_one_line_error(app, cli_env, tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(
        export_command, ["nope", "--format", "csv", "-o", str(tmp_path / "x.csv")], env=cli_env
    )
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no quiz with number or join code 'nope'"
    assert not (tmp_path / "x.csv").exists()


def test_cli_exports_a_lesson_as_a_module_and_refuses_a_plain_quiz(app, cli_env, tmp_path):
    from click.testing import CliRunner

    from quizapp.paths import SAMPLES_DIR
    from quizapp.services import lessons
    from tests.factories import make_article

    with app.app_context():
        text = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
        plain = make_quiz(article=make_article(text=text))
        lesson_quiz = lessons.create_lesson(plain)
        plain_id, lesson_id = plain.id, lesson_quiz.id
    out = tmp_path / "lesson.xml"
    result = CliRunner().invoke(
        export_command,
        [str(lesson_id), "--lesson", "--format", "moodle-xml", "-o", str(out)],
        env=cli_env,
    )
    assert result.exit_code == 0, result.output
    assert '<question type="description">' in out.read_text(encoding="utf-8")
    sheet = tmp_path / "sheet.pdf"
    result = CliRunner().invoke(
        export_command,
        [str(lesson_id), "--lesson", "--format", "pdf", "-o", str(sheet)],
        env=cli_env,
    )
    assert result.exit_code == 0, result.output
    assert sheet.read_bytes().startswith(b"%PDF")
    refused = CliRunner().invoke(
        export_command,
        [str(plain_id), "--lesson", "--format", "qti", "-o", str(tmp_path / "x.zip")],
        env=cli_env,
    )
    assert refused.exit_code == 1
    assert f"quiz {plain_id} is not a lesson" in refused.output
    wrong = CliRunner().invoke(
        export_command,
        [str(lesson_id), "--lesson", "--format", "gift", "-o", str(tmp_path / "x.gift")],
        env=cli_env,
    )
    assert wrong.exit_code == 1 and "a lesson exports as" in wrong.output
