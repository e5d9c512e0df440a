"""Typed facts (answer spans) in an article: a registry of extractors, one module per type."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from quizapp.nlp.facts.context import FactContext, build_context
from quizapp.nlp.facts.dates import extract_dates
from quizapp.nlp.facts.names import index_names
from quizapp.nlp.facts.ordinals import extract_ordinals
from quizapp.nlp.facts.organisations import extract_organisations
from quizapp.nlp.facts.others import extract_others
from quizapp.nlp.facts.people import extract_people
from quizapp.nlp.facts.places import extract_places
from quizapp.nlp.facts.quantities import extract_quantities
from quizapp.nlp.facts.quotes import extract_quotes
from quizapp.nlp.model import Document, Fact, FactType

Extractor = Callable[[FactContext], Iterable[Fact]]

# Order matters where spans overlap: earlier types win ("17th century" is a date, not an ordinal).
EXTRACTORS: dict[FactType, Extractor] = {
    FactType.DATE: extract_dates,
    FactType.QUANTITY: extract_quantities,
    FactType.ORDINAL: extract_ordinals,
    FactType.ORGANISATION: extract_organisations,
    FactType.PERSON: extract_people,
    FactType.PLACE: extract_places,
    FactType.QUOTE: extract_quotes,
    FactType.OTHER: extract_others,
}


def get_extractor(fact_type: FactType) -> Extractor:
    """The extractor registered for a fact type."""
    try:
        return EXTRACTORS[fact_type]
    except KeyError:
        raise ValueError(f"unknown fact type: {fact_type!r}") from None


def extract_facts(doc: Document, *, types: Iterable[FactType] | None = None) -> tuple[Fact, ...]:
    """Every typed fact in the document, without overlapping spans, in text order.

    Quote facts (whose span is the speaker) may overlap a person fact: they ask another question.
    """
    context = build_context(doc, index_names(doc))
    wanted = set(types) if types is not None else set(EXTRACTORS)
    taken: dict[int, list[tuple[int, int]]] = {}
    kept: list[Fact] = []
    for fact_type, extractor in EXTRACTORS.items():
        if fact_type not in wanted:
            continue
        for fact in extractor(context):
            spans = taken.setdefault(fact.sentence, [])
            if fact.type is not FactType.QUOTE and any(
                fact.start < e and s < fact.end for s, e in spans
            ):
                continue
            if fact.type is not FactType.QUOTE:
                spans.append((fact.start, fact.end))
            kept.append(fact)
    kept.sort(key=lambda f: (f.start, f.end, f.type.value))
    return tuple(_one_name_per_person(kept))


def _is_name(fact: Fact) -> bool:
    return fact.type is FactType.PERSON or (
        fact.type is FactType.OTHER and fact.attr("form") == "name"
    )


def _one_name_per_person(facts: Sequence[Fact]) -> list[Fact]:
    """A one-word name that ends exactly one fuller name of the article is that name ("Gallas"
    after "William Gallas"), so the quiz counts them as one thing and never asks both."""
    fuller: dict[str, set[str]] = {}
    for fact in facts:
        name = fact.attr("canonical") or fact.text
        words = name.split()
        if _is_name(fact) and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            fuller.setdefault(words[-1], set()).add(name)
    out = []
    for fact in facts:
        name = fact.attr("canonical") or fact.text
        full = fuller.get(name, set())
        if _is_name(fact) and " " not in name and len(full) == 1:
            attrs = dict(fact.attrs)
            attrs["canonical"] = next(iter(full))
            fact = replace(fact, attrs=tuple(sorted(attrs.items())))
        out.append(fact)
    return out


__all__ = ["EXTRACTORS", "FactContext", "extract_facts", "get_extractor"]
