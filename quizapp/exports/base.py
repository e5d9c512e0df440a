"""Shared types and small helpers of the exporters: results, options, names, quotes."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ExportOptions",
    "ExportResult",
    "QuotePart",
    "article_paragraphs",
    "document_title",
    "items_of",
    "numeric_text",
    "quote_parts",
    "slugify",
]

Item = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An exported file: its bytes, a suggested file name and its MIME type."""

    data: bytes
    filename: str
    mimetype: str


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What every exporter may use besides the question-set document."""

    article_text: str | None = None
    versions: int = 1
    paper: str = "A4"
    seed: int = 0
    quiz_title: str | None = None


@dataclass(frozen=True, slots=True)
class QuotePart:
    """A run of a quoted sentence; ``hit`` marks the answer span to highlight."""

    text: str
    hit: bool = False


def items_of(document: dict[str, Any]) -> list[Item]:
    """The question items of a question-set document, in order."""
    return list(document.get("questions") or [])


def document_title(document: dict[str, Any], options: ExportOptions) -> str:
    """The title to print or export under: the quiz title, else the article title, else "Quiz"."""
    article = document.get("article") or {}
    return (options.quiz_title or article.get("title") or "Quiz").strip() or "Quiz"


def slugify(text: str, *, fallback: str = "quiz", limit: int = 60) -> str:
    """An ASCII file-name stem from a title ("Élan – 2024!" -> "elan-2024")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or fallback


def numeric_text(value: float | int | None) -> str:
    """A number without a pointless ".0" (1360.0 -> "1360", 2.5 -> "2.5")."""
    if value is None:
        return ""
    number = float(value)
    if number.is_integer():
        return str(int(number))
    return repr(number)


def quote_parts(item: Item) -> list[QuotePart]:
    """The source quote split around the answer span, so it can be highlighted.

    Uses the fact offsets when they sit inside the quote; otherwise looks for the fact text or
    the answer in the quote; otherwise returns the quote whole.
    """
    source = item.get("source") or {}
    quote = source.get("quote") or ""
    if not quote:
        return []
    fact = item.get("fact") or {}
    start, end = fact.get("start"), fact.get("end")
    q_start = source.get("start")
    if isinstance(start, int) and isinstance(end, int) and isinstance(q_start, int):
        a, b = start - q_start, end - q_start
        if 0 <= a < b <= len(quote) and quote[a:b] == fact.get("text", quote[a:b]):
            return _split(quote, a, b)
    for needle in (fact.get("text"), item.get("answer")):
        if needle and needle in quote:
            a = quote.index(needle)
            return _split(quote, a, a + len(needle))
    return [QuotePart(quote)]


def _split(quote: str, a: int, b: int) -> list[QuotePart]:
    """Three parts (empty ones dropped): before, the hit, after."""
    parts = [QuotePart(quote[:a]), QuotePart(quote[a:b], hit=True), QuotePart(quote[b:])]
    return [part for part in parts if part.text]


def article_paragraphs(text: str, items: list[Item] = ()) -> list[tuple[int | None, str]]:
    """The article's paragraphs (its non-blank lines), numbered as the items' "¶" refer to them.

    The generator numbers body paragraphs only, leaving out a headline or standfirst on top;
    the items' source offsets tell how many lines come before paragraph 1, and those lines are
    returned without a number.
    """
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines.append((offset, line.strip()))
        offset += len(line)
    skip = _lines_before_body([start for start, _ in lines], items)
    return [
        (index - skip + 1 if index >= skip else None, line) for index, (_, line) in enumerate(lines)
    ]


def _lines_before_body(line_starts: list[int], items: list[Item]) -> int:
    """How many leading lines the items' paragraph numbers leave out (0 when unknown)."""
    votes: dict[int, int] = {}
    for item in items:
        source = item.get("source") or {}
        start, paragraph = source.get("start"), source.get("paragraph")
        if not isinstance(start, int) or not isinstance(paragraph, int) or paragraph < 1:
            continue
        index = bisect.bisect_right(line_starts, start) - 1
        if index >= 0:
            skip = index + 1 - paragraph
            votes[skip] = votes.get(skip, 0) + 1
    if not votes:
        return 0
    best = max(votes, key=lambda skip: (votes[skip], -skip))
    return max(best, 0)
