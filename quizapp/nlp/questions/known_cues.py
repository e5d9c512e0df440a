"""Stems whose own words hand a student the answer without the article: a neighbouring year,
a figure restated in brackets, the maker of a named product."""

from __future__ import annotations

import re

from quizapp.nlp.model import BLANK, FactType, Item, QuestionKind
from quizapp.nlp.numbers import parse_number

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# "_____% of Aguas Argentinas (39.9%)": a bracketed figure right after the blank.
_BRACKETED_FIGURE = re.compile(r"\(\s*(?:about|around|or|some|nearly)?\s*([$£€]?\d[\d,.]*)")
# "_____'s iPod", "_____'s Fahrenheit 9/11", "_____'s PlayStation": the possessive of a name
# that is not followed by a second capitalised word (which would make it a person: "Chelsea's
# Frank Lampard").
_MAKER_OF = re.compile(
    re.escape(BLANK) + r"['\u2019]s\s+(?P<name>(?:[A-Z][a-z]*|[a-z]+[A-Z])\w*)(?P<next>\s+\S+)?"
)
# How close a bracketed figure must be to the key to restate it (39.9% beside 40%).
_RESTATED = 0.05


def known_cue_problems(item: Item) -> list[str]:
    """Why the stem's own words give the answer away (empty when they do not)."""
    if item.kind in (QuestionKind.TRUE_FALSE, QuestionKind.MATCHING, QuestionKind.CLOZE):
        return []
    problems = []
    if _next_year_shown(item):
        # "rise in _____, only at a slower rate than in 2004": graders failed every such item.
        problems.append("the stem shows the year before or after the answer")
    if _figure_restated(item):
        problems.append("the stem restates the answer's figure in brackets")
    if _maker_of_named_thing(item):
        problems.append("the answer is the maker of a named product or work")
    return problems


def _next_year_shown(item: Item) -> bool:
    if item.fact.type is not FactType.DATE or not item.answer:
        return False
    years = _YEAR.findall(item.answer)
    if len(years) != 1:
        return False
    key = int(years[0])
    shown = {int(y) for y in _YEAR.findall(item.prompt.replace(item.answer, " "))}
    return bool(shown & {key - 1, key + 1})


def _figure_restated(item: Item) -> bool:
    if item.fact.type is not FactType.QUANTITY or not item.answer:
        return False
    key = parse_number(item.answer)
    if key is None or key == 0:
        return False
    at = item.prompt.find(BLANK)
    after = item.prompt[at : at + len(BLANK) + 40] if at >= 0 else item.prompt
    for match in _BRACKETED_FIGURE.finditer(after):
        value = parse_number(match.group(1))
        if value is not None and abs(value - key) <= _RESTATED * abs(key):
            return True
    return False


def _maker_of_named_thing(item: Item) -> bool:
    if item.fact.type not in (FactType.ORGANISATION, FactType.PERSON, FactType.PLACE):
        return False
    match = _MAKER_OF.search(item.prompt)
    if match is None:
        return False
    following = (match.group("next") or "").strip()
    # A second capitalised word makes the possessed a person or a longer title; a role after the
    # possessive ("_____'s Chief Executive") is no product either.
    return not following[:1].isupper()
