"""Organisations, paired with their acronym where the article defines one."""

from __future__ import annotations

from collections.abc import Iterator

from quizapp.nlp.facts.context import FactContext, make_fact
from quizapp.nlp.model import Fact, FactType


def extract_organisations(context: FactContext) -> Iterator[Fact]:
    """One fact per organisation mention; attrs: acronym or expansion, canonical name."""
    sentences = context.doc.sentences
    for m in context.names.mentions:
        if m.cls == "organisation":
            yield make_fact(
                FactType.ORGANISATION,
                sentences[m.sentence],
                m.start,
                m.end,
                acronym=m.acronym,
                expansion=m.expansion,
                canonical=m.canonical,
            )
