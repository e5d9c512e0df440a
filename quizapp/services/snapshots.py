"""Read-only snapshots of a quiz's live questions, cached per published version."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quizapp.models import Question, Quiz, QuizStatus, db

__all__ = ["QuestionRow", "asked_rows", "live_questions", "question_rows"]


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """What the answer page needs of a question (read-only snapshot, safe to share)."""

    id: int
    kind: str
    prompt: str
    data: Mapping[str, Any]
    # The full item, answers included: for marking on the server, never for rendering.
    item: Mapping[str, Any]
    # normal, full_credit or dropped: how a regrade made the question count.
    marking: str = "normal"


# Published questions only change through a versioned commit, so (quiz id, version) names
# their content exactly; caching the snapshots saves a query and ORM work on every page view.
_ROWS: dict[tuple[str, int, int, str], tuple[QuestionRow, ...]] = {}
_ROWS_MAX = 512


def question_rows(quiz: Quiz) -> tuple[QuestionRow, ...]:
    """The quiz's live questions in order, as snapshots (cached for published quizzes)."""
    # created_at too: SQLite reuses the id of a deleted newest quiz, and versions restart.
    key = (str(db.engine.url), quiz.id, quiz.version, str(quiz.created_at))
    rows = _ROWS.get(key) if quiz.status is not QuizStatus.DRAFT else None
    if rows is None:
        rows = tuple(
            QuestionRow(
                id=q.id,
                kind=q.kind,
                prompt=q.prompt,
                data=dict(q.data or {}),
                item=q.to_item(),
                marking=q.marking or "normal",
            )
            for q in live_questions(quiz)
        )
        if quiz.status is not QuizStatus.DRAFT:
            if len(_ROWS) >= _ROWS_MAX:
                _ROWS.clear()
            _ROWS[key] = rows
    return rows


def asked_rows(quiz: Quiz) -> tuple[QuestionRow, ...]:
    """The questions a student is asked: the live ones less those a regrade dropped."""
    return tuple(row for row in question_rows(quiz) if row.marking != "dropped")


def live_questions(quiz: Quiz) -> list[Question]:
    """The quiz's questions in the teacher's order, without deleted ones."""
    return list(
        db.session.scalars(
            db.select(Question)
            .where(Question.quiz_id == quiz.id, Question.deleted.is_(False))
            .order_by(Question.position, Question.id)
        )
    )
