"""Read-and-check lessons: split an article into sections, pick check questions, teach in steps.

A lesson is an ordinary quiz (so the teacher reviews it in the quiz editor and publishes it with
a join code) plus a Lesson row saying which paragraphs make each section and which questions
check which section. A student's progress is their attempt: a check question is marked the
moment it is answered (its answer is shown only then), and the end-of-lesson quiz submits the
attempt like any quiz.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from quizapp.models import Attempt, Question, Quiz, QuizStatus, Response, db
from quizapp.models.base import utcnow
from quizapp.models.lesson import Lesson, LessonItem
from quizapp.services import taking
from quizapp.services.attempt_pages import student_item
from quizapp.services.authoring import AuthoringError, apply_item
from quizapp.services.lesson_plans import (
    CHECK_KINDS,
    MIN_CHECKS_PER_SECTION,
    SectionPlan,
    choose_checks,
    choose_final,
    gives_away,
    split_sections,
)
from quizapp.services.scoring import Marking, score_item
from quizapp.services.snapshots import live_questions

__all__ = [
    "CHECK_KINDS",
    "CheckOutcome",
    "LessonStep",
    "SectionPlan",
    "answer_check",
    "choose_checks",
    "choose_final",
    "create_lesson",
    "current_section",
    "final_view",
    "gives_away",
    "lesson_for_quiz",
    "lesson_step",
    "question_sections",
    "section_plans",
    "split_sections",
    "submit_final",
]

MAX_ANSWER_CHARS = 500


# ---------------------------------------------------------------- making a lesson (DB)


def lesson_for_quiz(quiz_id: int) -> Lesson | None:
    """The lesson whose questions are this quiz's, or None for a plain quiz."""
    return db.session.scalars(db.select(Lesson).where(Lesson.quiz_id == quiz_id)).first()


def section_plans(lesson: Lesson) -> list[SectionPlan]:
    """The lesson's sections as plans."""
    return [
        SectionPlan(
            first=int(s["first"]),
            last=int(s["last"]),
            spans=tuple((int(a), int(b)) for a, b in s["spans"]),
        )
        for s in lesson.sections
    ]


def create_lesson(source: Quiz, *, seed: int = 0) -> Quiz:
    """A new draft quiz teaching the source quiz's article in sections, with its Lesson row."""
    from quizapp.nlp import GenerationError, generate
    from quizapp.nlp.document import read_document

    article = source.article
    document = read_document(article.text)
    words = [len(article.text[start:end].split()) for start, end in document.paragraphs]
    plans = [
        SectionPlan(first=first, last=last, spans=tuple(document.paragraphs[first - 1 : last]))
        for first, last in split_sections(words)
    ]
    if len(plans) < 2:
        raise AuthoringError(
            "This article is too short for a lesson in sections: it needs at least two paragraphs."
        )
    try:
        question_set = generate(
            article.text,
            title=article.title,
            max_items=400,
            kinds=CHECK_KINDS,
            seed=seed,
            published=article.published_on,
        )
    except GenerationError as error:
        raise AuthoringError(str(error)) from error
    items = question_set.to_dict()["questions"]
    checks = [choose_checks(items, plan) for plan in plans]
    used = [item for chosen in checks for item in chosen]
    final = choose_final(items, plans, used, seed=seed)
    if not final:
        # A short article's few items all went to the sections' checks: each section keeps
        # the fewest checks so the lesson still ends with a quiz of its own.
        checks = [choose_checks(items, plan, count=MIN_CHECKS_PER_SECTION) for plan in plans]
        used = [item for chosen in checks for item in chosen]
        final = choose_final(items, plans, used, seed=seed)
    if not used:
        raise AuthoringError("No check questions could be made from this article's sections.")
    quiz = Quiz(
        article_id=article.id,
        owner_id=source.owner_id,
        title=f"Lesson: {source.title}"[:300],
        status=QuizStatus.DRAFT,
        attempts_allowed=1,
    )
    lesson = Lesson(
        quiz=quiz,
        sections=[
            {"first": p.first, "last": p.last, "spans": [list(s) for s in p.spans]} for p in plans
        ],
    )
    placed = [(n, item) for n, chosen in enumerate(checks, 1) for item in chosen]
    placed += [(None, item) for item in final]
    for position, (section, item) in enumerate(placed, 1):
        question = Question(position=position)
        apply_item(question, dict(item))
        quiz.questions.append(question)
        lesson.items.append(LessonItem(question=question, section=section))
    db.session.add_all([quiz, lesson])
    db.session.commit()
    return quiz


