"""Figures another item prints that split a numeric key from all its wrong options."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.nlp.model import FactType, Item, QuestionKind
from quizapp.nlp.numbers import SCALES

# A figure with its unit as the quiz writes it: "42.3%", "£75m", "$20bn", "12 per cent".
_FIGURE = re.compile(
    r"(?<![\w.])(?P<cur>[£$€]?)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>bn|billion|m|million|k|tn|trillion)\b)?\s?(?P<pct>%|per\s?cent\b|percent\b)?"
)

Figure = tuple[float, str]


def _read(match: re.Match[str]) -> Figure | None:
    currency, scale, percent = match["cur"], match["scale"], match["pct"]
    if not (currency or percent):
        return None  # a bare count may be of anything: only money and shares are compared
    value = float(match["num"].replace(",", "")) * (SCALES[scale.lower()] if scale else 1.0)
    return value, "%" if percent else currency


def figures(text: str) -> list[Figure]:
    """The money amounts and percentages a text prints, as (value, unit)."""
    return [figure for m in _FIGURE.finditer(text) if (figure := _read(m)) is not None]


def option_figures(item: Item) -> tuple[Figure, list[Figure]] | None:
    """A numeric multiple-choice item's key and wrong options as figures of one unit."""
    if item.kind is not QuestionKind.MULTIPLE_CHOICE or item.fact.type is not FactType.QUANTITY:
        return None
    read = {option: figures(option) for option in item.options}
    if any(len(found) != 1 for found in read.values()) or item.answer not in read:
        return None
    key = read[item.answer][0]
    others = [read[o][0] for o in item.options if o != item.answer]
    if not others or any(unit != key[1] for _, unit in others):
        return None
    return key, others


def splits_key_off(options: tuple[Figure, list[Figure]], shown: Sequence[Figure]) -> bool:
    """Whether a figure printed elsewhere lies between the key and every wrong option: "holding
    a _____ stake" with options 37.6%, 43.1%, 53.7% beside "taking his stake to 42.3%" leaves
    one option below the stake it grew to."""
    (key, unit), others = options
    values = [value for value, _ in others]
    for value, shown_unit in shown:
        if shown_unit != unit or value == key:
            continue
        if key < value < min(values) or max(values) < value < key:
            return True
    return False
