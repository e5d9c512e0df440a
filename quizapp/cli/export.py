"""`quizapp export`: a stored quiz as a printable PDF, an LMS/data file or a game spreadsheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # the app loads only when the command runs, so `--help` stays quick
    from quizapp.exports.base import ExportResult
    from quizapp.models import Quiz

# Kept in step with quizapp.exports.FORMATS (checked by a test) so `--help` needs no import.
FORMAT_NAMES = (
    "pdf",
    "key",
    "gift",
    "moodle-xml",
    "qti",
    "qti-canvas",
    "csv",
    "json",
    "anki",
    "kahoot",
    "quizizz",
    "blooket",
)


@click.command("export")
@click.argument("quiz_ref", metavar="QUIZ_ID_OR_JOIN_CODE")
@click.option(
    "--format", "fmt", type=click.Choice(FORMAT_NAMES), required=True, help="What to write."
)
@click.option(
    "--versions",
    type=click.IntRange(1, 26),
    default=1,
    show_default=True,
    help="pdf/key: 2 or more writes a zip of shuffled versions A, B, ... with their keys.",
)
@click.option(
    "--paper",
    type=click.Choice(["A4", "Letter"], case_sensitive=False),
    default="A4",
    show_default=True,
)
@click.option("--appendix", is_flag=True, help="pdf/key: add the article with numbered paragraphs.")
@click.option(
    "--lesson",
    "as_lesson",
    is_flag=True,
    help="The lesson made of this quiz, in sections: qti, qti-canvas and moodle-xml write "
    "it as an LMS module, pdf as a worksheet.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    required=True,
    help="File to write ('-' for standard output).",
)
def export_command(
    quiz_ref: str,
    fmt: str,
    versions: int,
    paper: str,
    appendix: bool,
    as_lesson: bool,
    output: Path,
) -> None:
    """Export a quiz (by number or join code) from the app's database."""
    from sqlalchemy.exc import SQLAlchemyError

    from quizapp import create_app
    from quizapp.services.exporting import export_quiz, find_quiz

    app = create_app()
    with app.app_context():
        try:
            quiz = find_quiz(quiz_ref)
        except SQLAlchemyError as exc:  # e.g. no database yet: one line, not a traceback
            reason = str(exc.orig if getattr(exc, "orig", None) else exc).splitlines()[0]
            raise click.ClickException(f"cannot read the quiz database: {reason}") from exc
        if quiz is None:
            raise click.ClickException(f"no quiz with number or join code {quiz_ref!r}")
        try:
            if as_lesson:
                result = _export_lesson(quiz, fmt, paper=paper)
            else:
                result = export_quiz(quiz, fmt, paper=paper, versions=versions, appendix=appendix)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    # What a game's template could not hold (skipped items), for the teacher to see.
    for line in result.warnings:
        click.echo(line, err=True)
    if str(output) == "-":
        click.get_binary_stream("stdout").write(result.data)
        return
    try:
        output.write_bytes(result.data)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from exc
    click.echo(f"wrote {output} ({len(result.data):,} bytes, {result.mimetype})", err=True)


def _export_lesson(quiz: Quiz, fmt: str, *, paper: str) -> ExportResult:
    """The lesson of this quiz as a module or a worksheet; ClickException if it is no lesson."""
    from quizapp.exports.base import ExportResult
    from quizapp.services.lesson_reports import export_lesson_module, lesson_worksheet
    from quizapp.services.lessons import lesson_for_quiz

    lesson = lesson_for_quiz(quiz.id)
    if lesson is None:
        raise click.ClickException(f"quiz {quiz.id} is not a lesson (make one on its page first)")
    if fmt == "pdf":
        data = lesson_worksheet(lesson, paper=paper)
        return ExportResult(data, f"lesson-{quiz.id}-worksheet.pdf", "application/pdf")
    return export_lesson_module(lesson, fmt)


COMMANDS = [export_command]