# ---------------------------------------------------------------- taking a lesson (DB)


@dataclass(frozen=True, slots=True)
class CheckItem:
    """A check question on the lesson page: answered (with the verdict) or still to answer."""

    question_id: int
    item: dict[str, Any]
    answered: bool
    given: str | None = None
    correct: bool | None = None


@dataclass(frozen=True, slots=True)
class LessonStep:
    """One section of the lesson page: its text, its checks, and where the student is."""

    attempt: Attempt
    number: int
    total: int
    paragraphs: tuple[str, ...]
    checks: tuple[CheckItem, ...]
    next_check: CheckItem | None
    unlocked: int
    final_count: int

    @property
    def done(self) -> bool:
        """Every check of this section is answered."""
        return self.next_check is None


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    """What became of a posted check answer."""

    accepted: bool
    correct: bool = False
    # Refused because nothing was chosen or typed (the page says so).
    empty: bool = False


def question_sections(lesson: Lesson, questions: Sequence[Question]) -> dict[int, int | None]:
    """Each live question's section (None: end quiz); teacher-added ones go by paragraph."""
    placed = {li.question_id: li.section for li in lesson.items}
    plans = section_plans(lesson)
    roles: dict[int, int | None] = {}
    for question in questions:
        if question.id in placed:
            roles[question.id] = placed[question.id]
        else:
            roles[question.id] = next(
                (n for n, p in enumerate(plans, 1) if p.holds(question.paragraph)), None
            )
    return roles


def _answered(attempt: Attempt) -> dict[int, Response]:
    """The attempt's marked responses by question (a check is answered once it is marked)."""
    return {r.question_id: r for r in attempt.responses if r.correct is not None}


def _asked_questions(attempt: Attempt) -> list[Question]:
    """The lesson's live questions as this student meets them: one the teacher dropped stays
    only where the student had already answered it."""
    answered = {r.question_id for r in attempt.responses if r.correct is not None or r.given}
    return [
        q for q in live_questions(attempt.quiz) if q.marking != Marking.DROPPED or q.id in answered
    ]


def _section_checks(lesson: Lesson, attempt: Attempt) -> list[list[Question]]:
    """The live check questions of each section, in order."""
    questions = _asked_questions(attempt)
    roles = question_sections(lesson, questions)
    return [
        [q for q in questions if roles[q.id] == number]
        for number in range(1, len(lesson.sections) + 1)
    ]


def _unlocked(per_section: Sequence[Sequence[Question]], answered: Mapping[int, Any]) -> int:
    """The furthest section the student may open (1-based); len + 1 opens the end quiz."""
    for number, checks in enumerate(per_section, 1):
        if any(q.id not in answered for q in checks):
            return number
    return len(per_section) + 1


def current_section(lesson: Lesson, attempt: Attempt) -> int | None:
    """The first section with an unanswered check (1-based), or None when the end quiz is open."""
    per_section = _section_checks(lesson, attempt)
    unlocked = _unlocked(per_section, _answered(attempt))
    return unlocked if unlocked <= len(per_section) else None


