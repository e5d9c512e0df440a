"""The student's pages of an attempt: the answer page (no answers shown) and the result."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func

from quizapp.models import (
    Attempt,
    AttemptEnd,
    Question,
    Quiz,
    QuizStatus,
    RegradeChange,
    Response,
    db,
)
from quizapp.services.attempt_deadlines import now_utc, past_closing
from quizapp.services.feedback import Feedback, feedback_for
from quizapp.services.provenance import Provenance, quiz_provenance
from quizapp.services.scoring import Marking, gap_marks, item_points, parse_number
from quizapp.services.snapshots import QuestionRow, asked_rows, live_questions
from quizapp.services.taking import as_utc, deadline_of, end_reason_message, is_answered

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
    # None when the teacher's feedback settings hide right/wrong for now.
    correct: bool | None
    credit: float
    # Where "Read it in the article" jumps: the quote's offset in the quiz's article, or None
    # when the quote is not there (a unit test draws items from several articles).
    article_offset: int | None = None


@dataclass(frozen=True, slots=True)
class ResultView:
    """The result page: score, and per question the answer, verdict and (policy allowing) why."""

    attempt: Attempt
    quiz: Quiz
    items: tuple[ResultItem, ...]
    score: float
    max_score: float
    percent: int
    feedback: Feedback
    show_score: bool
    show_answers: bool
    show_explanations: bool
    explanations_later: bool
    auto_submitted: bool
    closed_by_teacher: bool
    end_message: str | None
    provenance: Provenance
    score_text: str
    rejoin_code: str | None
    # "Try again" on the result page: whether this student may start another attempt now, and
    # how many they have left (None: no limit). The join form it sends checks it again.
    may_try_again: bool = False
    tries_left: int | None = None


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
    elif question.kind == "cloze":
        # The passage, how many gaps and the word bank (sorted, never in gap order): which
        # entry fills which gap stays on the server.
        item["gaps"] = len(data.get("blanks") or ())
        if data.get("bank"):
            item["bank"] = [str(entry) for entry in data["bank"]]
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
    # A question the teacher dropped is out of the quiz: not asked of anyone still answering.
    questions = list(asked_rows(quiz))
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
    """Whether students may see the correct answers now (and so practise or study them)."""
    return feedback_for(quiz).answers


def _result_item(
    question: Question, attempt: Attempt, feedback: Feedback, response: Response | None
) -> dict[str, Any]:
    """The item as the result page may show it: answers and explanations only when allowed."""
    item = _shown_item(question, attempt, feedback)
    if feedback.marks and question.marking not in (None, Marking.NORMAL):
        # A regrade dropped the question or gave everyone its points: said instead of a verdict.
        item["marking"] = str(question.marking)
    if question.kind == "cloze" and feedback.marks:
        # Right or wrong per gap is a mark, not an answer: it shows whenever marks do.
        chosen = response.given_data if response is not None else None
        item["gap_marks"] = list(gap_marks(question.to_item(), chosen))
    return item


def _shown_item(question: Question, attempt: Attempt, feedback: Feedback) -> dict[str, Any]:
    """The item with answers and explanations only when the teacher's settings allow."""
    if not feedback.answers:
        item = student_item(question, seed=attempt.order_seed, shuffle_options=False)
        if question.kind == "matching":
            # Rows keep their left side only; the student's own choices still show.
            pairs = (question.data or {}).get("pairs", ())
            item["pairs"] = [[left, ""] for left, _right in pairs]
        return item
    item = question.to_item()
    if not feedback.explanations:
        # The quoted sentence and its offsets are the explanation: none of it goes out.
        item["explanation"] = ""
        item.pop("source", None)
        item.pop("fact", None)
    return item


def _offset_in_article(question: Question, article_text: str) -> int | None:
    """The question's quote offset when the quote really is there in the quiz's article."""
    start, end = question.quote_start, question.quote_end
    if start is None or end is None or not question.quote:
        return None
    return start if article_text[start:end] == question.quote else None


def _drop_times(quiz: Quiz) -> dict[int, datetime]:
    """When each question of the quiz was dropped (its latest drop that is not undone)."""
    rows = db.session.execute(
        db.select(RegradeChange.question_id, func.max(RegradeChange.created_at))
        .where(
            RegradeChange.quiz_id == quiz.id,
            RegradeChange.action == "drop",
            RegradeChange.undone_at.is_(None),
        )
        .group_by(RegradeChange.question_id)
    )
    return {question_id: as_utc(moment) for question_id, moment in rows}


