"""Reviewing answers after the quiz: one student's attempt, or one question across students."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.models import Attempt, Question, Quiz, RegradeChange, Response, db
from quizapp.services.regrading import AnswerGroup, answer_groups, regrade_history
from quizapp.services.result_order import StudentOrder, order_students
from quizapp.services.results import (
    AnswerResult,
    StudentResult,
    answer_result,
    answer_text,
    scored_questions,
    student_results,
)
from quizapp.services.taking import as_utc, is_answered

__all__ = [
    "AttemptReview",
    "QuestionReview",
    "ReviewNotFound",
    "ReviewRow",
    "attempt_review",
    "question_review",
]


class ReviewNotFound(LookupError):
    """No such attempt or question in this quiz."""


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One answer on a review page: the question or the student it belongs to, and its mark."""

    number: int
    question: Question
    attempt_id: int
    student: str
    answer: str
    result: AnswerResult
    points: float
    # When the answer was last saved, counted from the start of the attempt ("4 min 10 s").
    answered_after: str | None


@dataclass(frozen=True, slots=True)
class AttemptReview:
    """One student's attempt, question by question, with the neighbours to step to."""

    student: StudentResult
    rows: tuple[ReviewRow, ...]
    previous_id: int | None
    next_id: int | None
    position: int
    count: int


@dataclass(frozen=True, slots=True)
class QuestionReview:
    """One question across every submitted attempt, its typed answers grouped, its regrades."""

    question: Question
    number: int
    rows: tuple[ReviewRow, ...]
    groups: tuple[AnswerGroup, ...]
    history: tuple[RegradeChange, ...]
    previous_id: int | None
    next_id: int | None


def _after_start(attempt: StudentResult, response: Response | None) -> str | None:
    """How long after the student started this answer was last saved, or None for a blank."""
    if response is None or not is_answered(response) or response.updated_at is None:
        return None
    seconds = int((as_utc(response.updated_at) - as_utc(attempt.started_at)).total_seconds())
    minutes, seconds = divmod(max(0, seconds), 60)
    return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


def _row(
    number: int, question: Question, attempt: StudentResult, response: Response | None
) -> ReviewRow:
    """A review row for one (question, attempt) pair."""
    return ReviewRow(
        number=number,
        question=question,
        attempt_id=attempt.attempt_id,
        student=attempt.name,
        answer=answer_text(question, response),
        result=answer_result(question, response),
        points=float(response.credit or 0.0) if response is not None else 0.0,
        answered_after=_after_start(attempt, response),
    )


def attempt_review(quiz: Quiz, attempt_id: int, sort: str | None = None) -> AttemptReview:
    """Every question of one attempt with its answer and mark; raises ReviewNotFound. The
    previous and next students are those of the results table in its ?sort= order."""
    students = order_students(student_results(quiz), StudentOrder.parse(sort))
    ids = [s.attempt_id for s in students]
    if attempt_id not in ids:
        raise ReviewNotFound(attempt_id)
    index = ids.index(attempt_id)
    responses = {
        r.question_id: r
        for r in db.session.scalars(db.select(Response).where(Response.attempt_id == attempt_id))
    }
    rows = tuple(
        _row(number, question, students[index], responses.get(question.id))
        for number, question in enumerate(scored_questions(quiz), 1)
    )
    return AttemptReview(
        student=students[index],
        rows=rows,
        previous_id=ids[index - 1] if index > 0 else None,
        next_id=ids[index + 1] if index + 1 < len(ids) else None,
        position=index + 1,
        count=len(ids),
    )


def question_review(quiz: Quiz, question_id: int) -> QuestionReview:
    """Each submitted student's answer to one question, grouped answers, its regrade log."""
    questions = scored_questions(quiz)
    ids = [q.id for q in questions]
    if question_id not in ids:
        raise ReviewNotFound(question_id)
    index = ids.index(question_id)
    question = questions[index]
    submitted = [s for s in student_results(quiz) if s.submitted_at is not None]
    responses = {
        r.attempt_id: r
        for r in db.session.scalars(
            db.select(Response)
            .join(Attempt)
            .where(Response.question_id == question_id, Attempt.submitted_at.is_not(None))
        )
    }
    rows = tuple(_row(index + 1, question, s, responses.get(s.attempt_id)) for s in submitted)
    groups: tuple[AnswerGroup, ...] = ()
    if question.kind not in ("matching", "cloze"):
        groups = tuple(answer_groups(question, [r.given for r in responses.values()]))
    return QuestionReview(
        question=question,
        number=index + 1,
        rows=rows,
        groups=groups,
        history=tuple(regrade_history(quiz, question)),
        previous_id=ids[index - 1] if index > 0 else None,
        next_id=ids[index + 1] if index + 1 < len(ids) else None,
    )
