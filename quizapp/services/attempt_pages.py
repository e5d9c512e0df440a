"""The student's pages of an attempt: the answer page (no answers shown) and the result."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from quizapp.models import Attempt, ExplanationPolicy, Question, Quiz, QuizStatus, Response
from quizapp.services.provenance import Provenance, quiz_provenance
from quizapp.services.scoring import parse_number
from quizapp.services.snapshots import QuestionRow, live_questions, question_rows
from quizapp.services.taking import as_utc, deadline_of, is_answered

__all__ = [
    "ResultItem",
    "ResultView",
    "TakeView",
    "explanations_visible",
    "result_view",
    "student_item",
    "take_view",
]


@dataclass(frozen=True, slots=True)
class TakeView:
    """What the student's answer page shows; items carry no answers, only what a student sees."""

    attempt: Attempt
    quiz: Quiz
    items: tuple[dict[str, Any], ...]
    numbers: tuple[int, ...]
    given: Mapping[str, Any]
    answered: int
    total: int
    seconds_left: int | None
    page: int | None
    pages: tuple[tuple[int, bool], ...]


@dataclass(frozen=True, slots=True)
class ResultItem:
    """One question on the result page."""

    item: dict[str, Any]
    number: int
    given: Any
    correct: bool
    credit: float


@dataclass(frozen=True, slots=True)
class ResultView:
    """The result page: score, and per question the answer, verdict and (policy allowing) why."""

    attempt: Attempt
    quiz: Quiz
    items: tuple[ResultItem, ...]
    score: float
    max_score: float
    percent: int
    show_explanations: bool
    explanations_later: bool
    auto_submitted: bool
    provenance: Provenance
    score_text: str
    rejoin_code: str | None


def _seeded(seed: int, salt: str) -> random.Random:
    """A random generator fixed by the attempt's seed and a salt, so orders survive reloads."""
    return random.Random(f"{seed}:{salt}")


def _numeric_order(options: Sequence[str]) -> list[str] | None:
    """The options sorted by value when all are numbers in one unit (else None)."""
    parsed = [parse_number(option) for option in options]
    if not parsed or any(p is None for p in parsed):
        return None
    units = {p[1] for p in parsed if p is not None}
    if len(units) != 1:
        return None
    order = sorted(range(len(options)), key=lambda i: parsed[i][0])  # type: ignore[index]
    return [options[i] for i in order]


def student_item(
    question: Question | QuestionRow, *, seed: int, shuffle_options: bool
) -> dict[str, Any]:
    """The item as a student may see it before submitting: prompt and choices, never answers."""
    data = question.data or {}
    item: dict[str, Any] = {
        "id": f"q{question.id}",
        "kind": question.kind,
        "prompt": question.prompt,
    }
    if question.kind in ("multiple_choice", "true_false"):
        options = [str(o) for o in data.get("options") or ()]
        if question.kind == "true_false":
            options = options or ["True", "False"]
        elif shuffle_options:
            numeric = _numeric_order(options)
            if numeric is not None:
                options = numeric
            else:
                _seeded(seed, f"o{question.id}").shuffle(options)
        item["options"] = options
    elif question.kind == "matching":
        pairs = [(str(left), str(right)) for left, right in data.get("pairs") or ()]
        rights = [right for _left, right in pairs]
        shuffled = list(rights)
        _seeded(seed, f"m{question.id}").shuffle(shuffled)
        if len(shuffled) > 1 and shuffled == rights:
            # The pairs' own order would give every answer away.
            shuffled = shuffled[1:] + shuffled[:1]
        item["pairs"] = [[left, ""] for left, _right in pairs]
        item["right_options"] = shuffled
    elif question.kind == "numeric" and data.get("unit"):
        item["unit"] = str(data["unit"])
    return item


def _given_for(response: Response | None) -> Any:
    """A stored response in the shape the question macro pre-fills."""
    if response is None:
        return None
    if response.given_data is not None:
        return dict(response.given_data)
    return response.given


