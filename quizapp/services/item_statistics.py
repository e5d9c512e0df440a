"""Item statistics for teachers: facility, discrimination, option choice, and the flags they raise.

Pure functions over plain numbers; ``analysis`` gathers them from the database.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence

# Kelley's 27 %: the top and bottom groups by total score compared for discrimination.
DISCRIMINATION_FRACTION = 0.27
# Below this many submitted attempts, discrimination and distractor rates say little.
MIN_ATTEMPTS = 10
TOO_EASY = 0.9
TOO_HARD = 0.3
NON_FUNCTIONING = 0.05


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
