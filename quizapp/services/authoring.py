"""A teacher's quizzes: what they own (lookups, dashboard) and the rules every change follows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm.exc import StaleDataError

from quizapp.models import Article, Attempt, Question, Quiz, QuizStatus, User, db
from quizapp.models.base import utcnow
from quizapp.models.quiz import ITEM_DATA_KEYS
from quizapp.services.taking import GRACE, close_if_due

ALL_KINDS: tuple[str, ...] = (
    "multiple_choice",
    "fill_in",
    "true_false",
    "short_answer",
    "numeric",
    "matching",
    "cloze",
)
# Kinds a teacher can edit or add by hand: every kind the generator makes.
EDITABLE_KINDS: tuple[str, ...] = ALL_KINDS
KIND_LABELS: dict[str, str] = {
    "multiple_choice": "Multiple choice",
    "fill_in": "Fill in the blank",
    "true_false": "True or false",
    "short_answer": "Short answer",
    "numeric": "Number",
    "matching": "Matching",
    "cloze": "Gap-fill passage",
}


class AuthoringError(ValueError):
    """Something the teacher asked for cannot be done; str(exc) is a message for them."""


class QuizChanged(AuthoringError):
    """The quiz was changed (in another tab) since the page the teacher submitted from."""

    def __init__(self) -> None:
        super().__init__(
            "This quiz changed in another tab or window. Reload the page to see the latest "
            "version, then make your change again."
        )


class QuizLocked(AuthoringError):
    """Questions of a published or closed quiz are read-only."""

    def __init__(self) -> None:
        super().__init__(
            "This quiz is published, so its questions are read-only. Use “Copy to edit” to "
            "make a new draft."
        )


@dataclass(frozen=True, slots=True)
class QuizSummary:
    """One dashboard row: a quiz with its counts."""

    quiz: Quiz
    questions: int
    attempts: int


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One dashboard article with its quizzes."""

    article: Article
    words: int
    quizzes: tuple[QuizSummary, ...]


# ---------------------------------------------------------------- ownership


def get_owned_article(owner: User, article_id: int) -> Article | None:
    """The article if it exists and belongs to this teacher, else None."""
    article = db.session.get(Article, article_id)
    return article if article is not None and article.owner_id == owner.id else None


def get_owned_quiz(owner: User, quiz_id: int) -> Quiz | None:
    """The quiz if it exists and belongs to this teacher, else None; a quiz whose closing time
    has passed is closed first, so every teacher page shows it closed and its results final."""
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None or quiz.owner_id != owner.id:
        return None
    close_if_due(quiz)
    return quiz


def get_owned_question(owner: User, quiz: Quiz, question_id: int) -> Question | None:
    """The question if it belongs to this (owned) quiz, else None."""
    question = db.session.get(Question, question_id)
    if question is None or question.quiz_id != quiz.id or quiz.owner_id != owner.id:
        return None
    return question


def dashboard(owner: User) -> list[ArticleSummary]:
    """The teacher's articles, newest first, each with its quizzes and their counts."""
    # Quizzes past their closing time close first, so their status and counts are final.
    for quiz in db.session.scalars(
        db.select(Quiz).where(
            Quiz.owner_id == owner.id,
            Quiz.status == QuizStatus.PUBLISHED,
            Quiz.closes_at.is_not(None),
            Quiz.closes_at < utcnow() - GRACE,
        )
    ):
        close_if_due(quiz)
    question_counts = dict(
        db.session.execute(
            db.select(Question.quiz_id, func.count(Question.id))
            .join(Quiz, Quiz.id == Question.quiz_id)
            .where(Quiz.owner_id == owner.id, Question.deleted.is_(False))
            .group_by(Question.quiz_id)
        ).all()
    )
    attempt_counts = dict(
        db.session.execute(
            db.select(Attempt.quiz_id, func.count(Attempt.id))
            .join(Quiz, Quiz.id == Attempt.quiz_id)
            .where(Quiz.owner_id == owner.id, Attempt.submitted_at.is_not(None))
            .group_by(Attempt.quiz_id)
        ).all()
    )
    quizzes = db.session.scalars(
        db.select(Quiz)
        .where(Quiz.owner_id == owner.id)
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
    ).all()
    by_article: dict[int, list[QuizSummary]] = {}
    for quiz in quizzes:
        by_article.setdefault(quiz.article_id, []).append(
            QuizSummary(quiz, question_counts.get(quiz.id, 0), attempt_counts.get(quiz.id, 0))
        )
    articles = db.session.scalars(
        db.select(Article)
        .where(Article.owner_id == owner.id)
        .order_by(Article.created_at.desc(), Article.id.desc())
    ).all()
    return [
        ArticleSummary(article, len(article.text.split()), tuple(by_article.get(article.id, ())))
        for article in articles
    ]


# ---------------------------------------------------------------- items and versions


def apply_item(question: Question, item: dict[str, Any]) -> None:
    """Copy a question-set item (generator output) onto a Question row."""
    question.kind = item["kind"]
    question.prompt = item["prompt"]
    question.answer = item.get("answer")
    question.data = {key: item[key] for key in ITEM_DATA_KEYS if item.get(key) is not None}
    fact = item.get("fact") or {}
    question.fact_type = fact.get("type")
    question.fact_text = fact.get("text")
    question.fact_start = fact.get("start")
    question.fact_end = fact.get("end")
    source = item.get("source") or {}
    question.quote = source.get("quote")
    question.quote_start = source.get("start")
    question.quote_end = source.get("end")
    question.paragraph = source.get("paragraph")
    question.explanation = item.get("explanation") or None
    question.difficulty = item.get("difficulty")


def check_version(quiz: Quiz, expected_version: int | None) -> None:
    """Raise QuizChanged if the page the teacher acted from showed an older version."""
    if expected_version is not None and quiz.version != expected_version:
        raise QuizChanged()


def commit_quiz_change(quiz: Quiz) -> None:
    """Commit a change to the quiz or its questions, bumping its version (optimistic lock)."""
    quiz.updated_at = utcnow()
    try:
        db.session.commit()
    except StaleDataError as exc:
        db.session.rollback()
        raise QuizChanged() from exc


def require_draft(quiz: Quiz) -> None:
    """Raise QuizLocked unless the quiz's questions may still be edited."""
    if quiz.status is not QuizStatus.DRAFT:
        raise QuizLocked()


def active_questions(quiz: Quiz) -> list[Question]:
    """The quiz's questions that are not deleted, in order (what students get)."""
    return [q for q in quiz.questions if not q.deleted]
