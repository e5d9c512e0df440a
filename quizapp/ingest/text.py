"""Bytes to text: BOMs, UTF-8, Windows-1252 and Latin-1, with binary data refused."""

from __future__ import annotations

import codecs
import unicodedata

from quizapp.ingest.errors import BINARY_FILE, IngestError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels that browsers read as Windows-1252 (the WHATWG encoding standard does the same).
_WINDOWS_1252_ALIASES = frozenset({"ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "l1"})
_MAX_CONTROL_SHARE = 0.01


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """Decode a text file: BOM, else a declared charset, else UTF-8, else Windows-1252/Latin-1.

    Raises IngestError when the bytes look like binary data rather than text.
    """
    encoding = bom_encoding(data)
    if encoding is not None:
        return _checked(data.decode(encoding, errors="replace"))
    if b"\x00" in data:
        raise IngestError(BINARY_FILE)
    for candidate in _candidates(declared):
        try:
            return _checked(data.decode(candidate))
        except (UnicodeDecodeError, LookupError):
            continue
    # Latin-1 decodes every byte, so this is only reached with a bad declared charset loop.
    return _checked(data.decode("latin-1"))


def _candidates(declared: str | None) -> list[str]:
    """Encodings to try in order: the declared one (if Python knows it), UTF-8, then 8-bit."""
    order = ["utf-8", "cp1252", "latin-1"]
    if declared:
        label = declared.strip().strip("\"'").lower()
        if label in _WINDOWS_1252_ALIASES:
            return ["cp1252", *order]
        try:
            name = codecs.lookup(label).name
        except LookupError:
            return order
        return [name, *order]
    return order


def _checked(text: str) -> str:
    """Refuse decoded text with many control characters: it was binary, whatever decoded it."""
    if not text:
        return text
    controls = sum(
        1 for char in text if char not in "\n\r\t\f" and unicodedata.category(char) == "Cc"
    )
    if controls > max(2, len(text) * _MAX_CONTROL_SHARE):
        raise IngestError(BINARY_FILE)
    return text
