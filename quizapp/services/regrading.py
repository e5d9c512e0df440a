"""Regrading a published quiz: accept another answer, change the key, give everyone the point,
drop a question; every attempt rescored at once, every change logged and undoable.

Concurrency: a regrade locks the quiz row (PostgreSQL ``FOR UPDATE``; on SQLite its first write
takes the database's write lock) and bumps the quiz's version before it touches a question. A
submit locks the same row (``FOR SHARE``) before it claims the attempt and scores with the
questions as they are after any regrade that got there first; a regrade that comes second finds
that submit committed and rescores it with the rest.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update

from quizapp.models import Attempt, Question, Quiz, QuizStatus, RegradeChange, Response, User, db
from quizapp.models.base import utcnow
from quizapp.services.highlights import rehighlight
from quizapp.services.scoring import (
    Marking,
    fold_answer,
    mark_answer,
    points_possible,
    read_quantity,
)

__all__ = [
    "AnswerGroup",
    "RegradeAction",
    "RegradeError",
    "RegradeOutcome",
    "answer_groups",
    "current_quiz",
    "lock_quiz_for_scoring",
    "regrade_history",
    "regrade_question",
    "rescore_quiz",
    "undo_regrade",
]

TYPED_KINDS = ("fill_in", "short_answer", "numeric")
CHOICE_KINDS = ("multiple_choice", "true_false")


class RegradeAction(enum.StrEnum):
    """What a teacher can do to a published question's marking."""

    ACCEPT_ANSWER = "accept_answer"
    CHANGE_KEY = "change_key"
    FULL_CREDIT = "full_credit"
    DROP = "drop"
    UNDO = "undo"


class RegradeError(ValueError):
    """A regrade that cannot be made; str(exc) is the message for the teacher."""


@dataclass(frozen=True, slots=True)
class RegradeOutcome:
    """What a regrade did: the logged change, how many attempts it rescored and changed."""

    change_id: int
    question_id: int
    attempts: int
    scores_changed: int
    summary: str


@dataclass(frozen=True, slots=True)
class AnswerGroup:
    """Students' typed answers that mark the same (folded equal): shown once, counted."""

    text: str
    folded: str
    count: int
    correct: bool


# ---------------------------------------------------------------- locking shared with submit


def lock_quiz_for_scoring(quiz: Quiz) -> None:
    """Take a shared lock on the quiz row (PostgreSQL) so no regrade runs while a submit scores."""
    db.session.execute(
        db.select(Quiz.id).where(Quiz.id == quiz.id).with_for_update(read=True)
    ).first()


def current_quiz(quiz: Quiz) -> Quiz:
    """The quiz with its committed version: refreshed if a regrade bumped it since it was read."""
    version = db.session.scalar(db.select(Quiz.version).where(Quiz.id == quiz.id))
    if version is not None and version != quiz.version:
        db.session.refresh(quiz)
    return quiz


