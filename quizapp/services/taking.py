"""Taking a quiz: join with a code, save answers, submit once; every write checks the rules.

The rules hold on the server whatever the browser does: answers are taken only while the
quiz is published and the attempt open and inside its time limit (plus GRACE). Closing the
quiz ends every open attempt with what was saved (close_open_attempts).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from quizapp.models import Attempt, AttemptEnd, Question, Quiz, QuizStatus, Response, db
from quizapp.services.regrading import current_quiz, lock_quiz_for_scoring
from quizapp.services.scoring import Marking, mark_answer, points_possible
from quizapp.services.snapshots import QuestionRow, question_rows
from quizapp.services.student_names import (
    MAX_NAME_CHARS,
    NameRefused,
    name_key,
    normalise_student_name,
)

__all__ = [
    "GRACE",
    "AttemptLocked",
    "InvalidName",
    "NoAttemptsLeft",
    "PersonalCodeNeeded",
    "QuizClosed",
    "QuizNotFound",
    "SaveOutcome",
    "TakingError",
    "as_utc",
    "close_if_due",
    "close_open_attempts",
    "code_exists",
    "deadline_of",
    "end_reason_message",
    "enforce_deadline",
    "find_attempt",
    "find_quiz",
    "is_answered",
    "join_quiz",
    "normalise_join_code",
    "parse_answers",
    "save_answers",
    "submit_attempt",
]

# Answers that arrive this long after the time limit (network, a slow phone) still count.
GRACE = timedelta(seconds=30)
MAX_ANSWER_CHARS = 500
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


class PersonalCodeNeeded(TakingError):
    """The quiz is assigned to a class: students join with their personal code, not a name."""


class AttemptLocked(TakingError):
    """The attempt takes no more answers: submitted, out of time, or its quiz closed."""

    def __init__(self, message: str, reason: AttemptEnd | None = None) -> None:
        super().__init__(message)
        self.reason = reason


_END_MESSAGES = {
    AttemptEnd.SUBMITTED: "This attempt has been submitted; answers can no longer change.",
    AttemptEnd.TIME_UP: "The time limit has passed: the answers saved in time were submitted.",
    AttemptEnd.QUIZ_CLOSED: "Your teacher closed the quiz: the answers you had saved were "
    "submitted, and no more answers are taken.",
}


def end_reason_message(reason: AttemptEnd | None) -> str:
    """What to tell the student about why their attempt takes no more answers."""
    return _END_MESSAGES[reason or AttemptEnd.SUBMITTED]


def _locked(attempt: Attempt) -> AttemptLocked:
    """The refusal for a write to this (now closed) attempt, saying why it is closed."""
    reason = attempt.end_reason
    return AttemptLocked(end_reason_message(reason), reason)


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """The result of saving answers: how many are answered now."""

    answered: int
    total: int


def _now(now: datetime | None) -> datetime:
    """The given time or the current one, UTC-aware."""
    return now if now is not None else datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored time, UTC-aware: SQLite hands back naive datetimes, and every stored time is UTC."""
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
    close_if_due(quiz)
    if quiz.status is QuizStatus.CLOSED or _past_closing(quiz, _now(None)):
        raise QuizClosed(f"“{quiz.title}” is closed: it no longer takes answers.")
    return quiz


def code_exists(code: str) -> bool:
    """Whether this is a real join code (of a published or closed quiz): not a guess."""
    try:
        find_quiz(code)
    except QuizClosed:
        return True
    except TakingError:
        return False
    return True


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
    """A display name in NFKC, without invisible characters, spaces folded; raises InvalidName."""
    try:
        return normalise_student_name(name)
    except NameRefused as error:
        raise InvalidName(str(error)) from error


def _numbered_name(quiz: Quiz, student: str, mine: Sequence[Attempt]) -> str:
    """The name, numbered ("Sam Lee (2)") when another student in this quiz already uses it.

    Attempts this browser made are the same student, not a namesake.
    """
    own = {a.id for a in mine}
    taken = {
        name_key(name)
        for attempt_id, name in db.session.execute(
            db.select(Attempt.id, Attempt.student_name).where(Attempt.quiz_id == quiz.id)
        )
        if attempt_id not in own
    }
    if name_key(student) not in taken:
        return student
    number = 2
    while name_key(f"{student} ({number})") in taken:
        number += 1
    return f"{student[: MAX_NAME_CHARS - 6]} ({number})"


def _same_student(attempt: Attempt, student: str) -> bool:
    """Whether this browser's attempt was made under this name (numbered or not)."""
    given = name_key(attempt.student_name)
    wanted = name_key(student)
    return given == wanted or (
        given.startswith(f"{wanted} (")
        and given.endswith(")")
        and given[len(wanted) + 2 : -1].isdigit()
    )


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
    if quiz.class_id is not None:
        raise PersonalCodeNeeded(
            f"“{quiz.title}” is for your class: type the personal code from your slip."
        )
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
    same_name = [a for a in mine if _same_student(a, student)]
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
        student_name=same_name[-1].student_name
        if same_name
        else _numbered_name(quiz, student, mine),
        token=secrets.token_urlsafe(32),
        order_seed=secrets.randbelow(2**31),
        started_at=moment,
    )
    db.session.add(attempt)
    db.session.commit()
    return attempt


def _past_closing(quiz: Quiz, moment: datetime) -> bool:
    """Whether the quiz's automatic closing time has come (it may not be closed yet)."""
    return quiz.closes_at is not None and moment >= as_utc(quiz.closes_at)


