"""An attempt's answers: form fields read, responses stored, and the one scoring at submit."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import update

from quizapp.models import Attempt, AttemptEnd, Question, Response, db
from quizapp.services.regrading import current_quiz, lock_quiz_for_scoring
from quizapp.services.scoring import mark_answer, points_possible
from quizapp.services.snapshots import QuestionRow, question_rows

__all__ = ["MAX_ANSWER_CHARS", "finalise_attempt", "is_answered", "parse_answers", "store_answers"]

MAX_ANSWER_CHARS = 500


_FIELD = re.compile(r"^q(\d+)(?:-(\d+))?$")


def parse_answers(
    fields: Mapping[str, str], questions: Sequence[Question | QuestionRow]
) -> dict[int, Any]:
    """Read form fields named as the question macro names them into {question id: answer}.

    Single answers become stripped strings ("" clears); matching rows and the gaps of a cloze
    passage become a dict {"<row or gap>": right text or the gap's answer}. Unknown fields and other quizzes' questions are ignored.
    """
    by_id = {q.id: q for q in questions}
    answers: dict[int, Any] = {}
    for name, raw in fields.items():
        match = _FIELD.match(name)
        if match is None:
            continue
        question = by_id.get(int(match.group(1)))
        if question is None:
            continue
        value = str(raw)[:MAX_ANSWER_CHARS].strip()
        if question.kind in ("matching", "cloze"):
            # One field per matching row or per gap of a cloze passage.
            if match.group(2) is None:
                continue
            row = int(match.group(2))
            rows = (question.data or {}).get("pairs" if question.kind == "matching" else "blanks")
            if 1 <= row <= len(rows or ()):
                answers.setdefault(question.id, {})[str(row)] = value
        elif match.group(2) is None:
            answers[question.id] = value
    return answers


def is_answered(response: Response) -> bool:
    """Whether a stored response holds an answer."""
    if response.given_data:
        return any(response.given_data.values())
    return bool(response.given)


def store_answers(attempt: Attempt, answers: Mapping[int, Any], moment: datetime) -> None:
    """Upsert the responses for these answers (no commit)."""
    existing = {r.question_id: r for r in attempt.responses}
    for question_id, value in answers.items():
        response = existing.get(question_id)
        if response is None:
            response = Response(question_id=question_id)
            attempt.responses.append(response)
        if isinstance(value, dict):
            merged = dict(response.given_data or {})
            merged.update(value)
            response.given_data = {k: v for k, v in merged.items() if v}
            response.given = None
        else:
            response.given = value or None
        response.updated_at = moment


def _merged(stored: tuple[str | None, Any], value: Any) -> tuple[str | None, Any]:
    """A stored (given, given_data) with a newly submitted answer applied, as store_answers does."""
    if isinstance(value, dict):
        merged = {**(stored[1] or {}), **value}
        return None, {k: v for k, v in merged.items() if v}
    return value or None, None


def finalise_attempt(
    attempt: Attempt,
    answers: Mapping[int, Any],
    *,
    submitted_at: datetime,
    reason: AttemptEnd = AttemptEnd.SUBMITTED,
) -> bool:
    """Mark the attempt submitted (once, even under concurrent calls) and score it.

    Written with a few bulk statements rather than the unit of work: at the end of a lesson a
    whole class submits within seconds (tests/benchmarks/bench_web.py).
    """
    # A regrade locks the quiz row while it rescores: lock it (shared) before the attempt,
    # always in that order, so a submit never scores with a key the regrade is replacing.
    lock_quiz_for_scoring(attempt.quiz)
    claimed = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(submitted_at=submitted_at, end_reason=reason)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        db.session.refresh(attempt)
        return False
    rows = question_rows(current_quiz(attempt.quiz))
    stored = {
        question_id: (given, given_data)
        for question_id, given, given_data in db.session.execute(
            db.select(Response.question_id, Response.given, Response.given_data).where(
                Response.attempt_id == attempt.id
            )
        )
    }
    updates: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    total = 0.0
    for row in rows:
        given, given_data = stored.get(row.id, (None, None))
        if row.id in answers:
            given, given_data = _merged((given, given_data), answers[row.id])
        mark = mark_answer(row.item, given, given_data, row.marking)
        total += mark.credit
        values = {
            "given": given,
            "given_data": given_data,
            "correct": mark.correct,
            "credit": mark.credit,
        }
        if row.id in stored:
            changed = {"b_question_id": row.id, **values}
            if row.id in answers:
                changed["updated_at"] = submitted_at
            updates.append(changed)
        else:
            inserts.append(
                {
                    "attempt_id": attempt.id,
                    "question_id": row.id,
                    "updated_at": submitted_at,
                    **values,
                }
            )
    if inserts:
        db.session.execute(db.insert(Response), inserts)
    for changed in updates:
        question_id = changed.pop("b_question_id")
        db.session.execute(
            update(Response)
            .where(Response.attempt_id == attempt.id, Response.question_id == question_id)
            .values(**changed)
            .execution_options(synchronize_session=False)
        )
    db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id)
        .values(
            score=round(total, 4), max_score=sum(points_possible(r.marking, r.item) for r in rows)
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return True
