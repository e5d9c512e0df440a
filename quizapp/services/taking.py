"""Students taking a quiz: join with a code, answer (autosaved), submit once, see the result."""

from __future__ import annotations

import random
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from quizapp.models import (
    Attempt,
    ExplanationPolicy,
    Question,
    Quiz,
    QuizStatus,
    Response,
    db,
)
from quizapp.services.provenance import Provenance, quiz_provenance
from quizapp.services.scoring import parse_number, score_item

__all__ = [
    "GRACE",
    "AttemptLocked",
    "InvalidName",
    "NoAttemptsLeft",
    "QuizClosed",
    "QuizNotFound",
    "ResultItem",
    "ResultView",
    "SaveOutcome",
    "TakeView",
    "TakingError",
    "deadline_of",
    "enforce_deadline",
    "find_attempt",
    "find_quiz",
    "join_quiz",
    "normalise_join_code",
    "parse_answers",
    "result_view",
    "save_answers",
    "submit_attempt",
    "take_view",
]

# Answers that arrive this long after the time limit (network, a slow phone) still count.
GRACE = timedelta(seconds=30)
MAX_ANSWER_CHARS = 500
MAX_NAME_CHARS = 80
_CODE_NOISE = re.compile(r"[\s\-‐‑–—_.]+")
_FIELD = re.compile(r"^q(\d+)(?:-(\d+))?$")


class TakingError(Exception):
    """A student-facing refusal; ``str(error)`` is the message to show."""


class QuizNotFound(TakingError):
    """No published quiz has this join code."""


class QuizClosed(TakingError):
    """The quiz exists but the teacher has closed it."""


class NoAttemptsLeft(TakingError):
    """This student has used every attempt the teacher allows."""

    def __init__(self, message: str, last_token: str | None) -> None:
        super().__init__(message)
        self.last_token = last_token


class InvalidName(TakingError):
    """The display name is empty or too long."""


class AttemptLocked(TakingError):
    """The attempt is already submitted (by the student or by the clock)."""


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
class SaveOutcome:
    """The result of saving answers: how many are answered now."""

    answered: int
    total: int


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


def _now(now: datetime | None) -> datetime:
    """The given time or the current one, UTC-aware."""
    return now if now is not None else datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def normalise_join_code(code: str) -> str:
    """Upper-case a typed join code and drop spaces, dashes and dots ("ab-c 12" -> "ABC12")."""
    return _CODE_NOISE.sub("", code).upper()


def find_quiz(code: str) -> Quiz:
    """The published quiz with this join code; raises QuizNotFound or QuizClosed."""
    wanted = normalise_join_code(code)
    if not wanted or len(wanted) > 24:
        raise QuizNotFound("There is no quiz with that code. Check it with your teacher.")
    quiz = db.session.scalars(db.select(Quiz).where(Quiz.join_code == wanted)).first()
    if quiz is None:
        # Codes may have been stored in another case or with a dash.
        stored = func.upper(func.replace(func.replace(Quiz.join_code, "-", ""), " ", ""))
        quiz = db.session.scalars(db.select(Quiz).where(stored == wanted)).first()
    if quiz is None or quiz.status is QuizStatus.DRAFT:
        raise QuizNotFound("There is no quiz with that code. Check it with your teacher.")
    if quiz.status is QuizStatus.CLOSED:
        raise QuizClosed(f"“{quiz.title}” is closed: it no longer takes answers.")
    return quiz


def find_attempt(token: str) -> Attempt | None:
    """The attempt with this secret token, or None."""
    if not token or len(token) > 64:
        return None
    # One query for the attempt, its quiz and its saved answers: every page needs all three.
    return (
        db.session.scalars(
            db.select(Attempt)
            .where(Attempt.token == token)
            .options(joinedload(Attempt.quiz), joinedload(Attempt.responses))
        )
        .unique()
        .first()
    )


