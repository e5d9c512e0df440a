"""Characters no one types (NUL and other control codes) taken out of what a form sends."""

from __future__ import annotations

import re
from typing import Any

from flask import abort, g, request
from flask_wtf import FlaskForm
from werkzeug.datastructures import ImmutableMultiDict

# Line and page breaks from Word or a PDF reader: whitespace, so they become line breaks.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
# NUL (PostgreSQL cannot store it in text) and the other control codes XML 1.0 forbids
# (every LMS export would be unreadable): never typed, only pasted by accident.
_UNSTORABLE = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")
UNSTORABLE_MESSAGE = (
    "This held a character that cannot be saved (an invisible control character such as "
    "NUL, often copied from a PDF or a program). It has been taken out: check the text and "
    "send it again."
)
_UNLABELLED = ("HiddenField", "CSRFTokenField", "FieldList", "FormField")
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def clean_text(value: str) -> str:
    """The value with page and line-feed breaks as newlines and unstorable characters removed."""
    return _UNSTORABLE.sub("", value.translate(_BREAKS))


def clean_request_text() -> None:
    """Before every view: clean the query string and form fields, and note which form fields
    held a NUL (the view's form then comes back with the cleaned text and a message).

    A NUL in the path is never a page of ours: 404.
    """
    if any(isinstance(v, str) and "\x00" in v for v in (request.view_args or {}).values()):
        abort(404)
    args = request.args
    if any(_UNSTORABLE.search(value) for value in args.values()):
        request.args = ImmutableMultiDict(  # type: ignore[misc]
            [(key, clean_text(value)) for key, value in args.items(multi=True)]
        )
    if request.mimetype not in _FORM_TYPES:
        return
    form = request.form
    if not any(_UNSTORABLE.search(v) or "\x0b" in v or "\x0c" in v for v in form.values()):
        return
    # A NUL is said (it most likely came with text copied from a program or a broken file,
    # which the user should look at); the other control codes go silently, as a student
    # name's do (services/student_names).
    touched = {key for key, value in form.items(multi=True) if "\x00" in value}
    request.form = ImmutableMultiDict(  # type: ignore[misc]
        [(key, clean_text(value)) for key, value in form.items(multi=True)]
    )
    g.unstorable_fields = frozenset(touched)


def unstorable_fields() -> frozenset[str]:
    """The names of this request's form fields that held a NUL (taken out)."""
    return g.get("unstorable_fields", frozenset())


class CheckedForm(FlaskForm):
    """A form that is not accepted when a field held a NUL (taken out): it comes back,
    the cleaned text in place and the field saying why, so nothing the user wrote is lost."""

    def validate(self, extra_validators: Any = None) -> bool:
        """The form's own checks, then one error per field that held a NUL."""
        valid = super().validate(extra_validators)
        touched = unstorable_fields()
        if not touched:
            return valid
        placed = False
        for field in self:
            # Rows of a list (pairs-0-left) are said once, above the form.
            if field.name in touched and field.type not in _UNLABELLED:
                field.errors = [*field.errors, UNSTORABLE_MESSAGE]
                placed = True
        if not placed:
            self.form_errors.append(UNSTORABLE_MESSAGE)
        return False
