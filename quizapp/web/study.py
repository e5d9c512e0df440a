"""The study view (learning module) for students: by join code before the quiz, or by attempt."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, url_for
from werkzeug.wrappers import Response as BaseResponse

from quizapp.models import Attempt
from quizapp.services import practice, study, taking
from quizapp.web.code_limits import limit_wrong_codes, mark_wrong_code

bp = Blueprint("study", __name__)


def _attempt_or_404(token: str) -> Attempt:
    """The attempt with this token, if its student may study now; else 404."""
    attempt = taking.find_attempt(token)
    if attempt is not None:
        taking.enforce_deadline(attempt)  # out of time or past the closing time: ends now
    if attempt is None or not study.study_open_for_attempt(attempt):
        abort(404)
    return attempt


def _private(html: str) -> BaseResponse:
    """A page tied to a secret token: never cached."""
    response = make_response(html)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/study/<code>")
@limit_wrong_codes()
def by_code(code: str) -> str:
    """The module from the join link, before taking the quiz (when the teacher allows it)."""
    try:
        quiz = taking.find_quiz(code)
    except taking.QuizNotFound:
        mark_wrong_code()  # guessing codes here is limited like guessing them on /join
        abort(404)
    except taking.TakingError:
        abort(404)
    if not study.study_open_by_code(quiz):
        abort(404)
    return render_template("study/module.html", view=study.study_view(quiz), attempt=None)


@bp.get("/attempt/<token>/study")
def by_attempt(token: str) -> BaseResponse:
    """The module for a student's attempt: back to the questions, or on to the result."""
    attempt = _attempt_or_404(token)
    view = study.study_view(attempt.quiz)
    return _private(
        render_template(
            "study/module.html",
            view=view,
            attempt=attempt,
            practice_open=practice.practice_available(attempt),
        )
    )


@bp.get("/attempt/<token>/study/at/<int:offset>")
def locate(token: str, offset: int) -> BaseResponse:
    """Jump to the sentence holding an article offset (a result's "read it in the article")."""
    attempt = _attempt_or_404(token)
    index = study.sentence_for_offset(attempt.quiz, offset)
    anchor = f"s{index}" if index is not None else None
    return redirect(url_for("study.by_attempt", token=token, _anchor=anchor))


@bp.app_template_global("open_book_article")
def open_book_article(attempt: Attempt) -> study.StudyView | None:
    """The article for the take page of an open-book quiz (None otherwise)."""
    if not attempt.quiz.open_book:
        return None
    return study.study_view(attempt.quiz)
