"""Results of a quiz: per student, per question, and as a CSV file a spreadsheet opens safely."""

from __future__ import annotations

import csv
import enum
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from statistics import mean, median
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from quizapp.models import Attempt, Question, Quiz, Response, db
from quizapp.services.result_order import StudentOrder, order_students
from quizapp.services.scoring import Marking
from quizapp.services.taking import is_answered

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
    def submitted_iso(self) -> str:
        """The submission time in ISO 8601 with its UTC offset (for <time datetime>)."""
        return _aware(self.submitted_at).isoformat() if self.submitted_at else ""

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
        """Share of the answers given that were right, as a whole percentage."""
        return round(100 * self.correct / self.answered) if self.answered else None


@dataclass(frozen=True, slots=True)
class QuizResults:
    """Everything the results page shows."""

    students: tuple[StudentResult, ...]
    questions: tuple[QuestionResult, ...]
    submitted: int
    average_percent: int | None
    median_percent: int | None
    order: StudentOrder = field(default_factory=StudentOrder)


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class AnswerResult(enum.StrEnum):
    """How one answer was marked, as the results pages and the CSV files say it."""

    RIGHT = "right"
    PARTLY = "partly right"
    WRONG = "wrong"
    BLANK = "blank"
    DROPPED = "dropped"


def scored_questions(quiz: Quiz) -> list[Question]:
    """The quiz's questions that students answered (not deleted), in the teacher's order."""
    return [q for q in quiz.questions if not q.deleted]


def answer_text(question: Question, response: Response | None) -> str:
    """What the student answered, as one line ("" for a blank)."""
    if response is None or not is_answered(response):
        return ""
    if question.kind == "matching":
        lefts = [str(left) for left, _right in (question.data or {}).get("pairs") or ()]
        chosen = response.given_data or {}
        return "; ".join(
            f"{left} → {chosen[str(n)]}" for n, left in enumerate(lefts, 1) if chosen.get(str(n))
        )
    if question.kind == "cloze":
        chosen = response.given_data or {}
        gaps = len((question.data or {}).get("blanks") or ())
        return "; ".join(f"gap {n}: {chosen.get(str(n)) or '—'}" for n in range(1, gaps + 1))
    return (response.given or "").strip()


def answer_result(question: Question, response: Response | None) -> AnswerResult:
    """Right, partly right, wrong, blank or dropped: what the teacher reads for this answer."""
    if question.marking == Marking.DROPPED:
        return AnswerResult.DROPPED
    if response is not None and response.correct:
        return AnswerResult.RIGHT
    if response is None or not is_answered(response):
        return AnswerResult.BLANK
    if response.credit:
        return AnswerResult.PARTLY
    return AnswerResult.WRONG


def time_zone(name: str | None) -> tzinfo:
    """The teacher's time zone by IANA name (as the browser reports it), UTC if unknown."""
    if not name or len(name) > 64:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _zone_label(zone: tzinfo) -> str:
    """How a column header names the time zone ("UTC", "Europe/Vienna")."""
    return "UTC" if zone is UTC else str(zone)


def _local(moment: datetime | None, zone: tzinfo) -> str:
    """A stored time in the teacher's zone as "2026-12-01 11:05:09" ("" for none)."""
    if moment is None:
        return ""
    return _aware(moment).astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")


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
    """Per active question: answers (blanks not counted), share right and the most-chosen
    wrong answer. A dropped question counts nobody right."""
    responses = db.session.scalars(
        db.select(Response)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_not(None))
    ).all()
    by_question: dict[int, list[Response]] = {}
    for response in responses:
        by_question.setdefault(response.question_id, []).append(response)
    results = []
    for number, question in enumerate(scored_questions(quiz), 1):
        answers = [r for r in by_question.get(question.id, []) if is_answered(r)]
        correct = sum(1 for r in answers if r.correct)
        wrong = Counter(
            text
            for r in answers
            if not r.correct
            and question.kind not in ("matching", "cloze")
            and (text := _given_text(r))
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


def quiz_results(quiz: Quiz, sort: str | None = None) -> QuizResults:
    """Per-student and per-question results with the class average and median; the students
    in the order the page's ?sort= asks for (by submission when it names none)."""
    order = StudentOrder.parse(sort)
    students = order_students(student_results(quiz), order)
    percents = [s.percent for s in students if s.percent is not None]
    return QuizResults(
        order=order,
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


def points_text(value: float | None) -> str:
    """Points or a score as people read them: two decimals at most, no needless ".0"
    ("1.33" for a third of a matching question's three rows right, not "1.3333")."""
    if value is None:
        return ""
    return f"{round(float(value), 2):g}"


_number = points_text


def _responses_by_attempt(quiz: Quiz) -> dict[int, dict[int, Response]]:
    """Every response to the quiz, by attempt then question."""
    found: dict[int, dict[int, Response]] = {}
    for response in db.session.scalars(
        db.select(Response).join(Attempt).where(Attempt.quiz_id == quiz.id)
    ):
        found.setdefault(response.attempt_id, {})[response.question_id] = response
    return found


def _csv_text(rows: list[list[object]]) -> str:
    """CSV text with a BOM (so Excel reads UTF-8), every cell formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return "\ufeff" + buffer.getvalue()


def results_csv(quiz: Quiz, zone: tzinfo = UTC) -> str:
    """One row per student: score, times (in ``zone``) and per question the answer given,
    right/wrong/blank and the points; the header names each question by its text."""
    questions = scored_questions(quiz)
    label = _zone_label(zone)
    header: list[object] = [
        "Student",
        "Score",
        "Out of",
        "Percent",
        f"Started ({label})",
        f"Submitted ({label})",
        "Time taken (s)",
    ]
    for number, question in enumerate(questions, 1):
        header += [
            f"Q{number} answer: {question.prompt}",
            f"Q{number} result",
            f"Q{number} points",
        ]
    rows = [header]
    responses = _responses_by_attempt(quiz)
    for student in student_results(quiz):
        mine = responses.get(student.attempt_id, {})
        duration = student.duration
        row: list[object] = [
            student.name,
            _number(student.score),
            _number(student.max_score),
            "" if student.percent is None else student.percent,
            _local(student.started_at, zone),
            _local(student.submitted_at, zone),
            "" if duration is None else int(duration.total_seconds()),
        ]
        for question in questions:
            response = mine.get(question.id)
            if student.submitted_at is None:
                row += [answer_text(question, response), "", ""]
                continue
            row += [
                answer_text(question, response),
                answer_result(question, response).value,
                _number(response.credit if response else 0.0),
            ]
        rows.append(row)
    return _csv_text(rows)


def results_long_csv(quiz: Quiz, zone: tzinfo = UTC) -> str:
    """One row per (submitted student, question): the long format for pivot tables and R."""
    questions = scored_questions(quiz)
    rows: list[list[object]] = [
        [
            "Student",
            "Attempt",
            "Question number",
            "Question",
            "Correct answer",
            "Answer given",
            "Result",
            "Points",
            f"Submitted ({_zone_label(zone)})",
        ]
    ]
    responses = _responses_by_attempt(quiz)
    for student in student_results(quiz):
        if student.submitted_at is None:
            continue
        mine = responses.get(student.attempt_id, {})
        for number, question in enumerate(questions, 1):
            response = mine.get(question.id)
            rows.append(
                [
                    student.name,
                    student.attempt_id,
                    number,
                    question.prompt,
                    question.key_text or "",
                    answer_text(question, response),
                    answer_result(question, response).value,
                    _number(response.credit if response else 0.0),
                    _local(student.submitted_at, zone),
                ]
            )
    return _csv_text(rows)
