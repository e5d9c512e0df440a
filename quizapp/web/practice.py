"""Practice after an attempt ("Practise what I missed"), kept under the student's attempt token."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from quizapp.models import Attempt
from quizapp.services import practice, study, taking
from quizapp.web.ids import row_number

bp = Blueprint("practice", __name__)


def _attempt_or_404(token: str) -> Attempt:
    """The attempt with this token if it may practise now; else 404."""
    attempt = taking.find_attempt(token)
    if attempt is not None:
        taking.enforce_deadline(attempt)  # out of time or past the closing time: ends now
    if attempt is None or not practice.practice_available(attempt):
        abort(404)
    return attempt


@bp.get("/attempt/<token>/practice")
def practise(token: str) -> BaseResponse:
    """Feedback on the last answer, then the next item, and "n of m mastered"."""
    attempt = _attempt_or_404(token)
    view = practice.practice_view(attempt, after=request.args.get("after", type=row_number))
    html = render_template(
        "practice/practise.html", view=view, study_open=study.study_open_for_attempt(attempt)
    )
    response = make_response(html)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/attempt/<token>/practice")
def answer(token: str) -> BaseResponse:
    """Mark one practice answer (never the graded score) and show the feedback."""
    attempt = _attempt_or_404(token)
    outcome = practice.answer_practice(
        attempt,
        request.form,
        key=request.form.get("item", type=row_number),
        seen=request.form.get("seen", type=row_number),
    )
    if not outcome.accepted:
        return redirect(url_for("practice.practise", token=token))
    return redirect(
        url_for("practice.practise", token=token, after=outcome.key, _anchor="feedback")
    )
