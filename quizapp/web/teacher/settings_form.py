"""The quiz settings form: title, class, order, time limit, attempts, closing, feedback."""

from __future__ import annotations

from datetime import UTC, datetime

from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional, ValidationError

from quizapp.models import ExplanationPolicy, StudyAccess
from quizapp.services.publishing import CLOSING_HORIZON, CLOSING_TOO_LATE, QuizSettings
from quizapp.services.results import time_zone
from quizapp.services.taking import as_utc
from quizapp.web.teacher.forms import GIVE_TITLE, TITLE_LENGTH, VersionedForm

__all__ = ["SettingsForm"]


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
