"""Units: a teacher orders quizzes and lessons of several articles; students follow the path."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from quizapp.models import Attempt, Question, Quiz, QuizStatus, Student, Unit, UnitStep, User, db
from quizapp.models.roster import SchoolClass
from quizapp.services.lessons import lesson_for_quiz
from quizapp.services.scoring import Marking

__all__ = [
    "StepChoice",
    "StepStatus",
    "StudentUnit",
    "UnitError",
    "create_unit",
    "create_unit_from_form",
    "make_unit_test",
    "opens_later",
    "owned_unit",
    "parse_steps",
    "student_units",
    "teacher_units",
    "unit_candidates",
    "unit_progress",
]

MAX_TITLE_CHARS = 200
# Items the unit test takes from each article (fewer where an article has fewer).
TEST_ITEMS_PER_ARTICLE = 4


class UnitError(Exception):
    """A teacher-facing refusal; ``str(error)`` is the message to show."""


class StepStatus(enum.StrEnum):
    """Where a student is with one step of a unit."""

    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class StepChoice:
    """A quiz the teacher put in the unit: its place and optional dates."""

    quiz_id: int
    position: int
    opens_on: date | None = None
    due_on: date | None = None


def _date(value: str, what: str, title: str) -> date | None:
    """A yyyy-mm-dd date from a form field, or None when blank."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise UnitError(f"The {what} date for “{title}” is not a date (use yyyy-mm-dd).") from error


def parse_steps(fields: Mapping[str, str], quizzes: Sequence[Quiz]) -> list[StepChoice]:
    """The steps a teacher chose: ``order-<quiz id>`` (a number; blank leaves the quiz out),
    with ``opens-<id>`` and ``due-<id>`` dates. Refuses unreadable numbers and dates."""
    chosen = []
    for quiz in quizzes:
        raw = (fields.get(f"order-{quiz.id}") or "").strip()
        if not raw:
            continue
        if not raw.isdigit() or not 1 <= int(raw) <= 999:
            raise UnitError(f"The order for “{quiz.title}” must be a whole number from 1.")
        opens_on = _date(fields.get(f"opens-{quiz.id}", ""), "opening", quiz.title)
        due_on = _date(fields.get(f"due-{quiz.id}", ""), "due", quiz.title)
        if opens_on and due_on and due_on < opens_on:
            raise UnitError(f"“{quiz.title}” is due before it opens.")
        chosen.append(StepChoice(quiz.id, int(raw), opens_on, due_on))
    return sorted(chosen, key=lambda c: (c.position, c.quiz_id))


def create_unit(owner: User, title: str, class_id: int | None, steps: Sequence[StepChoice]) -> Unit:
    """A new unit of the teacher's quizzes, in order, optionally for one of their classes."""
    cleaned = " ".join((title or "").split())
    if not cleaned:
        raise UnitError("Give the unit a title, for example “Rivers and glaciers”.")
    if len(cleaned) > MAX_TITLE_CHARS:
        raise UnitError(f"Use at most {MAX_TITLE_CHARS} characters for the title.")
    if not steps:
        raise UnitError("Put at least one quiz or lesson in the unit (give it an order number).")
    owned = {
        q.id
        for q in db.session.scalars(
            db.select(Quiz).where(
                Quiz.owner_id == owner.id, Quiz.id.in_([s.quiz_id for s in steps])
            )
        )
    }
    if owned != {s.quiz_id for s in steps}:
        raise UnitError("A chosen quiz is not one of yours.")
    if class_id is not None:
        school_class = db.session.get(SchoolClass, class_id)
        if school_class is None or school_class.owner_id != owner.id:
            raise UnitError("Choose one of your classes.")
    unit = Unit(owner_id=owner.id, title=cleaned, class_id=class_id)
    for position, step in enumerate(steps, 1):
        unit.steps.append(
            UnitStep(
                quiz_id=step.quiz_id,
                position=position,
                opens_on=step.opens_on,
                due_on=step.due_on,
            )
        )
    db.session.add(unit)
    db.session.commit()
    return unit


