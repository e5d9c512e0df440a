"""Planning a lesson (pure): sections of whole paragraphs, and check questions for each.

No database here: paragraphs' word counts and generated items in, plans and chosen items out.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.nlp.gazetteers import place_adjectives

__all__ = [
    "CHECKS_PER_SECTION",
    "CHECK_KINDS",
    "FINAL_ITEMS",
    "SectionPlan",
    "choose_checks",
    "choose_final",
    "gives_away",
    "split_sections",
]

# Sections are a few paragraphs of about this many words (whole paragraphs, never cut).
SECTION_TARGET_WORDS = 225
CHECKS_PER_SECTION = 3
MIN_CHECKS_PER_SECTION = 2
FINAL_ITEMS = 6
# Kinds that check one sentence quickly; matching spans several sentences.
CHECK_KINDS = ("multiple_choice", "fill_in", "true_false", "numeric")


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
    if (item.get("fact") or {}).get("type") != "person":
        # "other Kenyan athletes" shows the answer "Kenya": a place's adjectives count as it.
        adjectives = place_adjectives()
        answers += [w for a in answers[:1] for w in sorted(adjectives.get(a.strip().lower(), ()))]
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
