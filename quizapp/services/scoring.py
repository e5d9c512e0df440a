"""Marking one answer against a question-set item: a scorer per kind, tolerant normalisation."""

from __future__ import annotations

import enum
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import OSA

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

# A number once thousands separators are gone: "1360", "1360.5", "-3", ".5" (then "4.2%").
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)")
_CURRENCY = "$€£¥"
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")
_ARTICLES = re.compile(r"^(?:the|a|an)\s+")
_TRAILING_PUNCT = ".,;:!?…\"'”’)»"
_LEADING_PUNCT = "\"'“‘(«"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "−": "-", "–": "-", "—": "-"})
# Punctuation inside an answer ("U.S.", "Rahmon's", "Jean-Luc") is not what is being marked;
# a decimal point between digits is, and so are % and currency signs.
_INNER_PUNCT = re.compile(r"[^\w\s%$€£¥+.-]|-(?!\d)|(?<=[^\W\d_])-|_")
_JOINING_PUNCT = re.compile(r"'|(?!(?<=\d)\.(?=\d))\.")
# Typing slips are forgiven only in names long enough that one letter cannot make another name.
TYPO_MIN_LETTERS = 6
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]")
# A quote fact's answer is its speaker's name ("..., said Matthias Huss"): a name too.
NAME_FACTS = frozenset({"person", "place", "organisation", "quote"})
# "1.5 million", "three thousand": scale words after a number multiply it.
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER_WORDS_MAX = 100


_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@functools.cache
def _number_words() -> dict[str, int]:
    """Spelled-out whole numbers up to 100 ("three", "twenty one") and their values.

    English number words are a closed vocabulary; building them here keeps marking free of
    inflect, whose first call costs seconds (typeguard instruments it) in every web worker.
    """
    words = {word: value for value, word in enumerate(_UNITS)}
    for n, tens in enumerate(_TENS, 2):
        words[tens] = 10 * n
        for unit in range(1, 10):
            words[f"{tens} {_UNITS[unit]}"] = 10 * n + unit
    # "a hundred" loses its article in fold_answer.
    words["hundred"] = words["one hundred"] = 100
    return words


def _strip_diacritics(text: str) -> str:
    """ "Zürich" -> "Zurich", "Émile" -> "Emile": students type names without accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Pure and called for every answer and variant when a whole class is rescored: cached.
@functools.lru_cache(maxsize=8192)
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


@functools.lru_cache(maxsize=8192)
def fold_answer(text: str) -> str:
    """The loosest fold typed answers are compared under: normalise_answer, then no diacritics
    and no punctuation inside ("U.S." = "US", "O'Brien" = "OBrien", "Zürich" = "Zurich")."""
    folded = _strip_diacritics(normalise_answer(text))
    # Apostrophes and dots join ("o'brien" -> "obrien", "u.s." -> "us"; not "2.5"), other
    # marks separate ("jean-luc" -> "jean luc").
    folded = _JOINING_PUNCT.sub("", folded)
    folded = _INNER_PUNCT.sub(" ", folded)
    folded = " ".join(folded.split())
    return _ARTICLES.sub("", folded)


@functools.lru_cache(maxsize=8192)
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


@functools.lru_cache(maxsize=8192)
def read_quantity(text: str) -> tuple[float, tuple[str, ...]] | None:
    """A typed quantity as (value, unit words), digits or small number words, scale words applied.

    "3 gold medals" and "three gold medals" -> (3.0, ("gold", "medals")); "1.5 million" and
    "1,500,000" -> (1500000.0, ()); "$4bn" is not read (None) rather than guessed.
    """
    folded = fold_answer(text).removeprefix("about ").removeprefix("approximately ")
    value: float | None = None
    rest: list[str] = []
    parsed = parse_number(folded)
    if parsed is not None:
        value = parsed[0]
        rest = parsed[1].replace("-", " ").split()
    else:
        table = _number_words()
        words = folded.replace("-", " ").split()
        # The longest run of leading words that spells a number: "twenty one", then "twenty".
        for size in range(min(3, len(words)), 0, -1):
            spelled = " ".join(words[:size])
            if spelled in table:
                value, rest = float(table[spelled]), words[size:]
                break
        if value is None:
            return None
    if rest and rest[0] in _SCALES:
        value *= _SCALES[rest[0]]
        rest = rest[1:]
    return value, tuple(rest)


def _same_quantity(given: str, expected: Sequence[str]) -> bool:
    """True when the answer is the same number as a variant and its unit (if any) fits theirs.

    "1,360 km" matches "1,360"; "three" and "3 medals" match "three gold medals";
    "1,360 miles" does not match a variant that says "km".
    """
    left = read_quantity(given)
    if left is None:
        return False
    quantities = [q for q in (read_quantity(v) for v in expected if v) if q is not None]
    for value, unit in quantities:
        if not math.isclose(left[0], value, rel_tol=1e-9, abs_tol=1e-9):
            continue
        # No unit, or words all found in the variant's unit ("medals" of "gold medals").
        if not left[1] or set(left[1]) <= set(unit) or _singular(left[1]) <= _singular(unit):
            return True
    return False


def _singular(words: Sequence[str]) -> set[str]:
    """Unit words without a plural "s", so "1 medal" meets "1 medals" and "2 km" meets "2 kms"."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words}


def _one_slip(given: str, expected: str) -> bool:
    """True when a name differs by one typing slip (a letter added, dropped, changed or two
    swapped) and the name is long enough (6+ letters) for one slip not to make another word."""
    # Cheap refusals first: a whole class's answers go through here when a quiz is rescored.
    if abs(len(given) - len(expected)) > 1 or len(expected) < TYPO_MIN_LETTERS:
        return False
    if _DIGIT.search(given) or _DIGIT.search(expected):
        return False
    if len(_LETTERS.findall(expected)) < TYPO_MIN_LETTERS:
        return False
    return OSA.distance(given, expected, score_cutoff=1) <= 1


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
    if _same_quantity(given, expected):
        return RIGHT
    if _fact_type(item) in NAME_FACTS and any(_one_slip(folded, v) for v in variants):
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
