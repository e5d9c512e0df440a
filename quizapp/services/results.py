"""Results of a quiz: per student, per question, and as a CSV file a spreadsheet opens safely."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import mean, median

from quizapp.models import Attempt, Question, Quiz, Response, db

# Cells starting with these are formulas to Excel/LibreOffice; a leading quote defuses them.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class StudentResult:
    """One attempt: who, how well, how long."""

    attempt_id: int
    name: str
    score: float | None
    max_score: float | None
    started_at: datetime
    submitted_at: datetime | None

    @property
    def percent(self) -> int | None:
        """The score as a whole percentage, or None before submission."""
        if self.score is None or not self.max_score:
            return None
        return round(100 * self.score / self.max_score)

    @property
    def duration(self) -> timedelta | None:
        """Time from start to submission."""
        if self.submitted_at is None:
            return None
        return _aware(self.submitted_at) - _aware(self.started_at)

    @property
    def duration_text(self) -> str:
        """The duration as "12 min 5 s" (or "in progress")."""
        if self.duration is None:
            return "in progress"
        seconds = max(0, int(self.duration.total_seconds()))
        minutes, seconds = divmod(seconds, 60)
        return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """How the class did on one question."""

    question: Question
    number: int
    answered: int
    correct: int
    top_wrong: str | None
    top_wrong_count: int

    @property
    def percent_correct(self) -> int | None:
        """Share of submitted answers that were right, as a whole percentage."""
        return round(100 * self.correct / self.answered) if self.answered else None


@dataclass(frozen=True, slots=True)
class QuizResults:
    """Everything the results page shows."""

    students: tuple[StudentResult, ...]
    questions: tuple[QuestionResult, ...]
    submitted: int
    average_percent: int | None
    median_percent: int | None


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; they were stored in UTC."""
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def student_results(quiz: Quiz) -> list[StudentResult]:
    """Every attempt at the quiz, submitted ones first by time, then those in progress."""
    attempts = db.session.scalars(
        db.select(Attempt)
        .where(Attempt.quiz_id == quiz.id)
        .order_by(Attempt.started_at, Attempt.id)
    ).all()
    rows = [
        StudentResult(a.id, a.student_name, a.score, a.max_score, a.started_at, a.submitted_at)
        for a in attempts
    ]
    return sorted(
        rows, key=lambda r: (r.submitted_at is None, r.submitted_at and _aware(r.submitted_at))
    )


def _given_text(response: Response) -> str | None:
    """A response's answer as one comparable string (matching answers are not compared)."""
    if response.given is None or not response.given.strip():
        return None
    return response.given.strip()


def question_results(quiz: Quiz) -> list[QuestionResult]:
    """Per active question: answers, share correct and the most-chosen wrong answer."""
    responses = db.session.scalars(
        db.select(Response)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_not(None))
    ).all()
    by_question: dict[int, list[Response]] = {}
    for response in responses:
        by_question.setdefault(response.question_id, []).append(response)
    results = []
    questions = [q for q in quiz.questions if not q.deleted]
    for number, question in enumerate(questions, 1):
        answers = by_question.get(question.id, [])
        correct = sum(1 for r in answers if r.correct)
        wrong = Counter(
            text
            for r in answers
            if not r.correct and question.kind != "matching" and (text := _given_text(r))
        )
        top = wrong.most_common(1)
        results.append(
            QuestionResult(
                question=question,
                number=number,
                answered=len(answers),
                correct=correct,
                top_wrong=top[0][0] if top else None,
                top_wrong_count=top[0][1] if top else 0,
            )
        )
    return results


def quiz_results(quiz: Quiz) -> QuizResults:
    """Per-student and per-question results with the class average and median."""
    students = student_results(quiz)
    percents = [s.percent for s in students if s.percent is not None]
    return QuizResults(
        students=tuple(students),
        questions=tuple(question_results(quiz)),
        submitted=sum(1 for s in students if s.submitted_at is not None),
        average_percent=round(mean(percents)) if percents else None,
        median_percent=round(median(percents)) if percents else None,
    )


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _number(value: float | None) -> str:
    """A score without a needless ".0"."""
    if value is None:
        return ""
    return f"{value:g}"


def results_csv(quiz: Quiz) -> str:
    """The per-student results as CSV text with a BOM, so Excel reads it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    questions = [q for q in quiz.questions if not q.deleted]
    writer.writerow(
        [
            "Student",
            "Score",
            "Out of",
            "Percent",
            "Started (UTC)",
            "Submitted (UTC)",
            "Time taken (s)",
        ]
        + [f"Q{n}" for n in range(1, len(questions) + 1)]
    )
    correct_by_attempt: dict[int, dict[int, bool | None]] = {}
    for response in db.session.scalars(
        db.select(Response).join(Attempt).where(Attempt.quiz_id == quiz.id)
    ):
        correct_by_attempt.setdefault(response.attempt_id, {})[response.question_id] = (
            response.correct
        )
    for student in student_results(quiz):
        marks = correct_by_attempt.get(student.attempt_id, {})
        duration = student.duration
        writer.writerow(
            [
                safe_cell(student.name),
                _number(student.score),
                _number(student.max_score),
                "" if student.percent is None else student.percent,
                _aware(student.started_at).strftime("%Y-%m-%d %H:%M:%S"),
                _aware(student.submitted_at).strftime("%Y-%m-%d %H:%M:%S")
                if student.submitted_at
                else "",
                "" if duration is None else int(duration.total_seconds()),
            ]
            + ["" if marks.get(q.id) is None else ("1" if marks[q.id] else "0") for q in questions]
        )
    return "\ufeff" + buffer.getvalue()
