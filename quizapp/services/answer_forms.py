"""Reading typed answers: folding case, accents and punctuation, numbers in digits or words,
ordinals ("4th" = "fourth") and one typing slip in a long name."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Sequence

from rapidfuzz.distance import OSA

__all__ = [
    "TYPO_MIN_LETTERS",
    "fold_answer",
    "normalise_answer",
    "one_slip",
    "parse_number",
    "read_ordinal",
    "read_quantity",
    "same_ordinal",
    "same_quantity",
]

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


def same_quantity(given: str, expected: Sequence[str]) -> bool:
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


def one_slip(given: str, expected: str) -> bool:
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


_ORDINAL_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
# "4th", "21st", "2nd", "3rd" once folded (a slip in the suffix, "4rd", is still the 4th).
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")


@functools.cache
def _ordinal_words() -> dict[str, int]:
    """Spelled-out ordinals up to the hundredth ("fourth", "twenty first") and their values."""
    words = {word: value for value, word in enumerate(_ORDINAL_UNITS)}
    for n, tens in enumerate(_TENS, 2):
        words[tens[:-1] + "ieth"] = 10 * n
        for unit in range(1, 10):
            words[f"{tens} {_ORDINAL_UNITS[unit]}"] = 10 * n + unit
    words["hundredth"] = words["one hundredth"] = 100
    return words


@functools.lru_cache(maxsize=8192)
def read_ordinal(text: str) -> tuple[int, tuple[str, ...]] | None:
    """A typed ordinal as (value, the words after it): "4th place" and "fourth place" ->
    (4, ("place",)); None when the answer does not start with an ordinal."""
    words = fold_answer(text).split()
    if not words:
        return None
    match = _ORDINAL_DIGITS.fullmatch(words[0])
    if match is not None:
        return int(match.group(1)), tuple(words[1:])
    table = _ordinal_words()
    for size in (3, 2, 1):
        spelled = " ".join(words[:size])
        if len(words) >= size and spelled in table:
            return table[spelled], tuple(words[size:])
    return None


def same_ordinal(given: str, expected: Sequence[str]) -> bool:
    """True when the answer is the ordinal of a variant in the other spelling ("fourth" for
    "4th", "21st" for "twenty-first"), followed by the same words if any."""
    left = read_ordinal(given)
    if left is None:
        return False
    return any(read_ordinal(v) == left for v in expected if v)
