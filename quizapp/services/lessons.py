"""Read-and-check lessons: split an article into sections, pick check questions, teach in steps.

A lesson is an ordinary quiz (so the teacher reviews it in the quiz editor and publishes it with
a join code) plus a Lesson row saying which paragraphs make each section and which questions
check which section. A student's progress is their attempt: a check question is marked the
moment it is answered (its answer is shown only then), and the end-of-lesson quiz submits the
attempt like any quiz.
"""

from __future__ import annotations

import random
import re
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
from quizapp.services.scoring import score_item
from quizapp.services.snapshots import live_questions

__all__ = [
    "CHECK_KINDS",
    "CheckOutcome",
    "LessonResults",
    "LessonStep",
    "SectionPlan",
    "SectionResult",
    "answer_check",
    "choose_checks",
    "choose_final",
    "create_lesson",
    "current_section",
    "final_view",
    "gives_away",
    "lesson_for_quiz",
    "lesson_results",
    "lesson_step",
    "lesson_worksheet",
    "split_sections",
    "submit_final",
]

# Sections are a few paragraphs of about this many words (whole paragraphs, never cut).
SECTION_TARGET_WORDS = 225
CHECKS_PER_SECTION = 3
MIN_CHECKS_PER_SECTION = 2
FINAL_ITEMS = 6
# Kinds that check one sentence quickly; matching spans several sentences.
CHECK_KINDS = ("multiple_choice", "fill_in", "true_false", "numeric")
MAX_ANSWER_CHARS = 500


@dataclass(frozen=True, slots=True)
class SectionPlan:
    """A section: its first and last body paragraph (1-based) and their character spans."""

    first: int
    last: int
    spans: tuple[tuple[int, int], ...]

    def holds(self, paragraph: int | None) -> bool:
        """Whether this body paragraph lies in the section."""
        return paragraph is not None and self.first <= paragraph <= self.last


def split_sections(paragraph_words: Sequence[int]) -> list[tuple[int, int]]:
    """Group paragraphs (their word counts, in order) into sections of about 150–300 words.

    Paragraphs are never cut. Among all groupings the one whose sections stay closest to
    SECTION_TARGET_WORDS wins (sum of squared differences), with at least two sections when
    there are two paragraphs or more: a lesson has steps even on a short article.
    Returns (first, last) 1-based paragraph numbers.
    """
    count = len(paragraph_words)
    if count == 0:
        return []
    sums = [0]
    for words in paragraph_words:
        sums.append(sums[-1] + words)
    wanted = min(2, count)
    # best[end][n]: lowest cost of paragraphs 1..end in min(n, wanted) sections, and the cut.
    infinity = float("inf")
    best: list[list[tuple[float, int]]] = [[(infinity, 0)] * (wanted + 1) for _ in range(count + 1)]
    best[0][0] = (0.0, 0)
    for end in range(1, count + 1):
        for start in range(end):
            cost = (sums[end] - sums[start] - SECTION_TARGET_WORDS) ** 2
            for made in range(wanted + 1):
                if best[start][made][0] == infinity:
                    continue
                after = min(made + 1, wanted)
                total = best[start][made][0] + cost
                if total < best[end][after][0]:
                    best[end][after] = (total, start)
    sections: list[tuple[int, int]] = []
    end, made = count, wanted
    while end > 0:
        start = best[end][made][1]
        sections.append((start + 1, end))
        # Which count the prefix had: the one that led here at the lowest cost.
        cost_here = (sums[end] - sums[start] - SECTION_TARGET_WORDS) ** 2
        made = next(
            m
            for m in range(wanted + 1)
            if min(m + 1, wanted) == made and best[start][m][0] + cost_here == best[end][made][0]
        )
        end = start
    return sections[::-1]


def _answers_of(item: Mapping[str, Any]) -> list[str]:
    """The texts that answer an item (its answer and accepted variants)."""
    answers = [str(item.get("answer") or "")]
    answers += [str(a) for a in item.get("accepted") or ()]
    if item.get("kind") == "true_false":
        # "True"/"False" say nothing; the fact behind the statement is what could leak.
        answers = [str((item.get("fact") or {}).get("text") or "")]
    return [a for a in answers if len(a.strip()) >= 2]


