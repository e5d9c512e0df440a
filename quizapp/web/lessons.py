"""Lessons: the teacher makes one from a quiz and reads per-section results; students learn in steps."""

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

from quizapp.exports.lesson_module import LESSON_FORMATS
from quizapp.models import Attempt
from quizapp.models.lesson import Lesson
from quizapp.services import lesson_reports, lessons, taking
from quizapp.services.authoring import AuthoringError, get_owned_quiz
from quizapp.web.exports import send_export
from quizapp.web.ids import row_number

bp = Blueprint("lessons", __name__)


@bp.app_template_global()
def lesson_of(quiz_id: int) -> Lesson | None:
    """The lesson made of this quiz's questions, if it is one (for the quiz page's buttons)."""
    return lessons.lesson_for_quiz(quiz_id)


def _no_store(html: str) -> BaseResponse:
    """A student page that must never be cached (it changes with every answer)."""
    response = make_response(html)
    response.headers["Cache-Control"] = "no-store"
    return response


# ---------------------------------------------------------------- teacher


@bp.post("/teacher/quizzes/<int:quiz_id>/lesson")
@login_required
def create(quiz_id: int) -> BaseResponse:
    """Make a lesson (a new draft) from this quiz's article; the teacher reviews it next."""
    source = get_owned_quiz(current_user, quiz_id)
    if source is None:
        abort(404)
    try:
        quiz = lessons.create_lesson(source)
    except AuthoringError as error:
        flash(str(error), "error")
        return redirect(url_for("teacher.quiz", quiz_id=quiz_id))
    flash("Lesson drafted: check its questions, then publish it.", "success")
    return redirect(url_for("lessons.overview", quiz_id=quiz.id))


@bp.get("/teacher/lessons/<int:quiz_id>")
@login_required
def overview(quiz_id: int) -> str:
    """The lesson's sections, each with its check questions and how students did."""
    quiz = get_owned_quiz(current_user, quiz_id)
    lesson = lessons.lesson_for_quiz(quiz_id) if quiz is not None else None
    if lesson is None:
        abort(404)
    return render_template(
        "lessons/overview.html",
        quiz=quiz,
        lesson=lesson,
        results=lesson_reports.lesson_results(lesson),
    )


@bp.get("/teacher/lessons/<int:quiz_id>/worksheet.pdf")
@login_required
def worksheet(quiz_id: int) -> BaseResponse:
    """The lesson printed: sections with their check questions, then the final quiz."""
    quiz = get_owned_quiz(current_user, quiz_id)
    lesson = lessons.lesson_for_quiz(quiz_id) if quiz is not None else None
    if lesson is None:
        abort(404)
    response = make_response(lesson_reports.lesson_worksheet(lesson))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="lesson-{quiz_id}-worksheet.pdf"'
    )
    return response


@bp.get("/teacher/lessons/<int:quiz_id>/module/<fmt>")
@login_required
def module(quiz_id: int, fmt: str) -> BaseResponse:
    """The lesson as an LMS module: a QTI test with its sections, or Moodle XML categories."""
    quiz = get_owned_quiz(current_user, quiz_id)
    lesson = lessons.lesson_for_quiz(quiz_id) if quiz is not None else None
    if lesson is None or fmt not in LESSON_FORMATS:
        abort(404)
    return send_export(lesson_reports.export_lesson_module(lesson, fmt))


# ---------------------------------------------------------------- student


def _lesson_attempt_or_404(token: str) -> tuple[Lesson, Attempt]:
    """The attempt with this token and its lesson; 404 for unknown tokens and plain quizzes."""
    attempt = taking.find_attempt(token)
    lesson = lessons.lesson_for_quiz(attempt.quiz_id) if attempt is not None else None
    if attempt is None or lesson is None:
        abort(404)
    return lesson, attempt


def _open_lesson_attempt(token: str) -> tuple[Lesson, Attempt] | BaseResponse:
    """The lesson and its attempt still being taken, or where the student goes instead: a
    plain quiz's answer page, or the result of a submitted attempt (404 for unknown tokens)."""
    attempt = taking.find_attempt(token)
    if attempt is None:
        abort(404)
    lesson = lessons.lesson_for_quiz(attempt.quiz_id)
    if lesson is None:  # a plain quiz: its own answer page
        return redirect(url_for("play.take", token=token))
    if taking.enforce_deadline(attempt):  # submitted, out of time, or the lesson closed
        return redirect(url_for("play.result", token=token))
    return lesson, attempt


@bp.get("/lesson/<token>")
def start(token: str) -> BaseResponse:
    """Where the student is: the first section with unanswered checks, or the end quiz."""
    found = _open_lesson_attempt(token)
    if not isinstance(found, tuple):
        return found
    lesson, attempt = found
    where = lessons.current_section(lesson, attempt)
    if where is None:
        return redirect(url_for("lessons.final", token=token))
    return redirect(url_for("lessons.section", token=token, number=where))


@bp.get("/lesson/<token>/section/<int:number>")
def section(token: str, number: int) -> BaseResponse:
    """A section: its paragraphs, its answered checks with feedback, the next check to answer."""
    lesson, attempt = _lesson_attempt_or_404(token)
    if taking.enforce_deadline(attempt):
        return redirect(url_for("play.result", token=token))
    step = lessons.lesson_step(lesson, attempt, number)
    if step is None:
        return redirect(url_for("lessons.start", token=token))
    just = request.args.get("checked", type=row_number)
    return _no_store(render_template("lessons/section.html", step=step, just=just))


@bp.post("/lesson/<token>/section/<int:number>")
def check(token: str, number: int) -> BaseResponse:
    """Mark one check answer (the first counts) and show its feedback on the section page."""
    lesson, attempt = _lesson_attempt_or_404(token)
    question_id = request.form.get("question", type=row_number)
    outcome = lessons.answer_check(lesson, attempt, question_id, request.form)
    if not outcome.accepted:
        if outcome.empty:
            flash("Choose or type an answer first.", "error")
        return redirect(url_for("lessons.section", token=token, number=number))
    return redirect(
        url_for(
            "lessons.section",
            token=token,
            number=number,
            checked=question_id,
            _anchor=f"feedback-{question_id}",
        )
    )


@bp.route("/lesson/<token>/quiz", methods=["GET", "POST"])
def final(token: str) -> BaseResponse:
    """The end-of-lesson quiz mixing every section; submitting it finishes the lesson."""
    found = _open_lesson_attempt(token)
    if not isinstance(found, tuple):
        return found
    lesson, attempt = found
    if request.method == "POST" and lessons.submit_final(lesson, attempt, request.form):
        return redirect(url_for("play.result", token=token))
    view = lessons.final_view(lesson, attempt)
    if view is None:
        return redirect(url_for("lessons.start", token=token))
    return _no_store(render_template("lessons/final.html", view=view))