def take_view(
    attempt: Attempt, *, page: int | None = None, now: datetime | None = None
) -> TakeView:
    """The answer page for an open attempt (all questions, or one when the quiz pages them)."""
    quiz = attempt.quiz
    questions = list(question_rows(quiz))
    if quiz.shuffle_questions:
        _seeded(attempt.order_seed, "questions").shuffle(questions)
    responses = {r.question_id: r for r in attempt.responses}
    answered_flags = [
        (n, responses.get(q.id) is not None and is_answered(responses[q.id]))
        for n, q in enumerate(questions, 1)
    ]
    numbered = list(enumerate(questions, 1))
    current: int | None = None
    if quiz.one_per_page and questions:
        current = min(max(page or 1, 1), len(questions))
        numbered = [numbered[current - 1]]
    items = tuple(
        student_item(q, seed=attempt.order_seed, shuffle_options=quiz.shuffle_options)
        for _n, q in numbered
    )
    given = {f"q{q.id}": _given_for(responses.get(q.id)) for _n, q in numbered}
    deadline = deadline_of(attempt)
    seconds_left = None
    if deadline is not None:
        moment = now if now is not None else datetime.now(UTC)
        seconds_left = max(0, int((deadline - moment).total_seconds()))
    return TakeView(
        attempt=attempt,
        quiz=quiz,
        items=items,
        numbers=tuple(n for n, _q in numbered),
        given=given,
        answered=sum(1 for _n, done in answered_flags if done),
        total=len(questions),
        seconds_left=seconds_left,
        page=current,
        pages=tuple(answered_flags) if current is not None else (),
    )


def explanations_visible(quiz: Quiz) -> bool:
    """Whether the quiz's policy lets students see correct answers and explanations now."""
    if quiz.explanations is ExplanationPolicy.AFTER_SUBMIT:
        return True
    if quiz.explanations is ExplanationPolicy.AFTER_CLOSE:
        return quiz.status is QuizStatus.CLOSED
    return False


def result_view(attempt: Attempt) -> ResultView:
    """The result page of a submitted attempt (ValueError if it is still open)."""
    if attempt.submitted_at is None:
        raise ValueError("the attempt is not submitted yet")
    quiz = attempt.quiz
    show = explanations_visible(quiz)
    questions = live_questions(quiz)
    if quiz.shuffle_questions:
        _seeded(attempt.order_seed, "questions").shuffle(questions)
    responses = {r.question_id: r for r in attempt.responses}
    rows = []
    for number, question in enumerate(questions, 1):
        response = responses.get(question.id)
        item = (
            question.to_item()
            if show
            else student_item(question, seed=attempt.order_seed, shuffle_options=False)
        )
        if question.kind == "matching" and not show:
            # Rows keep their left side only; the student's own choices still show.
            item["pairs"] = [[left, ""] for left, _right in (question.data or {}).get("pairs", ())]
        rows.append(
            ResultItem(
                item=item,
                number=number,
                given=_given_for(response),
                correct=bool(response and response.correct),
                credit=float(response.credit or 0.0) if response else 0.0,
            )
        )
    score = float(attempt.score or 0.0)
    max_score = float(attempt.max_score or len(questions) or 0.0)
    deadline = deadline_of(attempt)
    submitted = as_utc(attempt.submitted_at)
    return ResultView(
        attempt=attempt,
        quiz=quiz,
        items=tuple(rows),
        score=score,
        max_score=max_score,
        percent=round(100 * score / max_score) if max_score else 0,
        show_explanations=show,
        explanations_later=(not show and quiz.explanations is ExplanationPolicy.AFTER_CLOSE),
        auto_submitted=deadline is not None and submitted >= deadline,
        provenance=quiz_provenance(quiz),
        score_text=f"{round(score, 2):g} of {max_score:g}",
        rejoin_code=quiz.join_code if quiz.status is QuizStatus.PUBLISHED else None,
    )