def gives_away(stem_of: Mapping[str, Any], item: Mapping[str, Any]) -> bool:
    """Whether ``stem_of``'s prompt (or its options, for true/false) contains ``item``'s answer."""
    shown = str(stem_of.get("prompt") or "")
    for answer in _answers_of(item):
        pattern = r"(?<!\w)" + re.escape(answer.strip()) + r"(?!\w)"
        if re.search(pattern, shown, flags=re.IGNORECASE):
            return True
    return False


def _compatible(item: Mapping[str, Any], chosen: Sequence[Mapping[str, Any]]) -> bool:
    """An item may join the chosen ones: new sentence and fact, and no answer given away."""
    for other in chosen:
        if (item.get("source") or {}).get("start") == (other.get("source") or {}).get("start"):
            return False
        if gives_away(item, other) or gives_away(other, item):
            return False
    return True


def choose_checks(
    items: Sequence[Mapping[str, Any]], section: SectionPlan, *, count: int = CHECKS_PER_SECTION
) -> list[Mapping[str, Any]]:
    """Up to ``count`` generated items on this section only, none answering another.

    Items come in the generator's ranking order; kinds are varied where the ranking allows.
    """
    mine = [
        i
        for i in items
        if i.get("kind") in CHECK_KINDS and section.holds((i.get("source") or {}).get("paragraph"))
    ]
    chosen: list[Mapping[str, Any]] = []
    for prefer_new_kind in (True, False):
        for item in mine:
            if len(chosen) >= count or item in chosen:
                continue
            if prefer_new_kind and item.get("kind") in {c.get("kind") for c in chosen}:
                continue
            if _compatible(item, chosen):
                chosen.append(item)
    return sorted(chosen, key=lambda i: (i.get("source") or {}).get("start") or 0)


def choose_final(
    items: Sequence[Mapping[str, Any]],
    sections: Sequence[SectionPlan],
    used: Sequence[Mapping[str, Any]],
    *,
    count: int = FINAL_ITEMS,
    seed: int = 0,
) -> list[Mapping[str, Any]]:
    """The end-of-lesson quiz: unused items taken round-robin over sections, then mixed."""
    spare = [i for i in items if i.get("kind") in CHECK_KINDS and i not in used]
    by_section = [
        [i for i in spare if s.holds((i.get("source") or {}).get("paragraph"))] for s in sections
    ]
    chosen: list[Mapping[str, Any]] = []
    while len(chosen) < count and any(by_section):
        for pool in by_section:
            while pool and len(chosen) < count:
                item = pool.pop(0)
                if _compatible(item, [*chosen, *used]):
                    chosen.append(item)
                    break
    random.Random(seed).shuffle(chosen)
    return chosen


# ---------------------------------------------------------------- making a lesson (DB)


def lesson_for_quiz(quiz_id: int) -> Lesson | None:
    """The lesson whose questions are this quiz's, or None for a plain quiz."""
    return db.session.scalars(db.select(Lesson).where(Lesson.quiz_id == quiz_id)).first()


def _plans(lesson: Lesson) -> list[SectionPlan]:
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


def _roles(lesson: Lesson, questions: Sequence[Question]) -> dict[int, int | None]:
    """Each live question's section (None: end quiz); teacher-added ones go by paragraph."""
    placed = {li.question_id: li.section for li in lesson.items}
    plans = _plans(lesson)
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


def _section_checks(lesson: Lesson, attempt: Attempt) -> list[list[Question]]:
    """The live check questions of each section, in order."""
    questions = live_questions(attempt.quiz)
    roles = _roles(lesson, questions)
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
    plan = _plans(lesson)[number - 1]
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
    roles = _roles(lesson, live_questions(attempt.quiz))
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
    """Mark a check question once: its first answer counts, a repeat or stale post is ignored."""
    if attempt.submitted_at is not None or question_id is None:
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
    questions = live_questions(attempt.quiz)
    roles = _roles(lesson, questions)
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
    questions = live_questions(attempt.quiz)
    roles = _roles(lesson, questions)
    finals = {f"q{q.id}" for q in questions if roles[q.id] is None}
    # Check answers are already marked; only the end quiz's fields are taken from the form.
    taking.submit_attempt(attempt, {k: v for k, v in fields.items() if k in finals})
    return True


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
    roles = _roles(lesson, questions)
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
    for number, plan in enumerate(_plans(lesson), 1):
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
    roles = _roles(lesson, questions)
    text = quiz.article.text
    number = 0
    sections = []
    for section_number, plan in enumerate(_plans(lesson), 1):
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
