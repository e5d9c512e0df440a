"""Options for a key term of textbook prose: the passage's other terms on the same head noun."""

from __future__ import annotations

import random
import re

from quizapp.nlp.distractors.pools import Pools
from quizapp.nlp.key_terms import zipf
from quizapp.nlp.model import Document, Fact, FactType
from quizapp.nlp.text import normalise
from quizapp.nlp.words import STOPWORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# A modifier this common ("new", "main", "other", "large") tells no kind of the head apart:
# "main rock" is no option beside "igneous rock".
MODIFIER_MAX_ZIPF = 5.0


def _parts(fact: Fact, doc: Document) -> tuple[tuple[str, ...], str] | None:
    """(modifier words, head noun) of a two- or three-word common-noun term whose modifiers
    are adjectives, lower case: an adjective names a kind of the head ("igneous rock"), a noun
    before it mostly the whole class or another thing ("plate boundaries" beside "divergent
    boundaries", of which every one is a plate boundary too)."""
    words = [w.lower() for w in _WORD.findall(fact.text)]
    if not 2 <= len(words) <= 3 or len(words) != len(fact.text.split()):
        return None
    tokens = [t for t in doc.sentences[fact.sentence].tokens if fact.start <= t.start < fact.end]
    if len(tokens) != len(words) or any(t.tag != "JJ" for t in tokens[:-1]):
        return None
    *modifiers, head = words
    if any(w in STOPWORDS or zipf(w) >= MODIFIER_MAX_ZIPF for w in modifiers):
        return None
    return tuple(modifiers), head


def sibling_terms(
    fact: Fact, doc: Document, pools: Pools, rng: random.Random, count: int, prompt: str
) -> list[str] | None:
    """``count`` of the passage's other terms that name another kind of the key's head noun
    ("igneous rock" and "metamorphic rock" for "sedimentary rock", "inner core" for "outer
    core"), or None. They are the same kind of thing by construction and each is a term the
    passage uses, so a student who read it tells them apart and a guesser cannot; never one
    the stem prints, nor one holding the key's words or held by it ("liquid outer core")."""
    if fact.type is not FactType.OTHER or fact.attr("form") != "phrase":
        return None
    own = _parts(fact, doc)
    if own is None:
        return None
    modifiers, head = own
    shown = f" {normalise(prompt)} "
    chosen: list[str] = []
    seen = {normalise(fact.text)}
    for other in pools.by_type.get(FactType.OTHER, ()):
        parts = _parts(other, doc)
        if other.attr("form") != "phrase" or parts is None or parts[1] != head:
            continue
        key = normalise(other.text)
        if key in seen or f" {key} " in shown or set(parts[0]) & set(modifiers):
            continue
        if other.text[:1].isupper() != fact.text[:1].isupper():
            continue
        seen.add(key)
        chosen.append(other.text)
    if len(chosen) < count:
        return None
    rng.shuffle(chosen)
    return chosen[:count]