def close_if_due(quiz: Quiz, *, now: datetime | None = None) -> bool:
    """Close a published quiz whose closing time (plus GRACE) has passed, as the teacher's
    "Close the quiz" does: every open attempt is submitted with its saved answers. True if it
    is closed now. Nothing runs on a timer: every join, answer and results page calls this.

    The GRACE lets the last answers that a student's page sends at the closing time (its
    clock counts down to it) still count. One conditional UPDATE claims the closing, so two
    requests at the same moment close the quiz once.
    """
    if quiz.status is not QuizStatus.PUBLISHED or quiz.closes_at is None:
        return False
    moment = _now(now)
    if moment <= as_utc(quiz.closes_at) + GRACE:
        return False
    claimed = db.session.execute(
        update(Quiz)
        .where(Quiz.id == quiz.id, Quiz.status == QuizStatus.PUBLISHED)
        .values(status=QuizStatus.CLOSED, closed_at=quiz.closes_at, version=Quiz.version + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    db.session.refresh(quiz)
    if claimed.rowcount == 1:
        close_open_attempts(quiz, now=moment)
    return True


def deadline_of(attempt: Attempt) -> datetime | None:
    """When the attempt's time runs out (its time limit, or the quiz's closing time if that
    comes first), or None without either."""
    ends = []
    minutes = attempt.quiz.time_limit_minutes
    if minutes:
        ends.append(as_utc(attempt.started_at) + timedelta(minutes=minutes))
    if attempt.quiz.closes_at is not None:
        ends.append(as_utc(attempt.quiz.closes_at))
    return min(ends, default=None)


def enforce_deadline(attempt: Attempt, *, now: datetime | None = None) -> bool:
    """Apply the rules to an open attempt; True if it takes no more answers (is submitted now).

    The attempt is submitted with what was saved when its time (plus grace) has run out, like
    Moodle's "open attempts are submitted automatically", or when its quiz is no longer open
    (closed by the teacher, or its closing time has passed): checked on every read and write,
    whoever sends the request.
    """
    moment = _now(now)
    # First, even for a submitted attempt: its result page is where its student sees the
    # answers a quiz shows "after it closes", once the closing time has passed.
    close_if_due(attempt.quiz, now=moment)  # then the quiz is closed: the next test ends it
    if attempt.submitted_at is not None:
        return True
    if attempt.quiz.status is not QuizStatus.PUBLISHED:
        closed_at = attempt.quiz.closed_at
        ended = min(as_utc(closed_at), moment) if closed_at is not None else moment
        _finalise(attempt, {}, submitted_at=ended, reason=AttemptEnd.QUIZ_CLOSED)
        return True
    deadline = deadline_of(attempt)
    if deadline is None or moment <= deadline + GRACE:
        return False
    _finalise(attempt, {}, submitted_at=deadline, reason=AttemptEnd.TIME_UP)
    return True


def close_open_attempts(quiz: Quiz, *, now: datetime | None = None) -> int:
    """Submit every open attempt at a quiz that no longer takes answers; returns how many.

    Each is scored with the answers saved so far, and its student's page then says that the
    teacher closed the quiz. A save racing this loses cleanly: _finalise and _hold_open take
    the same row lock.
    """
    moment = _now(now)
    open_ids = list(
        db.session.scalars(
            db.select(Attempt.id).where(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_(None))
        )
    )
    ended = 0
    for attempt_id in open_ids:
        attempt = db.session.get(Attempt, attempt_id)
        if attempt is not None and attempt.submitted_at is None:
            closed_at = quiz.closed_at
            at = min(as_utc(closed_at), moment) if closed_at is not None else moment
            ended += _finalise(attempt, {}, submitted_at=at, reason=AttemptEnd.QUIZ_CLOSED)
    return ended


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
        raise _locked(attempt)


def save_answers(
    attempt: Attempt, fields: Mapping[str, str], *, now: datetime | None = None
) -> SaveOutcome:
    """Save the answers in these form fields; raises AttemptLocked (saying why) once the attempt
    takes no more answers: submitted, out of time, or its quiz closed."""
    moment = _now(now)
    if enforce_deadline(attempt, now=moment):
        raise _locked(attempt)
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
    asked = {q.id for q in questions if q.marking != Marking.DROPPED}
    answered = sum(1 for r in attempt.responses if r.question_id in asked and is_answered(r))
    return SaveOutcome(answered=answered, total=len(asked))


def _merged(stored: tuple[str | None, Any], value: Any) -> tuple[str | None, Any]:
    """A stored (given, given_data) with a newly submitted answer applied, as _store does."""
    if isinstance(value, dict):
        merged = {**(stored[1] or {}), **value}
        return None, {k: v for k, v in merged.items() if v}
    return value or None, None


def _finalise(
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


def submit_attempt(
    attempt: Attempt, fields: Mapping[str, str] | None = None, *, now: datetime | None = None
) -> Attempt:
    """Save these last answers and submit; submitting again changes nothing (idempotent).

    After the time limit (plus grace), or once the quiz is closed, the late answers are
    ignored and the attempt is submitted with what was saved in time.
    """
    moment = _now(now)
    if enforce_deadline(attempt, now=moment):
        return attempt
    answers = parse_answers(fields or {}, question_rows(attempt.quiz))
    deadline = deadline_of(attempt)
    # Within the grace after the deadline this is the page's timer submitting: say so.
    late = deadline is not None and moment >= deadline
    reason = AttemptEnd.TIME_UP if late else AttemptEnd.SUBMITTED
    _finalise(attempt, answers, submitted_at=moment, reason=reason)
    return attempt
