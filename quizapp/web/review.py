"""Spaced review: a rostered student's page (by personal code) and the class's retention."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from werkzeug.wrappers import Response as BaseResponse
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from quizapp import clock
from quizapp.models import Student
from quizapp.services import review_retention, spaced_review
from quizapp.services.rosters import format_code, owned_class
from quizapp.web.code_limits import limit_wrong_personal_codes, mark_wrong_personal_code
from quizapp.web.form_text import CheckedForm
from quizapp.web.ids import row_number

bp = Blueprint("review", __name__)


class ReviewCodeForm(CheckedForm):
    """The review entry screen: the personal code from the student's slip."""

    personal_code = StringField(
        "Your personal code",
        validators=[DataRequired("Type the code on your slip."), Length(max=24)],
        description="The code on your slip, for example K7Q-P4Z.",
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )


def _student_or_404(code: str) -> Student:
    """The current student with this personal code; a wrong code counts against the limit."""
    student = spaced_review.student_for_review(code)
    if student is None:
        mark_wrong_personal_code()
        abort(404)
    return student


def _no_store(html: str) -> BaseResponse:
    """A page that must not be cached (it changes with every review)."""
    response = make_response(html)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/review", methods=["GET", "POST"])
@limit_wrong_personal_codes()
def enter() -> BaseResponse | str:
    """Type the personal code; on to the student's review page."""
    form = ReviewCodeForm()
    if form.validate_on_submit():
        student = spaced_review.student_for_review(form.personal_code.data)
        if student is not None:
            return redirect(url_for("review.home", code=student.personal_code))
        mark_wrong_personal_code()
        form.personal_code.errors = ["That code is not on any class list. Check your slip."]
    return render_template("review/enter.html", form=form)


@bp.get("/review/<code>")
@limit_wrong_personal_codes()
def home(code: str) -> BaseResponse:
    """ "n items due today", the feedback on the last one, and the next due item."""
    student = _student_or_404(code)
    now = clock.now()
    page = spaced_review.review_home(student, now)
    feedback = spaced_review.review_feedback(student, request.args.get("after", type=row_number))
    prompt = spaced_review.next_prompt(student, now)
    html = render_template(
        "review/home.html",
        page=page,
        feedback=feedback,
        prompt=prompt,
        code=student.personal_code,
        shown_code=format_code(student.personal_code),
    )
    return _no_store(html)


@bp.post("/review/<code>")
@limit_wrong_personal_codes()
def answer(code: str) -> BaseResponse:
    """Mark one review and reschedule its card (a stale or repeated post is not counted)."""
    student = _student_or_404(code)
    card_id = request.form.get("card", type=row_number)
    outcome = spaced_review.answer_card(
        student, card_id, request.form.get("version", type=row_number), request.form, clock.now()
    )
    if outcome.empty:
        flash("Choose or type an answer first.", "error")
    elif not outcome.accepted:
        flash("That item was already reviewed (on another device?): here is the next one.", "info")
    if not outcome.accepted:
        return redirect(url_for("review.home", code=code))
    return redirect(url_for("review.home", code=code, after=card_id, _anchor="feedback"))


@bp.get("/teacher/classes/<int:class_id>/review")
@login_required
def retention(class_id: int) -> str:
    """The class's retention per student, per fact, and per week of reviews."""
    school_class = owned_class(current_user, class_id)
    if school_class is None:
        abort(404)
    return render_template(
        "review/retention.html",
        school_class=school_class,
        retention=review_retention.class_retention(school_class, clock.now()),
    )
