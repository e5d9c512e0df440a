"""A quiz after drafting: publish, close and reopen it, change its settings, copy or delete it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError

from quizapp.models import (
    Attempt,
    ExplanationPolicy,
    PracticeItem,
    Question,
    Quiz,
    QuizStatus,
    Response,
    StudyAccess,
    db,
)
from quizapp.models.base import utcnow
from quizapp.services.authoring import (
    AuthoringError,
    active_questions,
    check_version,
    commit_quiz_change,
    require_draft,
)
from quizapp.services.rosters import assignable_classes
from quizapp.services.scoring import Marking
from quizapp.services.taking import as_utc, close_open_attempts

# No 0/O, 1/I/L: a code read aloud or copied from a projector must not be misread.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6


# A closing time at most ten years ahead: a later year is a typo (9999), and one that lies past
# what a date can hold once a time zone or the grace period is added.
CLOSING_HORIZON = timedelta(days=10 * 366)
CLOSING_TOO_LATE = "Choose a closing time within the next ten years."


@dataclass(frozen=True, slots=True)
class QuizSettings:
    """The publishing settings a teacher chooses."""

    title: str
    shuffle_questions: bool
    shuffle_options: bool
    one_per_page: bool
    open_book: bool
    time_limit_minutes: int | None
    attempts_allowed: int
    explanations: ExplanationPolicy
    study_access: StudyAccess = StudyAccess.AFTER_SUBMIT
    show_score: ExplanationPolicy = ExplanationPolicy.AFTER_SUBMIT
    # None: as the explanations (see services/feedback.py).
    show_marks: ExplanationPolicy | None = None
    show_answers: ExplanationPolicy | None = None
    # The class whose students take it with their personal codes (None: anyone, by name).
    class_id: int | None = None
    # When the quiz closes by itself (UTC-aware; None: only when the teacher closes it).
    closes_at: datetime | None = None


# Every setting but the title is a quiz column of the same name; the title gets trimmed
# (or "(copy)" added), so it is handled on its own.
_TAKING_SETTINGS = tuple(f.name for f in fields(QuizSettings) if f.name != "title")


def _taking_settings(source: Quiz | QuizSettings) -> dict[str, Any]:
    """How a quiz is taken (every setting but the title), by name."""
    return {name: getattr(source, name) for name in _TAKING_SETTINGS}


def new_join_code() -> str:
    """A random join code of unambiguous characters."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def publish_quiz(quiz: Quiz, *, expected_version: int | None = None) -> str:
    """Publish a draft: drop deleted questions, give it a unique join code; returns the code."""
    check_version(quiz, expected_version)
    if quiz.status is QuizStatus.PUBLISHED:
        return quiz.join_code or ""
    require_draft(quiz)
    if not active_questions(quiz):
        raise AuthoringError("Add at least one question before publishing.")
    if quiz.closes_at is not None and as_utc(quiz.closes_at) <= utcnow():
        raise AuthoringError(
            "The closing time in Settings has passed: change or clear it, then publish."
        )
    for question in [q for q in quiz.questions if q.deleted]:
        quiz.questions.remove(question)
    for position, question in enumerate(quiz.questions, 1):
        question.position = position
    quiz.status = QuizStatus.PUBLISHED
    quiz.published_at = utcnow()
    quiz.join_code = quiz.join_code or _free_join_code()
    try:
        commit_quiz_change(quiz)
    except IntegrityError as exc:  # another quiz took the same code in the same instant
        db.session.rollback()
        raise AuthoringError("Publishing clashed with another quiz. Please try again.") from exc
    return quiz.join_code


def _free_join_code() -> str:
    """A join code no quiz uses yet."""
    while True:
        code = new_join_code()
        if db.session.scalars(db.select(Quiz.id).where(Quiz.join_code == code)).first() is None:
            return code


def close_quiz(quiz: Quiz, *, expected_version: int | None = None) -> int:
    """Stop accepting answers and submit every open attempt as it stands (returns how many);
    results and explanations stay available."""
    check_version(quiz, expected_version)
    if quiz.status is not QuizStatus.PUBLISHED:
        raise AuthoringError("Only a published quiz can be closed.")
    quiz.status = QuizStatus.CLOSED
    quiz.closed_at = utcnow()
    commit_quiz_change(quiz)
    # After the commit: from now on every save sees the closed quiz and is refused, so the
    # answers scored here are the last ones (attempts missed by a race end on their next read).
    return close_open_attempts(quiz)


