"""What a teacher reads of a lesson: per-section results, the lesson as a worksheet or module."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizapp.exports.base import ExportResult
from quizapp.models import Attempt, Question, Response, db
from quizapp.models.lesson import Lesson
from quizapp.services.lessons import question_sections, section_plans
from quizapp.services.snapshots import live_questions

__all__ = [
    "LessonResults",
    "QuestionResult",
    "SectionResult",
    "export_lesson_module",
    "lesson_document",
    "lesson_results",
    "lesson_worksheet",
]


# ---------------------------------------------------------------- the teacher's view


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """One check question's share of right first answers."""

    question: Question
    answered: int
    right: int


@dataclass(frozen=True, slots=True)
class SectionResult:
    """A section on the teacher's lesson page: its opening words, checks and how they went."""

    number: int
    opening: str
    paragraphs: str
    questions: tuple[QuestionResult, ...]
    completed: int

    @property
    def share_right(self) -> float | None:
        """Right answers over answers, across the section's checks."""
        answered = sum(q.answered for q in self.questions)
        return sum(q.right for q in self.questions) / answered if answered else None


@dataclass(frozen=True, slots=True)
class LessonResults:
    """The teacher's lesson page: each section's results, the end quiz's, who started."""

    sections: tuple[SectionResult, ...]
    final_answered: int
    final_right: int
    students: int
    finished: int


def lesson_results(lesson: Lesson) -> LessonResults:
    """Per section: checks with answers and right first answers, students through it; then
    the end quiz, and how many students started and finished."""
    quiz = lesson.quiz
    questions = live_questions(quiz)
    roles = question_sections(lesson, questions)
    tallies: dict[int, list[int]] = {q.id: [0, 0] for q in questions}
    per_attempt: dict[int, set[int]] = {}
    for attempt_id, question_id, correct in db.session.execute(
        db.select(Response.attempt_id, Response.question_id, Response.correct)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(
            Attempt.quiz_id == quiz.id,
            Response.correct.is_not(None),
            # Blank end-quiz items are marked wrong on submit but were never answered.
            Response.given.is_not(None),
        )
    ):
        if question_id in tallies:
            tallies[question_id][0] += 1
            tallies[question_id][1] += int(bool(correct))
            per_attempt.setdefault(attempt_id, set()).add(question_id)
    submitted = list(
        db.session.execute(db.select(Attempt.submitted_at).where(Attempt.quiz_id == quiz.id))
    )
    sections = []
    text = quiz.article.text
    for number, plan in enumerate(section_plans(lesson), 1):
        mine = [q for q in questions if roles[q.id] == number]
        ids = {q.id for q in mine}
        span = f"{plan.first}–{plan.last}" if plan.last > plan.first else f"{plan.first}"
        sections.append(
            SectionResult(
                number=number,
                opening=" ".join(text[plan.spans[0][0] : plan.spans[0][1]].split()[:12]),
                paragraphs=span,
                questions=tuple(QuestionResult(q, *tallies[q.id]) for q in mine),
                completed=sum(1 for got in per_attempt.values() if ids and ids <= got),
            )
        )
    finals = [q.id for q in questions if roles[q.id] is None]
    return LessonResults(
        sections=tuple(sections),
        final_answered=sum(tallies[q][0] for q in finals),
        final_right=sum(tallies[q][1] for q in finals),
        students=len(submitted),
        finished=sum(1 for (moment,) in submitted if moment is not None),
    )


# ---------------------------------------------------------------- the printed worksheet


def lesson_worksheet(lesson: Lesson, *, paper: str = "A4") -> bytes:
    """The lesson as a PDF worksheet: each section's text, its check questions, the end quiz.

    Items print as on the student paper (no answers); numbering runs through the worksheet.
    """
    from quizapp.exports.worksheet import Worksheet, WorksheetSection, worksheet_pdf

    quiz = lesson.quiz
    questions = live_questions(quiz)
    roles = question_sections(lesson, questions)
    text = quiz.article.text
    number = 0
    sections = []
    for section_number, plan in enumerate(section_plans(lesson), 1):
        items = []
        for question in questions:
            if roles[question.id] == section_number:
                number += 1
                items.append((number, question.to_item()))
        sections.append(
            WorksheetSection(
                number=section_number,
                paragraphs=tuple(text[a:b].strip() for a, b in plan.spans),
                items=tuple(items),
            )
        )
    final = []
    for question in questions:
        if roles[question.id] is None:
            number += 1
            final.append((number, question.to_item()))
    published = quiz.article.published_on
    sheet = Worksheet(
        title=quiz.title,
        article_title=quiz.article.title,
        article_date=f"{published.day} {published:%B %Y}" if published else None,
        sections=tuple(sections),
        final_items=tuple(final),
    )
    return worksheet_pdf(sheet, paper=paper)


# ---------------------------------------------------------------- the LMS module


def lesson_document(lesson: Lesson) -> dict[str, Any]:
    """The lesson as a lesson document (see quizapp.exports.lesson_module): the quiz's
    question-set document plus each section's paragraphs and check item ids, and the end quiz."""
    from quizapp.services.exporting import quiz_document

    quiz = lesson.quiz
    document = quiz_document(quiz)
    questions = live_questions(quiz)
    roles = question_sections(lesson, questions)
    text = quiz.article.text
    sections = [
        {
            "paragraphs": [text[a:b].strip() for a, b in plan.spans],
            "items": [f"q{q.id}" for q in questions if roles[q.id] == number],
        }
        for number, plan in enumerate(section_plans(lesson), 1)
    ]
    final = [f"q{q.id}" for q in questions if roles[q.id] is None]
    document["lesson"] = {"sections": sections, "final": final}
    return document


def export_lesson_module(lesson: Lesson, fmt: str) -> ExportResult:
    """The lesson as an LMS module (fmt in LESSON_FORMATS); ValueError for any other format.

    The set identity is the quiz's, so a question keeps its Moodle id number whether the
    teacher exports the lesson or its quiz.
    """
    from quizapp.exports.lesson_module import export_lesson
    from quizapp.services.exporting import quiz_identity

    quiz = lesson.quiz
    return export_lesson(
        lesson_document(lesson), fmt, quiz_title=quiz.title, set_identity=quiz_identity(quiz)
    )
