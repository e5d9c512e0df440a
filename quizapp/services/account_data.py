"""A teacher's own data as one archive (articles, quizzes, results), and what deleting a quiz removes."""

from __future__ import annotations

import csv
import enum
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, inspect

from quizapp.exports.csv_format import safe_cell
from quizapp.models import (
    Article,
    Attempt,
    PracticeItem,
    Question,
    Quiz,
    Response,
    SchoolClass,
    User,
    db,
)

ARCHIVE_SCHEMA = "quizapp/account-data@1"
# Secrets that are not the teacher's data: a password hash, and tokens that would let whoever
# holds the archive resume a student's attempt or replay a form (a personal code does too;
# the class's slips page shows them to the teacher).
_NEVER_EXPORTED = frozenset({"password_hash", "token", "creation_token", "personal_code"})
_ATTEMPT_COLUMNS = (
    "attempt_id",
    "quiz_id",
    "quiz_title",
    "student_name",
    "started_at",
    "submitted_at",
    "score",
    "max_score",
)
_RESPONSE_COLUMNS = (
    "attempt_id",
    "quiz_id",
    "question_id",
    "question_position",
    "given",
    "given_data",
    "correct",
    "credit",
    "updated_at",
)
_README = """\
Your quizapp data, exported {exported}.

account.json    your account (name, e-mail, when it was made); no password
articles.json   every article you gave, with its full text
quizzes.json    every quiz: settings, join code, and every question (deleted ones marked)
classes.json    every class with its students (no personal codes: print them from the class)
attempts.json   every student attempt with its answers, nested
attempts.csv    one row per attempt (opens in a spreadsheet)
responses.csv   one row per answer a student gave

Times are UTC (ISO 8601). Spreadsheet cells that would start a formula begin with an apostrophe.
"""


@dataclass(frozen=True, slots=True)
class DataArchive:
    """A downloadable zip file."""

    filename: str
    data: bytes


@dataclass(frozen=True, slots=True)
class DeletionSummary:
    """What deleting a quiz would remove, for the confirmation page."""

    questions: int
    attempts: int
    submitted: int
    responses: int


def _plain(value: Any) -> Any:
    """A column value as JSON: ISO dates and times (UTC), enum values."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _columns(row: Any) -> dict[str, Any]:
    """Every mapped column of a row except secrets (new columns are exported automatically)."""
    mapper = inspect(row).mapper
    return {
        attr.key: _plain(getattr(row, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in _NEVER_EXPORTED
    }


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text with a BOM (Excel reads it as UTF-8), every cell formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [
                safe_cell(json.dumps(cell, ensure_ascii=False) if isinstance(cell, dict) else cell)
                for cell in row
            ]
        )
    return "\ufeff" + buffer.getvalue()


def _json(value: Any) -> str:
    """Pretty, stable JSON text."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _quiz_entry(quiz: Quiz) -> dict[str, Any]:
    """A quiz's columns, and its questions with the question-set item each one renders as."""
    entry = _columns(quiz)
    entry["questions"] = [
        {**_columns(question), "item": question.to_item()} for question in quiz.questions
    ]
    return entry


def account_archive(owner: User, *, now: datetime | None = None) -> DataArchive:
    """Everything a teacher owns as a zip of JSON and CSV files (see the README inside)."""
    now = now or datetime.now(UTC)
    articles = db.session.scalars(
        db.select(Article).where(Article.owner_id == owner.id).order_by(Article.id)
    ).all()
    quizzes = db.session.scalars(
        db.select(Quiz).where(Quiz.owner_id == owner.id).order_by(Quiz.id)
    ).all()
    titles = {quiz.id: quiz.title for quiz in quizzes}
    attempts = db.session.scalars(
        db.select(Attempt)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Quiz.owner_id == owner.id)
        .order_by(Attempt.quiz_id, Attempt.id)
    ).all()
    positions = {
        question_id: position
        for question_id, position in db.session.execute(
            db.select(Question.id, Question.position)
            .join(Quiz, Quiz.id == Question.quiz_id)
            .where(Quiz.owner_id == owner.id)
        )
    }
    responses_by_attempt: dict[int, list[Response]] = {}
    for response in db.session.scalars(
        db.select(Response)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Quiz.owner_id == owner.id)
        .order_by(Response.attempt_id, Response.id)
    ):
        responses_by_attempt.setdefault(response.attempt_id, []).append(response)

    practice_by_attempt: dict[int, list[PracticeItem]] = {}
    for item in db.session.scalars(
        db.select(PracticeItem)
        .join(Attempt, Attempt.id == PracticeItem.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Quiz.owner_id == owner.id)
        .order_by(PracticeItem.attempt_id, PracticeItem.id)
    ):
        practice_by_attempt.setdefault(item.attempt_id, []).append(item)

    account = {
        "schema": ARCHIVE_SCHEMA,
        "exported_at": _plain(now),
        **{key: value for key, value in _columns(owner).items() if key != "id"},
    }
    attempts_doc = [
        {
            **_columns(attempt),
            "quiz_title": titles.get(attempt.quiz_id),
            "responses": [_columns(r) for r in responses_by_attempt.get(attempt.id, [])],
            "practice": [_columns(p) for p in practice_by_attempt.get(attempt.id, [])],
        }
        for attempt in attempts
    ]
    attempt_rows = [
        (
            attempt.id,
            attempt.quiz_id,
            titles.get(attempt.quiz_id),
            attempt.student_name,
            _plain(attempt.started_at),
            _plain(attempt.submitted_at),
            attempt.score,
            attempt.max_score,
        )
        for attempt in attempts
    ]
    response_rows = [
        (
            r.attempt_id,
            attempt.quiz_id,
            r.question_id,
            positions.get(r.question_id),
            r.given,
            r.given_data,
            r.correct,
            r.credit,
            _plain(r.updated_at),
        )
        for attempt in attempts
        for r in responses_by_attempt.get(attempt.id, [])
    ]
    files = {
        "README.txt": _README.format(exported=_plain(now)),
        "account.json": _json(account),
        "articles.json": _json([_columns(article) for article in articles]),
        "quizzes.json": _json([_quiz_entry(quiz) for quiz in quizzes]),
        "classes.json": _json(
            [
                {**_columns(c), "students": [_columns(s) for s in c.students]}
                for c in db.session.scalars(
                    db.select(SchoolClass)
                    .where(SchoolClass.owner_id == owner.id)
                    .order_by(SchoolClass.id)
                )
            ]
        ),
        "attempts.json": _json(attempts_doc),
        "attempts.csv": _csv(_ATTEMPT_COLUMNS, attempt_rows),
        "responses.csv": _csv(_RESPONSE_COLUMNS, response_rows),
    }
    folder = f"quizapp-data-{now.strftime('%Y-%m-%d')}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=now.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return DataArchive(filename=f"{folder}.zip", data=buffer.getvalue())


def deletion_summary(quiz: Quiz) -> DeletionSummary:
    """How many questions, attempts and answers deleting this quiz removes."""
    attempts, submitted = db.session.execute(
        db.select(func.count(Attempt.id), func.count(Attempt.submitted_at)).where(
            Attempt.quiz_id == quiz.id
        )
    ).one()
    responses = db.session.scalar(
        db.select(func.count(Response.id))
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.quiz_id == quiz.id)
    )
    return DeletionSummary(
        questions=sum(1 for q in quiz.questions if not q.deleted),
        attempts=int(attempts or 0),
        submitted=int(submitted or 0),
        responses=int(responses or 0),
    )
