"""The quiz page (review before publishing, overview after) and its life-cycle actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from quizapp.models import Quiz, QuizStatus
from quizapp.services.authoring import EDITABLE_KINDS, KIND_LABELS, AuthoringError
from quizapp.services.coverage import FACT_TYPES, question_paragraphs, quiz_coverage
from quizapp.services.editing import convertible_kinds
from quizapp.services.exporting import game_export_fits
from quizapp.services.provenance import quiz_provenance
from quizapp.services.publishing import (
    close_quiz,
    copy_quiz,
    delete_quiz,
    publish_quiz,
    quiz_settings,
    reopen_quiz,
    update_settings,
)
from quizapp.services.rosters import assignable_classes
from quizapp.services.settings_summary import settings_summary
from quizapp.web.teacher.blueprint import bp, join_link, owned_quiz_or_404, quiz_url
from quizapp.web.teacher.settings_form import SettingsForm


def expected_version() -> int | None:
    """The quiz version the submitting page showed (hidden field "version")."""
    try:
        return int(request.form.get("version", ""))
    except ValueError:
        return None


def run_action(
    quiz: Quiz, action: Callable[[], Any], success: str | None, anchor: str | None = None
) -> Response:
    """Call a service action; flash its success or its error message; back to the quiz page."""
    try:
        action()
    except AuthoringError as exc:
        flash(str(exc), "error")
    else:
        if success:
            flash(success, "success")
    return redirect(quiz_url(quiz, anchor))


@bp.get("/quizzes/<int:quiz_id>")
def quiz(quiz_id: int) -> str:
    """Review page: every item with answer and quote, coverage, article; edit controls on drafts."""
    quiz = owned_quiz_or_404(quiz_id)
    paragraphs = question_paragraphs(quiz)
    rows = []
    number = 0
    for question in quiz.questions:
        item = question.to_item()
        if item.get("source") and paragraphs.get(question.id):
            item["source"]["paragraph"] = paragraphs[question.id]
        if not question.deleted:
            number += 1
        rows.append(
            {"question": question, "item": item, "number": None if question.deleted else number}
        )
    return render_template(
        "teacher/quiz.html",
        quiz=quiz,
        rows=[r for r in rows if not r["question"].deleted],
        deleted_rows=[r for r in rows if r["question"].deleted],
        coverage=quiz_coverage(quiz),
        fact_types=FACT_TYPES,
        provenance=quiz_provenance(quiz),
        join_url=join_link(quiz.join_code),
        editable=quiz.status is QuizStatus.DRAFT,
        kinds=EDITABLE_KINDS,
        kind_labels=KIND_LABELS,
        kind_choices=convertible_kinds(quiz) if quiz.status is QuizStatus.DRAFT else {},
        game_fits=game_export_fits(quiz),
        settings_summary=settings_summary(quiz),
    )


@bp.route("/quizzes/<int:quiz_id>/settings", methods=["GET", "POST"])
def settings(quiz_id: int) -> str | Response:
    """Title and how students take the quiz."""
    quiz = owned_quiz_or_404(quiz_id)
    form = SettingsForm()
    form.offer_classes([(c.id, c.name) for c in assignable_classes(quiz.owner_id, quiz.class_id)])
    if form.validate_on_submit():
        try:
            update_settings(quiz, form.to_settings(), expected_version=form.expected_version())
        except AuthoringError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Settings saved.", "success")
            return redirect(quiz_url(quiz))
    elif not form.is_submitted():
        form.fill(quiz_settings(quiz), quiz.version)
    return render_template("teacher/settings.html", quiz=quiz, form=form)


@bp.post("/quizzes/<int:quiz_id>/publish")
def publish(quiz_id: int) -> Response:
    """Publish the draft and show its join code."""
    quiz = owned_quiz_or_404(quiz_id)
    return run_action(
        quiz,
        lambda: publish_quiz(quiz, expected_version=expected_version()),
        "Published. Share the join code or link with your students.",
    )


@bp.post("/quizzes/<int:quiz_id>/close")
def close(quiz_id: int) -> Response:
    """Stop accepting answers."""
    quiz = owned_quiz_or_404(quiz_id)
    return run_action(
        quiz,
        lambda: close_quiz(quiz, expected_version=expected_version()),
        "The quiz is closed. Attempts still open were submitted with the answers saved so far.",
    )


@bp.post("/quizzes/<int:quiz_id>/reopen")
def reopen(quiz_id: int) -> Response:
    """Accept answers again."""
    quiz = owned_quiz_or_404(quiz_id)
    return run_action(
        quiz,
        lambda: reopen_quiz(quiz, expected_version=expected_version()),
        "The quiz is open again.",
    )


@bp.post("/quizzes/<int:quiz_id>/copy")
def copy(quiz_id: int) -> Response:
    """Make an editable draft copy of the quiz."""
    copy = copy_quiz(owned_quiz_or_404(quiz_id))
    flash("This is a new draft copy; edit it, then publish it.", "success")
    return redirect(quiz_url(copy))


@bp.post("/quizzes/<int:quiz_id>/delete")
def delete(quiz_id: int) -> Response:
    """Delete the quiz with its results."""
    quiz = owned_quiz_or_404(quiz_id)
    title = quiz.title
    delete_quiz(quiz)
    flash(f"Deleted “{title}”.", "success")
    return redirect(url_for("teacher.dashboard"))
