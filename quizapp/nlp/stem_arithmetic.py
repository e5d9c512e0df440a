"""Whether a stem's other figures compute its numeric key: a share of a total, a sum, a ratio.

"Users number _____, less than 8% of the country's 1.3 billion people": 8% of 1.3 billion is
104 million, so a student who multiplies picks 100m from any options without reading.
"""

from __future__ import annotations

import re
from itertools import permutations

from quizapp.nlp.numbers import SCALES

# A figure as an article writes it: "1.3 billion", "£75m", "8%", "12 per cent", "2,000".
_FIGURE = re.compile(
    r"(?<![\w.,])(?P<cur>[£$€]?)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>bn|billion|m|million|k|thousand|tn|trillion)\b)?"
    r"\s?(?P<pct>%|per\s?cent\b|percent\b)?(?![\w,]*\d)"
)
# A share computed from a total, or a count printed beside it: rounded figures ("8%", "1.3
# billion") put the product this far from the key at most.
SHARE_TOLERANCE = 0.07
# A sum or a difference of printed counts is exact, up to the key's own rounding.
SUM_TOLERANCE = 0.005
# A share this large of a total is the total itself, near enough: no sum to do.
_LARGEST_SHARE = 90.0


def _read(match: re.Match[str]) -> tuple[float, str] | None:
    """A figure as (value, unit): "%" for a share, the currency sign or "" for a count; None
    for a year ("in 2004"), which is a date rather than an amount."""
    number, scale = match["num"], match["scale"]
    value = float(number.replace(",", ""))
    if not (scale or match["pct"] or match["cur"]) and re.fullmatch(r"1[89]\d\d|20\d\d", number):
        return None
    if scale:
        value *= SCALES[scale.lower()]
    return value, "%" if match["pct"] else match["cur"]


def stem_figures(text: str) -> list[tuple[float, str]]:
    """The amounts a text prints, as (value, unit), years left out."""
    return [figure for m in _FIGURE.finditer(text) if (figure := _read(m)) is not None]


def computed_from_stem(answer: str, stem: str, after: str = "") -> bool:
    """Whether the key ``answer`` (with ``after``, what the stem prints after the blank: the
    "m" of "_____m") follows from two other figures of the ``stem`` by a share of a total
    ("less than 8% of 1.3 billion" for "100m"), a total from its share, a share from two
    counts, or a sum or difference of two counts of the key's unit."""
    match = _FIGURE.match(answer.strip() + after)
    found = _read(match) if match is not None else None
    if found is None:
        return False
    key, unit = found
    if key <= 0:
        return False
    shown = [f for f in stem_figures(stem) if f[0] > 0]
    for first, second in permutations(shown, 2):
        for value, tolerance in _results(first, second, unit, key):
            if value > 0 and abs(key - value) <= tolerance * key:
                return True
    return False


def _results(
    first: tuple[float, str], second: tuple[float, str], unit: str, key: float
) -> list[tuple[float, float]]:
    """What two figures give a key of ``unit`` by one step, each with the tolerance its
    rounding allows: a share of a total and the total of a share, a share of two counts, a
    sum and a difference of two counts."""
    (a, unit_a), (b, unit_b) = first, second
    out: list[tuple[float, float]] = []
    if unit_a == "%" and unit_b == unit != "%" and a <= _LARGEST_SHARE:
        out += [(a / 100 * b, SHARE_TOLERANCE), (b / (a / 100), SHARE_TOLERANCE)]
    if unit == "%" and unit_a == unit_b != "%" and a < b:
        out.append((100 * a / b, SHARE_TOLERANCE))
    if unit_a == unit_b == unit and min(a, b) < key:
        out += [(a + b, SUM_TOLERANCE), (a - b, SUM_TOLERANCE)]
    return out