def lesson_step(lesson: Lesson, attempt: Attempt, number: int) -> LessonStep | None:
    """Section ``number`` as the student sees it; None if it is not (yet) open to them."""
    per_section = _section_checks(lesson, attempt)
    answered = _answered(attempt)
    unlocked = _unlocked(per_section, answered)
    if not 1 <= number <= min(unlocked, len(per_section)):
        return None
    plan = section_plans(lesson)[number - 1]
    text = attempt.quiz.article.text
    checks: list[CheckItem] = []
    for question in per_section[number - 1]:
        response = answered.get(question.id)
        if response is not None:
            checks.append(
                CheckItem(
                    question_id=question.id,
                    item=question.to_item(),
                    answered=True,
                    given=response.given,
                    correct=bool(response.correct),
                )
            )
        else:
            shown = student_item(question, seed=attempt.order_seed, shuffle_options=True)
            checks.append(CheckItem(question_id=question.id, item=shown, answered=False))
    roles = question_sections(lesson, _asked_questions(attempt))
    return LessonStep(
        attempt=attempt,
        number=number,
        total=len(per_section),
        paragraphs=tuple(text[a:b].strip() for a, b in plan.spans),
        checks=tuple(checks),
        next_check=next((c for c in checks if not c.answered), None),
        unlocked=unlocked,
        final_count=sum(1 for role in roles.values() if role is None),
    )


def answer_check(
    lesson: Lesson, attempt: Attempt, question_id: int | None, fields: Mapping[str, str]
) -> CheckOutcome:
    """Mark a check question once: its first answer counts, a repeat or stale post is ignored,
    and none counts once the attempt is out of time or the lesson has closed."""
    if question_id is None or taking.enforce_deadline(attempt):
        return CheckOutcome(accepted=False)
    per_section = _section_checks(lesson, attempt)
    answered = _answered(attempt)
    unlocked = _unlocked(per_section, answered)
    open_checks = {q.id: q for checks in per_section[:unlocked] for q in checks}
    question = open_checks.get(question_id)
    if question is None or question_id in answered:
        return CheckOutcome(accepted=False)
    given = str(fields.get(f"q{question_id}", ""))[:MAX_ANSWER_CHARS].strip()
    if not given:
        return CheckOutcome(accepted=False, empty=True)
    mark = score_item(question.to_item(), given)
    values = {
        "given": given,
        "correct": mark.correct,
        "credit": mark.credit,
        "updated_at": utcnow(),
    }
    # Only an unmarked response may be marked: of two concurrent posts exactly one counts.
    claimed = db.session.execute(
        update(Response)
        .where(
            Response.attempt_id == attempt.id,
            Response.question_id == question_id,
            Response.correct.is_(None),
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount == 0:
        exists = db.session.scalars(
            db.select(Response.id).where(
                Response.attempt_id == attempt.id, Response.question_id == question_id
            )
        ).first()
        if exists is not None:
            db.session.rollback()
            return CheckOutcome(accepted=False)
        db.session.add(Response(attempt_id=attempt.id, question_id=question_id, **values))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return CheckOutcome(accepted=False)
    db.session.expire(attempt, ["responses"])
    return CheckOutcome(accepted=True, correct=mark.correct)


@dataclass(frozen=True, slots=True)
class FinalView:
    """The end-of-lesson quiz: its items (no answers) once every section is done."""

    attempt: Attempt
    items: tuple[dict[str, Any], ...]
    sections: int


def final_view(lesson: Lesson, attempt: Attempt) -> FinalView | None:
    """The end quiz, or None while a section still has unanswered checks."""
    per_section = _section_checks(lesson, attempt)
    if _unlocked(per_section, _answered(attempt)) <= len(per_section):
        return None
    questions = _asked_questions(attempt)
    roles = question_sections(lesson, questions)
    items = tuple(
        student_item(q, seed=attempt.order_seed, shuffle_options=True)
        for q in questions
        if roles[q.id] is None
    )
    return FinalView(attempt=attempt, items=items, sections=len(per_section))


def submit_final(lesson: Lesson, attempt: Attempt, fields: Mapping[str, str]) -> bool:
    """Submit the end quiz (and with it the lesson's attempt); False while sections are open."""
    if final_view(lesson, attempt) is None:
        return False
    questions = _asked_questions(attempt)
    roles = question_sections(lesson, questions)
    finals = {f"q{q.id}" for q in questions if roles[q.id] is None}
    # Check answers are already marked; only the end quiz's fields are taken from the form.
    # A passage's gaps and a matching row's choices post as "q<id>-<n>".
    taking.submit_attempt(
        attempt, {k: v for k, v in fields.items() if k.split("-", 1)[0] in finals}
    )
    return True
