"""The article ingestion returns, and the last step every source goes through to build it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from quizapp.ingest.clean import drop_title_line, normalize_text, normalize_title
from quizapp.ingest.errors import IngestError, too_long


@dataclass(frozen=True)
class IngestedArticle:
    """Clean article text (one paragraph a line) with what is known of its provenance."""

    text: str
    title: str | None
    published: datetime.date | None
    source_url: str | None
    source_name: str | None


@dataclass(frozen=True)
class Extracted:
    """What a parser found in one document, before the shared clean-up and limits."""

    text: str
    title: str | None = None
    published: datetime.date | None = None


def finish(
    extracted: Extracted,
    *,
    max_chars: int,
    empty_message: str,
    source_url: str | None = None,
    source_name: str | None = None,
) -> IngestedArticle:
    """Normalise a parser's output, enforce the limits and build the article."""
    title = normalize_title(extracted.title)
    text = drop_title_line(normalize_text(extracted.text), title)
    if not text:
        raise IngestError(empty_message)
    if len(text) > max_chars:
        raise too_long(len(text), max_chars)
    return IngestedArticle(
        text=text,
        title=title,
        published=extracted.published,
        source_url=source_url,
        source_name=source_name,
    )