def _was_asked(
    question: Question,
    attempt: Attempt,
    responses: Mapping[int, Response],
    dropped_at: Mapping[int, datetime],
) -> bool:
    """Whether the attempt's student met this question: any question not dropped; a dropped
    one only when the attempt began before the drop (it stays, marked "Not counted") or holds
    an answer to it. To a student who started later it was never part of the quiz."""
    if question.marking != Marking.DROPPED:
        return True
    response = responses.get(question.id)
    if response is not None and is_answered(response):
        return True
    dropped = dropped_at.get(question.id)
    return dropped is not None and as_utc(attempt.started_at) < dropped


def result_view(attempt: Attempt) -> ResultView:
    """The result page of a submitted attempt (ValueError if it is still open)."""
    if attempt.submitted_at is None:
        raise ValueError("the attempt is not submitted yet")
    quiz = attempt.quiz
    feedback = feedback_for(quiz)
    responses = {r.question_id: r for r in attempt.responses}
    dropped_at = _drop_times(quiz)
    questions = [q for q in live_questions(quiz) if _was_asked(q, attempt, responses, dropped_at)]
    if quiz.shuffle_questions:
        _seeded(attempt.order_seed, "questions").shuffle(questions)
    article_text = quiz.article.text or ""
    rows = []
    for number, question in enumerate(questions, 1):
        response = responses.get(question.id)
        rows.append(
            ResultItem(
                item=_result_item(question, attempt, feedback, response),
                number=number,
                given=_given_for(response),
                correct=bool(response and response.correct) if feedback.marks else None,
                credit=float(response.credit or 0.0) if response and feedback.marks else 0.0,
                article_offset=_offset_in_article(question, article_text),
            )
        )
    score = float(attempt.score or 0.0) if feedback.score else 0.0
    max_score = float(attempt.max_score or sum(item_points(q.to_item()) for q in questions))
    deadline = deadline_of(attempt)
    submitted = as_utc(attempt.submitted_at)
    reason = attempt.end_reason
    if reason is None:  # submitted before the reason was recorded
        late = deadline is not None and submitted >= deadline
        reason = AttemptEnd.TIME_UP if late else AttemptEnd.SUBMITTED
    return ResultView(
        attempt=attempt,
        quiz=quiz,
        items=tuple(rows),
        score=score,
        max_score=max_score,
        percent=round(100 * score / max_score) if max_score else 0,
        feedback=feedback,
        show_score=feedback.score,
        show_answers=feedback.answers,
        show_explanations=feedback.explanations,
        explanations_later=bool(feedback.later),
        auto_submitted=reason is AttemptEnd.TIME_UP,
        closed_by_teacher=reason is AttemptEnd.QUIZ_CLOSED,
        end_message=end_reason_message(reason) if reason is not AttemptEnd.SUBMITTED else None,
        provenance=quiz_provenance(quiz),
        score_text=f"{round(score, 2):g} of {max_score:g}" if feedback.score else "",
        rejoin_code=quiz.join_code if quiz.status is QuizStatus.PUBLISHED else None,
        **_tries(attempt),
    )


def _tries(attempt: Attempt) -> dict[str, Any]:
    """Whether a submitted name-only attempt's student may start again, and how many attempts
    they have left (None without a limit). Attempts are counted by name: the join form numbers
    a second student of the same name ("Ana (2)"), so a name is one student's. Class quizzes
    ask for the personal code on the join page instead; lessons have their own flow."""
    quiz = attempt.quiz
    if (
        attempt.submitted_at is None
        or attempt.student_id is not None
        or quiz.class_id is not None
        or quiz.status is not QuizStatus.PUBLISHED
        or past_closing(quiz, now_utc(None))
    ):
        return {}
    from quizapp.services.lessons import lesson_for_quiz

    if lesson_for_quiz(quiz.id) is not None:
        return {}
    if quiz.attempts_allowed <= 0:
        return {"may_try_again": True}
    used = db.session.scalar(
        db.select(func.count(Attempt.id)).where(
            Attempt.quiz_id == quiz.id,
            Attempt.student_name == attempt.student_name,
            Attempt.submitted_at.is_not(None),
        )
    )
    left = max(quiz.attempts_allowed - int(used or 0), 0)
    return {"may_try_again": left > 0, "tries_left": left}
