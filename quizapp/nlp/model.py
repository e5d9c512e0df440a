"""Frozen value types passed between the generator's stages, and the question-set format."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import Any

SCHEMA = "quizapp/question-set@1"
BLANK = "_____"


class FactType(enum.StrEnum):
    """What kind of fact an answer span is."""

    QUANTITY = "quantity"
    ORGANISATION = "organisation"
    PERSON = "person"
    PLACE = "place"
    DATE = "date"
    ORDINAL = "ordinal"
    QUOTE = "quote"
    OTHER = "other"


class QuestionKind(enum.StrEnum):
    """The item kinds of the question-set format."""

    MULTIPLE_CHOICE = "multiple_choice"
    FILL_IN = "fill_in"
    TRUE_FALSE = "true_false"
    MATCHING = "matching"
    NUMERIC = "numeric"
    SHORT_ANSWER = "short_answer"
    CLOZE = "cloze"


@dataclass(frozen=True, slots=True)
class Token:
    """A word token with its character span in the article and its part-of-speech tag."""

    text: str
    start: int
    end: int
    tag: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with exact offsets into the article text."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """An article split into body sentences, with its headline, standfirst and dateline apart."""

    text: str
    sentences: tuple[Sentence, ...]
    title: str | None = None
    standfirst: str | None = None
    published: date | None = None
    # Body paragraphs as (start, end) offsets; sentences number them from 1.
    paragraphs: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    """A typed answer span found in one sentence.

    ``attrs`` holds type-specific detail as sorted (key, value) pairs, e.g. value/unit for
    quantities, acronym/expansion for organisations, role for people, speaker for quotes.
    """

    type: FactType
    text: str
    start: int
    end: int
    sentence: int
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, key: str, default: str | None = None) -> str | None:
        """One attribute's value, or default."""
        for name, value in self.attrs:
            if name == key:
                return value
        return default


@dataclass(frozen=True, slots=True)
class SourceQuote:
    """The whole source sentence of an item, as written, with its offsets."""

    quote: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Blank:
    """One gap of a cloze passage: what fills it, the typed forms accepted, and its fact."""

    answer: str
    fact: Fact
    accepted: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """This gap as a question-set JSON object."""
        out: dict[str, Any] = {"answer": self.answer}
        if self.accepted:
            out["accepted"] = list(self.accepted)
        out["fact"] = _fact_dict(self.fact)
        return out


def _fact_dict(fact: Fact) -> dict[str, Any]:
    return {"type": fact.type.value, "text": fact.text, "start": fact.start, "end": fact.end}


@dataclass(frozen=True, slots=True)
class Item:
    """One question in the question-set format."""

    kind: QuestionKind
    prompt: str
    fact: Fact
    source: SourceQuote
    answer: str | None = None
    options: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    value: float | None = None
    tolerance: float | None = None
    unit: str | None = None
    explanation: str = ""
    difficulty: float = 0.5
    score: float = 0.0
    facts: tuple[Fact, ...] = field(default=())
    # A cloze passage's gaps in prompt order, and its word bank (answers plus distractors).
    blanks: tuple[Blank, ...] = ()
    bank: tuple[str, ...] = ()

    def to_dict(self, item_id: str) -> dict[str, Any]:
        """This item as a question-set JSON object."""
        out: dict[str, Any] = {"id": item_id, "kind": self.kind.value, "prompt": self.prompt}
        if self.kind is not QuestionKind.MATCHING:
            out["answer"] = self.answer
        if self.options:
            out["options"] = list(self.options)
        if self.accepted:
            out["accepted"] = list(self.accepted)
        if self.pairs:
            out["pairs"] = [list(pair) for pair in self.pairs]
        if self.blanks:
            out["blanks"] = [blank.to_dict() for blank in self.blanks]
        if self.bank:
            out["bank"] = list(self.bank)
        if self.value is not None:
            out["value"] = self.value
            out["tolerance"] = self.tolerance
            if self.unit:
                out["unit"] = self.unit
        out["fact"] = _fact_dict(self.fact)
        out["source"] = {
            "quote": self.source.quote,
            "start": self.source.start,
            "end": self.source.end,
            "paragraph": self.source.paragraph,
        }
        out["explanation"] = self.explanation
        out["difficulty"] = round(self.difficulty, 2)
        return out


@dataclass(frozen=True, slots=True)
class QuestionSet:
    """The generator's output: article metadata and the selected items, in order."""

    title: str | None
    sha256: str
    words: int
    sentences: int
    published: date | None
    items: tuple[Item, ...]

    def to_dict(self) -> dict[str, Any]:
        """The question-set JSON document (schema quizapp/question-set@1)."""
        article: dict[str, Any] = {
            "title": self.title,
            "sha256": self.sha256,
            "words": self.words,
            "sentences": self.sentences,
        }
        if self.published:
            article["published"] = self.published.isoformat()
        return {
            "schema": SCHEMA,
            "article": article,
            "questions": [item.to_dict(f"q{i}") for i, item in enumerate(self.items, 1)],
        }
