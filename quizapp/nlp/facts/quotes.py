"""Quotations with their speaker: "We had never seen anything like it," said Matthias Huss."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizapp.nlp.facts.context import FactContext, make_fact
from quizapp.nlp.facts.name_words import SAID
from quizapp.nlp.facts.names import NameMention
from quizapp.nlp.model import Fact, FactType, Sentence

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
        if not quote.group(1).lstrip()[:1].isupper():
            continue  # a quoted phrase inside reported speech, not someone's own sentence
        speaker = _speaker(sentence, speakers, quote.start(), quote.end())
        if speaker is None:
            continue
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


def _speaker(
    sentence: Sentence, people: list[NameMention], q_start: int, q_end: int
) -> NameMention | None:
    """The person next to the speech verb: "X said", "said X", "X told …" (outside the quote).

    The first name in the sentence is often someone the speaker talks about.
    """
    tokens = sentence.tokens
    base = sentence.start
    outside = [m for m in people if not q_start <= m.start - base < q_end]
    for k, token in enumerate(tokens):
        if token.text.lower() not in SAID or q_start <= token.start - base < q_end:
            continue
        before = tokens[k - 1].end if k > 0 else -1
        after = tokens[k + 1].start if k + 1 < len(tokens) else -1
        for m in outside:
            if m.end == before or m.start == after:
                return m
        # "said Professor Hubert Keckeis", "Dr Fox told": a title between name and verb.
        for m in outside:
            if 0 < m.start - token.end <= 40 and not _any_word(sentence, token.end, m.start):
                return m
            if 0 < token.start - m.end <= 3:
                return m
    return None


def _any_word(sentence: Sentence, start: int, end: int) -> bool:
    """Whether text between two offsets holds a lower-case word (more than a title)."""
    between = sentence.text[start - sentence.start : end - sentence.start]
    return any(w[:1].islower() for w in between.split())
