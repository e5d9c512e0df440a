"""When an attempt stops taking answers: its time limit, the quiz's closing time, closing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from quizapp.models import Attempt, AttemptEnd, Quiz, QuizStatus, db
from quizapp.services.attempt_scoring import finalise_attempt

__all__ = [
    "GRACE",
    "as_utc",
    "close_if_due",
    "close_open_attempts",
    "deadline_of",
    "enforce_deadline",
    "now_utc",
    "past_closing",
]

# Answers that arrive this long after the time limit (network, a slow phone) still count.
GRACE = timedelta(seconds=30)


def now_utc(now: datetime | None) -> datetime:
    """The given time or the current one, UTC-aware."""
    return now if now is not None else datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored time, UTC-aware: SQLite hands back naive datetimes, and every stored time is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def past_closing(quiz: Quiz, moment: datetime) -> bool:
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
    moment = now_utc(now)
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
    moment = now_utc(now)
    # First, even for a submitted attempt: its result page is where its student sees the
    # answers a quiz shows "after it closes", once the closing time has passed.
    close_if_due(attempt.quiz, now=moment)  # then the quiz is closed: the next test ends it
    if attempt.submitted_at is not None:
        return True
    if attempt.quiz.status is not QuizStatus.PUBLISHED:
        closed_at = attempt.quiz.closed_at
        ended = min(as_utc(closed_at), moment) if closed_at is not None else moment
        finalise_attempt(attempt, {}, submitted_at=ended, reason=AttemptEnd.QUIZ_CLOSED)
        return True
    deadline = deadline_of(attempt)
    if deadline is None or moment <= deadline + GRACE:
        return False
    finalise_attempt(attempt, {}, submitted_at=deadline, reason=AttemptEnd.TIME_UP)
    return True


def close_open_attempts(quiz: Quiz, *, now: datetime | None = None) -> int:
    """Submit every open attempt at a quiz that no longer takes answers; returns how many.

    Each is scored with the answers saved so far, and its student's page then says that the
    teacher closed the quiz. A save racing this loses cleanly: finalise_attempt and _hold_open take
    the same row lock.
    """
    moment = now_utc(now)
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
            ended += finalise_attempt(attempt, {}, submitted_at=at, reason=AttemptEnd.QUIZ_CLOSED)
    return ended
