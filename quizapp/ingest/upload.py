"""Pasted text and uploaded files to articles: pick the parser by content, then clean up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quizapp.ingest.article import Extracted, IngestedArticle, finish
from quizapp.ingest.clean import (
    join_paragraphs,
    looks_hard_wrapped,
    normalize_text,
    normalize_title,
    reflow,
)
from quizapp.ingest.docx import docx_to_text
from quizapp.ingest.errors import NO_TEXT_IN_FILE, NO_TEXT_PASTED, IngestError, too_big, too_long
from quizapp.ingest.html import decode_html, html_to_text
from quizapp.ingest.markdown import markdown_to_text
from quizapp.ingest.pdf import pdf_to_text
from quizapp.ingest.sniff import DocKind, is_html_document, sniff
from quizapp.ingest.text import decode_text


@dataclass(frozen=True)
class ParseRequest:
    """One document's bytes and what is known about them besides their kind."""

    data: bytes
    max_chars: int
    charset: str | None = None
    url: str | None = None


def plain_text(text: str) -> str:
    """Plain text with hard-wrapped lines (as copied from a PDF or an e-mail) re-flowed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if looks_hard_wrapped(lines):
        return join_paragraphs(reflow(lines))
    return text


def _parse_text(request: ParseRequest) -> Extracted:
    """A plain-text file."""
    return Extracted(text=plain_text(decode_text(request.data, declared=request.charset)))


def _parse_markdown(request: ParseRequest) -> Extracted:
    """A Markdown file; one far over the limit is refused before the (slower) markup pass."""
    source = decode_text(request.data, declared=request.charset)
    if len(source) > 2 * request.max_chars:
        length = len(normalize_text(source))
        if length > request.max_chars:
            raise too_long(length, request.max_chars)
    return markdown_to_text(source)


def _parse_html(request: ParseRequest) -> Extracted:
    """An HTML file or page."""
    return html_to_text(decode_html(request.data, declared=request.charset), url=request.url)


def _parse_docx(request: ParseRequest) -> Extracted:
    """A Word .docx file."""
    return docx_to_text(request.data)


def _parse_pdf(request: ParseRequest) -> Extracted:
    """A PDF file."""
    return pdf_to_text(request.data, max_chars=request.max_chars)


PARSERS: dict[DocKind, Callable[[ParseRequest], Extracted]] = {
    DocKind.TEXT: _parse_text,
    DocKind.MARKDOWN: _parse_markdown,
    DocKind.HTML: _parse_html,
    DocKind.DOCX: _parse_docx,
    DocKind.PDF: _parse_pdf,
}


def parse_document(kind: DocKind, request: ParseRequest) -> Extracted:
    """Run the parser registered for a document kind."""
    parser = PARSERS.get(kind)
    if parser is None:
        raise ValueError(f"unknown document kind: {kind!r}")
    return parser(request)


def ingest_text(text: str, *, max_chars: int = 200_000) -> IngestedArticle:
    """An article from pasted text: cleaned, one paragraph a line, refused if empty or too long.

    A page's source pasted whole (from "View source") is read as the page, as its upload would
    be: its words and title, never its scripts, styles and tags.
    """
    if is_html_document(text):
        extracted = html_to_text(text)
    else:
        extracted = Extracted(text=plain_text(text))
    return finish(extracted, max_chars=max_chars, empty_message=NO_TEXT_PASTED)


def ingest_upload(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = 10 * 1024 * 1024,
    max_chars: int = 200_000,
) -> IngestedArticle:
    """An article from an uploaded .txt, .md, .html, .docx or .pdf file (kind told by content)."""
    if len(data) > max_bytes:
        raise too_big(len(data), max_bytes)
    if not data.strip():
        raise IngestError(NO_TEXT_IN_FILE)
    kind = sniff(data, filename)
    extracted = parse_document(kind, ParseRequest(data=data, max_chars=max_chars))
    name = _display_name(filename)
    return finish(extracted, max_chars=max_chars, empty_message=NO_TEXT_IN_FILE, source_name=name)


def _display_name(filename: str) -> str | None:
    """The base name of an uploaded file (browsers may send a full Windows path)."""
    return normalize_title(filename.replace("\\", "/").rsplit("/", 1)[-1])
