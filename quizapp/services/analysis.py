"""Item analysis for teachers: facility, discrimination, option choice, and replacing a distractor.

The statistics are pure functions over plain numbers; ``quiz_analysis`` gathers them from the
database and ``replace_distractor`` is the one deliberate edit allowed on a published quiz.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from quizapp.models import Attempt, Question, Quiz, Response, db
from quizapp.models.base import utcnow
from quizapp.nlp import regenerate_distractors
from quizapp.services.authoring import commit_quiz_change
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

# Kelley's 27 %: the top and bottom groups by total score compared for discrimination.
DISCRIMINATION_FRACTION = 0.27
# Below this many submitted attempts, discrimination and distractor rates say little.
MIN_ATTEMPTS = 10
TOO_EASY = 0.9
TOO_HARD = 0.3
NON_FUNCTIONING = 0.05
CHOICE_KINDS = ("multiple_choice", "true_false")
MAX_CANDIDATES = 6
# Key in Question.data listing distractor replacements: [{"old", "new", "at"}], oldest first.
EDIT_LOG = "distractor_edits"


class AnalysisError(ValueError):
    """A replacement the teacher asked for cannot be made; str(exc) is a message for them."""


class Flag(enum.StrEnum):
    """Why a question deserves a second look."""

    TOO_EASY = "too_easy"
    TOO_HARD = "too_hard"
    MOSTLY_BLANK = "mostly_blank"
    NEGATIVE_DISCRIMINATION = "negative_discrimination"
    WEAK_DISTRACTOR = "weak_distractor"


FLAG_LABELS: dict[Flag, str] = {
    Flag.TOO_EASY: "Too easy (over 90 % right)",
    Flag.TOO_HARD: "Too hard (under 30 % right)",
    Flag.MOSTLY_BLANK: "Left blank by most students: time may have run out before it",
    Flag.NEGATIVE_DISCRIMINATION: "Negative discrimination: weaker students do better",
    Flag.WEAK_DISTRACTOR: "A distractor almost nobody chooses",
}


# ---------------------------------------------------------------- statistics (pure)


def facility(correct: Sequence[bool]) -> float | None:
    """The share of students who got the item right (None without answers)."""
    return sum(1 for c in correct if c) / len(correct) if correct else None


def discrimination(
    totals: Sequence[float], correct: Sequence[bool], *, fraction: float = DISCRIMINATION_FRACTION
) -> float | None:
    """Upper-group facility minus lower-group facility, groups being the top and bottom
    ``fraction`` of students by total score (at least one each; ties keep the given order).

    ``totals[i]`` and ``correct[i]`` belong to the same student. None with fewer than 2 students.
    """
    if len(totals) != len(correct):
        raise ValueError("totals and correct must have one entry per student")
    n = len(totals)
    if n < 2:
        return None
    size = max(1, min(n // 2, int(fraction * n + 0.5)))
    order = sorted(range(n), key=lambda i: -totals[i])
    upper = [correct[i] for i in order[:size]]
    lower = [correct[i] for i in order[-size:]]
    return sum(upper) / size - sum(lower) / size


def option_counts(choices: Sequence[str | None], options: Sequence[str]) -> dict[str, int]:
    """How many students chose each option (every option listed, in order, zero included)."""
    counted = Counter(c for c in choices if c is not None)
    return {option: counted.get(option, 0) for option in options}


def histogram(percents: Sequence[float], *, bins: int = 10) -> tuple[int, ...]:
    """Counts of scores (0..100) in equal bins; 100 falls in the last bin."""
    counts = [0] * bins
    for percent in percents:
        slot = min(bins - 1, max(0, int(percent * bins // 100)))
        counts[slot] += 1
    return tuple(counts)


def item_flags(
    facility_index: float | None,
    discrimination_index: float | None,
    distractor_rates: Sequence[float],
    *,
    attempts: int,
    answered: int | None = None,
) -> tuple[Flag, ...]:
    """The flags an item earns; discrimination and distractor flags need MIN_ATTEMPTS.

    A question most students left blank is flagged as such, not as too hard: its facility
    counts the blanks as wrong, and a blank says more about the time limit or the question's
    place in the quiz than about its difficulty.
    """
    flags: list[Flag] = []
    if answered is not None and attempts >= 1 and 2 * answered < attempts:
        flags.append(Flag.MOSTLY_BLANK)
    elif facility_index is not None and attempts >= 1:
        if facility_index > TOO_EASY:
            flags.append(Flag.TOO_EASY)
        elif facility_index < TOO_HARD:
            flags.append(Flag.TOO_HARD)
    if attempts >= MIN_ATTEMPTS:
        if discrimination_index is not None and discrimination_index < 0:
            flags.append(Flag.NEGATIVE_DISCRIMINATION)
        if any(rate < NON_FUNCTIONING for rate in distractor_rates):
            flags.append(Flag.WEAK_DISTRACTOR)
    return tuple(flags)


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


def _options(question: Question) -> list[str]:
    """A choice question's options as stored."""
    return [str(o) for o in (question.data or {}).get("options") or ()]


def distractor_candidates(question: Question, position: int) -> tuple[str, ...]:
    """New typed distractors to replace the option at ``position`` (1-based); may be empty."""
    options = _options(question)
    if question.kind != "multiple_choice" or not 1 <= position <= len(options):
        return ()
    if options[position - 1] == question.answer:
        return ()
    taken = {o.casefold() for o in options} | {(question.answer or "").casefold()}
    found: list[str] = []
    for seed in range(4):
        fresh = regenerate_distractors(question.quiz.article.text, question.to_item(), seed=seed)
        for option in fresh or ():
            if option.casefold() not in taken and option not in found:
                found.append(option)
        if len(found) >= MAX_CANDIDATES:
            break
    return tuple(found[:MAX_CANDIDATES])


def replace_distractor(
    question: Question, position: int, replacement: str, *, expected: str | None = None
) -> str:
    """Put a new distractor in place of the option at ``position``; returns the old one.

    Allowed on a published quiz as a deliberate, confirmed exception: the question is marked
    edited, and existing attempts are not rescored (a student who chose the old distractor was
    wrong and stays wrong). ``expected`` is the option text the teacher saw, so a stale page
    cannot replace another option.
    """
    options = _options(question)
    if question.kind != "multiple_choice" or not 1 <= position <= len(options):
        raise AnalysisError("Only a multiple-choice distractor can be replaced.")
    old = options[position - 1]
    if old == question.answer:
        raise AnalysisError("That option is the correct answer, not a distractor.")
    if expected is not None and expected != old:
        raise AnalysisError("The options changed since the page was loaded. Please try again.")
    if replacement not in distractor_candidates(question, position):
        raise AnalysisError("Choose one of the offered replacements.")
    options[position - 1] = replacement
    log = [*((question.data or {}).get(EDIT_LOG) or ()), {"old": old, "new": replacement}]
    log[-1]["at"] = utcnow().isoformat()
    question.data = {**(question.data or {}), "options": options, EDIT_LOG: log}
    question.edited = True
    # Bumps the quiz version, so cached copies of the questions are refreshed for new students.
    commit_quiz_change(question.quiz)
    return old
