"""Authoring: article -> generated draft quiz -> publish, close, reopen, copy; dashboards."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from quizapp.models import (
    Article,
    Attempt,
    ExplanationPolicy,
    PracticeItem,
    Question,
    Quiz,
    QuizStatus,
    Response,
    StudyAccess,
    User,
    db,
)
from quizapp.models.base import utcnow

# No 0/O, 1/I/L: a code read aloud or copied from a projector must not be misread.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6
ALL_KINDS: tuple[str, ...] = (
    "multiple_choice",
    "fill_in",
    "true_false",
    "short_answer",
    "numeric",
    "matching",
)
KIND_LABELS: dict[str, str] = {
    "multiple_choice": "Multiple choice",
    "fill_in": "Fill in the blank",
    "true_false": "True or false",
    "short_answer": "Short answer",
    "numeric": "Number",
    "matching": "Matching",
}
MIN_ARTICLE_WORDS = 30


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
class ArticleDraft:
    """An article's text and details, as ingested or pasted, before it is saved."""

    text: str
    title: str | None = None
    published: date | None = None
    source_url: str | None = None


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
    study_access: StudyAccess = StudyAccess.BEFORE_AND_AFTER


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


# ---------------------------------------------------------------- articles


def clean_article_text(text: str) -> str:
    """Normalise line endings and trim; the generator's offsets refer to this exact text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def check_article_text(text: str, *, max_chars: int) -> None:
    """Raise AuthoringError with a clear message if the text cannot make a quiz."""
    if not text.strip():
        raise AuthoringError("The article is empty. Paste its text, upload a file or give a URL.")
    if "\x00" in text or sum(1 for ch in text[:5000] if ord(ch) < 32 and ch not in "\n\t") > 20:
        raise AuthoringError(
            "That looks like a binary file, not text. Upload .txt, .md, .html, .docx or .pdf."
        )
    if len(text) > max_chars:
        raise AuthoringError(
            f"The article is too long ({len(text):,} characters; the limit is {max_chars:,}). "
            "Use one article or chapter at a time."
        )
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise AuthoringError(
            f"The article is too short to make questions from (fewer than {MIN_ARTICLE_WORDS} "
            "words). Paste the whole article."
        )


def _detect_details(text: str) -> tuple[str | None, date | None]:
    """The headline and publication date the generator's reader finds, if it is available."""
    try:
        from quizapp.nlp import read_document
    except ImportError:  # the reader is optional for saving an article
        return None, None
    document = read_document(text)
    return document.title, document.published


def _fallback_title(text: str) -> str:
    """The first line, shortened: a title when nothing better was found."""
    first = text.strip().split("\n", 1)[0].strip()
    return (first[:117] + "…") if len(first) > 120 else (first or "Untitled article")


def save_article(owner: User, draft: ArticleDraft, *, max_chars: int) -> Article:
    """Save the teacher's article (or reuse their identical one) with detected title and date."""
    text = clean_article_text(draft.text)
    check_article_text(text, max_chars=max_chars)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article = db.session.scalars(
        db.select(Article).where(Article.owner_id == owner.id, Article.sha256 == digest)
    ).first()
    detected_title, detected_date = (None, None)
    if not (draft.title and draft.published):
        detected_title, detected_date = _detect_details(text)
    title = (draft.title or detected_title or _fallback_title(text)).strip()[:300]
    published = draft.published or detected_date
    if article is None:
        article = Article(owner_id=owner.id, text=text, sha256=digest, title=title)
        db.session.add(article)
    article.title = title
    article.published_on = published or article.published_on
    if draft.source_url and draft.source_url.startswith(("http://", "https://")):
        article.source_url = draft.source_url[:2000]
        article.source_name = _host(draft.source_url)
    db.session.commit()
    return article


@dataclass(frozen=True, slots=True)
class SourceLimits:
    """Size and fetch limits for articles (from the app's configuration)."""

    max_bytes: int
    max_chars: int
    url_timeout: float
    allow_private: bool


