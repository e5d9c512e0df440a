"""Demo data for `quizapp demo`: a teacher, a sample article and a published quiz (idempotent)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizapp.models import Quiz, QuizStatus, db
from quizapp.paths import SAMPLES_DIR
from quizapp.services.accounts import NewTeacher, find_user, register_teacher, set_password
from quizapp.services.drafting import ArticleDraft, create_quiz, save_article
from quizapp.services.publishing import publish_quiz

DEMO_EMAIL = "demo@example.org"
DEMO_NAME = "Demo Teacher"
DEMO_PASSWORD = "demo-teacher"
DEMO_SAMPLE = "glacier-report.txt"
DEMO_KINDS = ("multiple_choice", "fill_in", "true_false", "short_answer", "numeric", "matching")
# `make run` makes the demo quiz once, at the terminal, before serving: the web's time limit
# (GENERATE_SECONDS, which keeps a shared site quick) would stop it on a slow or busy machine
# whose first run also builds the word tables in ~/.cache/quizapp, and end `make run` there.
DEMO_EXTRA_SECONDS = 600.0


@dataclass(frozen=True, slots=True)
class DemoInfo:
    """How to log in to the demo and which quiz students can join."""

    email: str
    password: str
    quiz_id: int
    quiz_title: str
    join_code: str


def _sample_path() -> Path:
    """The project's own sample article used by the demo."""
    path = SAMPLES_DIR / DEMO_SAMPLE
    return path if path.exists() else sorted(SAMPLES_DIR.glob("*.txt"))[0]


def ensure_demo(*, max_chars: int = 200_000) -> DemoInfo:
    """Create what is missing of the demo teacher, article and published quiz; return the login."""
    user = find_user(DEMO_EMAIL)
    if user is None:
        user = register_teacher(NewTeacher(DEMO_EMAIL, DEMO_NAME, DEMO_PASSWORD))
    else:
        # The printed password must work even if someone changed it.
        set_password(user, DEMO_PASSWORD)
    text = _sample_path().read_text(encoding="utf-8")
    article = save_article(user, ArticleDraft(text=text), max_chars=max_chars)
    quiz = db.session.scalars(
        db.select(Quiz)
        .where(Quiz.article_id == article.id, Quiz.status == QuizStatus.PUBLISHED)
        .order_by(Quiz.id)
    ).first()
    if quiz is None:
        quiz = create_quiz(
            article,
            title=article.title,
            published=article.published_on,
            kinds=DEMO_KINDS,
            count=20,
            token=f"demo-{article.sha256[:32]}",
            extra_seconds=DEMO_EXTRA_SECONDS,
        )
        if quiz.status is QuizStatus.DRAFT:
            publish_quiz(quiz)
    return DemoInfo(DEMO_EMAIL, DEMO_PASSWORD, quiz.id, quiz.title, quiz.join_code or "")