def clean_name(name: str) -> str:
    """A display name trimmed and with inner runs of spaces folded; raises InvalidName."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise InvalidName("Please type your name.")
    if len(cleaned) > MAX_NAME_CHARS:
        raise InvalidName(f"Please use at most {MAX_NAME_CHARS} characters for your name.")
    return cleaned


def join_quiz(
    code: str, name: str, *, known_tokens: Iterable[str] = (), now: datetime | None = None
) -> Attempt:
    """Start (or resume) this student's attempt at the quiz with this code.

    ``known_tokens`` are the attempt tokens this browser remembers: an unfinished attempt
    under the same name is resumed rather than duplicated, and finished ones count against
    the quiz's attempts allowed.
    """
    moment = _now(now)
    quiz = find_quiz(code)
    student = clean_name(name)
    tokens = [t for t in known_tokens if t][:50]
    mine: list[Attempt] = []
    if tokens:
        mine = list(
            db.session.scalars(
                db.select(Attempt)
                .where(Attempt.quiz_id == quiz.id, Attempt.token.in_(tokens))
                .order_by(Attempt.started_at)
            )
        )
    same_name = [a for a in mine if a.student_name.casefold() == student.casefold()]
    for attempt in same_name:
        if attempt.submitted_at is None and not enforce_deadline(attempt, now=moment):
            return attempt
    finished = [a for a in same_name if a.submitted_at is not None]
    if quiz.attempts_allowed > 0 and len(finished) >= quiz.attempts_allowed:
        allowed = quiz.attempts_allowed
        raise NoAttemptsLeft(
            f"You have used your {allowed} attempt{'s' if allowed != 1 else ''} at this quiz.",
            finished[-1].token,
        )
    attempt = Attempt(
        quiz_id=quiz.id,
        student_name=student,
        token=secrets.token_urlsafe(32),
        order_seed=secrets.randbelow(2**31),
        started_at=moment,
    )
    db.session.add(attempt)
    db.session.commit()
    return attempt


def deadline_of(attempt: Attempt) -> datetime | None:
    """When the attempt's time runs out, or None without a time limit."""
    minutes = attempt.quiz.time_limit_minutes
    if not minutes:
        return None
    return _aware(attempt.started_at) + timedelta(minutes=minutes)


def enforce_deadline(attempt: Attempt, *, now: datetime | None = None) -> bool:
    """Submit an open attempt whose time (plus grace) has run out; True if it is now submitted.

    Like Moodle's "open attempts are submitted automatically": what was saved counts.
    """
    if attempt.submitted_at is not None:
        return True
    deadline = deadline_of(attempt)
    if deadline is None or _now(now) <= deadline + GRACE:
        return False
    _finalise(attempt, {}, submitted_at=deadline)
    return True


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """What the answer page needs of a question (read-only snapshot, safe to share)."""

    id: int
    kind: str
    prompt: str
    data: Mapping[str, Any]
    # The full item, answers included: for marking on the server, never for rendering.
    item: Mapping[str, Any]


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
                id=q.id, kind=q.kind, prompt=q.prompt, data=dict(q.data or {}), item=q.to_item()
            )
            for q in _live_questions(quiz)
        )
        if quiz.status is not QuizStatus.DRAFT:
            if len(_ROWS) >= _ROWS_MAX:
                _ROWS.clear()
            _ROWS[key] = rows
    return rows


def _live_questions(quiz: Quiz) -> list[Question]:
    """The quiz's questions in the teacher's order, without deleted ones."""
    return list(
        db.session.scalars(
            db.select(Question)
            .where(Question.quiz_id == quiz.id, Question.deleted.is_(False))
            .order_by(Question.position, Question.id)
        )
    )


