"""Counts written in words ("four number ones") that a teacher would ask about."""

from __future__ import annotations

import re

from quizapp.nlp.model import Document, Fact
from quizapp.nlp.numbers import parse_number
from quizapp.nlp.words import STOPWORDS

# "two sides", "both teams": a pair is mostly a reference to things already named.
MIN_COUNT = 3
# A span of time, a distance, a share or a rate: the setting of a fact, not the fact
# ("six months of talks", "from eight yards", "four times more likely").
_SETTING_UNITS = frozenset(
    {
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "fortnight",
        "month",
        "year",
        "decade",
        "century",
        "centuries",
        "season",
        "time",
        "yard",
        "metre",
        "meter",
        "mile",
        "percent",
        "point",
        "third",
        "quarter",
        "half",
    }
)
# Words before the number that make it a reference to a set the reader has already met
# ("the three firms", "all three main parties", "their previous two defeats") or a bound
# rather than a count ("more than three sites", "two or three pictures").
_REFERRING = frozenset(
    {
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
        "these",
        "those",
        "all",
        "last",
        "first",
        "next",
        "previous",
        "past",
        "other",
        "every",
        "than",
        "or",
        "of",
        "to",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
    }
)
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")
_WORD = re.compile(r"[a-z]+")


def counts_the_subject(fact: Fact, doc: Document) -> bool:
    """A count in words of something the article keeps writing about ("three Brit
    nominations" where nominations come up again), stated as the article's own fact: three
    or more, not a span of time or a distance, not a reference to a set already named, not
    a bound ("more than three"), and not inside a quotation."""
    value = parse_number(fact.attr("number") or "")
    unit = (fact.attr("unit") or "").lower()
    if value is None or value < MIN_COUNT or not unit:
        return False
    if any(_singular(w) in _SETTING_UNITS for w in unit.split()):
        return False  # (also "a five year media deal": a length inside a compound)
    sentence = doc.sentences[fact.sentence]
    head = next((t for t in reversed(sentence.tokens) if t.end <= fact.end), None)
    if head is None or head.tag not in ("NNS", "NNPS"):
        return False  # "a three digit number": the number describes one thing, counts none
    before = sentence.text[: fact.start - sentence.start]
    words_before = before.lower().split()
    if words_before and words_before[-1] in _REFERRING:
        return False
    if len(_QUOTE_MARKS.findall(before)) % 2:
        return False  # a speaker's words, not the article's statement
    return _written_about_elsewhere(unit, fact, doc)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _written_about_elsewhere(unit: str, fact: Fact, doc: Document) -> bool:
    """Whether a content word of the counted noun comes up in another sentence or the headline."""
    wanted = {_singular(w) for w in _WORD.findall(unit) if len(w) > 3 and w not in STOPWORDS}
    if not wanted:
        return False
    texts = [doc.title or "", doc.standfirst or ""]
    texts += [s.text for i, s in enumerate(doc.sentences) if i != fact.sentence]
    return any(_singular(w) in wanted for text in texts for w in _WORD.findall(text.lower()))
