"""Marking one answer against a question-set item: a scorer per kind, tolerant normalisation."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "SCORERS",
    "Mark",
    "normalise_answer",
    "parse_number",
    "score_item",
]


@dataclass(frozen=True, slots=True)
class Mark:
    """The outcome of marking one answer: whether it is right and the credit it earns (0..1)."""

    correct: bool
    credit: float


WRONG = Mark(correct=False, credit=0.0)
RIGHT = Mark(correct=True, credit=1.0)

# A number once thousands separators are gone: "1360", "1360.5", "-3", ".5" (then "4.2%").
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)")
_CURRENCY = "$€£¥"
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")
_ARTICLES = re.compile(r"^(?:the|a|an)\s+")
_TRAILING_PUNCT = ".,;:!?…\"'”’)»"
_LEADING_PUNCT = "\"'“‘(«"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "−": "-", "–": "-", "—": "-"})


def normalise_answer(text: str) -> str:
    """Fold a typed answer for comparison: case, spacing, quotes, leading articles, end punctuation.

    Thousands separators between digits are dropped, so "1,360" and "1360" compare equal.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    folded = " ".join(folded.split())
    folded = folded.rstrip(_TRAILING_PUNCT + " ").lstrip(_LEADING_PUNCT + " ")
    folded = _THOUSANDS.sub("", folded)
    folded = _ARTICLES.sub("", folded)
    return folded


def parse_number(text: str) -> tuple[float, str] | None:
    """Read a leading number and the unit text after it ("1,360 km" -> (1360.0, "km")).

    Returns None when the text does not start with a number.
    """
    cleaned = normalise_answer(text)
    cleaned = cleaned.removeprefix("about ").removeprefix("approximately ").strip()
    currency = ""
    if cleaned[:1] in _CURRENCY:
        currency, cleaned = cleaned[0], cleaned[1:].lstrip()
    match = _NUMBER.match(cleaned)
    if match is None:
        return None
    value = float(match.group(0))
    if not math.isfinite(value):
        return None
    unit = (currency + " " + cleaned[match.end() :].strip()).strip()
    return value, unit


def _same_quantity(given: str, expected: Sequence[str]) -> bool:
    """True when the answer is the same number as a variant and its unit (if any) is one of theirs.

    "1,360 km" matches "1,360"; "1,360 miles" does not when a variant says "km".
    """
    left = parse_number(given)
    if left is None:
        return False
    numbers = [p for p in (parse_number(v) for v in expected if v) if p is not None]
    units = {unit for _value, unit in numbers if unit}
    if left[1] and units and left[1] not in units:
        return False
    return any(math.isclose(left[0], value, abs_tol=1e-9) for value, _unit in numbers)


def _score_choice(
    item: Mapping[str, Any], given: str | None, _pairs: Mapping[str, str] | None
) -> Mark:
    """multiple_choice and true_false: the chosen option must be the answer exactly."""
    if given is None:
        return WRONG
    answer = str(item.get("answer") or "")
    if given.strip() == answer.strip():
        return RIGHT
    # True/false radios may come back in another case ("true") from a hand-made form.
    if item.get("kind") == "true_false" and given.strip().casefold() == answer.casefold():
        return RIGHT
    return WRONG


def _score_text(
    item: Mapping[str, Any], given: str | None, _pairs: Mapping[str, str] | None
) -> Mark:
    """fill_in and short_answer: a normalised match against the answer or an accepted variant."""
    if given is None or not given.strip():
        return WRONG
    expected = [str(item.get("answer") or "")] + [str(v) for v in item.get("accepted") or ()]
    folded = normalise_answer(given)
    if any(variant and folded == normalise_answer(variant) for variant in expected):
        return RIGHT
    return RIGHT if _same_quantity(given, expected) else WRONG


def _score_numeric(
    item: Mapping[str, Any], given: str | None, _pairs: Mapping[str, str] | None
) -> Mark:
    """numeric: the number read from the answer must lie within the item's absolute tolerance."""
    if given is None:
        return WRONG
    parsed = parse_number(given)
    if parsed is None:
        return WRONG
    target = item.get("value")
    if target is None:
        target_parsed = parse_number(str(item.get("answer") or ""))
        if target_parsed is None:
            return WRONG
        target = target_parsed[0]
    tolerance = float(item.get("tolerance") or 0.0)
    if abs(parsed[0] - float(target)) <= tolerance + 1e-9 * max(1.0, abs(float(target))):
        return RIGHT
    return WRONG


def _score_matching(
    item: Mapping[str, Any], _given: str | None, pairs: Mapping[str, str] | None
) -> Mark:
    """matching: partial credit, the share of rows matched to their right-hand side.

    ``pairs`` maps the 1-based row number (as a string, the form's "q<id>-<n>") to the chosen
    right-hand text.
    """
    rows = [str(right) for _left, right in item.get("pairs") or ()]
    if not rows:
        return WRONG
    chosen = pairs or {}
    right = sum(1 for n, expected in enumerate(rows, 1) if chosen.get(str(n)) == expected)
    credit = right / len(rows)
    return Mark(correct=right == len(rows), credit=credit)


Scorer = Callable[[Mapping[str, Any], str | None, Mapping[str, str] | None], Mark]

SCORERS: dict[str, Scorer] = {
    "multiple_choice": _score_choice,
    "true_false": _score_choice,
    "fill_in": _score_text,
    "short_answer": _score_text,
    "numeric": _score_numeric,
    "matching": _score_matching,
}


def score_item(
    item: Mapping[str, Any], given: str | None, pairs: Mapping[str, str] | None = None
) -> Mark:
    """Mark one answer (``given``, or for matching ``pairs``: row number -> right) on an item."""
    kind = str(item.get("kind"))
    scorer = SCORERS.get(kind)
    if scorer is None:
        raise ValueError(f"unknown question kind: {kind!r}")
    return scorer(item, given, pairs)
