"""What the stem allows a numeric option: a population cap, same-unit figures, numbers shown."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from quizapp.nlp.model import Fact
from quizapp.nlp.numbers import parse_number

# Counts of people: "the _____ US users of the net" can be no more than the country holds.
_PEOPLE_WORDS = re.compile(
    r"\b(?:people|persons|users|subscribers|customers|residents|voters|viewers|children|"
    r"adults|workers|employees|citizens|inhabitants|students|pupils|patients|members|"
    r"listeners|readers|consumers|households|smokers|surfers|Americans|Britons)\b"
)


def people_cap(fact: Fact, sentence: str) -> float | None:
    """The population of the country the stem names beside a count of its people ("the _____
    US users"), in the key's units, or None: an option above it is absurd."""
    from quizapp.nlp.distractors.gazetteer_names import _country_populations
    from quizapp.nlp.gazetteers import countries

    at = sentence.find(fact.text)
    if at < 0:
        return None
    end = at + len(fact.text)
    if not _PEOPLE_WORDS.search(fact.text + " " + sentence[end : end + 40]):
        return None
    value = parse_number(fact.attr("number") or "")
    if not value:
        return None
    # The country nearest the count ("the _____ US users", "Ireland's _____ voters").
    sizes = _country_populations()
    known = countries()
    nearest: tuple[int, int] | None = None
    for match in _country_names().finditer(sentence):
        distance = match.start() - end if match.start() >= end else at - match.end()
        if 0 <= distance <= 40 and (nearest is None or distance < nearest[0]):
            nearest = (distance, sizes.get(known[match.group()].code, 0))
    population = nearest[1] if nearest else 0
    if not population:
        return None
    # The key's own scale: "137 million" is 137 in units of a million.
    # Nine in ten of a country's people is already no plausible count of its users.
    return 0.9 * population / _scale_of(fact.text)


@lru_cache(maxsize=1)
def _country_names() -> re.Pattern[str]:
    """Every country name and alias as whole words, longest first."""
    from quizapp.nlp.gazetteers import countries

    names = sorted(countries(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, names)) + r")(?![\w])")


def _scale_of(text: str) -> float:
    low = text.lower()
    for word, factor in (("billion", 1e9), ("bn", 1e9), ("million", 1e6), ("m", 1e6)):
        if re.search(rf"\d\s*{word}\b", low):
            return factor
    return 1.0


def _same_unit_values(fact: Fact, sentence: str) -> list[float]:
    """Other figures of the stem written like the key ("£220m" and "£75m"): the key's side of
    each is the only sensible one, so every option must lie on it."""
    unit = re.sub(r"[\d.,\s]", "", fact.text)
    if not unit or not sentence:
        return []
    prefix = re.match(r"[^\d]*", fact.text)
    suffix = re.search(r"[^\d]*$", fact.text)
    pre = re.escape(prefix.group() if prefix else "")
    post = re.escape(suffix.group() if suffix else "")
    rest = sentence.replace(fact.text, " ")
    out = []
    for m in re.finditer(rf"(?<![\w.]){pre}(\d[\d,]*(?:\.\d+)?){post}(?!\w)", rest):
        value = parse_number(m.group(1))
        if value is not None:
            out.append(value)
    return out


def _numbers_in_stem(options: Sequence[str], sentence: str, fact: Fact) -> bool:
    """Whether an option's number stands elsewhere in the stem ("101m" beside "Taipei 101"):
    the one option that echoes the stem, or the one that does not, stands out."""
    rest = sentence.replace(fact.text, " ")
    shown = set(re.findall(r"(?<![\d.,])\d[\d,.]*\d|(?<![\d.,])\d(?![\d,.]*\d)", rest))
    shown = {n.rstrip(".,") for n in shown}
    for option in options:
        numbers = re.findall(r"\d[\d,.]*\d|\d", option)
        if any(n.rstrip(".,") in shown for n in numbers):
            return True
    return False
