"""People, with the role the article gives them ("Uzbek President Shavkat Mirziyoyev")."""

from __future__ import annotations

from collections.abc import Iterator

from quizapp.nlp.facts.context import FactContext, make_fact
from quizapp.nlp.model import Fact, FactType


def extract_people(context: FactContext) -> Iterator[Fact]:
    """One fact per person mention; attrs: role (as written), canonical full name."""
    sentences = context.doc.sentences
    for m in context.names.mentions:
        if m.cls == "person":
            yield make_fact(
                FactType.PERSON,
                sentences[m.sentence],
                m.start,
                m.end,
                role=m.role,
                canonical=m.canonical,
            )
