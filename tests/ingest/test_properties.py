"""Property tests: whatever comes in, ingestion either succeeds cleanly or raises IngestError."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.ingest import IngestError, ingest_text, ingest_upload

NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.docx", "a.pdf", "noext", ""])
PREFIXES = st.sampled_from(
    [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe", b"# T\n"]
)


def _check_clean(text: str) -> None:
    """The invariants every ingested text keeps."""
    assert text
    assert "\n\n" not in text
    assert "\r" not in text
    assert text == unicodedata.normalize("NFC", text)
    for line in text.split("\n"):
        assert line == line.strip(" \t")
    assert not any(unicodedata.category(c) in {"Cc", "Cf", "Cs"} and c not in "\n\t" for c in text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=PREFIXES, data=st.binary(max_size=4096), filename=NAMES)
def test_random_bytes_never_raise_anything_but_ingest_error(
    prefix: bytes, data: bytes, filename: str
) -> None:
    try:
        article = ingest_upload(prefix + data, filename)
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        _check_clean(article.text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=2000))
def test_random_text_never_raises_anything_but_ingest_error(text: str) -> None:
    try:
        article = ingest_text(text, max_chars=1500)
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        _check_clean(article.text)
        assert len(article.text) <= 1500
