"""A document's kind from its first bytes; the file name only tells Markdown from plain text."""

from __future__ import annotations

import enum
import io
import re
import zipfile

from quizapp.ingest.errors import SUPPORTED, UNSUPPORTED_FILE, IngestError


class DocKind(enum.Enum):
    """The kinds of document ingestion can read."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"


# Formats people upload by mistake; refused by signature before any text decoding.
_REFUSED_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"MZ",  # Windows executables
    b"\x7fELF",
    b"\xca\xfe\xba\xbe",  # Java class / Mach-O
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # OLE2: .doc, .xls, .ppt
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!",
    b"{\\rtf",
    b"OggS",
    b"ID3",
    b"fLaC",
    b"\x00\x00\x01\x00",  # .ico
    b"wOFF",
    b"wOF2",
    b"\x00asm",
    b"SQLite format 3\x00",
)
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(
    rb"<(?:p|div|h[1-6]|article|section|span|br|a\s|table|ul|ol|li|script|style)\b[^>]*>",
    re.IGNORECASE,
)
_MARKDOWN_NAMES = (".md", ".markdown", ".mdown", ".mkd")
_HTML_NAMES = (".html", ".htm", ".xhtml")


def is_html_document(text: str) -> bool:
    """Whether pasted text is a web page's source (it opens as an HTML document does)."""
    return _HTML_START.match(text[:1024].encode("utf-8", errors="replace")) is not None


def sniff(data: bytes, filename: str = "") -> DocKind:
    """Tell a document's kind by content; raise IngestError for a kind we cannot read."""
    head = data[:1024]
    name = filename.lower()
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF-"):
        return DocKind.PDF
    if head.startswith(_ZIP_SIGNATURES):
        return _sniff_zip(data)
    if head.startswith(_REFUSED_SIGNATURES) or _is_riff_media(head):
        raise _not_what_it_says(name)
    if _HTML_START.match(head):
        return DocKind.HTML
    if name.endswith(_MARKDOWN_NAMES):
        return DocKind.MARKDOWN
    if name.endswith(_HTML_NAMES) and _HTML_TAGS.search(data[:8192]):
        return DocKind.HTML
    if len(_HTML_TAGS.findall(data[:4096])) >= 3 and not name.endswith(".txt"):
        return DocKind.HTML
    return DocKind.TEXT


def _not_what_it_says(name: str) -> IngestError:
    """Refusing an image, archive or program: when its name promises a document we read
    ("notes.txt"), say the content is not what the name says rather than "unsupported type"."""
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extension in ("txt", "md", "markdown", "html", "htm", "docx", "pdf"):
        return IngestError(
            f"This file is named .{extension} but its content is not a document "
            f"(it looks like an image, archive or program): upload {SUPPORTED}."
        )
    return IngestError(UNSUPPORTED_FILE)


def _is_riff_media(head: bytes) -> bool:
    """RIFF containers (WebP, WAV, AVI)."""
    return head.startswith(b"RIFF") and head[8:12] in {b"WEBP", b"WAVE", b"AVI "}


def _sniff_zip(data: bytes) -> DocKind:
    """A zip is a .docx only if it holds word/document.xml; .odt, .xlsx and plain zips are not."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise IngestError("This .docx file is damaged and could not be opened.") from exc
    if "word/document.xml" in names:
        return DocKind.DOCX
    raise IngestError(UNSUPPORTED_FILE)