def ingest_article(
    owner: User,
    *,
    text: str | None = None,
    upload: tuple[bytes, str] | None = None,
    url: str | None = None,
    limits: SourceLimits,
) -> Article:
    """Save an article from pasted text, an uploaded (data, filename) or a URL.

    Raises AuthoringError with the ingest package's message when a file or page cannot be read.
    """
    if upload is not None or url:
        from quizapp.ingest import IngestError, ingest_upload, ingest_url

        try:
            if upload is not None:
                ingested = ingest_upload(upload[0], upload[1], max_bytes=limits.max_bytes)
            else:
                ingested = ingest_url(
                    url or "",
                    timeout=limits.url_timeout,
                    max_bytes=limits.max_bytes,
                    allow_private=limits.allow_private,
                )
        except IngestError as exc:
            raise AuthoringError(str(exc)) from exc
        draft = ArticleDraft(
            text=ingested.text,
            title=ingested.title,
            published=ingested.published,
            source_url=ingested.source_url or url,
        )
    else:
        draft = ArticleDraft(text=text or "")
    return save_article(owner, draft, max_chars=limits.max_chars)


def _host(url: str) -> str | None:
    """The host name of a URL, without a leading www."""
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def update_article_details(article: Article, *, title: str, published: date | None) -> None:
    """Set an article's title and publication date (the teacher's corrections)."""
    article.title = title.strip()[:300] or article.title
    article.published_on = published
    db.session.commit()


def get_owned_article(owner: User, article_id: int) -> Article | None:
    """The article if it exists and belongs to this teacher, else None."""
    article = db.session.get(Article, article_id)
    return article if article is not None and article.owner_id == owner.id else None


def get_owned_quiz(owner: User, quiz_id: int) -> Quiz | None:
    """The quiz if it exists and belongs to this teacher, else None."""
    quiz = db.session.get(Quiz, quiz_id)
    return quiz if quiz is not None and quiz.owner_id == owner.id else None


def get_owned_question(owner: User, quiz: Quiz, question_id: int) -> Question | None:
    """The question if it belongs to this (owned) quiz, else None."""
    question = db.session.get(Question, question_id)
    if question is None or question.quiz_id != quiz.id or quiz.owner_id != owner.id:
        return None
    return question


# ---------------------------------------------------------------- generating


def apply_item(question: Question, item: dict[str, Any]) -> None:
    """Copy a question-set item (generator output) onto a Question row."""
    question.kind = item["kind"]
    question.prompt = item["prompt"]
    question.answer = item.get("answer")
    question.data = {
        key: item[key]
        for key in ("options", "accepted", "pairs", "value", "tolerance", "unit")
        if item.get(key) is not None
    }
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


def _check_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    """The chosen kinds, validated; raises ValueError on an unknown kind."""
    chosen = tuple(kinds)
    for kind in chosen:
        if kind not in ALL_KINDS:
            raise ValueError(f"unknown question kind: {kind!r}")
    if not chosen:
        raise AuthoringError("Choose at least one kind of question.")
    return chosen


def create_quiz(
    article: Article,
    *,
    title: str,
    published: date | None = None,
    kinds: Iterable[str],
    count: int,
    token: str | None = None,
    seed: int = 0,
) -> Quiz:
    """Generate questions from the article and save them as a new draft quiz.

    ``token`` comes from the form: a second submit with the same token returns the first quiz.
    """
    if token:
        existing = db.session.scalars(db.select(Quiz).where(Quiz.creation_token == token)).first()
        if existing is not None:
            return existing
    chosen = _check_kinds(kinds)
    if not title.strip():
        raise AuthoringError("Give the quiz a title.")
    # The teacher confirmed (or corrected) the detected title and date on the same form.
    article.title = title.strip()[:300]
    article.published_on = published
    from quizapp.nlp import GenerationError, generate

    try:
        question_set = generate(
            article.text,
            title=article.title,
            max_items=count,
            kinds=chosen,
            seed=seed,
            published=article.published_on,
        )
    except GenerationError as exc:
        raise AuthoringError(str(exc)) from exc
    items = question_set.to_dict()["questions"]
    if not items:
        raise AuthoringError(
            "No questions could be made from this article with the kinds you chose. Try more "
            "kinds, or an article with more facts (names, numbers, dates, places)."
        )
    quiz = Quiz(
        article_id=article.id,
        owner_id=article.owner_id,
        title=article.title,
        status=QuizStatus.DRAFT,
        creation_token=token,
    )
    for position, item in enumerate(items, 1):
        question = Question(position=position)
        apply_item(question, item)
        quiz.questions.append(question)
    db.session.add(quiz)
    try:
        db.session.commit()
    except IntegrityError:
        # The other request of a double submit won the race for this token.
        db.session.rollback()
        existing = db.session.scalars(db.select(Quiz).where(Quiz.creation_token == token)).first()
        if existing is None:
            raise
        return existing
    return quiz