def reopen_quiz(quiz: Quiz, *, expected_version: int | None = None) -> None:
    """Accept answers again on a closed quiz, with the same join code."""
    check_version(quiz, expected_version)
    if quiz.status is not QuizStatus.CLOSED:
        raise AuthoringError("Only a closed quiz can be reopened.")
    quiz.status = QuizStatus.PUBLISHED
    quiz.closed_at = None
    if quiz.closes_at is not None and as_utc(quiz.closes_at) <= utcnow():
        quiz.closes_at = None  # it would close again at once: open until closed by hand
    commit_quiz_change(quiz)


def update_settings(
    quiz: Quiz, settings: QuizSettings, *, expected_version: int | None = None
) -> None:
    """Change how the quiz is taken (allowed in any status: e.g. to allow one more attempt)."""
    check_version(quiz, expected_version)
    if settings.attempts_allowed < 1:
        raise AuthoringError("Allow at least one attempt.")
    if settings.time_limit_minutes is not None and settings.time_limit_minutes < 1:
        raise AuthoringError("A time limit must be at least one minute.")
    if not settings.title.strip():
        raise AuthoringError("The title cannot be empty.")
    if (
        settings.closes_at is not None
        and settings.closes_at != (quiz.closes_at and as_utc(quiz.closes_at))
        and settings.closes_at <= utcnow()
    ):
        raise AuthoringError(
            "Choose a closing time in the future (to close the quiz now, use “Close the quiz”)."
        )
    if settings.closes_at is not None and settings.closes_at > utcnow() + CLOSING_HORIZON:
        raise AuthoringError(CLOSING_TOO_LATE)
    if settings.class_id not in (None, quiz.class_id) and settings.class_id not in {
        c.id for c in assignable_classes(quiz.owner_id)
    }:
        raise AuthoringError("Choose one of your current classes.")
    quiz.title = settings.title.strip()[:300]
    for name, value in _taking_settings(settings).items():
        setattr(quiz, name, value)
    commit_quiz_change(quiz)


def quiz_settings(quiz: Quiz) -> QuizSettings:
    """A quiz's current settings as a value."""
    return QuizSettings(title=quiz.title, **_taking_settings(quiz))


def copy_quiz(quiz: Quiz) -> Quiz:
    """A new draft with the same settings and (non-deleted) questions, to edit freely.

    Regrades belong to the original's attempts: a question given to everyone counts normally
    again, and one the teacher dropped comes as a deleted question (restorable in the draft),
    never a question that silently gives or takes points with no regrade log to undo it.
    """
    copy = Quiz(
        article_id=quiz.article_id,
        owner_id=quiz.owner_id,
        title=f"{quiz.title} (copy)"[:300],
        status=QuizStatus.DRAFT,
        **{**_taking_settings(quiz), "closes_at": None},  # a copy is new: its own closing time
    )
    columns = [c.key for c in Question.__table__.columns if c.key not in ("id", "quiz_id")]
    for position, question in enumerate(active_questions(quiz), 1):
        clone = Question(**{key: getattr(question, key) for key in columns})
        clone.data = dict(question.data or {})
        clone.position = position
        clone.deleted = question.marking == Marking.DROPPED
        clone.marking = Marking.NORMAL
        copy.questions.append(clone)
    db.session.add(copy)
    db.session.commit()
    return copy


def delete_quiz(quiz: Quiz) -> None:
    """Delete a quiz with its questions, attempts and their responses, in one transaction."""
    # Explicit, not left to ON DELETE CASCADE: SQLite enforces foreign keys only when asked.
    attempt_ids = db.select(Attempt.id).where(Attempt.quiz_id == quiz.id)
    db.session.execute(db.delete(Response).where(Response.attempt_id.in_(attempt_ids)))
    db.session.execute(db.delete(PracticeItem).where(PracticeItem.attempt_id.in_(attempt_ids)))
    db.session.execute(db.delete(Attempt).where(Attempt.quiz_id == quiz.id))
    db.session.delete(quiz)
    db.session.commit()
