"""Items a strict teacher would strike from a quiz whatever else it holds.

Each rule is a failure class blind graders gave on unseen articles: a wrong option the stem
itself prints, a stem trimmed to a dangling "than.", a true/false statement that turns on the
exact wording of a quotation or whose false version may still be true ("more than $60bn"
where the article says "more than $68bn").
"""

from __future__ import annotations

import re

from quizapp.nlp.model import BLANK, FactType, Item, QuestionKind
from quizapp.nlp.text import normalise

# Words a sentence cannot end on: the trimming took what they lead into.
_DANGLING_END = re.compile(
    r"\b(?:than|as|of|to|and|or|the|a|an|in|on|at|by|for|with|from|between|since)\s*[.!]\s*$",
    re.IGNORECASE,
)
# A figure given as a bound or an estimate: "more than 400,000", "nearly 70%", "up to 5m". A
# false version drawn on the wrong side of the bound is still true.
_HEDGE = re.compile(
    r"\b(?:an estimated|estimated|more than|less than|fewer than|over|under|almost|nearly|about|around|some|"
    r"at least|at most|up to|as many as|as much as|roughly|approximately|just over|"
    r"just under|below|above|upwards of|close to)\s+$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s?(?=\W|$)")
_QUOTATION = re.compile(r"[\"\u201c][^\"\u201c\u201d]{12,}[\"\u201d]")


def strike_reason(item: Item) -> str | None:
    """Why a teacher would strike this item whatever the rest of the quiz is, or None."""
    if item.kind is QuestionKind.MULTIPLE_CHOICE and _option_in_stem(item):
        return "a wrong option stands in the stem"
    if item.kind is QuestionKind.TRUE_FALSE:
        return _weak_statement(item)
    if _SAID_TWICE.search(item.source.quote) and item.fact.type in _SPEAKER_TYPES:
        # '"...," said Stop Stansted Expansion chairman Peter Sanders said.': which words name
        # the speaker the slip leaves unclear ("Stansted Expansion" was taken for him).
        return "the source names its speaker twice over"
    return None


_SAID_TWICE = re.compile(
    r"\b(?:said|says|added)\s+(?:[\w'’.-]+\s+){1,8}(?:said|says|added)\W*$", re.I
)
_SPEAKER_TYPES = frozenset({FactType.PERSON, FactType.QUOTE, FactType.ORGANISATION})


def cut_short(prompt: str) -> bool:
    """A stem trimmed of an adjunct that left its lead-in word at the end ("growth than."), or
    that left a role without where it was held ("when Hoddle was manager [at Southampton]")."""
    if BLANK not in prompt:
        return False
    if _DANGLING_END.search(prompt) is not None:
        return True
    bare = _BARE_ROLE_END.search(prompt)
    if bare is None:
        return False
    from quizapp.nlp.gazetteers import role_words

    return bare.group(1).lower() in role_words()


# "... when Hoddle was manager.": a role closing the stem with nothing saying of what.
_BARE_ROLE_END = re.compile(
    r"\b(?:was|is|were|are|became|becomes|been|be|as)\s+(?:the\s+)?([a-z]+(?:\s+[a-z]+)?)\s*[.!]\s*$"
)


def _option_in_stem(item: Item) -> bool:
    # "Rinus Michels's team" prints "Rinus Michels": a possessive ending must not hide it.
    text = _POSSESSIVE.sub(" ", item.prompt.replace(BLANK, " ")).replace("-", " ")
    stem = " " + normalise(text) + " "
    for option in item.options:
        if option == item.answer:
            continue
        words = normalise(option)
        if words and not words.isdigit() and f" {words} " in stem:
            return True
    return False


def _weak_statement(item: Item) -> str | None:
    """A true/false statement that tests wording rather than a fact."""
    statement = item.prompt.removeprefix("True or false?").strip()
    if _QUOTATION.search(statement):
        return "true/false on a quotation's wording"
    fact = item.fact
    if fact.type is FactType.QUANTITY:
        sentence = item.source.quote
        at = fact.start - item.source.start
        if 0 <= at <= len(sentence) and _HEDGE.search(sentence[:at]):
            return "true/false on a bound ('more than')"
    return None
