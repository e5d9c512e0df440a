"""How a person key stands among the article's people: a longer name, a surname, a list of women."""

from __future__ import annotations

from quizapp.nlp.distractors.overlap import _overlapping
from quizapp.nlp.distractors.pools import Pools
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.option_fit import (
    FEMALE,
)
from quizapp.nlp.text import normalise


def _part_of_a_longer_name(name: str, pools: Pools) -> bool:
    """Whether a person's name is a fragment of a longer one the article gives a person."""
    norm = normalise(name)
    if " " not in norm:
        return False  # a surname alone is the form a surname key asks for ("Mr _____")
    return any(
        longer != norm and _overlapping(norm, longer) and len(longer) > len(norm)
        for longer in (normalise(p.text) for p in pools.by_type.get(FactType.PERSON, ()))
    )


def _surname(name: str) -> str:
    """The family name of a normalised name ("charles evans jr" -> "evans")."""
    words = [w for w in name.split() if w not in ("jr", "sr", "ii", "iii", "iv")]
    return words[-1] if words else ""


def _listed_with_women(fact: Fact, pools: Pools) -> bool:
    """Whether the key stands in a list ("A, B and C") whose other names are all women."""
    people = sorted(
        (f for f in pools.mentions.get(fact.sentence, ()) if f.type is FactType.PERSON),
        key=lambda f: f.start,
    )
    listed = [fact]
    for direction in (-1, 1):
        current = fact
        while True:
            near = [
                f
                for f in people
                if (f.end <= current.start if direction < 0 else f.start >= current.end)
                and f is not current
            ]
            if not near:
                break
            other = near[-1] if direction < 0 else near[0]
            gap = current.start - other.end if direction < 0 else other.start - current.end
            if gap > 6:
                break
            listed.append(other)
            current = other
    others = [f for f in listed if f is not fact]
    return bool(others) and all(
        FEMALE in pools.traits.get(normalise(f.attr("canonical") or f.text), frozenset())
        for f in others
    )
