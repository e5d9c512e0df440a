"""Forms of the teacher pages: article source, generation options, question editing (the
quiz's settings form is in settings_form.py)."""

from __future__ import annotations

import re
from typing import Any

from flask_wtf.file import FileAllowed, FileField
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.validators import (
    URL,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
)
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.services.authoring import ALL_KINDS, KIND_LABELS
from quizapp.services.editing import QuestionEdit
from quizapp.services.passages import MAX_GAPS
from quizapp.web.form_text import CheckedForm

UPLOAD_EXTENSIONS = ["txt", "md", "html", "htm", "docx", "pdf"]
MAX_OPTIONS = 5
MAX_PAIRS = 6


# Said in the page's words, not WTForms' defaults ("This field is required.").
GIVE_TITLE = "Give the quiz a title."
TITLE_LENGTH = Length(max=300, message="Use at most 300 characters for the title.")


# A scheme ("javascript:", "ftp://") but not a host's port ("localhost:8000/page").
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")


def with_web_scheme(value: str | None) -> str | None:
    """The address with "https://" in front when typed without a scheme, as people often
    type it ("www.example.org/news/story"); addresses with any scheme are left as they are."""
    if value is None:
        return None
    text = value.strip()
    if text and "://" not in text and not _SCHEME.match(text):
        return "https://" + text
    return text


