"""Units: the teacher orders quizzes and lessons into a unit and follows the class's progress."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response as BaseResponse
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from quizapp.models import Unit
from quizapp.services import units
from quizapp.services.rosters import assignable_classes
from quizapp.web.form_text import CheckedForm

bp = Blueprint("units", __name__, url_prefix="/teacher/units")


@bp.before_request
@login_required
def require_login() -> None:
    """Every unit page is a teacher's."""


class UnitForm(CheckedForm):
    """The new-unit screen: a title and the class (the quizzes' order and dates are rows)."""

    title = StringField(
        "Unit title",
        validators=[DataRequired("Give the unit a title."), Length(max=units.MAX_TITLE_CHARS)],
    )
    class_id = SelectField("Class", coerce=int, choices=[])


def _unit_or_404(unit_id: int) -> Unit:
    """The current teacher's unit, else 404."""
    unit = units.owned_unit(current_user, unit_id)
    if unit is None:
        abort(404)
    return unit


@bp.get("")
def index() -> str:
    """The teacher's units."""
    return render_template("units/list.html", units=units.teacher_units(current_user))


@bp.route("/new", methods=["GET", "POST"])
def new() -> str | BaseResponse:
    """Choose the quizzes and lessons, their order and dates, and the class."""
    form = UnitForm()
    form.class_id.choices = [(0, "No class")] + [
        (c.id, c.name) for c in assignable_classes(current_user.id)
    ]
    if form.validate_on_submit():
        try:
            unit = units.create_unit_from_form(
                current_user, form.title.data or "", form.class_id.data or None, request.form
            )
        except units.UnitError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Unit created.", "success")
            return redirect(url_for("units.show", unit_id=unit.id))
    return render_template("units/new.html", form=form, quizzes=units.unit_candidates(current_user))


@bp.get("/<int:unit_id>")
def show(unit_id: int) -> str:
    """The unit's path and each student's progress along it."""
    unit = _unit_or_404(unit_id)
    return render_template("units/show.html", unit=unit, progress=units.unit_progress(unit))


@bp.post("/<int:unit_id>/test")
def make_test(unit_id: int) -> BaseResponse:
    """Draft the unit test (items from every article) and open it for review."""
    unit = _unit_or_404(unit_id)
    try:
        quiz = units.make_unit_test(unit)
    except units.UnitError as exc:
        flash(str(exc), "error")
        return redirect(url_for("units.show", unit_id=unit.id))
    flash("Unit test drafted: check its questions, then publish it.", "success")
    return redirect(url_for("teacher.quiz", quiz_id=quiz.id))
