"""Item analysis for teachers: the analysis page's per-question statistics, from the database.

The statistics themselves are pure functions (``item_statistics``); replacing a distractor, the
one deliberate edit allowed on a published quiz, is ``distractor_edits``. Both are re-exported
here for the analysis page and its callers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from quizapp.models import Attempt, Question, Quiz, Response, db
from quizapp.services.distractor_edits import (
    EDIT_LOG,
    AnalysisError,
    distractor_candidates,
    replace_distractor,
)
from quizapp.services.item_statistics import (
    DISCRIMINATION_FRACTION,
    FLAG_LABELS,
    MIN_ATTEMPTS,
    NON_FUNCTIONING,
    Flag,
    discrimination,
    facility,
    histogram,
    item_flags,
    option_counts,
)
from quizapp.services.regrading import TYPED_KINDS, AnswerGroup, answer_groups
from quizapp.services.scoring import gap_marks
from quizapp.services.taking import is_answered

__all__ = [
    "DISCRIMINATION_FRACTION",
    "MIN_ATTEMPTS",
    "AnalysisError",
    "Flag",
    "GapStat",
    "ItemAnalysis",
    "OptionStat",
    "QuizAnalysis",
    "discrimination",
    "distractor_candidates",
    "facility",
    "histogram",
    "item_flags",
    "option_counts",
    "quiz_analysis",
    "replace_distractor",
]

CHOICE_KINDS = ("multiple_choice", "true_false")


# ---------------------------------------------------------------- the analysis page (DB)


@dataclass(frozen=True, slots=True)
class OptionStat:
    """One option of a choice item: how often chosen, and whether it is the answer."""

    position: int
    text: str
    count: int
    rate: float
    is_answer: bool
    weak: bool
    # Attempts the rate counts: all of them, or those submitted since the option was put in.
    attempts: int = 0
    added: bool = False


@dataclass(frozen=True, slots=True)
class GapStat:
    """One gap of a cloze passage: its answer, how many filled it and got it right, and the
    answers given, most frequent first (text, students, right)."""

    number: int
    answer: str
    answered: int
    right: int
    given: tuple[tuple[str, int, bool], ...]


@dataclass(frozen=True, slots=True)
class ItemAnalysis:
    """The figures and flags of one question."""

    question: Question
    number: int
    answered: int
    facility: float | None
    discrimination: float | None
    options: tuple[OptionStat, ...]
    other_choices: int
    flags: tuple[Flag, ...]
    # Typed answers (fill-in, short answer, numeric): the distinct answers given, counted.
    typed_answers: tuple[AnswerGroup, ...] = ()
    # A cloze passage: per gap, who filled it, who got it right, what they chose or typed.
    gaps: tuple[GapStat, ...] = ()

    @property
    def flag_labels(self) -> tuple[tuple[Flag, str], ...]:
        """Each flag with its label."""
        return tuple((flag, FLAG_LABELS[flag]) for flag in self.flags)


@dataclass(frozen=True, slots=True)
class QuizAnalysis:
    """Everything the item analysis page shows."""

    quiz: Quiz
    attempts: int
    enough: bool
    items: tuple[ItemAnalysis, ...]
    histogram: tuple[int, ...]


def _submitted(quiz: Quiz) -> list[Attempt]:
    """The quiz's submitted attempts, oldest first."""
    return list(
        db.session.scalars(
            db.select(Attempt)
            .where(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_not(None))
            .order_by(Attempt.submitted_at, Attempt.id)
        )
    )


