"""The teacher blueprint and the lookups every teacher view shares (owned objects or 404)."""

from __future__ import annotations

from flask import Blueprint, abort, url_for
from flask_login import current_user, login_required
from werkzeug.routing import BuildError

from quizapp.models import Article, Question, Quiz
from quizapp.services.authoring import get_owned_article, get_owned_question, get_owned_quiz

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


@bp.before_request
@login_required
def require_login() -> None:
    """Every teacher page needs a logged-in teacher."""


def owned_article_or_404(article_id: int) -> Article:
    """The current teacher's article; 404 if missing or someone else's (no hint it exists)."""
    article = get_owned_article(current_user, article_id)
    if article is None:
        abort(404)
    return article


def owned_quiz_or_404(quiz_id: int) -> Quiz:
    """The current teacher's quiz, else 404."""
    quiz = get_owned_quiz(current_user, quiz_id)
    if quiz is None:
        abort(404)
    return quiz


def owned_question_or_404(quiz_id: int, question_id: int) -> tuple[Quiz, Question]:
    """The current teacher's quiz and one of its questions, else 404."""
    quiz = owned_quiz_or_404(quiz_id)
    question = get_owned_question(current_user, quiz, question_id)
    if question is None:
        abort(404)
    return quiz, question


def join_link(code: str | None) -> str | None:
    """The shareable student link for a join code, or None if the student pages are absent."""
    if not code:
        return None
    try:
        return url_for("play.join_code", code=code, _external=True)
    except BuildError:
        return None


def quiz_url(quiz: Quiz, anchor: str | None = None) -> str:
    """The quiz page, optionally scrolled to an anchor."""
    return url_for("teacher.quiz", quiz_id=quiz.id, _anchor=anchor)
