"""Drafting: save an article (pasted, uploaded or fetched) and generate a draft quiz from it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError

from quizapp.job_tasks import generated_items
from quizapp.models import Article, Question, Quiz, QuizStatus, User, db
from quizapp.services.authoring import ALL_KINDS, AuthoringError, apply_item
from quizapp.services.heavy_work import FETCHING, GENERATING, READING, run_heavy

MIN_ARTICLE_WORDS = 30


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """An article's text and details, as ingested or pasted, before it is saved."""

    text: str
    title: str | None = None
    published: date | None = None
    source_url: str | None = None


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
    if text and upload is None and not url:
        from quizapp.ingest.sniff import is_html_document

        if is_html_document(text):
            # A page's source pasted whole is read as that page would be if uploaded: its
            # words and title, not its tags, scripts and styles.
            upload = (text.encode("utf-8"), "pasted.html")
    if upload is not None or url:
        from quizapp.ingest import IngestError, ingest_upload, ingest_url

        # Parsing runs in a child process under a time and memory cap: a hostile file (a PDF
        # with 270,000 text pieces, a zip bomb) costs that child, never the web worker.
        try:
            if upload is not None:
                ingested = run_heavy(
                    READING,
                    owner.id,
                    ingest_upload,
                    upload[0],
                    upload[1],
                    max_bytes=limits.max_bytes,
                )
            else:
                ingested = run_heavy(
                    FETCHING,
                    owner.id,
                    ingest_url,
                    url or "",
                    # Redirects and the download itself each may take the fetch timeout.
                    extra_seconds=2 * limits.url_timeout,
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


# ---------------------------------------------------------------- generating


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
    extra_seconds: float = 0.0,
) -> Quiz:
    """Generate questions from the article and save them as a new draft quiz.

    ``token`` comes from the form: a second submit with the same token returns the first quiz.
    ``extra_seconds`` adds to the generation time limit (the demo's one-off set-up).
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
    from quizapp.nlp import GenerationError

    try:
        # In a child process under a time and memory cap (a long article takes seconds).
        items = run_heavy(
            GENERATING,
            article.owner_id,
            generated_items,
            article.text,
            title=article.title,
            max_items=count,
            kinds=chosen,
            seed=seed,
            published=article.published_on,
            extra_seconds=extra_seconds,
        )
    except GenerationError as exc:
        raise AuthoringError(str(exc)) from exc
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