def quiz_analysis(quiz: Quiz) -> QuizAnalysis:
    """Per question facility, discrimination and option choice; the score histogram."""
    attempts = _submitted(quiz)
    totals = [float(a.score or 0.0) for a in attempts]
    percents = [100 * (a.score or 0.0) / a.max_score if a.max_score else 0.0 for a in attempts]
    answers = {(r.attempt_id, r.question_id): r for a in attempts for r in a.responses}
    questions = [q for q in quiz.questions if not q.deleted]
    enough = len(attempts) >= MIN_ATTEMPTS
    items = []
    for number, question in enumerate(questions, 1):
        responses = [answers.get((a.id, question.id)) for a in attempts]
        correct = [bool(r and r.correct) for r in responses]
        given = [r.given if r is not None else None for r in responses]
        options: tuple[OptionStat, ...] = ()
        other = 0
        if question.kind in CHOICE_KINDS:
            texts = [str(o) for o in (question.data or {}).get("options") or ()]
            counts = option_counts(given, texts)
            other = sum(1 for g in given if g is not None and g not in counts)
            added = _added_at(question)
            stats = []
            for n, text in enumerate(texts, 1):
                since = added.get(text)
                # A replacement distractor is judged only on attempts made after it went in.
                seen = [
                    g
                    for a, g in zip(attempts, given, strict=True)
                    if since is None or _submitted_after(a, since)
                ]
                count = sum(1 for g in seen if g == text)
                rate = count / len(seen) if seen else 0.0
                stats.append(
                    OptionStat(
                        position=n,
                        text=text,
                        count=count,
                        rate=rate,
                        is_answer=text == question.answer,
                        weak=len(seen) >= MIN_ATTEMPTS
                        and text != question.answer
                        and rate < NON_FUNCTIONING,
                        attempts=len(seen),
                        added=since is not None,
                    )
                )
            options = tuple(stats)
        fac = facility(correct)
        disc = discrimination(totals, correct) if enough else None
        rates = [
            o.rate
            for o in options
            if not o.is_answer and question.kind == "multiple_choice" and o.attempts >= MIN_ATTEMPTS
        ]
        answered = sum(1 for r in responses if r and is_answered(r))
        items.append(
            ItemAnalysis(
                question=question,
                number=number,
                answered=answered,
                facility=fac,
                discrimination=disc,
                options=options,
                other_choices=other,
                flags=item_flags(fac, disc, rates, attempts=len(attempts), answered=answered),
                typed_answers=tuple(answer_groups(question, given))
                if question.kind in TYPED_KINDS
                else (),
                gaps=_gap_stats(question, responses) if question.kind == "cloze" else (),
            )
        )
    return QuizAnalysis(
        quiz=quiz,
        attempts=len(attempts),
        enough=enough,
        items=tuple(items),
        histogram=histogram(percents),
    )


def _gap_stats(question: Question, responses: Sequence[Response | None]) -> tuple[GapStat, ...]:
    """Per gap of a cloze passage: answers given (counted, marked) and how many were right."""
    item = question.to_item()
    blanks = item.get("blanks") or ()
    chosen = [dict(r.given_data or {}) for r in responses if r is not None]
    marks = [gap_marks(item, c) for c in chosen]
    stats = []
    for n, blank in enumerate(blanks, 1):
        counts: Counter[str] = Counter()
        right_texts: dict[str, bool] = {}
        for answer, mark in zip(chosen, marks, strict=True):
            text = str(answer.get(str(n)) or "").strip()
            if text:
                counts[text] += 1
                right_texts[text] = mark[n - 1]
        stats.append(
            GapStat(
                number=n,
                answer=str(blank.get("answer") or ""),
                answered=sum(counts.values()),
                right=sum(1 for m in marks if m[n - 1]),
                given=tuple((t, c, right_texts[t]) for t, c in counts.most_common()),
            )
        )
    return tuple(stats)


def _added_at(question: Question) -> dict[str, datetime]:
    """When each replacement distractor of the question was put in (from its edit log)."""
    added: dict[str, datetime] = {}
    for edit in (question.data or {}).get(EDIT_LOG) or ():
        try:
            added[str(edit["new"])] = datetime.fromisoformat(str(edit["at"]))
        except (KeyError, TypeError, ValueError):
            continue
    return added


def _submitted_after(attempt: Attempt, moment: datetime) -> bool:
    """Whether the attempt was submitted after this moment (stored times are UTC)."""
    submitted = attempt.submitted_at
    if submitted is None:
        return False
    if submitted.tzinfo is None:
        submitted = submitted.replace(tzinfo=UTC)
    return submitted > moment
