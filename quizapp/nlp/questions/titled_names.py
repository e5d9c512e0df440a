"""Titled surnames ("Mr Evans"): the full name the article gave, or the blank without its title."""

from __future__ import annotations

import re

from quizapp.nlp.model import Fact, FactType, Sentence
from quizapp.nlp.questions.quoting import inside

_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]")
TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$")


def full_names(
    mentions: dict[int, tuple[Fact, ...]],
    sentence: Sentence,
    fact: Fact,
    quotes: list[tuple[int, int, bool]],
    edits: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """ "Mr Evans" -> "Huw Evans": out of the article a title and surname name nobody, while
    the full name the article gave earlier does (only outside the answer and quoted words)."""
    out = []
    taken = [(start, end) for start, end, _ in edits]
    for other in mentions.get(sentence.index, ()):
        if other.type is not FactType.PERSON or other is fact:
            continue
        if other.start < fact.end and fact.start < other.end:
            continue
        full = other.attr("canonical") or ""
        start, end = other.start - sentence.start, other.end - sentence.start
        title = TITLE_BEFORE.search(sentence.text[:start])
        if title is None or len(full.split()) < 2 or full == other.text:
            continue
        if _HONORIFIC.match(full) or inside(tuple(quotes), other.start, other.end):
            continue
        start = title.start()
        if any(s0 < end and start < e0 for s0, e0 in taken):
            continue
        out.append((start, end, full))
    return out


def untitled_answer(
    sentence: Sentence, fact: Fact, edits: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """ "Mr _____" -> "_____" where the answer is a surname after a title and the article gave
    the person's full name: the blank then asks for the person (accepted by surname or full
    name), not for a surname the title makes a guess among strangers. [] otherwise."""
    full = fact.attr("canonical") or ""
    if fact.type is not FactType.PERSON or " " in fact.text or len(full.split()) < 2:
        return []
    if _HONORIFIC.match(full) or full.split()[-1] != fact.text:
        return []
    a = fact.start - sentence.start
    title = TITLE_BEFORE.search(sentence.text[:a])
    if title is None or any(s < a and title.start() < e for s, e, _ in edits):
        return []
    if title.start() > 0 and not re.search(r"[\s(\"“]$", sentence.text[: title.start()]):
        return []
    return [(title.start(), a, "")]
