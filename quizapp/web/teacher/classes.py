"""Class pages: rosters from pasted names or CSV, personal codes, printable slips, archiving."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.routing import BuildError
from werkzeug.wrappers import Response

from quizapp.models import SchoolClass, Student
from quizapp.services import rosters
from quizapp.web.teacher.blueprint import bp
from quizapp.web.teacher.class_forms import NewClassForm, RenameStudentForm, StudentNamesForm


def owned_class_or_404(class_id: int) -> SchoolClass:
    """The current teacher's class, else 404 (no hint that someone else's exists)."""
    school_class = rosters.owned_class(current_user, class_id)
    if school_class is None:
        abort(404)
    return school_class


def owned_student_or_404(class_id: int, student_id: int) -> Student:
    """A current student of the teacher's class, else 404."""
    student = rosters.owned_student(current_user, class_id, student_id)
    if student is None:
        abort(404)
    return student


def _class_page(school_class: SchoolClass, anchor: str | None = None) -> Response:
    """Back to the class page."""
    return redirect(url_for("teacher.school_class", class_id=school_class.id, _anchor=anchor))


def _run(school_class: SchoolClass, action: Callable[[], Any], success: str) -> Response:
    """Call a roster action; flash its success or its refusal; back to the class page."""
    try:
        action()
    except rosters.RosterError as error:
        flash(str(error), "error")
    else:
        flash(success, "success")
    return _class_page(school_class, "students")


def join_address() -> str:
    """Where students go to join (printed on the slips)."""
    try:
        return url_for("play.join", _external=True)
    except BuildError:
        return "/join"


@bp.get("/classes")
def classes() -> str:
    """The teacher's classes, current and archived."""
    return render_template(
        "teacher/classes/list.html", classes=rosters.teacher_classes(current_user)
    )


@bp.route("/classes/new", methods=["GET", "POST"])
def new_class() -> str | Response:
    """A new class from pasted names and/or a CSV file; every student gets a personal code."""
    form = NewClassForm()
    if form.validate_on_submit():
        try:
            school_class = rosters.create_class(
                current_user,
                form.class_name.data or "",
                pasted=form.names.data or "",
                csv_data=form.csv_bytes(),
            )
        except rosters.RosterError as error:
            form.form_errors.append(str(error))
        else:
            count = len(school_class.current_students)
            flash(f"Class created with {count} student{'s' if count != 1 else ''}.", "success")
            return _class_page(school_class)
    return render_template("teacher/classes/new.html", form=form)


def _render_class(school_class: SchoolClass, form: StudentNamesForm) -> str:
    """The class page with this add-students form (fresh, or showing its errors)."""
    return render_template(
        "teacher/classes/show.html",
        school_class=school_class,
        students=school_class.current_students,
        quizzes=rosters.assigned_quizzes(school_class),
        form=form,
        format_code=rosters.format_code,
    )


@bp.get("/classes/<int:class_id>")
def school_class(class_id: int) -> str:
    """A class's roster with the personal codes, and the quizzes assigned to it."""
    return _render_class(owned_class_or_404(class_id), StudentNamesForm())


@bp.post("/classes/<int:class_id>/students")
def add_students(class_id: int) -> str | Response:
    """Add students to a class."""
    school_class = owned_class_or_404(class_id)
    form = StudentNamesForm()
    if form.validate_on_submit():
        try:
            added = rosters.add_students(
                school_class, pasted=form.names.data or "", csv_data=form.csv_bytes()
            )
        except rosters.RosterError as error:
            form.form_errors.append(str(error))
        else:
            flash(f"Added {len(added)} student{'s' if len(added) != 1 else ''}.", "success")
            return _class_page(school_class, "students")
    return _render_class(school_class, form)


@bp.route("/classes/<int:class_id>/students/<int:student_id>/rename", methods=["GET", "POST"])
def rename_student(class_id: int, student_id: int) -> str | Response:
    """Change how a student's name is shown."""
    student = owned_student_or_404(class_id, student_id)
    form = RenameStudentForm()
    if form.validate_on_submit():
        try:
            rosters.rename_student(student, form.name.data or "")
        except rosters.RosterError as error:
            form.form_errors.append(str(error))
        else:
            flash("Name changed.", "success")
            return _class_page(student.school_class, "students")
    elif not form.is_submitted():
        form.name.data = student.name
    return render_template("teacher/classes/rename.html", student=student, form=form)


@bp.post("/classes/<int:class_id>/students/<int:student_id>/new-code")
def regenerate_code(class_id: int, student_id: int) -> Response:
    """A new personal code for one student; the old one stops working."""
    student = owned_student_or_404(class_id, student_id)
    return _run(
        student.school_class,
        lambda: rosters.regenerate_code(student),
        f"{student.name} has a new code; the old one no longer works.",
    )


@bp.post("/classes/<int:class_id>/students/<int:student_id>/remove")
def remove_student(class_id: int, student_id: int) -> Response:
    """Take a student off the roster (their past results stay)."""
    student = owned_student_or_404(class_id, student_id)
    return _run(
        student.school_class,
        lambda: rosters.remove_student(student),
        f"{student.name} is no longer on the list; their code no longer works.",
    )


@bp.post("/classes/<int:class_id>/archive")
def archive_class(class_id: int) -> Response:
    """Archive a class: no new quizzes or joins."""
    school_class = owned_class_or_404(class_id)
    return _run(
        school_class,
        lambda: rosters.archive_class(school_class),
        "Class archived: its codes no longer join quizzes. Results are kept.",
    )


@bp.post("/classes/<int:class_id>/restore")
def restore_class(class_id: int) -> Response:
    """Bring an archived class back."""
    school_class = owned_class_or_404(class_id)
    return _run(school_class, lambda: rosters.restore_class(school_class), "Class restored.")


@bp.get("/classes/<int:class_id>/slips")
def slips(class_id: int) -> str:
    """A print-ready page of cut-out slips: name, class, personal code, join address."""
    school_class = owned_class_or_404(class_id)
    return render_template(
        "teacher/classes/slips.html",
        school_class=school_class,
        slips=rosters.slips(school_class),
        join_url=join_address(),
    )
