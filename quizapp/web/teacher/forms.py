"""Forms of the teacher pages: article source, generation options, question editing, settings."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask_wtf.file import FileAllowed, FileField
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
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
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.models import ExplanationPolicy, StudyAccess
from quizapp.services.authoring import ALL_KINDS, KIND_LABELS
from quizapp.services.editing import QuestionEdit
from quizapp.services.passages import MAX_GAPS
from quizapp.services.publishing import CLOSING_HORIZON, CLOSING_TOO_LATE, QuizSettings
from quizapp.services.results import time_zone
from quizapp.services.taking import as_utc
from quizapp.web.form_text import CheckedForm

UPLOAD_EXTENSIONS = ["txt", "md", "html", "htm", "docx", "pdf"]
MAX_OPTIONS = 5
MAX_PAIRS = 6


# Said in the page's words, not WTForms' defaults ("This field is required.").
GIVE_TITLE = "Give the quiz a title."
TITLE_LENGTH = Length(max=300, message="Use at most 300 characters for the title.")


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
        validators=[Optional(), URL(message="Give a full web address, starting with https://.")],
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


def _feedback_choices(never: str) -> list[SelectChoice]:
    """When one part of the feedback shows: the three choices, "never" saying what it means."""
    return [
        SelectChoice(ExplanationPolicy.AFTER_SUBMIT.value, "Right after the student submits"),
        SelectChoice(ExplanationPolicy.AFTER_CLOSE.value, "Only after I close the quiz"),
        SelectChoice(ExplanationPolicy.NEVER.value, f"Never ({never})"),
    ]


class SettingsForm(VersionedForm):
    """How students take the quiz."""

    title = StringField("Quiz title", validators=[DataRequired(GIVE_TITLE), TITLE_LENGTH])
    shuffle_questions = BooleanField("Shuffle the order of questions for each student")
    shuffle_options = BooleanField("Shuffle the options of multiple-choice questions")
    one_per_page = BooleanField("Show one question per page")
    open_book = BooleanField(
        "Open book: students may read the article while answering",
    )
    time_limit_minutes = IntegerField(
        "Time limit in minutes",
        validators=[
            Optional(),
            NumberRange(min=1, max=600, message="Give a time limit of 1 to 600 minutes."),
        ],
        description="Leave empty for no limit.",
    )
    closes_at = DateTimeLocalField(
        "Close automatically at",
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[Optional()],
        description="Leave empty to close the quiz yourself. At this time every attempt still "
        "open is submitted with its saved answers, as when you close it.",
    )
    # The browser's IANA time zone (static/js/app.js fills it in): the closing time is typed
    # in the teacher's own time. Without the script it stays empty and the time is UTC.
    time_zone = HiddenField()
    attempts_allowed = IntegerField(
        "Attempts allowed per student",
        # Said here because a teacher would otherwise trust it as a hard limit: without a
        # roster the server can only recognise a student by the browser's list of attempts.
        description="With a class, counted per student on any device. Without one, counted "
        "per browser: a student who starts again in another browser appears in your results "
        "as a second name, such as “Sam Lee (2)”.",
        default=1,
        validators=[
            InputRequired("Give how many attempts each student may make (1 to 100)."),
            NumberRange(min=1, max=100, message="Allow from 1 to 100 attempts."),
        ],
    )
    show_score = RadioField(
        "Their score",
        choices=_feedback_choices("students see nothing but “submitted”"),
        default=ExplanationPolicy.AFTER_SUBMIT.value,
        validators=[Optional()],
    )
    show_marks = RadioField(
        "Which of their answers were right or wrong",
        choices=_feedback_choices("no ticks or crosses"),
        default=ExplanationPolicy.AFTER_SUBMIT.value,
        validators=[Optional()],
        description="Showing right and wrong also shows the score.",
    )
    show_answers = RadioField(
        "The correct answers",
        choices=_feedback_choices("no answer key, no study view or practice after the quiz"),
        default=ExplanationPolicy.AFTER_SUBMIT.value,
        validators=[Optional()],
        description="Showing the correct answers also shows right and wrong.",
    )
    explanations = RadioField(
        "The explanations (the article's sentence for each answer)",
        choices=_feedback_choices("students see no quotes from the article"),
        default=ExplanationPolicy.AFTER_SUBMIT.value,
        description="An explanation quotes the answer, so showing it also shows the answer.",
    )
    study_access = RadioField(
        "Study view (the article with its facts, glossary and fact sheet)",
        choices=[
            SelectChoice(
                StudyAccess.BEFORE_AND_AFTER.value,
                "Before the quiz (anyone with the code) and after submitting",
            ),
            SelectChoice(StudyAccess.AFTER_SUBMIT.value, "Only after the student submits"),
            SelectChoice(StudyAccess.NEVER.value, "Never"),
        ],
        default=StudyAccess.AFTER_SUBMIT.value,
        # A form posted without it (an older page) keeps the default rather than failing.
        validators=[Optional()],
        description="During the quiz only open book shows the article. After submitting, the "
        "study view opens only when students may see the correct answers.",
    )
    class_id = SelectField(
        "Who takes the quiz",
        choices=[SelectChoice("", "Anyone with the code (students type a name)")],
        default="",
        validators=[Optional()],
        description="Choose a class and its students join with their personal code: attempts, "
        "time limit and results then follow each student on any device.",
    )

    def offer_classes(self, classes: list[tuple[int, str]]) -> None:
        """Add the teacher's classes (id, name) to the "who takes the quiz" choices."""
        self.class_id.choices = [
            SelectChoice("", "Anyone with the code (students type a name)"),
            *[
                SelectChoice(str(class_id), f"Class {name} (students type their personal code)")
                for class_id, name in classes
            ],
        ]

    def fill(self, settings: QuizSettings, version: int) -> None:
        """Pre-fill with the quiz's current settings."""
        self.title.data = settings.title
        self.version.data = str(version)
        self.shuffle_questions.data = settings.shuffle_questions
        self.shuffle_options.data = settings.shuffle_options
        self.one_per_page.data = settings.one_per_page
        self.open_book.data = settings.open_book
        self.time_limit_minutes.data = settings.time_limit_minutes
        self.attempts_allowed.data = settings.attempts_allowed
        self.show_score.data = settings.show_score.value
        answers = settings.show_answers or settings.explanations
        self.show_marks.data = (settings.show_marks or answers).value
        self.show_answers.data = answers.value
        self.explanations.data = settings.explanations.value
        self.study_access.data = settings.study_access.value
        self.class_id.data = str(settings.class_id) if settings.class_id else ""
        # Shown in UTC; the page's script rewrites it in the browser's zone (data-utc).
        closes = settings.closes_at
        self.closes_at.data = as_utc(closes).replace(tzinfo=None) if closes else None
        self.closes_at.render_kw = {"data-utc": "true"}

    def validate_closes_at(self, field: DateTimeLocalField) -> None:
        """A year far ahead is a typo, and past what a date can hold in some time zones."""
        if field.data is not None and field.data > datetime.now() + CLOSING_HORIZON:
            raise ValidationError(CLOSING_TOO_LATE)

    def to_settings(self) -> QuizSettings:
        """The submitted settings."""
        return QuizSettings(
            title=self.title.data or "",
            shuffle_questions=bool(self.shuffle_questions.data),
            shuffle_options=bool(self.shuffle_options.data),
            one_per_page=bool(self.one_per_page.data),
            open_book=bool(self.open_book.data),
            time_limit_minutes=self.time_limit_minutes.data,
            attempts_allowed=self.attempts_allowed.data or 1,
            explanations=ExplanationPolicy(self.explanations.data),
            study_access=StudyAccess(self.study_access.data or StudyAccess.AFTER_SUBMIT),
            # A form posted without these (an older page) shows as much as the explanations.
            show_score=ExplanationPolicy(self.show_score.data or ExplanationPolicy.AFTER_SUBMIT),
            show_marks=ExplanationPolicy(self.show_marks.data or self.explanations.data),
            show_answers=ExplanationPolicy(self.show_answers.data or self.explanations.data),
            class_id=int(self.class_id.data) if self.class_id.data else None,
            closes_at=self.closes_at.data.replace(tzinfo=time_zone(self.time_zone.data)).astimezone(
                UTC
            )
            if self.closes_at.data
            else None,
        )
