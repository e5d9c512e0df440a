"""Word .docx files to paragraphs, checked against zip bombs before python-docx opens them."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from quizapp.ingest.article import Extracted
from quizapp.ingest.errors import IngestError

MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 2_000
# Small members (styles, settings) often compress far better than 100:1 and are harmless.
_RATIO_FLOOR = 1024 * 1024
_DAMAGED = "This .docx file is damaged and could not be opened."
_BOMB = "This .docx file expands to too much data to be opened safely."


def check_zip(data: bytes) -> None:
    """Refuse a zip that is malformed, has too many entries or expands too much."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise IngestError(_DAMAGED) from exc
    if len(entries) > MAX_ENTRIES:
        raise IngestError("This .docx file has too many parts to be opened safely.")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED:
        raise IngestError(_BOMB)
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise IngestError(_BOMB)


def docx_to_text(data: bytes) -> Extracted:
    """Paragraphs and table cells (one a line) and the title of a .docx file."""
    check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_lines(document))
        core_title = document.core_properties.title
    except IngestError:
        raise
    except Exception as exc:  # python-docx raises many kinds (KeyError, lxml, zip) on bad files
        raise IngestError(_DAMAGED) from exc
    title = core_title.strip() if core_title and core_title.strip() else _styled_title(document)
    return Extracted(text="\n".join(lines), title=title)


def _lines(document: WordDocument) -> Iterator[str]:
    """Body paragraphs and table cells in document order, each cell once."""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from _table_lines(block)


def _table_lines(table: Table) -> Iterator[str]:
    """Each distinct cell of a table on its own line (merged cells repeat in python-docx)."""
    # Holding the cell elements keeps lxml's proxies alive, so a merged cell is the same object.
    seen: set[object] = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for paragraph in cell.paragraphs:
                yield paragraph.text


def _styled_title(document: WordDocument) -> str | None:
    """The first Title-styled paragraph near the top, or a Heading 1 that opens the document."""
    paragraphs = [p for p in document.paragraphs[:20] if p.text.strip()]
    for position, paragraph in enumerate(paragraphs):
        name = _style_name(paragraph)
        if name == "title" or (name == "heading 1" and position == 0):
            return paragraph.text.strip()
    return None


def _style_name(paragraph: Paragraph) -> str:
    """A paragraph's style name in lower case ("" when it has none)."""
    style = paragraph.style
    return (style.name or "").lower() if style is not None else ""
