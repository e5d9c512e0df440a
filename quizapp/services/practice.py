"""Retrieval practice after a graded attempt: schedule missed items until each sticks.

Missed items come back (when: services/practice_schedule.py) with reshuffled options, then in their other form (multiple choice as
fill-in and back), interleaved with a few items the student got right; an item retires after two
correct answers in a row. Practice state lives in PracticeItem rows keyed by the attempt, so the
student's token is all it needs; the graded attempt and its responses are never touched.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from quizapp.models import Attempt, PracticeForm, PracticeItem, Question, QuizStatus, db
from quizapp.models.base import utcnow
from quizapp.nlp import convert_item
from quizapp.services.attempt_pages import explanations_visible
from quizapp.services.practice_schedule import (
    GAP,
    MASTERY_STREAK,
    ItemState,
    after_answer,
    form_for,
    initial_states,
    interleave,
    next_item,
    progress,
)
from quizapp.services.scoring import Marking, gap_marks, score_item

__all__ = [
    "GAP",
    "MASTERY_STREAK",
    "OTHER_KIND",
    "Feedback",
    "ItemState",
    "PracticeOutcome",
    "PracticeView",
    "after_answer",
    "answer_practice",
    "form_for",
    "interleave",
    "next_item",
    "practice_available",
    "practice_view",
    "progress",
    "start_practice",
]

MAX_REVIEW_ITEMS = 3
OTHER_KIND: dict[str, str] = {
    "multiple_choice": "fill_in",
    "fill_in": "multiple_choice",
    "true_false": "fill_in",
    "short_answer": "multiple_choice",
    "numeric": "multiple_choice",
}
MAX_ANSWER_CHARS = 500


# ---------------------------------------------------------------- views and answers (DB)


@dataclass(frozen=True, slots=True)
class Feedback:
    """The verdict on the last answer, with the item as asked (answers included: it is answered)."""

    item: dict[str, Any]
    given: Any
    correct: bool
    retired: bool


@dataclass(frozen=True, slots=True)
class PracticeView:
    """The practice page: last feedback, the next item (no answers), progress."""

    attempt: Attempt
    feedback: Feedback | None
    item: dict[str, Any] | None
    key: int | None
    seen: int
    other_form: bool
    mastered: int
    total: int
    # Of ``total``: the items the student missed; the rest are right answers asked again.
    missed: int = 0


@dataclass(frozen=True, slots=True)
class PracticeOutcome:
    """What happened to a submitted practice answer."""

    accepted: bool
    key: int | None = None
    correct: bool = False


def practice_available(attempt: Attempt) -> bool:
    """Practice opens after submitting, where the teacher lets students see the answers."""
    return (
        attempt.submitted_at is not None
        and attempt.quiz.status is not QuizStatus.DRAFT
        and explanations_visible(attempt.quiz)
    )


def _state(row: PracticeItem) -> ItemState:
    """The scheduler's view of a row."""
    return ItemState(
        key=row.id,
        position=row.position,
        review=row.review,
        streak=row.streak,
        times_seen=row.times_seen,
        misses=row.misses,
        last_turn=row.last_turn,
        due=row.due,
        retired=row.retired,
    )


def _rows(attempt: Attempt) -> list[PracticeItem]:
    """The attempt's practice items, in their interleaved order."""
    return list(
        db.session.scalars(
            db.select(PracticeItem)
            .where(PracticeItem.attempt_id == attempt.id)
            .order_by(PracticeItem.position)
        )
    )


def start_practice(attempt: Attempt) -> list[PracticeItem]:
    """The attempt's practice items, made on first use from its missed and a few right items."""
    rows = _rows(attempt)
    if rows or not practice_available(attempt):
        return rows
    questions = list(
        db.session.scalars(
            db.select(Question)
            .where(
                Question.quiz_id == attempt.quiz_id,
                Question.deleted.is_(False),
                Question.kind != "matching",
                # A question dropped in a regrade is flawed: not worth practising.
                Question.marking != Marking.DROPPED,
            )
            .order_by(Question.position, Question.id)
        )
    )
    right = {r.question_id for r in attempt.responses if r.correct}
    missed = [q.id for q in questions if q.id not in right]
    if not missed:
        return []
    correct = [q.id for q in questions if q.id in right]
    count = min(MAX_REVIEW_ITEMS, len(correct), max(1, math.ceil(len(missed) / 2)))
    review = random.Random(f"{attempt.order_seed}:review").sample(correct, count)
    review.sort(key=correct.index)
    by_question: dict[int, ItemState] = {}
    for state in initial_states(missed, review):
        by_question[state.key] = state
    for question_id, state in by_question.items():
        db.session.add(
            PracticeItem(
                attempt_id=attempt.id,
                question_id=question_id,
                review=state.review,
                position=state.position,
                streak=state.streak,
                due=state.due,
            )
        )
    try:
        db.session.commit()
    except IntegrityError:
        # Two tabs started at once: the other one's rows stand.
        db.session.rollback()
    return _rows(attempt)


def _other_item(row: PracticeItem) -> dict[str, Any] | None:
    """The row's question in its other kind, converted once and kept (None if it cannot be)."""
    if not row.other_checked:
        kind = OTHER_KIND.get(row.question.kind)
        converted = None
        if kind is not None:
            converted = convert_item(
                row.question.quiz.article.text, row.question.to_item(), kind, seed=row.id
            )
        row.other_item = converted
        row.other_checked = True
        db.session.commit()
    return row.other_item


