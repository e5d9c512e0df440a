"""A blank must never cut a proper name in two ("the _____ and Social Care", "Bank of _____")."""

from __future__ import annotations

import re

from quizapp.nlp.facts.name_words import ORG_HEADS, PLACE_HEADS, THING_HEADS
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.questions.reference_words import CALENDAR
from quizapp.nlp.salience import zipf
from quizapp.nlp.titles import occasion_name

_HEADS = ORG_HEADS | PLACE_HEADS | THING_HEADS
_CONNECTOR = re.compile(r"\s(?:of|for|and|&|de|du)\s")
_NAME_GOES_ON = re.compile(r"^\s+(?:and|&|of|for)\s+[A-Z][\w'’-]*")
_OWN_NAME = re.compile(r"^\s+and\s+[A-Z][\w'’-]*\s+([A-Z][\w'’-]*)")
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)\s+(?:of|for|and|&)\s+$")
# Capitalised words before a name that are not part of it ("The Aviator", "Mr Evans").
_NOT_PART_OF_NAME = frozenset({"the", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "st", "i"})
# A list member that opens on an everyday word and a small one: "..., Lost in |Translation".
_TITLE_IN_A_LIST = re.compile(r"(?<=, )([A-Z][a-z]+)\s+(?:in|of|the|and|on|at|for|to|a)\s$")
_NOT_NAMES = frozenset({FactType.QUANTITY, FactType.DATE, FactType.ORDINAL, FactType.QUOTE})


def _number_beside(before: str, after: str) -> str:
    """The number right before or right after a span, or ""."""
    found = re.search(r"(\d+)\s$", before) or re.match(r"^ (\d+)\b", after)
    return found.group(1) if found else ""


def cuts_a_name(fact: Fact, text: str, a: int, b: int) -> bool:
    """Whether the answer span [a, b) of the sentence text is a strict part of a longer proper
    name: "Welsh Institute for Health| and Social Care", "Bank of |England", "|New York| Marathon"
    (a name's own word follows)."""
    if fact.type in (FactType.QUANTITY, FactType.ORDINAL) and re.match(
        r"\d+\b(?![.,-]\d)", text[a:b]
    ):
        named = re.search(r"(?<=\S )([A-Z][\w'’-]*)\s$", text[:a])
        if (
            named
            and named.group(1) not in CALENDAR
            and named.group(1).lower() not in _NOT_PART_OF_NAME
        ):
            return True  # "Chapter |11", "Windows |95": the number is part of the name
    if fact.type in _NOT_NAMES:
        return False
    span, after, before = text[a:b], text[b:], text[:a]
    words = span.split()
    inner = bool(_CONNECTOR.search(f" {span} "))
    own_name = _OWN_NAME.match(after)  # "Oxford University and Cambridge University"
    own = own_name is not None and own_name.group(1) in _HEADS
    if _NAME_GOES_ON.match(after) and (inner or any(w in _HEADS for w in words)) and not own:
        return True
    following = re.match(r"^ ([A-Z][\w'’-]*)", after)
    if following and following.group(1) in _HEADS:
        return True  # "New York| Marathon", "Lycos| Group"
    if (
        fact.type is FactType.OTHER
        and following
        and following.group(1) not in CALENDAR
        and fact.attr("form") == "name"
    ):
        return True  # "Eternal Sunshine of the Spotless| Mind": a title goes on
    if re.match(r"^ (?:I|II|III|IV|V|VI)\b", after) and span[:1].isupper():
        return True  # "World War| I", "Henry| VIII": the numeral is part of the name
    number_after = re.match(r"^ \d+\b(?![.,:-]?\d)", after)
    # A year beside a named award or festival is its edition ("the 2005 Sundance Film
    # Festival", "the Guardian First Book Award 2004"), not a word of its name.
    edition = occasion_name(span) and bool(
        re.fullmatch(r"(?:19|20)\d\d", _number_beside(before, after))
    )
    if edition:
        number_after = None
    if fact.type is not FactType.PERSON and words and words[-1][:1].isupper() and number_after:
        return True  # "Sony PlayStation| 2", "Halo| 2": the number is part of the name
    earlier = _NAME_BEFORE.search(before)
    if earlier and earlier.group(1) in _HEADS:
        return True  # "Bank of |England"
    if earlier and words and words[-1] in _HEADS and earlier.group(1)[:1].isupper():
        return True  # "Pew Internet and |American Life Project": one name, cut at its "and"
    if fact.type is not FactType.PERSON and span[:1].isupper():
        if re.search(r"(?<=\S )\d+\s$", before) and not edition:
            return True  # "21 |Jump Street": the number opens the name
        if re.search(r"(?<=\S )[A-Z][\w'’-]*\s+(?:The|A|Of|In|On)\s$", before):
            return True  # "Meet The |Fockers": a title's capitalised words run on
        listed = _TITLE_IN_A_LIST.search(before)
        if listed and fact.type is not FactType.PERSON and zipf(listed.group(1).lower()) >= 3:
            return True  # "..., The Motorcycle Diaries, Lost in |Translation": a title goes back
    previous = re.search(r"(\S+)\s$", before)
    if fact.type is not FactType.PERSON and span[:1].isupper() and previous:
        word = previous.group(1)
        opening = before.strip() == word
        if (
            word[:1].isupper()
            and word.replace("-", "").isalpha()
            and not opening
            and word not in CALENDAR
            and word.lower() not in _NOT_PART_OF_NAME
            and not (word.isupper() and len(word) <= 3)
        ):
            return True  # "the Welsh |Assembly", "My |Beautiful Laundrette": the name goes back
    return False
