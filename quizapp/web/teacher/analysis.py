"""Item analysis (facility, discrimination, option choice), replacing a distractor, study preview."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from markupsafe import Markup
from werkzeug.wrappers import Response
from wtforms import BooleanField, HiddenField, RadioField
from wtforms.validators import DataRequired, InputRequired

from quizapp.models import Question, Quiz, QuizStatus
from quizapp.services import analysis, study
from quizapp.web.charts import option_bars, score_histogram
from quizapp.web.form_text import CheckedForm
from quizapp.web.ids import row_number
from quizapp.web.teacher.blueprint import bp, owned_question_or_404, owned_quiz_or_404


class ReplaceDistractorForm(CheckedForm):
    """Pick one of the offered distractors; on a published quiz, confirm the edit."""

    expected = HiddenField()
    replacement = RadioField("New distractor", validators=[InputRequired("Choose a replacement.")])
    confirm = BooleanField(
        "Yes, change this published quiz",
    )


@bp.get("/quizzes/<int:quiz_id>/analysis")
def analysis_page(quiz_id: int) -> str:
    """Facility, discrimination and option choice per question, and the score histogram."""
    quiz = owned_quiz_or_404(quiz_id)
    report = analysis.quiz_analysis(quiz)
    charts: dict[int, Markup] = {
        item.question.id: option_bars(
            item.options, title=f"How often each option of question {item.number} was chosen"
        )
        for item in report.items
        if item.options
    }
    return render_template(
        "teacher/analysis.html",
        quiz=quiz,
        report=report,
        charts=charts,
        histogram=score_histogram(report.histogram, title="Students per score band (percent)"),
        min_attempts=analysis.MIN_ATTEMPTS,
    )


@bp.route(
    "/quizzes/<int:quiz_id>/questions/<int:question_id>/replace-distractor",
    methods=["GET", "POST"],
)
def replace_distractor(quiz_id: int, question_id: int) -> str | Response:
    """Offer new typed distractors for one option (?option=N, 1-based) and, once confirmed,
    put one in its place."""
    quiz, question = owned_question_or_404(quiz_id, question_id)
    position = request.values.get("option", type=row_number) or 0
    options = list((question.data or {}).get("options") or ())
    if question.kind != "multiple_choice":
        abort(404)
    if position == 0 and request.method == "GET":
        return _choose_distractor(quiz, question, options)
    if not 1 <= position <= len(options):
        abort(404)
    candidates = analysis.distractor_candidates(question, position)
    form = ReplaceDistractorForm()
    form.replacement.choices = [(c, c) for c in candidates]
    published = quiz.status is not QuizStatus.DRAFT
    if published:
        form.confirm.validators = [DataRequired("Tick the box to confirm the change.")]
    if form.validate_on_submit():
        try:
            old = analysis.replace_distractor(
                question, position, form.replacement.data or "", expected=form.expected.data
            )
        except analysis.AnalysisError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"Replaced “{old}” with “{form.replacement.data}”.", "success")
            return redirect(
                url_for("teacher.analysis_page", quiz_id=quiz.id, _anchor=f"q{question.id}")
            )
    form.expected.data = options[position - 1]
    return render_template(
        "teacher/replace_distractor.html",
        quiz=quiz,
        question=question,
        old=options[position - 1],
        form=form,
        candidates=candidates,
        published=published,
    )


def _choose_distractor(quiz: Quiz, question: Question, options: list[str]) -> str:
    """Without ?option=N: the question's distractors, each a link to replace it."""
    distractors = [(n, o) for n, o in enumerate(options, 1) if o != question.answer]
    return render_template(
        "teacher/replace_distractor.html", quiz=quiz, question=question, distractors=distractors
    )


@bp.get("/quizzes/<int:quiz_id>/study")
def study_preview(quiz_id: int) -> str:
    """The study view as students see it (any status: preview before publishing)."""
    quiz = owned_quiz_or_404(quiz_id)
    return render_template(
        "study/module.html", view=study.study_view(quiz), attempt=None, preview=True
    )
