"""Stems that ask general knowledge rather than the article: the maker of a named product."""

from __future__ import annotations

import re

from quizapp.nlp.model import BLANK, FactType, Item, QuestionKind

# "_____'s iPod", "_____'s Fahrenheit 9/11", "_____'s PlayStation": the possessive of a name
# that is not followed by a second capitalised word (which would make it a person: "Chelsea's
# Frank Lampard").
_MAKER_OF = re.compile(
    re.escape(BLANK) + r"['\u2019]s\s+(?P<name>(?:[A-Z][a-z]*|[a-z]+[A-Z])\w*)(?P<next>\s+\S+)?"
)


def known_cue_problems(item: Item) -> list[str]:
    """Why the stem asks what a student knows without the article (empty when it does not).

    The neighbouring year ("than in 2004") and a figure restated in brackets are the fairness
    lint's and the stem builder's (questions/fairness.py, stem_limits.py)."""
    if item.kind in (QuestionKind.TRUE_FALSE, QuestionKind.MATCHING, QuestionKind.CLOZE):
        return []
    if _maker_of_named_thing(item):
        # Graders failed "_____'s iPod" (Apple) and "_____'s Fahrenheit 9/11" (Michael Moore).
        return ["the answer is the maker of a named product or work"]
    return []


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