def _lock_for_regrade(quiz: Quiz, moment: datetime) -> None:
    """Lock the quiz row exclusively and bump its version (cached snapshots become stale)."""
    db.session.execute(
        update(Quiz)
        .where(Quiz.id == quiz.id)
        .values(version=Quiz.version + 1, updated_at=moment)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(quiz)


# ---------------------------------------------------------------- rescoring


def _question_state(question: Question) -> dict[str, Any]:
    """What a regrade may change on a question, as JSON: what undo restores."""
    return {
        "answer": question.answer,
        "data": dict(question.data or {}),
        "marking": question.marking or Marking.NORMAL.value,
        # The highlighted answer in the quote follows a new key; undo puts it back.
        "fact": [question.fact_text, question.fact_start, question.fact_end],
    }


def _live_questions(quiz: Quiz) -> list[Question]:
    """The quiz's questions that count (not deleted), in order, read fresh from the database."""
    return list(
        db.session.scalars(
            db.select(Question)
            .where(Question.quiz_id == quiz.id, Question.deleted.is_(False))
            .order_by(Question.position, Question.id)
        )
    )


def rescore_quiz(quiz: Quiz, moment: datetime) -> tuple[int, int]:
    """Mark every submitted attempt again with the questions as they are now (no commit).

    Returns (attempts rescored, attempts whose score or total changed). Changed attempts get
    ``regraded_at`` and keep the score they had before their first regrade.
    """
    questions = _live_questions(quiz)
    items = {q.id: (q.to_item(), q.marking or Marking.NORMAL.value) for q in questions}
    total_possible = sum(points_possible(marking, item) for item, marking in items.values())
    attempts = list(
        db.session.scalars(
            db.select(Attempt)
            .where(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_not(None))
            .order_by(Attempt.id)
            .with_for_update()
        )
    )
    responses: dict[int, dict[int, Response]] = {}
    for response in db.session.scalars(
        db.select(Response).join(Attempt).where(Attempt.quiz_id == quiz.id)
    ):
        responses.setdefault(response.attempt_id, {})[response.question_id] = response
    changed = 0
    for attempt in attempts:
        mine = responses.get(attempt.id, {})
        total = 0.0
        for question_id, (item, marking) in items.items():
            response = mine.get(question_id)
            given = response.given if response else None
            given_data = response.given_data if response else None
            mark = mark_answer(item, given, given_data, marking)
            total += mark.credit
            if response is not None and (
                response.correct != mark.correct or response.credit != mark.credit
            ):
                response.correct, response.credit = mark.correct, mark.credit
        score = round(total, 4)
        if score != attempt.score or total_possible != attempt.max_score:
            if attempt.regraded_at is None:
                attempt.score_before_regrade = attempt.score
                attempt.max_before_regrade = attempt.max_score
            attempt.score, attempt.max_score = score, total_possible
            attempt.regraded_at = moment
            if (score, total_possible) == (
                attempt.score_before_regrade,
                attempt.max_before_regrade,
            ):
                # Undone back to the score they were given: nothing left to explain.
                attempt.regraded_at = None
                attempt.score_before_regrade = attempt.max_before_regrade = None
            changed += 1
    return len(attempts), changed


# ---------------------------------------------------------------- the actions


def _require_regradable(quiz: Quiz, question: Question) -> None:
    """Only questions of a published (or closed) quiz are regraded; drafts are simply edited."""
    if quiz.status is QuizStatus.DRAFT:
        raise RegradeError("This quiz is a draft: edit the question instead of regrading it.")
    if question.quiz_id != quiz.id or question.deleted:
        raise RegradeError("That question is not part of this quiz.")


def _accept(question: Question, answer: str) -> str:
    """Add ``answer`` to the answers marked right; returns the log line."""
    data = dict(question.data or {})
    accepted = list(data.get("accepted") or [])
    if question.kind in CHOICE_KINDS:
        options = list(data.get("options") or [])
        if answer not in options:
            raise RegradeError("Choose one of the question's options.")
        if answer == question.answer or answer in accepted:
            raise RegradeError(f"“{answer}” is already marked right.")
    elif question.kind in TYPED_KINDS:
        folded = fold_answer(answer)
        if not folded:
            raise RegradeError("Type the answer to accept.")
        if folded in {fold_answer(str(v)) for v in [question.answer or "", *accepted]}:
            raise RegradeError(f"“{answer}” is already accepted.")
    else:
        raise RegradeError("Matching questions are regraded by giving the point or dropping.")
    data["accepted"] = [*accepted, answer]
    question.data = data
    return f"Accepted “{answer}”"


def _change_key(question: Question, answer: str) -> str:
    """Make ``answer`` the one correct answer (the old key and accepted variants become wrong)."""
    data = dict(question.data or {})
    old = question.answer or ""
    if question.kind in CHOICE_KINDS:
        if answer not in (data.get("options") or []):
            raise RegradeError("The new key must be one of the question's options.")
        data.pop("accepted", None)
    elif question.kind == "numeric":
        quantity = read_quantity(answer)
        if quantity is None:
            raise RegradeError("The new key must be a number, such as 1360 or 2.5.")
        data["value"] = quantity[0]
        data.pop("accepted", None)
    elif question.kind in ("fill_in", "short_answer"):
        if not answer.strip():
            raise RegradeError("Type the new correct answer.")
        data["accepted"] = [answer]
    else:
        raise RegradeError("Matching questions are regraded by giving the point or dropping.")
    if answer == old:
        raise RegradeError(f"“{answer}” is already the key.")
    question.answer = answer
    question.data = data
    if question.kind != "true_false":
        # The quote's highlight marked the old key: it moves to the new one or goes.
        rehighlight(question, drop_stale=True)
    return f"Changed the key from “{old}” to “{answer}”"


def _set_marking(question: Question, marking: Marking) -> str:
    """Give everyone the point or drop the question."""
    if question.marking == marking.value:
        raise RegradeError("The question is already marked that way.")
    question.marking = marking.value
    if marking is Marking.FULL_CREDIT:
        return "Gave everyone the point"
    return "Dropped the question (no longer counted)"


def regrade_question(
    quiz: Quiz, question: Question, action: RegradeAction, *, teacher: User, answer: str = ""
) -> RegradeOutcome:
    """Change how one question is marked and rescore every submitted attempt, in one commit."""
    _require_regradable(quiz, question)
    answer = answer.strip()
    moment = utcnow()
    _lock_for_regrade(quiz, moment)
    db.session.refresh(question)
    before = _question_state(question)
    if action is RegradeAction.ACCEPT_ANSWER:
        summary = _accept(question, answer)
    elif action is RegradeAction.CHANGE_KEY:
        summary = _change_key(question, answer)
    elif action is RegradeAction.FULL_CREDIT:
        summary = _set_marking(question, Marking.FULL_CREDIT)
    elif action is RegradeAction.DROP:
        summary = _set_marking(question, Marking.DROPPED)
    else:
        raise ValueError(f"unknown regrade action: {action!r}")
    db.session.flush()
    attempts, changed = rescore_quiz(quiz, moment)
    change = RegradeChange(
        quiz_id=quiz.id,
        question_id=question.id,
        teacher_id=teacher.id,
        action=action.value,
        summary=summary,
        before=before,
        after=_question_state(question),
        scores_changed=changed,
        created_at=moment,
    )
    db.session.add(change)
    db.session.commit()
    return RegradeOutcome(change.id, question.id, attempts, changed, summary)


def undo_regrade(quiz: Quiz, change_id: int, *, teacher: User) -> RegradeOutcome:
    """Put a question's marking back as it was before one change, and rescore (logged too).

    Only the newest change still in force on a question can be undone, so undoing never
    silently discards a later change.
    """
    moment = utcnow()
    _lock_for_regrade(quiz, moment)
    change = db.session.get(RegradeChange, change_id)
    if change is None or change.quiz_id != quiz.id or change.action == RegradeAction.UNDO:
        raise RegradeError("There is no such change to undo.")
    if change.undone_at is not None:
        raise RegradeError("That change has already been undone.")
    newer = db.session.scalar(
        db.select(RegradeChange.id).where(
            RegradeChange.question_id == change.question_id,
            RegradeChange.action != RegradeAction.UNDO.value,
            RegradeChange.undone_at.is_(None),
            RegradeChange.id > change.id,
        )
    )
    if newer is not None:
        raise RegradeError("A later change to this question is still in force: undo it first.")
    question = change.question
    db.session.refresh(question)
    current = _question_state(question)
    question.answer = change.before["answer"]
    question.data = dict(change.before["data"])
    question.marking = change.before["marking"]
    if "fact" in change.before:  # logged before the highlight was part of a change
        question.fact_text, question.fact_start, question.fact_end = change.before["fact"]
    db.session.flush()
    attempts, changed = rescore_quiz(quiz, moment)
    change.undone_at = moment
    change.undone_by_id = teacher.id
    summary = f"Undid: {change.summary}"
    undo = RegradeChange(
        quiz_id=quiz.id,
        question_id=question.id,
        teacher_id=teacher.id,
        action=RegradeAction.UNDO.value,
        summary=summary,
        before=current,
        after=_question_state(question),
        scores_changed=changed,
        created_at=moment,
    )
    db.session.add(undo)
    db.session.commit()
    return RegradeOutcome(undo.id, question.id, attempts, changed, summary)


# ---------------------------------------------------------------- reading


def regrade_history(quiz: Quiz, question: Question | None = None) -> list[RegradeChange]:
    """The quiz's regrade log (or one question's), newest first."""
    query = db.select(RegradeChange).where(RegradeChange.quiz_id == quiz.id)
    if question is not None:
        query = query.where(RegradeChange.question_id == question.id)
    return list(db.session.scalars(query.order_by(RegradeChange.id.desc())))


def answer_groups(question: Question, givens: Sequence[str | None]) -> list[AnswerGroup]:
    """Typed answers grouped by how they mark (folded), most frequent first, blanks left out.

    Each group shows the form most students typed and whether it is marked right now.
    """
    forms: dict[str, Counter[str]] = {}
    for given in givens:
        if given is None or not given.strip():
            continue
        folded = fold_answer(given)
        forms.setdefault(folded, Counter())[given.strip()] += 1
    item = question.to_item()
    groups = [
        AnswerGroup(
            text=counts.most_common(1)[0][0],
            folded=folded,
            count=sum(counts.values()),
            correct=mark_answer(item, counts.most_common(1)[0][0]).correct,
        )
        for folded, counts in forms.items()
    ]
    return sorted(groups, key=lambda g: (-g.count, g.folded))
