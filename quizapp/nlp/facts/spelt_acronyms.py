"""Acronyms the article also spells out in plain words without linking the two: "foreign
direct investment" in one sentence, "FDI" in another."""

from __future__ import annotations

import re

from quizapp.nlp.model import Document
from quizapp.nlp.words import STOPWORDS

_ACRONYM = re.compile(r"\b[A-Z]{3,5}\b")


def spelt_out_acronyms(doc: Document, known: dict[str, str]) -> dict[str, str]:
    """Each acronym of three to five letters the article uses without a bracketed definition,
    with the one lower-case phrase of the article whose words' initials spell it; acronyms
    with no such phrase, or with two, are left out."""
    body = " ".join(sentence.text for sentence in doc.sentences)
    out: dict[str, str] = {}
    for acronym in sorted(set(_ACRONYM.findall(body)) - set(known)):
        words = r"\s+".join(rf"{letter}[a-z]{{2,}}" for letter in acronym.lower())
        phrases = {m.group() for m in re.finditer(rf"(?<![\w-]){words}(?![\w-])", body)}
        phrases = {p for p in phrases if not set(p.split()) & STOPWORDS}
        if len(phrases) == 1:
            out[acronym] = phrases.pop()
    return out
