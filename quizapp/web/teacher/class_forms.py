"""Forms of the class pages: a new class, more students, renaming a student."""

from __future__ import annotations

from flask_wtf.file import FileAllowed, FileField
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from quizapp.services.rosters import MAX_CLASS_NAME_CHARS
from quizapp.web.form_text import CheckedForm

NAMES_HINT = "One student per line, as you want them on the results and the slips."
CSV_HINT = (
    "A spreadsheet saved as CSV: a “Name” column, or “First name” and “Last name”, "
    "or the names in the first column."
)


class StudentNamesForm(CheckedForm):
    """Students to add: names pasted one per line and/or a CSV file."""

    names = TextAreaField(
        "Student names",
        validators=[Optional(), Length(max=20_000)],
        description=NAMES_HINT,
        render_kw={"rows": 10, "spellcheck": "false"},
    )
    csv_file = FileField(
        "Or import a CSV file",
        validators=[FileAllowed(["csv", "txt"], "Upload a .csv (or .txt) file.")],
        description=CSV_HINT,
    )

    def csv_bytes(self) -> bytes | None:
        """The uploaded file's bytes (at most a little over the service's limit), or None."""
        upload = self.csv_file.data
        return upload.read(600 * 1024) if upload else None


class NewClassForm(StudentNamesForm):
    """A new class: its name and its students."""

    class_name = StringField(
        "Class name",
        validators=[DataRequired("Give the class a name."), Length(max=MAX_CLASS_NAME_CHARS)],
        description="For example “7B Geography 2026”. Students see it on their slips.",
    )


class RenameStudentForm(CheckedForm):
    """A student's name as shown on results and slips."""

    name = StringField(
        "Name", validators=[DataRequired("Type the student's name."), Length(max=160)]
    )
