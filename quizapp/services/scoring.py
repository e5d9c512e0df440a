"""Marking one answer against a question-set item: a scorer per kind (reading typed answers is
services/answer_forms.py)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

# Re-exported: the pages, regrading and tests read answers with these through this module.
from quizapp.services.answer_forms import (
    fold_answer,
    normalise_answer,
    one_slip,
    parse_number,
    read_quantity,
    same_ordinal,
    same_quantity,
)

__all__ = [
    "SCORERS",
    "Mark",
    "Marking",
    "fold_answer",
    "gap_marks",
    "item_points",
    "mark_answer",
    "normalise_answer",
    "parse_number",
    "points_possible",
    "read_quantity",
    "score_item",
]


class Marking(enum.StrEnum):
    """How a question counts after regrading: as marked, a point for everyone, or not at all."""

    NORMAL = "normal"
    FULL_CREDIT = "full_credit"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class Mark:
    """The outcome of marking one answer: whether it is all right and the points it earns
    (0..1 for most kinds; 0..one per gap for a cloze passage, see item_points)."""

    correct: bool
    credit: float


WRONG = Mark(correct=False, credit=0.0)
RIGHT = Mark(correct=True, credit=1.0)

# A quote fact's answer is its speaker's name ("..., said Matthias Huss"): a name too.
NAME_FACTS = frozenset({"person", "place", "organisation", "quote"})


def _score_choice(
    item: Mapping[str, Any], given: str | None, _pairs: Mapping[str, str] | None
) -> Mark:
    """multiple_choice and true_false: the chosen option must be the answer (or an option the
    teacher accepted as well when regrading) exactly."""
    if given is None:
        return WRONG
    answer = str(item.get("answer") or "")
    keys = [answer, *(str(v) for v in item.get("accepted") or ())]
    if any(given.strip() == key.strip() for key in keys if key):
        return RIGHT
    # True/false radios may come back in another case ("true") from a hand-made form.
    if item.get("kind") == "true_false" and given.strip().casefold() == answer.casefold():
        return RIGHT
    return WRONG


def _fact_type(item: Mapping[str, Any]) -> str:
    """The item's fact type ("person", "place", ...) or "" for a teacher's own question."""
    fact = item.get("fact")
    return str(fact.get("type") or "") if isinstance(fact, Mapping) else ""


def _score_text(
    item: Mapping[str, Any], given: str | None, _pairs: Mapping[str, str] | None
) -> Mark:
    """fill_in and short_answer: the answer or an accepted variant, typed as people type.

    Case, punctuation, a leading article and accents never matter; numbers match with or
    without their unit, separators or in words; in names of 6+ letters one typing slip is
    forgiven. Which other forms count (a person's surname alone, a short name, an acronym) is
    the item's own accepted list, the "Also accepted" the teacher sees and edits: the generator
    leaves out a surname two people in the article share, so the marker never adds one back.
    """
    if given is None or not given.strip():
        return WRONG
    expected = [str(item.get("answer") or "")] + [str(v) for v in item.get("accepted") or ()]
    expected = [v for v in expected if v.strip()]
    folded = fold_answer(given)
    variants = [fold_answer(v) for v in expected]
    if folded in variants:
        return RIGHT
    if same_quantity(given, expected) or same_ordinal(given, expected):
        return RIGHT
    if _fact_type(item) in NAME_FACTS and any(one_slip(folded, v) for v in variants):
        return RIGHT
    return WRONG


def _score_numeric(
    item: Mapping[str, Any], given: str | None, _pairs: Mapping[str, str] | None
) -> Mark:
    """numeric: the number read from the answer (digits or words) must lie within the item's
    absolute tolerance, or the answer be one the teacher accepted when regrading."""
    if given is None or not given.strip():
        return WRONG
    accepted = {fold_answer(str(v)) for v in item.get("accepted") or () if str(v).strip()}
    if fold_answer(given) in accepted:
        return RIGHT
    parsed = read_quantity(given)
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


def _gap_item(item: Mapping[str, Any], blank: Mapping[str, Any]) -> dict[str, Any]:
    """One gap of a cloze passage as the fill_in item it is marked like."""
    return {
        "kind": "fill_in",
        "answer": blank.get("answer"),
        "accepted": blank.get("accepted") or (),
        "fact": blank.get("fact") or item.get("fact"),
    }


def gap_marks(item: Mapping[str, Any], chosen: Mapping[str, str] | None) -> tuple[bool, ...]:
    """Each gap of a cloze passage right or wrong, in order; ``chosen`` maps "1".."n" to what
    the student chose from the bank or typed.

    A bank gap is right when the chosen entry is its answer (an entry chosen for several gaps
    is right only where it belongs); a typed gap is marked like a fill_in answer.
    """
    chosen = chosen or {}
    banked = bool(item.get("bank"))
    marks = []
    for n, blank in enumerate(item.get("blanks") or (), 1):
        given = chosen.get(str(n))
        if not given or not str(given).strip():
            marks.append(False)
        elif banked:
            marks.append(str(given).strip() == str(blank.get("answer") or "").strip())
        else:
            marks.append(_score_text(_gap_item(item, blank), str(given), None).correct)
    return tuple(marks)


def _score_cloze(
    item: Mapping[str, Any], _given: str | None, pairs: Mapping[str, str] | None
) -> Mark:
    """cloze: one point per gap (partial credit), all right only when every gap is."""
    marks = gap_marks(item, pairs)
    if not marks:
        return WRONG
    return Mark(correct=all(marks), credit=float(sum(marks)))


Scorer = Callable[[Mapping[str, Any], str | None, Mapping[str, str] | None], Mark]

SCORERS: dict[str, Scorer] = {
    "multiple_choice": _score_choice,
    "true_false": _score_choice,
    "fill_in": _score_text,
    "short_answer": _score_text,
    "numeric": _score_numeric,
    "matching": _score_matching,
    "cloze": _score_cloze,
}


def score_item(
    item: Mapping[str, Any], given: str | None, pairs: Mapping[str, str] | None = None
) -> Mark:
    """Mark one answer (``given``, or for matching ``pairs``: row number -> right; for a cloze
    passage ``pairs``: gap number -> chosen or typed text) on an item."""
    kind = str(item.get("kind"))
    scorer = SCORERS.get(kind)
    if scorer is None:
        raise ValueError(f"unknown question kind: {kind!r}")
    return scorer(item, given, pairs)


def mark_answer(
    item: Mapping[str, Any],
    given: str | None,
    pairs: Mapping[str, str] | None = None,
    marking: str | Marking = Marking.NORMAL,
) -> Mark:
    """Mark one answer as the quiz counts it now: a regraded question may give everyone the
    point (right whatever was given) or be dropped (no credit, and out of the total)."""
    if marking == Marking.FULL_CREDIT:
        return Mark(correct=True, credit=item_points(item))
    if marking == Marking.DROPPED:
        return Mark(correct=False, credit=0.0)
    return score_item(item, given, pairs)


def item_points(item: Mapping[str, Any] | None) -> float:
    """What an item is worth: one point per gap of a cloze passage, one for any other."""
    if item is not None and item.get("kind") == "cloze":
        return float(len(item.get("blanks") or ()) or 1)
    return 1.0


def points_possible(marking: str | Marking | None, item: Mapping[str, Any] | None = None) -> float:
    """What a question adds to the total a score is out of: 0 once dropped, else its points."""
    return 0.0 if marking == Marking.DROPPED else item_points(item)