def parse_answers(
    fields: Mapping[str, str], questions: Sequence[Question | QuestionRow]
) -> dict[int, Any]:
    """Read form fields named as the question macro names them into {question id: answer}.

    Single answers become stripped strings ("" clears); matching rows become a dict
    {"<row>": right text}. Unknown fields and other quizzes' questions are ignored.
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
        if question.kind == "matching":
            if match.group(2) is None:
                continue
            row = int(match.group(2))
            if 1 <= row <= len((question.data or {}).get("pairs") or ()):
                answers.setdefault(question.id, {})[str(row)] = value
        elif match.group(2) is None:
            answers[question.id] = value
    return answers


def _is_answered(response: Response) -> bool:
    """Whether a stored response holds an answer."""
    if response.given_data:
        return any(response.given_data.values())
    return bool(response.given)


def _store(attempt: Attempt, answers: Mapping[int, Any], moment: datetime) -> None:
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


def _hold_open(attempt: Attempt) -> None:
    """Lock the attempt's row while it is still open, or raise AttemptLocked.

    An autosave racing the student's own submit must not change answers after they were
    scored: this no-op update takes the row lock the submit's claim also needs, so whichever
    comes second sees the other's result.
    """
    held = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(order_seed=Attempt.order_seed)
        .execution_options(synchronize_session=False)
    )
    if held.rowcount != 1:
        db.session.rollback()
        db.session.refresh(attempt)
        raise AttemptLocked("This attempt has been submitted; answers can no longer change.")


def save_answers(
    attempt: Attempt, fields: Mapping[str, str], *, now: datetime | None = None
) -> SaveOutcome:
    """Save the answers in these form fields; raises AttemptLocked once the attempt is submitted."""
    moment = _now(now)
    if enforce_deadline(attempt, now=moment):
        raise AttemptLocked("This attempt has been submitted; answers can no longer change.")
    questions = question_rows(attempt.quiz)
    answers = parse_answers(fields, questions)
    for tries in (1, 2):
        _hold_open(attempt)
        _store(attempt, answers, moment)
        try:
            db.session.commit()
            break
        except IntegrityError:
            # Two tabs saved the same new response at once: reload and apply ours on top.
            db.session.rollback()
            if tries == 2:
                raise
            db.session.refresh(attempt)
    live = {q.id for q in questions}
    answered = sum(1 for r in attempt.responses if r.question_id in live and _is_answered(r))
    return SaveOutcome(answered=answered, total=len(questions))


def _merged(stored: tuple[str | None, Any], value: Any) -> tuple[str | None, Any]:
    """A stored (given, given_data) with a newly submitted answer applied, as _store does."""
    if isinstance(value, dict):
        merged = {**(stored[1] or {}), **value}
        return None, {k: v for k, v in merged.items() if v}
    return value or None, None


def _finalise(attempt: Attempt, answers: Mapping[int, Any], *, submitted_at: datetime) -> bool:
    """Mark the attempt submitted (once, even under concurrent calls) and score it.

    Written with a few bulk statements rather than the unit of work: at the end of a lesson a
    whole class submits within seconds (tests/benchmarks/bench_web.py).
    """
    claimed = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(submitted_at=submitted_at)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        db.session.refresh(attempt)
        return False
    rows = question_rows(attempt.quiz)
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
        mark = score_item(row.item, given, given_data)
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
        .values(score=round(total, 4), max_score=float(len(rows)))
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return True


def submit_attempt(
    attempt: Attempt, fields: Mapping[str, str] | None = None, *, now: datetime | None = None
) -> Attempt:
    """Save these last answers and submit; submitting again changes nothing (idempotent).

    After the time limit (plus grace) the late answers are ignored and the attempt is
    submitted with what was saved in time.
    """
    moment = _now(now)
    if enforce_deadline(attempt, now=moment):
        return attempt
    answers = parse_answers(fields or {}, question_rows(attempt.quiz))
    _finalise(attempt, answers, submitted_at=moment)
    return attempt


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
        (n, responses.get(q.id) is not None and _is_answered(responses[q.id]))
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
        seconds_left = max(0, int((deadline - _now(now)).total_seconds()))
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
    questions = _live_questions(quiz)
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
    submitted = _aware(attempt.submitted_at)
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
