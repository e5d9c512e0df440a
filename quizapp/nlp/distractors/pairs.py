"""A key paired in the stem with another name of its kind ("_____ and Germany")."""

from __future__ import annotations

import re

from quizapp.nlp.model import Fact

# "in _____ and Germany", "Germany or _____", "both _____ and France": the pair's other half.
_AFTER = re.compile(r"^\s*(?:and|or|&)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_BEFORE = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+(?:and|or|&)\s+(?:the\s+)?$")


def paired_with_a_place(sentence: str, fact: Fact) -> bool:
    """Whether the stem joins the key with "and" or "or" to a country or city it names: what
    it says of the pair, the options must share, and only the article can say who does."""
    from quizapp.nlp.gazetteers import cities, countries

    at = sentence.find(fact.text)
    if at < 0:
        return False
    after = _AFTER.match(sentence[at + len(fact.text) :])
    before = _BEFORE.search(sentence[:at])
    known_countries, known_cities = countries(), cities()
    for match in (after, before):
        name = match.group("name") if match else ""
        if name and (name in known_countries or name in known_cities):
            return True
    return False
