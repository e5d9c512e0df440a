"""Joining a quiz: by a typed name (quick use) or, for a quiz assigned to a class, a personal code."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from quizapp.models import Attempt, Quiz, Student, db
from quizapp.services import rosters, taking, units

__all__ = [
    "BrowserAttempts",
    "PersonalCodeNeeded",
    "QuizNotOpenYet",
    "WrongPersonalCode",
    "asks_personal_code",
    "attempts_in_browser",
    "join_quiz",
]


PersonalCodeNeeded = taking.PersonalCodeNeeded


class WrongPersonalCode(taking.TakingError):
    """No current student of the quiz's class has this personal code."""


class QuizNotOpenYet(taking.TakingError):
    """The quiz is a step of the class's unit whose opening date has not come."""


def asks_personal_code(code: str | None) -> bool:
    """Whether the quiz with this join code is joined with a personal code (False if unknown)."""
    try:
        return bool(code) and taking.find_quiz(code or "").class_id is not None
    except taking.TakingError:
        return False


def personal_code_fits(code: str | None, personal_code: str | None) -> bool:
    """Whether this personal code belongs to a current student of the quiz with this join code."""
    try:
        quiz = taking.find_quiz(code or "")
    except taking.TakingError:
        return False
    return rosters.student_for_code(quiz, personal_code or "") is not None


@dataclass(frozen=True, slots=True)
class BrowserAttempts:
    """What this browser has at one quiz: an attempt to continue, and submitted ones."""

    unfinished: Attempt | None
    # Newest first.
    submitted: tuple[Attempt, ...]


def attempts_in_browser(
    code: str | None, tokens: Iterable[str], *, now: datetime | None = None
) -> BrowserAttempts:
    """The name-only attempts this browser (its remembered ``tokens``) has at the quiz with
    this join code: the unfinished one it may continue, and those submitted, so a student
    coming back to the join link, even after the quiz has closed, finds their result. An
    attempt whose time ran out while its page was closed counts as submitted, as it is.

    Rostered students' attempts are never listed: on a shared computer the next student must
    neither walk into a classmate's attempt nor see their result.
    """
    wanted = taking.normalise_join_code(code or "")
    if not wanted:
        return BrowserAttempts(unfinished=None, submitted=())
    mine = [
        attempt
        for attempt in (taking.find_attempt(token) for token in tokens)
        if attempt is not None
        and attempt.student_id is None
        and attempt.quiz.class_id is None
        and taking.normalise_join_code(attempt.quiz.join_code or "") == wanted
    ]
    ended = {attempt.id for attempt in mine if taking.enforce_deadline(attempt, now=now)}
    unfinished = next((attempt for attempt in mine if attempt.id not in ended), None)
    submitted = sorted(
        (attempt for attempt in mine if attempt.id in ended),
        key=lambda attempt: (attempt.submitted_at, attempt.id),
        reverse=True,
    )
    return BrowserAttempts(unfinished=unfinished, submitted=tuple(submitted))


def join_quiz(
    code: str,
    *,
    name: str = "",
    personal_code: str = "",
    known_tokens: Iterable[str] = (),
    nonce: str = "",
    now: datetime | None = None,
) -> Attempt:
    """Start or resume an attempt: by personal code for a class's quiz, by name otherwise.

    A rostered student is the same person on every device: the same code resumes the same
    open attempt (same clock), and their attempts allowed count across devices. Name-only
    joining resumes only what this browser (``known_tokens``) started under that name, or
    what the same join form (its one-time ``nonce``) started.
    """
    moment = now or datetime.now(UTC)
    quiz = taking.find_quiz(code)
    if quiz.class_id is None:
        return taking.join_quiz(code, name, known_tokens=known_tokens, nonce=nonce, now=moment)
    if quiz.school_class is not None and quiz.school_class.archived_at is not None:
        raise taking.QuizClosed(f"“{quiz.title}” is for a class that has been archived.")
    if not rosters.normalise_personal_code(personal_code):
        # No code typed (a name, perhaps): the name path refuses with the right message.
        return taking.join_quiz(code, name, known_tokens=known_tokens, nonce=nonce, now=moment)
    student = rosters.student_for_code(quiz, personal_code)
    if student is None:
        raise WrongPersonalCode(
            "That personal code is not on this class's list. Check your slip, or ask your teacher."
        )
    opens = units.opens_later(quiz, student.class_id, moment.astimezone(UTC).date())
    if opens is not None:
        raise QuizNotOpenYet(f"“{quiz.title}” opens on {opens.day} {opens:%B %Y}: come back then.")
    return _join_as_student(quiz, student, moment)


def _join_as_student(quiz: Quiz, student: Student, moment: datetime) -> Attempt:
    """The student's open attempt, or a new one if they have attempts left."""
    for _ in range(3):
        mine = list(
            db.session.scalars(
                db.select(Attempt)
                .where(Attempt.quiz_id == quiz.id, Attempt.student_id == student.id)
                .order_by(Attempt.started_at, Attempt.id)
            )
        )
        for attempt in mine:
            if attempt.submitted_at is None and not taking.enforce_deadline(attempt, now=moment):
                return attempt
        finished = [a for a in mine if a.submitted_at is not None]
        allowed = quiz.attempts_allowed
        if allowed > 0 and len(finished) >= allowed:
            raise taking.NoAttemptsLeft(
                f"You have used your {allowed} attempt{'s' if allowed != 1 else ''} at this quiz.",
                finished[-1].token,
            )
        attempt = Attempt(
            quiz_id=quiz.id,
            student_id=student.id,
            student_name=student.name,
            token=secrets.token_urlsafe(32),
            order_seed=secrets.randbelow(2**31),
            started_at=moment,
        )
        db.session.add(attempt)
        try:
            db.session.commit()
        except IntegrityError:
            # Another device of the same student started one this instant (one open attempt
            # per student and quiz is a unique index): go round again and resume that one.
            db.session.rollback()
            continue
        return attempt
    raise taking.TakingError("Joining clashed with another device. Please try again.")
