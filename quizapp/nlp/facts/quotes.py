"""Quotations with their speaker: "We had never seen anything like it," said Matthias Huss."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizapp.nlp.facts.context import FactContext, make_fact
from quizapp.nlp.facts.name_words import SAID
from quizapp.nlp.model import Fact, FactType

_QUOTED = re.compile(r"[“\"]([^”\"]{12,}?)[”\"]")


def extract_quotes(context: FactContext) -> Iterator[Fact]:
    """Quote facts whose span is the speaker's name; attrs: quote (the words), canonical speaker."""
    people: dict[int, list] = {}
    for m in context.names.mentions:
        if m.cls == "person":
            people.setdefault(m.sentence, []).append(m)
    for sentence in context.doc.sentences:
        quotes = [m for m in _QUOTED.finditer(sentence.text) if len(m.group(1).split()) >= 4]
        if not quotes:
            continue
        speakers = people.get(sentence.index, [])
        words = {t.text.lower() for t in sentence.tokens}
        if not speakers or not words & SAID:
            continue
        quote = max(quotes, key=lambda m: len(m.group(1)))
        outside = [
            m for m in speakers if not quote.start() <= m.start - sentence.start < quote.end()
        ]
        if not outside:
            continue
        speaker = outside[0]
        yield make_fact(
            FactType.QUOTE,
            sentence,
            speaker.start,
            speaker.end,
            quote=quote.group(1).strip(" ,"),
            canonical=speaker.canonical,
            quote_start=str(sentence.start + quote.start()),
            quote_end=str(sentence.start + quote.end()),
        )
