"""Sentences a stem is not made from: a name in a list of names, a figure worked out from
another, a place used as an adjective."""

from __future__ import annotations

import re

from quizapp.nlp.dates import MONTHS, WEEKDAYS
from quizapp.nlp.model import Fact, FactType, Sentence

LISTED_TYPES = frozenset({FactType.PERSON, FactType.ORGANISATION, FactType.PLACE, FactType.OTHER})
_LIST_NAME = r"(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,5}"
_LIST_JOIN = re.compile(r"^(?:\s?,\s+(?:and\s+)?|\s+and\s+)")
_LIST_NAME_AT = re.compile(_LIST_NAME)
_LIST_NAME_BEFORE = re.compile(_LIST_NAME + r"$")
_POSSESSIVE = re.compile(r"['’]s?$")
_QUALIFIER = re.compile(r"^(?:\s+of\s+[A-Z][\w'’-]*|\s+\([A-Z][^()]{0,30}\))")
_QUALIFIED_BEFORE = re.compile(r"(?:\s+of\s+[A-Z][\w'’-]*|\s+\([A-Z][^()]{0,30}\))$")
# A list of this many names is an enumeration: which one was blanked, only recall can tell.
MIN_LISTED = 3


def in_a_list_of_names(text: str, a: int, b: int) -> bool:
    """Whether the answer at [a, b) is one name of a list of three or more ("Sony, IBM and
    Toshiba"): a student can only name the one missing, a guess among the list's kind."""
    count = 1
    pos = b
    while True:
        # "_____, Gordon Bullock of Scotland and Italy's Marco Bortolami": where each is from.
        qualifier = _QUALIFIER.match(text[pos:])
        if qualifier and _LIST_JOIN.match(text[pos + qualifier.end() :]):
            pos += qualifier.end()
        join = _LIST_JOIN.match(text[pos:])
        name = _LIST_NAME_AT.match(text, pos + join.end()) if join else None
        if not join or not name or _calendar(name.group()) or _POSSESSIVE.search(name.group()):
            break  # "_____, Michael Mann's former deputy": a description, not a list member
        count += 1
        pos = name.end()
    pos = a
    owner = re.search(r"[A-Z][\w-]*['’]s\s+$", text[:pos])
    if owner:
        pos = owner.start()  # "and Italy's _____": the answer's country goes with it
    while True:
        join = re.search(r"(?:\s?,\s+(?:and\s+)?|\s+and\s+)$", text[:pos])
        head = text[: join.start()] if join else ""
        qualified = _QUALIFIED_BEFORE.search(head)
        if qualified and _LIST_NAME_BEFORE.search(head[: qualified.start()]):
            head = head[: qualified.start()]  # "Gordon Bullock of Scotland and _____"
        name = _LIST_NAME_BEFORE.search(head) if join else None
        if not join or not name or _calendar(name.group()):
            break
        count += 1
        pos = name.start()
    return count >= MIN_LISTED


def _calendar(name: str) -> bool:
    """ "On Monday, MCI and Verizon ...": a day or month before a comma is no list member."""
    last = name.split()[-1]
    if name.split()[0] in ("In", "On", "At", "By", "For", "From"):
        return True  # "In Paris, Ida Marsh and ...": a place or time set before the clause
    return last.lower() in WEEKDAYS or last in MONTHS


CONVERTS = re.compile(r"\b(?:translates?|converts?|equates?|equivalent)\s+to\b", re.I)
_AFTER_CONVERSION = re.compile(r"\s*\((?=[^()]*\d)[^()]{1,30}\)")


def conversion(text: str, a: int, b: int) -> list[tuple[int, int, str]] | None:
    """A figure written again in other units ("$33.6bn (£17.7bn)") gives the key away: the
    bracketed conversion after the answer is dropped; an answer that is itself the bracketed
    conversion of a figure before it is not asked (None)."""
    before = text[:a].rstrip()
    if before.endswith("(") and re.search(r"\d[^()]{0,20}$", before[:-1].rstrip()):
        return None
    opened = text.rfind("(", 0, a)
    if opened > text.rfind(")", 0, a) and re.search(r"\d", text[max(0, opened - 25) : a]):
        return None  # "400m pesos ($136m; _____)": the bracket converts a figure shown
    after = _AFTER_CONVERSION.match(text, b)
    if after:
        return [(b, after.end(), "")]
    # "_____m pesos ($136m; £72.3m)": the bracket follows the answer's unit word.
    # (A unit symbol may hold capitals: "_____ kPa (about 1.6 atm)"; squad.)
    later = re.match(
        r"[^()\s]*(?:\s+[a-z]+|\s+[A-Za-z]{1,4})?(\s*\((?=[^()]*\d)[^()]{1,30}\))", text[b:]
    )
    if later:
        return [(b + later.start(1), b + later.end(1), "")]
    # "_____% of Aguas Argentinas (39.9%)": a bracket a few words on gives the figure closer.
    return _nearly_the_answer(text, a, b)


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_BRACKET_SOON = re.compile(r"[^()]{0,40}?(\s*\(([^()]{1,30})\))")
# A figure within this share of the answer is the same figure, written more exactly.
_SAME_FIGURE = 0.05


def _nearly_the_answer(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The bracket just after the answer that gives nearly the same figure, to drop."""
    key = _NUMBER.search(text[a:b])
    found = _BRACKET_SOON.match(text, b)
    if not key or not found:
        return []
    value = float(key.group().replace(",", ""))
    for number in _NUMBER.findall(found.group(2)):
        other = float(number.replace(",", ""))
        if value and abs(other - value) <= _SAME_FIGURE * value:
            return [(found.start(1), found.end(1), "")]
    return []


# Kind words a product's or a unit's name stands before ("IBM's Workplace software", "the
# Yugansk unit", "PC Pro magazine"): there the name names the thing, it is no adjective.
_KIND_WORDS = frozenset(
    {"software", "unit", "magazine", "browser", "programme", "program", "platform", "console"}
    | {"brand", "label", "drug", "vaccine", "album", "app", "website", "handset", "chip"}
)


_NOT_NOUNS = frozenset({"yesterday", "today", "tomorrow", "tonight", "last", "next", "this"})


def modifies_a_noun(sentence: Sentence, fact: Fact) -> bool:
    """Whether a lower-case common noun follows the place ("US dollars", "UK firms")."""
    after = [t for t in sentence.tokens if t.start >= fact.end]
    if after and fact.attr("form") == "name" and after[0].text in _KIND_WORDS:
        return False
    return bool(
        after
        and after[0].tag in ("NN", "NNS")
        and after[0].text[:1].islower()
        and after[0].text.lower() not in _NOT_NOUNS
    )