class MultiCheckboxField(SelectMultipleField):
    """A group of checkboxes (rendered as a fieldset by macros/forms.html)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class VersionedForm(CheckedForm):
    """A form that carries the quiz version it was rendered from (optimistic locking)."""

    version = HiddenField()

    def expected_version(self) -> int | None:
        """The version the page showed, or None if missing."""
        try:
            return int(self.version.data)
        except (TypeError, ValueError):
            return None


class SourceForm(CheckedForm):
    """Where the article comes from: pasted text, an uploaded file or a URL (one of them)."""

    text = TextAreaField(
        "Paste the article's text",
        validators=[Optional()],
        description="Include the headline and date line if you have them.",
        render_kw={"rows": 12},
    )
    upload = FileField(
        "Upload a file",
        validators=[
            FileAllowed(UPLOAD_EXTENSIONS, "Upload a .txt, .md, .html, .docx or .pdf file.")
        ],
        description="Text, Markdown, web page, Word (.docx) or PDF.",
        render_kw={"accept": ",".join("." + e for e in UPLOAD_EXTENSIONS)},
    )
    url = URLField(
        "Give the article's web address",
        filters=[with_web_scheme],
        # No top-level domain required: "localhost" or a school's "intranet" host is refused
        # or allowed by the address check (private addresses), not as a malformed link.
        validators=[
            Optional(),
            URL(require_tld=False, message="Give a full web address, starting with https://."),
        ],
        render_kw={"placeholder": "https://", "inputmode": "url"},
    )

    def validate(self, extra_validators: Any = None) -> bool:
        """Exactly one source must be given."""
        if not super().validate(extra_validators):
            return False
        given = [bool((self.text.data or "").strip()), bool(self.upload.data), bool(self.url.data)]
        if sum(given) == 0:
            self.form_errors.append("Paste the article, upload a file or give a web address.")
            return False
        if sum(given) > 1:
            self.form_errors.append("Give the article one way only: paste, upload or web address.")
            return False
        return True


class GenerateForm(CheckedForm):
    """The confirmation step: article details and what questions to make."""

    title = StringField("Title", validators=[DataRequired(GIVE_TITLE), TITLE_LENGTH])
    published = DateField(
        "Published on",
        validators=[Optional()],
        description="Students see “as of” this date, so they know when the facts held.",
    )
    kinds = MultiCheckboxField(
        "Kinds of question",
        choices=[SelectChoice(kind, KIND_LABELS[kind]) for kind in ALL_KINDS],
        default=["multiple_choice", "fill_in", "true_false", "short_answer", "numeric"],
        validators=[DataRequired(message="Choose at least one kind of question.")],
    )
    count = IntegerField(
        "How many questions (at most)",
        description="Proposed from the article's length: about one per 27 words, up to 20.",
        default=20,
        validators=[
            InputRequired("Give how many questions to make (1 to 60)."),
            NumberRange(min=1, max=60, message="Choose from 1 to 60 questions."),
        ],
    )
    token = HiddenField()


class PairForm(Form):
    """One matching pair."""

    left = StringField("Item", validators=[Optional(), Length(max=300)])
    right = StringField("Matches", validators=[Optional(), Length(max=300)])


class GapForm(Form):
    """One gap of a gap-fill passage: its answer and other forms accepted when typed."""

    answer = StringField("Answer", validators=[Optional(), Length(max=300)])
    accepted = TextAreaField(
        "Also accept when typed", validators=[Length(max=2000)], render_kw={"rows": 2}
    )


class QuestionForm(VersionedForm):
    """Every field a question of any kind may have; the template shows those of its kind."""

    kind = HiddenField()
    prompt = TextAreaField("Question", validators=[Length(max=2000)], render_kw={"rows": 3})
    options = FieldList(
        StringField("Option", validators=[Length(max=300)]),
        min_entries=MAX_OPTIONS,
        max_entries=MAX_OPTIONS,
    )
    correct = RadioField(
        "Correct option",
        choices=[SelectChoice(str(i), f"Option {i + 1}") for i in range(MAX_OPTIONS)],
        validators=[Optional()],
        validate_choice=False,
    )
    truth = RadioField(
        "The statement is",
        choices=[SelectChoice("True", "True"), SelectChoice("False", "False")],
        validators=[Optional()],
    )
    answer = StringField("Correct answer", validators=[Length(max=500)])
    accepted = TextAreaField(
        "Also accept",
        description="Other spellings or forms to mark as right, one per line.",
        render_kw={"rows": 3},
    )
    value = StringField(
        "Correct number", validators=[Length(max=40)], render_kw={"inputmode": "decimal"}
    )
    tolerance = StringField(
        "Tolerance (±)",
        validators=[Length(max=40)],
        description="Answers this far from the number still count as right. Leave empty for exact.",
        render_kw={"inputmode": "decimal"},
    )
    unit = StringField("Unit", validators=[Length(max=40)], description="Optional, e.g. km.")
    pairs = FieldList(FormField(PairForm), min_entries=MAX_PAIRS, max_entries=MAX_PAIRS)
    gaps = FieldList(FormField(GapForm), min_entries=MAX_GAPS, max_entries=MAX_GAPS)
    word_bank = BooleanField("Students choose each gap from a word bank")
    distractors = TextAreaField(
        "Extra words in the word bank",
        description="Wrong choices shown with the answers, one per line (up to 6). The bank "
        "lists every gap's answer and these, in alphabetical order.",
        validators=[Length(max=2000)],
        render_kw={"rows": 3},
    )
    explanation = TextAreaField(
        "Explanation",
        description="Shown after the answer. Leave empty to show the quoted source sentence.",
        render_kw={"rows": 2},
    )
    quote = TextAreaField(
        "Source sentence (optional)",
        description="Copy the sentence of the article that answers the question; students see it "
        "quoted with the answer highlighted.",
        render_kw={"rows": 2},
    )

    def fill(self, edit: QuestionEdit, version: int) -> None:
        """Pre-fill from a question's current values."""
        self.kind.data = edit.kind
        self.version.data = str(version)
        self.prompt.data = edit.prompt
        for index, entry in enumerate(self.options.entries):
            entry.data = edit.options[index] if index < len(edit.options) else ""
        if edit.kind == "multiple_choice" and edit.answer in edit.options:
            self.correct.data = str(edit.options.index(edit.answer))
        self.truth.data = edit.answer if edit.kind == "true_false" else None
        self.answer.data = edit.answer
        self.accepted.data = "\n".join(a for a in edit.accepted if a != edit.answer)
        self.value.data, self.tolerance.data, self.unit.data = edit.value, edit.tolerance, edit.unit
        for index, entry in enumerate(self.pairs.entries):
            pair = edit.pairs[index] if index < len(edit.pairs) else ("", "")
            entry.form.left.data, entry.form.right.data = pair
        for index, entry in enumerate(self.gaps.entries):
            answer, forms = edit.gaps[index] if index < len(edit.gaps) else ("", ())
            entry.form.answer.data = answer
            entry.form.accepted.data = "\n".join(f for f in forms if f != answer)
        self.word_bank.data = edit.word_bank
        self.distractors.data = "\n".join(edit.distractors)
        self.explanation.data = edit.explanation
        self.quote.data = edit.quote

    def to_edit(self) -> QuestionEdit:
        """The submitted values as an edit for the service to validate."""
        kind = self.kind.data or "multiple_choice"
        options = tuple(entry.data or "" for entry in self.options.entries)
        answer = self.answer.data or ""
        if kind == "multiple_choice":
            try:
                answer = options[int(self.correct.data or "")].strip()
            except (ValueError, IndexError):
                answer = ""
        elif kind == "true_false":
            answer = self.truth.data or ""
        return QuestionEdit(
            kind=kind,
            prompt=self.prompt.data or "",
            answer=answer,
            options=options,
            accepted=tuple((self.accepted.data or "").splitlines()),
            pairs=tuple(
                (entry.form.left.data or "", entry.form.right.data or "")
                for entry in self.pairs.entries
            ),
            value=self.value.data or "",
            tolerance=self.tolerance.data or "",
            unit=self.unit.data or "",
            explanation=self.explanation.data or "",
            quote=self.quote.data or "",
            gaps=tuple(
                (
                    entry.form.answer.data or "",
                    tuple((entry.form.accepted.data or "").splitlines()),
                )
                for entry in self.gaps.entries
            ),
            distractors=tuple((self.distractors.data or "").splitlines()),
            word_bank=bool(self.word_bank.data),
        )

    def attach_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """Put the service's messages on the fields; return the list fields' (options, pairs)."""
        answer_field = {"multiple_choice": self.correct, "true_false": self.truth}.get(
            self.kind.data or "", self.answer
        )
        targets = {
            "prompt": self.prompt,
            "answer": answer_field,
            "value": self.value,
            "tolerance": self.tolerance,
            "quote": self.quote,
            "distractors": self.distractors,
        }
        rest = {}
        for name, message in errors.items():
            if name in targets:
                targets[name].errors = [*targets[name].errors, message]
            else:
                rest[name] = message
        return rest
