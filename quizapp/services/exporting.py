"""Exporting a stored quiz: its question-set document, then any format of quizapp.exports.

A teacher's printed formats (WeasyPrint PDFs, zips of versions) are made in a child process
under a time and memory cap (services/heavy_work.py), with a bound on the number of versions,
and kept in the rendered-PDF cache (services/print_cache.py) for the next identical download.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from typing import Any

from flask import current_app

from quizapp.exports import ExportResult, export, export_options
from quizapp.exports.games import GAME_FORMATS, GameFit, game_fit
from quizapp.exports.pdf import Printing, print_out, printing
from quizapp.models import Quiz, User, db
from quizapp.nlp.model import SCHEMA
from quizapp.services.authoring import AuthoringError
from quizapp.services.heavy_work import PRINTING, HeavyWorkError, run_heavy
from quizapp.services.print_cache import PrintCache
from quizapp.services.scoring import Marking

__all__ = [
    "PRINTED_FORMATS",
    "HeavyWorkError",
    "NothingToExport",
    "export_owned_quiz",
    "export_quiz",
    "find_quiz",
    "game_export_fits",
    "print_cache",
    "printed",
    "quiz_document",
    "quiz_identity",
]

# Formats laid out by WeasyPrint: seconds of CPU for a long article or many versions.
PRINTED_FORMATS = frozenset({"pdf", "key"})

# Sentence ends for the article's sentence count (metadata only; the generator counts exactly).
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")


class NothingToExport(AuthoringError):
    """The quiz has no question the format can hold: an empty file would only fail on import."""


def quiz_document(quiz: Quiz) -> dict[str, Any]:
    """The quiz as a question-set document: article metadata, then the live questions in order.

    A question a regrade dropped is left out: the teacher took it out of the quiz's scores as
    flawed, so it is not printed again nor sent to an LMS or a game (undoing the regrade brings
    it back).
    """
    article = quiz.article
    text = article.text or ""
    meta: dict[str, Any] = {
        "title": article.title,
        "sha256": article.sha256,
        "words": len(text.split()),
        "sentences": len(_SENTENCE_END.findall(text)),
    }
    if article.published_on:
        meta["published"] = article.published_on.isoformat()
    questions = sorted(
        (
            question
            for question in quiz.questions
            if not question.deleted and question.marking != Marking.DROPPED
        ),
        key=lambda question: (question.position, question.id),
    )
    return {
        "schema": SCHEMA,
        "article": meta,
        "questions": [question.to_item() for question in questions],
    }


def export_quiz(
    quiz: Quiz, fmt: str, *, paper: str = "A4", versions: int = 1, appendix: bool = False
) -> ExportResult:
    """Export a quiz in one format (see quizapp.exports.FORMATS); versions shuffle per quiz.

    Raises ValueError for an unknown format, paper size or number of versions.
    """
    created = _seconds(quiz.created_at)
    # An edited item is newer than the quiz it came with, even within the same second.
    edited_at = max(_seconds(quiz.updated_at) or 0, (created or 0) + 1)
    item_modified = tuple(
        (f"q{question.id}", edited_at) for question in quiz.questions if question.edited
    )
    return export(
        quiz_document(quiz),
        fmt,
        article_text=quiz.article.text if appendix else None,
        versions=versions,
        paper=paper,
        seed=quiz.id,
        quiz_title=quiz.title,
        # The quiz's number and creation time: fixed for its life (a join code comes only on
        # publishing) and different for quiz 5 of another school's database.
        set_identity=quiz_identity(quiz),
        modified=created,
        item_modified=item_modified,
    )


def game_export_fits(quiz: Quiz) -> dict[str, GameFit]:
    """Per game format (kahoot, quizizz, blooket), which of the quiz's questions its file holds
    and why the others are left out: shown beside the downloads, before the teacher imports."""
    document = quiz_document(quiz)
    return {fmt: game_fit(document, fmt) for fmt in GAME_FORMATS}


def quiz_identity(quiz: Quiz) -> str:
    """Who a stored quiz is in exported files: its number and creation second."""
    return f"quiz-{quiz.id}-{_seconds(quiz.created_at)}"


def _seconds(moment: datetime | None) -> int | None:
    """A time as whole seconds since 1970 (naive times from SQLite are UTC)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def export_owned_quiz(
    owner: User,
    quiz_id: int,
    fmt: str,
    *,
    paper: str = "A4",
    versions: int = 1,
    appendix: bool = False,
) -> ExportResult | None:
    """Export the teacher's own quiz; None if there is no such quiz or it is someone else's.

    Raises NothingToExport when the quiz has no question the format holds (an empty paper,
    LMS file or game sheet only fails later, on import), HeavyWorkError (a ValueError) when a
    printed format asks for too many versions or hits a time or memory limit, ValueError for
    an unknown format, paper size or versions.
    """
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None or quiz.owner_id != owner.id:
        return None
    document = quiz_document(quiz)
    if not document["questions"]:
        raise NothingToExport("This quiz has no questions yet: add one, then print or export it.")
    if fmt in GAME_FORMATS and not game_fit(document, fmt).rows:
        raise NothingToExport(
            f"None of this quiz's questions fit {game_fit(document, fmt).tool}: it takes "
            "multiple-choice and true/false questions only."
        )
    if fmt not in PRINTED_FORMATS:
        return export_quiz(quiz, fmt, paper=paper, versions=versions, appendix=appendix)
    most = int(current_app.config["MAX_PRINT_VERSIONS"])
    if versions > most:
        raise HeavyWorkError(
            f"At most {most} versions can be printed at once ({versions} were asked for)."
        )
    options = export_options(
        article_text=quiz.article.text if appendix else None,
        versions=versions,
        paper=paper,
        seed=quiz.id,
        quiz_title=quiz.title,
    )
    job = printing(document, fmt, options)
    return printed(owner.id, job)


def print_cache() -> PrintCache:
    """The app's cache of rendered PDFs (PRINT_CACHE_DIR, default instance/print-cache)."""
    config = current_app.config
    folder = config.get("PRINT_CACHE_DIR") or os.path.join(current_app.instance_path, "print-cache")
    return PrintCache(folder, int(config["PRINT_CACHE_MB"]) << 20)


def printed(owner_id: int, job: Printing) -> ExportResult:
    """A paper, key or versions zip: from the cache when these very pages were rendered before,
    else rendered under the heavy-work caps and kept for the next download."""
    cache = print_cache()
    fingerprint = job.fingerprint()
    try:
        data = cache.get(fingerprint)
    except OSError as exc:  # an unreadable cache folder costs a render, never the download
        current_app.logger.warning("print cache not read: %r", exc)
        data = None
    if data is not None:
        return ExportResult(data, job.filename, job.mimetype)
    result = run_heavy(PRINTING, owner_id, print_out, job)
    try:
        cache.put(fingerprint, result.data)
    except OSError as exc:  # a full or read-only disk: the teacher still gets the PDF
        current_app.logger.warning("print cache not written: %r", exc)
    return result


def find_quiz(reference: str) -> Quiz | None:
    """A quiz by its number or its join code (any case), or None."""
    reference = reference.strip()
    if reference.isdigit():
        quiz = db.session.get(Quiz, int(reference))
        if quiz is not None:
            return quiz
    code = reference.upper()
    return db.session.scalars(db.select(Quiz).where(Quiz.join_code == code)).first()
