"""The article's facts grouped for distractor look-up, and its spelling convention."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from quizapp.nlp.distractors.teams import article_sport
from quizapp.nlp.model import Document, Fact, FactType
from quizapp.nlp.name_traits import NameTraits
from quizapp.nlp.text import normalise


@dataclass(frozen=True, slots=True)
class Pools:
    """The article's facts grouped for distractor look-up, built once per document."""

    by_type: dict[FactType, tuple[Fact, ...]]
    published: date | None
    # Every fact by sentence index: what a pronoun in a later sentence may refer to.
    mentions: dict[int, tuple[Fact, ...]] = field(default_factory=dict)
    # The article's spelling convention: "isation" (British) or "ization" (American), or "".
    spelling: str = ""
    # Normalised names and canonical names of the article's people, and of its other kinds.
    person_keys: frozenset[str] = frozenset()
    kind_keys: dict[str, str] = field(default_factory=dict)
    # What the article shows of each name: gender, nationality, a part played, a place.
    traits: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Normalised names the article gives a role ("Planning Minister Julio De Vido").
    roles: frozenset[str] = frozenset()
    # The team sport the article reports ("football", "rugby", "cricket"), or "".
    sport: str = ""
    # Each sentence's start in the article and its text, by index: what lies between two names.
    sentences: tuple[tuple[int, str], ...] = ()


def build_pools(facts: Sequence[Fact], doc: Document) -> Pools:
    """Group facts by type, keeping the first mention of each surface form."""
    grouped: dict[FactType, list[Fact]] = {}
    seen: set[tuple[FactType, str]] = set()
    mentions: dict[int, list[Fact]] = {}
    for fact in facts:
        mentions.setdefault(fact.sentence, []).append(fact)
        key = (fact.type, fact.text)
        if key not in seen:
            seen.add(key)
            grouped.setdefault(fact.type, []).append(fact)
    people = grouped.get(FactType.PERSON, [])
    person_keys = frozenset(
        key
        for p in people
        for key in (normalise(p.text), normalise(p.attr("canonical") or ""))
        if key
    )
    kind_keys = {
        normalise(f.text): fact_type.value
        for fact_type in (FactType.PLACE, FactType.ORGANISATION)
        for f in grouped.get(fact_type, [])
    }
    return Pools(
        {k: tuple(v) for k, v in grouped.items()},
        doc.published,
        {k: tuple(v) for k, v in mentions.items()},
        spelling_convention(doc.text),
        person_keys,
        kind_keys,
        NameTraits(facts, doc),
        frozenset(
            key
            for p in people
            if p.attr("role")
            for key in (normalise(p.text), normalise(p.attr("canonical") or ""))
            if key
        ),
        article_sport(s.text for s in doc.sentences),
        tuple((s.start, s.text) for s in doc.sentences),
    )


_STEMS = (
    r"\w+(?=i[sz]ations?\b)|(?:organ|recogn|real|critic|apolog|privat|modern|author|emphas|"
    r"minim|maxim|util|special|summar|character|mobil|legal|subsid|stabil|priorit|capital|"
    r"central|industrial|national)(?=i[sz](?:e|ed|es|ing)\b)"
)
_BRITISH = re.compile(rf"\b(?:{_STEMS})is", re.I)
_AMERICAN = re.compile(rf"\b(?:{_STEMS})iz", re.I)


# Every word the two patterns match ends so: only these words are tried (the patterns' leading
# ``\w+`` tried at every word of a long document cost a quarter of a second).
_IS_IZ_ENDING = re.compile(r"i[sz](?:ations?|e|ed|es|ing)\b", re.I)


def _count_words(pattern: re.Pattern[str], text: str) -> int:
    """How many times ``pattern`` (which matches only at a word's start, once a word) matches
    in ``text``: ``len(pattern.findall(text))``, trying only the words with the right ending."""
    starts: set[int] = set()
    for m in _IS_IZ_ENDING.finditer(text):
        start = m.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1  # back to the start of the word (``\w`` is alphanumeric or "_")
        starts.add(start)
    return sum(1 for start in starts if pattern.match(text, start))


def spelling_convention(text: str) -> str:
    """'isation' where the article spells "organisation", 'ization' for "organization", else ''."""
    british = _count_words(_BRITISH, text)
    american = _count_words(_AMERICAN, text)
    if british > american:
        return "isation"
    if american > british:
        return "ization"
    return ""


@lru_cache(maxsize=8192)  # the same gazetteer names, item after item
def respell(name: str, convention: str) -> str:
    """A gazetteer name in the article's spelling ("World Health Organization" -> "-isation")."""
    if convention == "isation":
        return re.sub(r"(?<=\w)iz(ation|e|ed|ing)\b", r"is\1", name)
    if convention == "ization":
        return re.sub(r"(?<=\w)is(ation)\b", r"iz\1", name)
    return name
