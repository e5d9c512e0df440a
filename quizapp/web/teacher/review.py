"""Reviewing after the quiz: a student's attempt, a question across students, regrading."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response
from wtforms import HiddenField, StringField
from wtforms.validators import AnyOf, Length

from quizapp.services import regrading, review
from quizapp.web.form_text import CheckedForm
from quizapp.web.teacher.blueprint import bp, owned_question_or_404, owned_quiz_or_404


@bp.app_template_filter("utc_iso")
def utc_iso(moment: datetime | None) -> str:
    """A stored time as ISO 8601 with its UTC offset, for <time datetime> (SQLite drops it)."""
    if moment is None:
        return ""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


class RegradeForm(CheckedForm):
    """One regrade of a question: its action and, for accept / change key, the answer."""

    action = HiddenField(
        validators=[AnyOf([a.value for a in regrading.RegradeAction if a.value != "undo"])]
    )
    answer = StringField("Answer", validators=[Length(max=500)])


class UndoForm(CheckedForm):
    """Undo one logged regrade (the CSRF token is the whole form)."""


@bp.get("/quizzes/<int:quiz_id>/attempts/<int:attempt_id>")
def attempt_review(quiz_id: int, attempt_id: int) -> str:
    """One student's attempt: every question, their answer, right or wrong, points, time."""
    quiz = owned_quiz_or_404(quiz_id)
    try:
        page = review.attempt_review(quiz, attempt_id, request.args.get("sort"))
    except review.ReviewNotFound:
        abort(404)
    return render_template("teacher/attempt_review.html", quiz=quiz, page=page)


@bp.get("/quizzes/<int:quiz_id>/questions/<int:question_id>/answers")
def question_answers(quiz_id: int, question_id: int) -> str:
    """One question across students: each answer, typed answers counted, regrade actions."""
    quiz, _question = owned_question_or_404(quiz_id, question_id)
    try:
        page = review.question_review(quiz, question_id)
    except review.ReviewNotFound:
        abort(404)
    return render_template(
        "teacher/question_answers.html",
        quiz=quiz,
        page=page,
        form=RegradeForm(),
        undo_form=UndoForm(),
    )


@bp.post("/quizzes/<int:quiz_id>/questions/<int:question_id>/regrade")
def regrade(quiz_id: int, question_id: int) -> Response:
    """Accept an answer, change the key, give everyone the point or drop; rescore everyone."""
    quiz, question = owned_question_or_404(quiz_id, question_id)
    form = RegradeForm()
    back = url_for("teacher.question_answers", quiz_id=quiz.id, question_id=question.id)
    if not form.validate_on_submit():
        flash("That regrade could not be read; please try again.", "error")
        return redirect(back)
    action = regrading.RegradeAction(form.action.data)
    try:
        outcome = regrading.regrade_question(
            quiz, question, action, teacher=current_user, answer=form.answer.data or ""
        )
    except regrading.RegradeError as error:
        flash(str(error), "error")
        return redirect(back)
    flash(_outcome_message(outcome), "success")
    return redirect(back)


@bp.post("/quizzes/<int:quiz_id>/regrades/<int:change_id>/undo")
def undo_regrade(quiz_id: int, change_id: int) -> Response:
    """Undo one regrade and rescore everyone."""
    quiz = owned_quiz_or_404(quiz_id)
    form = UndoForm()
    if not form.validate_on_submit():
        flash("That undo could not be read; please try again.", "error")
        return redirect(url_for("teacher.results", quiz_id=quiz.id))
    try:
        outcome = regrading.undo_regrade(quiz, change_id, teacher=current_user)
    except regrading.RegradeError as error:
        flash(str(error), "error")
        return redirect(url_for("teacher.results", quiz_id=quiz.id))
    flash(_outcome_message(outcome), "success")
    return redirect(
        url_for("teacher.question_answers", quiz_id=quiz.id, question_id=outcome.question_id)
    )


def _outcome_message(outcome: regrading.RegradeOutcome) -> str:
    """ "Accepted “Putin”: 3 of 12 scores changed." """
    if not outcome.attempts:
        # "0 of 0 scores changed" reads like a failure; say why nothing was rescored.
        return f"{outcome.summary}. No one has submitted yet: it applies to every attempt."
    noun = "score" if outcome.attempts == 1 else "scores"
    return f"{outcome.summary}: {outcome.scores_changed} of {outcome.attempts} {noun} changed."