def _asked_item(row: PracticeItem, form: PracticeForm) -> dict[str, Any]:
    """The full item (answers included, for marking) in the form it is asked."""
    other = _other_item(row) if form is PracticeForm.OTHER else None
    item = dict(other) if other else row.question.to_item()
    item["id"] = f"p{row.id}"
    return item


def _current_form(row: PracticeItem) -> PracticeForm:
    """The form the row is asked in now."""
    has_other = OTHER_KIND.get(row.question.kind) is not None and (_other_item(row) is not None)
    return form_for(_state(row), has_other=has_other)


def student_item(item: Mapping[str, Any], seed: str) -> dict[str, Any]:
    """What the student sees before answering: prompt and shuffled choices, never the answer."""
    shown: dict[str, Any] = {"id": item["id"], "kind": item["kind"], "prompt": item["prompt"]}
    if item["kind"] == "multiple_choice":
        options = [str(o) for o in item.get("options") or ()]
        random.Random(seed).shuffle(options)
        shown["options"] = options
    elif item["kind"] == "true_false":
        shown["options"] = ["True", "False"]
    elif item["kind"] == "numeric" and item.get("unit"):
        shown["unit"] = str(item["unit"])
    elif item["kind"] == "cloze":
        # Asked again as itself: the passage and its bank, never which entry fills which gap.
        shown["gaps"] = len(item.get("blanks") or ())
        if item.get("bank"):
            shown["bank"] = [str(entry) for entry in item["bank"]]
    return shown


def _read_given(item: Mapping[str, Any], fields: Mapping[str, str]) -> tuple[str | None, Any]:
    """The answer posted for an item: (text to store, what marking reads).

    A cloze passage posts one field per gap ("<id>-<n>"); they are kept as a JSON object.
    """
    if item["kind"] == "cloze":
        gaps = {
            str(n): value
            for n in range(1, len(item.get("blanks") or ()) + 1)
            if (value := str(fields.get(f"{item['id']}-{n}", ""))[:MAX_ANSWER_CHARS].strip())
        }
        return (json.dumps(gaps, ensure_ascii=False) if gaps else None), gaps
    given = str(fields.get(item["id"], ""))[:MAX_ANSWER_CHARS].strip()
    return given or None, given or None


def _shown_given(item: dict[str, Any], stored: str | None) -> Any:
    """A stored practice answer in the shape the result macro shows (a cloze gets its marks)."""
    if item["kind"] != "cloze":
        return stored
    try:
        gaps = json.loads(stored) if stored else {}
    except ValueError:
        gaps = {}
    gaps = gaps if isinstance(gaps, dict) else {}
    item["gap_marks"] = list(gap_marks(item, gaps))
    return gaps


def practice_view(attempt: Attempt, *, after: int | None = None) -> PracticeView:
    """The practice page: feedback on item ``after`` (if this attempt's), then the next item."""
    rows = start_practice(attempt)
    by_key = {row.id: row for row in rows}
    states = [_state(row) for row in rows]
    feedback = None
    answered = by_key.get(after) if after is not None else None
    if answered is not None and answered.last_correct is not None and answered.last_form:
        item = _asked_item(answered, answered.last_form)
        given: Any = _shown_given(item, answered.last_given)
        feedback = Feedback(
            item=item,
            given=given,
            correct=bool(answered.last_correct),
            retired=answered.retired,
        )
    turn = sum(s.times_seen for s in states)
    key = next_item(states, turn)
    shown = None
    other = False
    seen = 0
    if key is not None:
        row = by_key[key]
        form = _current_form(row)
        other = form is PracticeForm.OTHER
        seen = row.times_seen
        shown = student_item(
            _asked_item(row, form), f"{attempt.order_seed}:{row.id}:{row.times_seen}"
        )
    mastered, total = progress(states)
    return PracticeView(
        attempt=attempt,
        feedback=feedback,
        item=shown,
        key=key,
        seen=seen,
        other_form=other,
        mastered=mastered,
        total=total,
        missed=sum(1 for s in states if not s.review),
    )


def answer_practice(
    attempt: Attempt, fields: Mapping[str, str], *, key: int | None, seen: int | None
) -> PracticeOutcome:
    """Mark the answer to the item now due and move it on; a stale or repeated post is ignored.

    ``key`` and ``seen`` are the item and its times-seen count the page was showing, so a double
    submit or an old tab cannot answer twice.
    """
    rows = start_practice(attempt)
    states = [_state(row) for row in rows]
    turn = sum(s.times_seen for s in states)
    due = next_item(states, turn)
    row = next((r for r in rows if r.id == key), None)
    if row is None or due != key or row.times_seen != seen:
        return PracticeOutcome(accepted=False, key=key)
    form = _current_form(row)
    item = _asked_item(row, form)
    given, marked = _read_given(item, fields)
    if item["kind"] == "cloze":
        mark = score_item(item, None, marked)
    else:
        mark = score_item(item, marked)
    state = after_answer(_state(row), mark.correct, turn)
    # Conditional on the count the page showed: of two concurrent posts only one counts.
    claimed = db.session.execute(
        update(PracticeItem)
        .where(PracticeItem.id == row.id, PracticeItem.times_seen == seen)
        .values(
            streak=state.streak,
            times_seen=state.times_seen,
            misses=state.misses,
            last_turn=state.last_turn,
            due=state.due,
            retired=state.retired,
            last_form=form,
            last_given=given,
            last_correct=mark.correct,
            updated_at=utcnow(),
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if claimed.rowcount != 1:
        return PracticeOutcome(accepted=False, key=key)
    db.session.refresh(row)
    return PracticeOutcome(accepted=True, key=row.id, correct=mark.correct)
