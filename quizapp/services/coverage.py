"""Coverage at a glance: the paragraphs a quiz's questions come from, and their fact types."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from quizapp.models import Question, Quiz

FACT_TYPES: tuple[str, ...] = (
    "quantity",
    "organisation",
    "person",
    "place",
    "date",
    "ordinal",
    "quote",
    "other",
)
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One numbered paragraph of an article, with its offsets and the questions drawn from it."""

    number: int
    start: int
    end: int
    text: str
    questions: tuple[int, ...] = ()

    @property
    def covered(self) -> bool:
        """True if at least one active question quotes this paragraph."""
        return bool(self.questions)

    @property
    def first_words(self) -> str:
        """The paragraph's first few words, for a chip's tooltip."""
        words = self.text.split()
        return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


@dataclass(frozen=True, slots=True)
class Coverage:
    """Paragraph coverage and fact-type counts of a quiz's active questions."""

    paragraphs: tuple[Paragraph, ...]
    fact_counts: tuple[tuple[str, int], ...]

    @property
    def covered_count(self) -> int:
        """How many paragraphs have at least one question."""
        return sum(1 for p in self.paragraphs if p.covered)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the text's paragraphs: blocks between blank lines.

    Text without any blank line (common when pasted) is split at single line breaks instead.
    """
    separator = _BLANK_LINES if _BLANK_LINES.search(text) else re.compile(r"\n\s*")
    spans: list[tuple[int, int]] = []
    position = 0
    for match in separator.finditer(text):
        if text[position : match.start()].strip():
            spans.append((position, match.start()))
        position = match.end()
    if text[position:].strip():
        spans.append((position, len(text.rstrip())))
    return spans


def article_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the body paragraphs, numbered as the generator numbers ``source.paragraph``.

    The generator's reader leaves the headline, standfirst and dateline out of the count; when it
    is unavailable the text is split at blank lines.
    """
    try:
        from quizapp.nlp import read_document
    except ImportError:
        return split_paragraphs(text)
    spans = getattr(read_document(text), "paragraphs", None)
    if isinstance(spans, tuple) and spans and all(isinstance(s, tuple) for s in spans):
        return [(int(a), int(b)) for a, b in spans]
    return split_paragraphs(text)


def paragraph_of(text: str, offset: int) -> int | None:
    """The 1-based number of the paragraph containing this offset, or None."""
    for number, (start, end) in enumerate(article_paragraphs(text), 1):
        if start <= offset < end:
            return number
    return None


def _question_paragraph(question: Question, spans: list[tuple[int, int]]) -> int | None:
    """The paragraph a question quotes: from its quote's offset, else its stored number."""
    if question.quote_start is not None:
        for number, (start, end) in enumerate(spans, 1):
            if start <= question.quote_start < end:
                return number
    return question.paragraph


def quiz_coverage(quiz: Quiz) -> Coverage:
    """Which paragraphs the quiz's active questions cover, and how many questions per fact type."""
    text = quiz.article.text
    spans = article_paragraphs(text)
    by_paragraph: dict[int, list[int]] = {}
    types: Counter[str] = Counter()
    number = 0
    for question in quiz.questions:
        if question.deleted:
            continue
        number += 1
        paragraph = _question_paragraph(question, spans)
        if paragraph is not None:
            by_paragraph.setdefault(paragraph, []).append(number)
        fact_type = question.fact_type if question.fact_type in FACT_TYPES else "other"
        types[fact_type] += 1
    paragraphs = tuple(
        Paragraph(n, start, end, text[start:end], tuple(by_paragraph.get(n, ())))
        for n, (start, end) in enumerate(spans, 1)
    )
    return Coverage(paragraphs, tuple((t, types[t]) for t in FACT_TYPES))


def question_paragraphs(quiz: Quiz) -> dict[int, int | None]:
    """Question id -> paragraph number in the article as the review page numbers it."""
    spans = article_paragraphs(quiz.article.text)
    return {q.id: _question_paragraph(q, spans) for q in quiz.questions}
