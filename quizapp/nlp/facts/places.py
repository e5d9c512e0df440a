"""Places: countries, cities, regions and named geographic features."""

from __future__ import annotations

from collections.abc import Iterator

from quizapp.nlp.facts.context import FactContext, make_fact
from quizapp.nlp.model import Fact, FactType


def extract_places(context: FactContext) -> Iterator[Fact]:
    """One fact per place mention; attrs: kind (country/city/region), canonical name."""
    sentences = context.doc.sentences
    for m in context.names.mentions:
        if m.cls == "place":
            yield make_fact(
                FactType.PLACE,
                sentences[m.sentence],
                m.start,
                m.end,
                kind=m.place_kind,
                canonical=m.canonical,
            )
