"""Absolute dates: full dates, month and year, years, decades, centuries, named months.

Relative dates ("last month", "on Saturday", "this year") are not facts: out of the
article's context a question about them would be wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizapp.nlp.dates import DATE_PATTERN, year_of
from quizapp.nlp.facts.context import FactContext, make_fact
from quizapp.nlp.facts.name_runs import surname_month
from quizapp.nlp.model import Fact, FactType, Token

_CENTURY = re.compile(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\b")
# A bare number is a year only where the words around it say so.
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|of|between|and|before|after|during|around|to|circa|c\.)\s+"
    r"|^|,\s*)$",
    re.I,
)
_APPROXIMATE = re.compile(r"\b(?:around|about|circa|c\.|approximately|roughly|some)\s+$", re.I)
_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:%|per|km|kg|m\b|people|troops|tonnes|[a-z]+s\b|"
    r"(?:N|kN|lbf|kgf|Pa|kPa|J|kJ|W|kW|MW|V|Hz|K)\b)"
)
# "equivalent to 1000 N", "equal to 1000": a measure compared, never a year.
_NOT_YEAR_BEFORE = re.compile(r"\b(?:equivalent|equal|equals|amounts?)\s+to\s+$", re.I)


_DIGIT = re.compile(r"\d")
_MONTH_START = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


def extract_dates(context: FactContext) -> Iterator[Fact]:
    """Date facts; attrs: year (where there is one), granularity."""
    for sentence in context.doc.sentences:
        text = sentence.text
        if not (_DIGIT.search(text) or _MONTH_START.search(text)):
            continue  # every date pattern holds a digit or a month's name (a fast first test)
        for match in _CENTURY.finditer(text):
            yield make_fact(
                FactType.DATE,
                sentence,
                sentence.start + match.start(),
                sentence.start + match.end(),
                granularity="century",
                century=match.group(1),
            )
        for match in DATE_PATTERN.finditer(text):
            found = match.group()
            if found.startswith("the "):
                start = match.start() + 4
            else:
                start = match.start()
            if _CENTURY.search(text, max(0, match.start() - 5), match.end() + 12):
                continue
            granularity = _granularity(found)
            if granularity == "year":
                before = text[max(0, match.start() - 12) : match.start()]
                if not _YEAR_CONTEXT.search(before) or _NOT_YEAR_AFTER.match(text[match.end() :]):
                    continue
                if _NOT_YEAR_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
                    continue
            if granularity == "month_name" and _ends_a_name(
                sentence.tokens, sentence.start + start
            ):
                continue  # "Labour MSP Christine May": a surname, not a month
            year = year_of(found)
            approximate = _APPROXIMATE.search(text[max(0, match.start() - 16) : match.start()])
            yield make_fact(
                FactType.DATE,
                sentence,
                sentence.start + start,
                sentence.start + match.end(),
                granularity=granularity,
                year=str(year) if year else None,
                approximate="yes" if approximate else None,
            )


def _ends_a_name(tokens: tuple[Token, ...], at: int) -> bool:
    """Whether the month's name starting at offset ``at`` ends a person's name."""
    index = next((i for i, t in enumerate(tokens) if t.start == at), None)
    return index is not None and surname_month(tokens, index)


def _granularity(found: str) -> str:
    if re.fullmatch(r"(?:the\s+)?\d{4}s", found):
        return "decade"
    if re.fullmatch(r"\d{4}(?:\s*[-–]\s*\d{2,4})?", found):
        return "year"
    if not re.search(r"\d{4}", found) and re.search(r"\d", found):
        return "day_month"
    if re.search(r"\d{4}", found):
        return (
            "day"
            if re.search(
                r"\b\d{1,2}(?:st|nd|rd|th)?\b",
                found.replace(re.search(r"\d{4}", found).group(), ""),
            )
            else "month"
        )  # type: ignore[union-attr]
    return "month_name"