# ---------------------------------------------------------------- versions


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


# ---------------------------------------------------------------- publishing


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


def close_quiz(quiz: Quiz, *, expected_version: int | None = None) -> None:
    """Stop accepting answers; results and explanations stay available."""
    check_version(quiz, expected_version)
    if quiz.status is not QuizStatus.PUBLISHED:
        raise AuthoringError("Only a published quiz can be closed.")
    quiz.status = QuizStatus.CLOSED
    quiz.closed_at = utcnow()
    commit_quiz_change(quiz)


def reopen_quiz(quiz: Quiz, *, expected_version: int | None = None) -> None:
    """Accept answers again on a closed quiz, with the same join code."""
    check_version(quiz, expected_version)
    if quiz.status is not QuizStatus.CLOSED:
        raise AuthoringError("Only a closed quiz can be reopened.")
    quiz.status = QuizStatus.PUBLISHED
    quiz.closed_at = None
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
    quiz.title = settings.title.strip()[:300]
    quiz.shuffle_questions = settings.shuffle_questions
    quiz.shuffle_options = settings.shuffle_options
    quiz.one_per_page = settings.one_per_page
    quiz.open_book = settings.open_book
    quiz.time_limit_minutes = settings.time_limit_minutes
    quiz.attempts_allowed = settings.attempts_allowed
    quiz.explanations = settings.explanations
    quiz.study_access = settings.study_access
    commit_quiz_change(quiz)


def quiz_settings(quiz: Quiz) -> QuizSettings:
    """A quiz's current settings as a value."""
    return QuizSettings(
        title=quiz.title,
        shuffle_questions=quiz.shuffle_questions,
        shuffle_options=quiz.shuffle_options,
        one_per_page=quiz.one_per_page,
        open_book=quiz.open_book,
        time_limit_minutes=quiz.time_limit_minutes,
        attempts_allowed=quiz.attempts_allowed,
        explanations=quiz.explanations,
        study_access=quiz.study_access,
    )


def copy_quiz(quiz: Quiz) -> Quiz:
    """A new draft with the same settings and (non-deleted) questions, to edit freely."""
    copy = Quiz(
        article_id=quiz.article_id,
        owner_id=quiz.owner_id,
        title=f"{quiz.title} (copy)"[:300],
        status=QuizStatus.DRAFT,
        shuffle_questions=quiz.shuffle_questions,
        shuffle_options=quiz.shuffle_options,
        one_per_page=quiz.one_per_page,
        open_book=quiz.open_book,
        time_limit_minutes=quiz.time_limit_minutes,
        attempts_allowed=quiz.attempts_allowed,
        explanations=quiz.explanations,
        study_access=quiz.study_access,
    )
    columns = [c.key for c in Question.__table__.columns if c.key not in ("id", "quiz_id")]
    for position, question in enumerate(active_questions(quiz), 1):
        clone = Question(**{key: getattr(question, key) for key in columns})
        clone.data = dict(question.data or {})
        clone.position = position
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


# ---------------------------------------------------------------- dashboard


def dashboard(owner: User) -> list[ArticleSummary]:
    """The teacher's articles, newest first, each with its quizzes and their counts."""
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
