"""What every extractor may read: the document, its name index and shared look-ups."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.nlp.facts.names import NameIndex
from quizapp.nlp.model import Document, Fact, FactType, Sentence


@dataclass(frozen=True, slots=True)
class FactContext:
    """A read document plus its name index."""

    doc: Document
    names: NameIndex


def build_context(doc: Document, names: NameIndex) -> FactContext:
    """Bundle a document and its name index for the extractors."""
    return FactContext(doc=doc, names=names)


def make_fact(
    fact_type: FactType, sentence: Sentence, start: int, end: int, **attrs: str | None
) -> Fact:
    """A fact for text[start:end] of a sentence, with its non-empty attributes sorted."""
    text = sentence.text[start - sentence.start : end - sentence.start]
    pairs = tuple(sorted((k, str(v)) for k, v in attrs.items() if v not in (None, "")))
    return Fact(
        type=fact_type, text=text, start=start, end=end, sentence=sentence.index, attrs=pairs
    )