def create_unit_from_form(
    owner: User, title: str, class_id: int | None, fields: Mapping[str, str]
) -> Unit:
    """A new unit from the "new unit" form's title, class and per-quiz order and dates."""
    return create_unit(owner, title, class_id, parse_steps(fields, unit_candidates(owner)))


def unit_candidates(owner: User) -> list[Quiz]:
    """The teacher's quizzes and lessons that may go in a unit, newest first."""
    return list(
        db.session.scalars(
            db.select(Quiz).where(Quiz.owner_id == owner.id).order_by(Quiz.created_at.desc())
        )
    )


def teacher_units(owner: User) -> list[Unit]:
    """The teacher's units, newest first."""
    return list(
        db.session.scalars(
            db.select(Unit).where(Unit.owner_id == owner.id).order_by(Unit.created_at.desc())
        )
    )


def owned_unit(owner: User, unit_id: int) -> Unit | None:
    """The teacher's unit with this id, or None (someone else's is as good as missing)."""
    unit = db.session.get(Unit, unit_id)
    return unit if unit is not None and unit.owner_id == owner.id else None


def make_unit_test(unit: Unit) -> Quiz:
    """A draft quiz drawing items from every article of the unit, added as its last step.

    From each article, up to TEST_ITEMS_PER_ARTICLE of its quizzes' live items (one per
    source sentence, spread over the article), copied so the teacher may edit them.
    """
    if unit.test_quiz is not None:
        return unit.test_quiz
    picked: list[Question] = []
    articles: list[int] = []
    for step in unit.steps:
        if step.quiz.article_id not in articles:
            articles.append(step.quiz.article_id)
    for article_id in articles:
        pool = [
            q
            for step in unit.steps
            if step.quiz.article_id == article_id
            for q in step.quiz.questions
            # A question dropped in a regrade was judged flawed: not one to test again.
            if not q.deleted and q.kind != "matching" and q.marking != Marking.DROPPED
        ]
        seen: set[tuple[int | None, str]] = set()
        distinct = []
        for question in pool:
            key = (question.quote_start, question.prompt)
            if key not in seen and question.quote_start not in {k[0] for k in seen}:
                seen.add(key)
                distinct.append(question)
        if not distinct:
            continue
        step_size = max(1, len(distinct) // TEST_ITEMS_PER_ARTICLE)
        picked += distinct[::step_size][:TEST_ITEMS_PER_ARTICLE]
    if not picked:
        raise UnitError("The unit's quizzes have no questions to draw a test from.")
    first = unit.steps[0].quiz
    test = Quiz(
        article_id=first.article_id,
        owner_id=unit.owner_id,
        title=f"Unit test: {unit.title}"[:300],
        status=QuizStatus.DRAFT,
        class_id=unit.class_id,
    )
    for position, source in enumerate(picked, 1):
        test.questions.append(
            Question(
                position=position,
                **{
                    column: getattr(source, column)
                    for column in (
                        "kind",
                        "prompt",
                        "answer",
                        "data",
                        "fact_type",
                        "fact_text",
                        "fact_start",
                        "fact_end",
                        "quote",
                        "quote_start",
                        "quote_end",
                        "paragraph",
                        "explanation",
                        "difficulty",
                    )
                },
            )
        )
    db.session.add(test)
    db.session.flush()
    unit.test_quiz_id = test.id
    unit.steps.append(UnitStep(quiz_id=test.id, position=len(unit.steps) + 1))
    db.session.commit()
    return test


# ---------------------------------------------------------------- progress


def _statuses(
    quiz_ids: Sequence[int], student_ids: Sequence[int]
) -> dict[tuple[int, int], StepStatus]:
    """(student, quiz) -> status, from the students' attempts at these quizzes."""
    status: dict[tuple[int, int], StepStatus] = {}
    if not quiz_ids or not student_ids:
        return status
    for student_id, quiz_id, submitted_at in db.session.execute(
        db.select(Attempt.student_id, Attempt.quiz_id, Attempt.submitted_at).where(
            Attempt.quiz_id.in_(quiz_ids), Attempt.student_id.in_(student_ids)
        )
    ):
        key = (student_id, quiz_id)
        if submitted_at is not None:
            status[key] = StepStatus.DONE
        elif status.get(key) is not StepStatus.DONE:
            status[key] = StepStatus.IN_PROGRESS
    return status


@dataclass(frozen=True, slots=True)
class StudentStep:
    """A step on a student's path: what it is, when, whether it is open, how far they are."""

    title: str
    is_lesson: bool
    join_code: str | None
    opens_on: date | None
    due_on: date | None
    open_now: bool
    status: StepStatus


@dataclass(frozen=True, slots=True)
class StudentUnit:
    """One unit as a student sees it: the path and how many steps are done."""

    title: str
    steps: tuple[StudentStep, ...]

    @property
    def done(self) -> int:
        """Steps the student has finished."""
        return sum(1 for s in self.steps if s.status is StepStatus.DONE)


def opens_later(quiz: Quiz, class_id: int, today: date) -> date | None:
    """When a unit of the class opens this quiz, while none has it open yet; None when one
    does, or no unit of the class holds it (then it is open as published)."""
    dates = list(
        db.session.scalars(
            db.select(UnitStep.opens_on)
            .join(Unit, Unit.id == UnitStep.unit_id)
            .where(Unit.class_id == class_id, UnitStep.quiz_id == quiz.id)
        )
    )
    if not dates or any(opens is None or opens <= today for opens in dates):
        return None
    return min(d for d in dates if d is not None)


def _is_open(step: UnitStep, today: date) -> bool:
    """Published and past its opening date (the due date only marks it late, never shuts it)."""
    return step.quiz.status is QuizStatus.PUBLISHED and (
        step.opens_on is None or step.opens_on <= today
    )


def student_units(student: Student, today: date) -> list[StudentUnit]:
    """The units of the student's class, each step with its status for this student."""
    units = list(
        db.session.scalars(
            db.select(Unit).where(Unit.class_id == student.class_id).order_by(Unit.created_at)
        )
    )
    quiz_ids = [s.quiz_id for u in units for s in u.steps]
    status = _statuses(quiz_ids, [student.id])
    result = []
    for unit in units:
        steps = []
        for step in unit.steps:
            if step.quiz.status is QuizStatus.DRAFT and step.quiz_id == unit.test_quiz_id:
                continue  # an unpublished unit test is the teacher's business
            steps.append(
                StudentStep(
                    title=step.quiz.title,
                    is_lesson=lesson_for_quiz(step.quiz_id) is not None,
                    join_code=step.quiz.join_code if _is_open(step, today) else None,
                    opens_on=step.opens_on,
                    due_on=step.due_on,
                    open_now=_is_open(step, today),
                    status=status.get((student.id, step.quiz_id), StepStatus.NOT_STARTED),
                )
            )
        result.append(StudentUnit(title=unit.title, steps=tuple(steps)))
    return result


@dataclass(frozen=True, slots=True)
class UnitProgress:
    """The teacher's grid: steps across, students down, a status in each cell."""

    steps: tuple[UnitStep, ...]
    rows: tuple[tuple[str, tuple[StepStatus, ...]], ...]


def unit_progress(unit: Unit) -> UnitProgress:
    """Each current student of the unit's class and their status at every step."""
    students = unit.school_class.current_students if unit.school_class else []
    quiz_ids = [s.quiz_id for s in unit.steps]
    status = _statuses(quiz_ids, [s.id for s in students])
    rows = tuple(
        (
            student.name,
            tuple(status.get((student.id, q), StepStatus.NOT_STARTED) for q in quiz_ids),
        )
        for student in students
    )
    return UnitProgress(steps=tuple(unit.steps), rows=rows)
