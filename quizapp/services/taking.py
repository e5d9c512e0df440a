"""Taking a quiz: join with a code, save answers, submit once; every write checks the rules.

The rules hold on the server whatever the browser does: answers are taken only while the
quiz is published and the attempt open and inside its time limit (plus GRACE). Closing the
quiz ends every open attempt with what was saved (close_open_attempts). The clock's rules
live in attempt_deadlines, reading and scoring answers in attempt_scoring; this module
re-exports what the views and other services use of them.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from quizapp.models import Attempt, AttemptEnd, Quiz, QuizStatus, db
from quizapp.services.attempt_deadlines import (
    GRACE,
    as_utc,
    close_if_due,
    close_open_attempts,
    deadline_of,
    enforce_deadline,
    now_utc,
    past_closing,
)
from quizapp.services.attempt_scoring import (
    finalise_attempt,
    is_answered,
    parse_answers,
    store_answers,
)
from quizapp.services.scoring import Marking
from quizapp.services.snapshots import question_rows
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

_CODE_NOISE = re.compile(r"[\s\-‐‑–—_.]+")


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
    if quiz.status is QuizStatus.CLOSED or past_closing(quiz, now_utc(None)):
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
    code: str,
    name: str,
    *,
    known_tokens: Iterable[str] = (),
    nonce: str = "",
    now: datetime | None = None,
) -> Attempt:
    """Start (or resume) this student's attempt at the quiz with this code.

    ``known_tokens`` are the attempt tokens this browser remembers: an unfinished attempt
    under the same name is resumed rather than duplicated, and finished ones count against
    the quiz's attempts allowed. ``nonce`` is the join form's one-time value: the same form
    sent again under the same name (a double click, a resend) resumes the attempt it started,
    even from a browser that never got that attempt's cookie.
    """
    moment = now_utc(now)
    quiz = find_quiz(code)
    if quiz.class_id is not None:
        raise PersonalCodeNeeded(
            f"“{quiz.title}” is for your class: type the personal code from your slip."
        )
    student = clean_name(name)
    holder = _holder_of(nonce)
    if holder is not None and _resumes(holder, quiz, student, moment):
        return holder
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
        # A nonce already used (by another name, or by an attempt now ended) is not stored
        # again: that join is a new one, as from a new page.
        join_nonce=nonce if nonce and holder is None else None,
        order_seed=secrets.randbelow(2**31),
        started_at=moment,
    )
    db.session.add(attempt)
    try:
        db.session.commit()
    except IntegrityError:
        # The same form's other request inserted its attempt first (the nonce is unique; on
        # PostgreSQL this insert waited for that commit): resume that one.
        db.session.rollback()
        holder = _holder_of(nonce)
        if holder is None or not _resumes(holder, quiz, student, moment):
            raise
        return holder
    return attempt


def _holder_of(nonce: str) -> Attempt | None:
    """The attempt a join form with this one-time value started, if any."""
    if not nonce:
        return None
    return db.session.scalars(db.select(Attempt).where(Attempt.join_nonce == nonce)).first()


def _resumes(attempt: Attempt, quiz: Quiz, student: str, moment: datetime) -> bool:
    """Whether the join form that started this attempt, sent again for this quiz under this
    name, resumes it: only while it is open. Under another name, or once it has ended, the
    form starts afresh, as a new page would."""
    return (
        attempt.quiz_id == quiz.id
        and _same_student(attempt, student)
        and attempt.submitted_at is None
        and not enforce_deadline(attempt, now=moment)
    )


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
    moment = now_utc(now)
    if enforce_deadline(attempt, now=moment):
        raise _locked(attempt)
    questions = question_rows(attempt.quiz)
    answers = parse_answers(fields, questions)
    for tries in (1, 2):
        _hold_open(attempt)
        store_answers(attempt, answers, moment)
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


def submit_attempt(
    attempt: Attempt, fields: Mapping[str, str] | None = None, *, now: datetime | None = None
) -> Attempt:
    """Save these last answers and submit; submitting again changes nothing (idempotent).

    After the time limit (plus grace), or once the quiz is closed, the late answers are
    ignored and the attempt is submitted with what was saved in time.
    """
    moment = now_utc(now)
    if enforce_deadline(attempt, now=moment):
        return attempt
    answers = parse_answers(fields or {}, question_rows(attempt.quiz))
    deadline = deadline_of(attempt)
    # Within the grace after the deadline this is the page's timer submitting: say so.
    late = deadline is not None and moment >= deadline
    reason = AttemptEnd.TIME_UP if late else AttemptEnd.SUBMITTED
    finalise_attempt(attempt, answers, submitted_at=moment, reason=reason)
    return attempt
