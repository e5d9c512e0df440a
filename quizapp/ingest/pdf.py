"""PDF to paragraphs with pypdf: page, length and text-operator limits, wrapped lines re-flowed."""

from __future__ import annotations

import io
import re

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from quizapp.ingest.article import Extracted
from quizapp.ingest.clean import join_paragraphs, reflow
from quizapp.ingest.errors import IngestError, too_long

MAX_PAGES = 200
# Text-showing operators (Tj, TJ, ', ") on one page. A dense page of text has a few thousand
# even when every glyph is placed on its own; each costs pypdf ~0.03 ms, so a 46 KB file
# holding one page of 270,000 empty `() Tj` took 8-30 s of CPU and 270 MB to read.
MAX_TEXT_OPERATORS_PER_PAGE = 25_000
_TEXT_OPERATOR = re.compile(rb"(?:T[jJ]|['\"])(?=[\s\[\]()<>/%]|$)")
_DAMAGED = "This PDF file is damaged and could not be read."
_LOCKED = "This PDF is password-protected: save an unprotected copy and upload that."
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)


def pdf_to_text(data: bytes, *, max_chars: int) -> Extracted:
    """The text of a PDF, page by page, re-flowed into paragraphs; its title from metadata."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader)
        title = _metadata_title(reader)
        page_count = len(reader.pages)
        if page_count > MAX_PAGES:
            raise IngestError(f"This PDF has {page_count} pages; the limit is {MAX_PAGES}.")
        lines: list[str] = []
        length = 0
        for number, page in enumerate(reader.pages, 1):
            _check_text_operators(page, number)
            page_text = page.extract_text() or ""
            length += len(page_text)
            if length > max_chars * 2:
                # Re-flowing only shortens text a little, so this much cannot fit the limit.
                raise too_long(length, max_chars, at_least=True)
            lines.extend(line for line in page_text.splitlines() if not _PAGE_NUMBER.match(line))
    except IngestError:
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        raise IngestError(_LOCKED) from exc
    except Exception as exc:  # pypdf raises ValueError, KeyError... as well as PyPdfError
        raise IngestError(_DAMAGED) from exc
    paragraphs = reflow(lines, headings=[title] if title else [])
    return Extracted(text=join_paragraphs(paragraphs), title=title)


def _check_text_operators(page: PageObject, number: int) -> None:
    """Refuse a page with far more text pieces than any real page (before pypdf parses them)."""
    contents = page.get_contents()
    if contents is None:
        return
    count = len(_TEXT_OPERATOR.findall(contents.get_data()))
    if count > MAX_TEXT_OPERATORS_PER_PAGE:
        raise IngestError(
            f"This PDF cannot be read: page {number} is built from {count:,} separate pieces of "
            "text, far more than a real page has. Paste the article's text instead, or save "
            "the file again as a normal PDF (Print, then Save as PDF) and upload that."
        )


def _unlock(reader: PdfReader) -> None:
    """Open a PDF encrypted only against editing (empty password); refuse a real password."""
    if not reader.is_encrypted:
        return
    if not reader.decrypt(""):
        raise IngestError(_LOCKED)


def _metadata_title(reader: PdfReader) -> str | None:
    """The document title from the PDF's information dictionary, when it has a usable one."""
    try:
        metadata = reader.metadata
        title = metadata.title if metadata is not None else None
    except (PyPdfError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(title, str) or not title.strip() or title.lower().startswith("microsoft"):
        return None
    return title.strip()
