"""Editing a draft's questions: edit, add, delete/restore, move, regenerate distractors, convert."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, redirect, render_template, request
from werkzeug.wrappers import Response

from quizapp.models import Question, Quiz
from quizapp.services.authoring import (
    ALL_KINDS,
    EDITABLE_KINDS,
    KIND_LABELS,
    AuthoringError,
    QuizChanged,
)
from quizapp.services.editing import (
    ItemInvalid,
    QuestionEdit,
    add_question,
    convert_question,
    edit_from_question,
    move_question,
    regenerate_distractors,
    set_deleted,
    update_question,
)
from quizapp.web.teacher.blueprint import bp, owned_question_or_404, owned_quiz_or_404, quiz_url
from quizapp.web.teacher.forms import QuestionForm
from quizapp.web.teacher.quizzes import expected_version, run_action


def _render_form(
    quiz: Quiz, form: QuestionForm, question: Question | None, list_errors: dict[str, str]
) -> str:
    """The question editor for one kind."""
    return render_template(
        "teacher/question_form.html",
        quiz=quiz,
        form=form,
        question=question,
        kind=form.kind.data,
        kind_label=KIND_LABELS.get(form.kind.data or "", ""),
        list_errors=list_errors,
        item=question.to_item() if question is not None else None,
    )


def _keep_input_after_conflict(form: QuestionForm, quiz: Quiz) -> None:
    """Keep the teacher's typing, explain, and let a second save apply to the current version."""
    form.form_errors.append(
        "This quiz changed in another tab or window while you were editing. Your changes are "
        "kept below, not saved yet: check them against the current version, then save again."
    )
    form.version.data = str(quiz.version)


def _question_editor(
    quiz: Quiz,
    question: Question | None,
    kind: str,
    initial: Callable[[], QuestionEdit],
    save: Callable[[QuestionEdit, int | None], Question],
    saved_message: str,
) -> str | Response:
    """Show the question form, or save it and go back to the quiz (the editor and the new page)."""
    form = QuestionForm()
    list_errors: dict[str, str] = {}
    if form.validate_on_submit():
        form.kind.data = kind
        try:
            saved = save(form.to_edit(), form.expected_version())
        except ItemInvalid as exc:
            list_errors = form.attach_errors(exc.errors)
        except QuizChanged:
            _keep_input_after_conflict(form, quiz)
        except AuthoringError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(saved_message, "success")
            return redirect(quiz_url(quiz, f"item-{saved.id}"))
    elif not form.is_submitted():
        form.fill(initial(), quiz.version)
    form.kind.data = kind
    return _render_form(quiz, form, question, list_errors)


@bp.route("/quizzes/<int:quiz_id>/questions/<int:question_id>/edit", methods=["GET", "POST"])
def edit_question(quiz_id: int, question_id: int) -> str | Response:
    """Edit every field of a question; rules are checked by the service."""
    quiz, question = owned_question_or_404(quiz_id, question_id)

    def save(edit: QuestionEdit, version: int | None) -> Question:
        update_question(question, edit, expected_version=version)
        return question

    return _question_editor(
        quiz, question, question.kind, lambda: edit_from_question(question), save, "Question saved."
    )


@bp.route("/quizzes/<int:quiz_id>/questions/new", methods=["GET", "POST"])
def new_question(quiz_id: int) -> str | Response:
    """Add the teacher's own question of a chosen kind (?kind=...)."""
    quiz = owned_quiz_or_404(quiz_id)
    kind = request.args.get("kind", "multiple_choice")
    if kind not in EDITABLE_KINDS:
        abort(404)
    return _question_editor(
        quiz,
        None,
        kind,
        lambda: QuestionEdit(kind=kind, prompt=""),
        lambda edit, version: add_question(quiz, edit, expected_version=version),
        "Question added.",
    )


@bp.post("/quizzes/<int:quiz_id>/questions/<int:question_id>/delete")
def delete_question(quiz_id: int, question_id: int) -> Response:
    """Soft-delete a question (it can be restored until the quiz is published)."""
    quiz, question = owned_question_or_404(quiz_id, question_id)
    return run_action(
        quiz,
        lambda: set_deleted(question, True, expected_version=expected_version()),
        "Question deleted. You can restore it from the list of deleted questions.",
        "questions",
    )


@bp.post("/quizzes/<int:quiz_id>/questions/<int:question_id>/restore")
def restore_question(quiz_id: int, question_id: int) -> Response:
    """Bring back a deleted question."""
    quiz, question = owned_question_or_404(quiz_id, question_id)
    return run_action(
        quiz,
        lambda: set_deleted(question, False, expected_version=expected_version()),
        "Question restored.",
        f"item-{question.id}",
    )


@bp.post("/quizzes/<int:quiz_id>/questions/<int:question_id>/move")
def move(quiz_id: int, question_id: int) -> Response:
    """Move a question one place up or down (form field direction=up|down)."""
    quiz, question = owned_question_or_404(quiz_id, question_id)
    step = {"up": -1, "down": 1}.get(request.form.get("direction", ""))
    if step is None:
        abort(400)
    return run_action(
        quiz,
        lambda: move_question(question, step, expected_version=expected_version()),
        None,
        f"item-{question.id}",
    )


@bp.post("/quizzes/<int:quiz_id>/questions/<int:question_id>/regenerate")
def regenerate(quiz_id: int, question_id: int) -> Response:
    """Replace a multiple-choice question's wrong options with new ones."""
    quiz, question = owned_question_or_404(quiz_id, question_id)

    passage = question.kind == "cloze"

    def action() -> None:
        if not regenerate_distractors(question, expected_version=expected_version()):
            raise AuthoringError(
                "No other words for the bank could be found for this passage. Edit them by hand."
                if passage
                else "No other wrong options could be found for this question. "
                "Edit the options by hand."
            )

    done = "New words in the word bank." if passage else "New wrong options made."
    return run_action(quiz, action, done, f"item-{question.id}")


@bp.post("/quizzes/<int:quiz_id>/questions/<int:question_id>/convert")
def convert(quiz_id: int, question_id: int) -> Response:
    """Turn a question into another kind (form field kind)."""
    quiz, question = owned_question_or_404(quiz_id, question_id)
    kind = request.form.get("kind", "")
    if kind not in ALL_KINDS:
        abort(400)

    def action() -> None:
        if not convert_question(question, kind, expected_version=expected_version()):
            raise AuthoringError(
                f"This question cannot be made into “{KIND_LABELS[kind]}”. "
                "Try another kind, or add your own question."
            )

    return run_action(quiz, action, f"Changed to “{KIND_LABELS[kind]}”.", f"item-{question.id}")
