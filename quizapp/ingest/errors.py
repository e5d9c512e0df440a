"""The one error ingestion raises, and the user-facing messages it carries."""

from __future__ import annotations

SUPPORTED = ".txt, .md, .html, .docx or .pdf"
UNSUPPORTED_FILE = f"This file type isn't supported: upload {SUPPORTED}."
BINARY_FILE = f"This file looks like binary data, not text: upload {SUPPORTED}."
NO_TEXT_IN_FILE = "No text could be found in this file."
NO_TEXT_ON_PAGE = "No article text could be found on this page."
NO_TEXT_PASTED = "Please paste the article's text: the box was empty."


class IngestError(Exception):
    """A teacher's input could not be turned into article text; str() is a one-line message."""


def too_long(length: int, limit: int, *, at_least: bool = False) -> IngestError:
    """The error for an article longer than the character limit (``at_least``: reading stopped)."""
    more = "more than " if at_least else ""
    return IngestError(f"This article is {more}{length:,} characters long; the limit is {limit:,}.")


def too_big(size: int, limit: int) -> IngestError:
    """The error for an upload or download larger than the byte limit."""
    return IngestError(f"This file is {_size(size)}; the limit is {_size(limit)}.")


def _size(count: int) -> str:
    """A byte count as a short human-readable size."""
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"
