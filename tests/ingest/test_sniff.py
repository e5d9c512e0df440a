"""File kinds are told by content: images, programs and office formats we can't read are refused."""

from __future__ import annotations

import pytest

from quizapp.ingest import IngestError, ingest_upload
from quizapp.ingest.sniff import DocKind, sniff

UNSUPPORTED = "This file type isn't supported: upload .txt, .md, .html, .docx or .pdf."


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "photo.txt"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "photo.jpg"),
        (b"GIF89a" + b"\x01" * 100, "anim.gif"),
        (b"MZ\x90\x00" + b"\x00" * 100, "setup.txt"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "prog"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.doc"),
        (b"{\\rtf1\\ansi Hello}", "letter.rtf"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "img.webp"),
    ],
    ids=["png", "jpeg", "gif", "exe", "elf", "doc", "rtf", "webp"],
)
def test_unsupported_files_are_refused_with_the_supported_list(data: bytes, filename: str) -> None:
    with pytest.raises(IngestError) as caught:
        ingest_upload(data, filename)
    if filename.endswith(".txt"):
        # "photo.txt" is a .txt: the message says its content is not text, not "unsupported type".
        assert str(caught.value).startswith("This file is named .txt but its content is not")
        assert str(caught.value).endswith("upload .txt, .md, .html, .docx or .pdf.")
    else:
        assert str(caught.value) == UNSUPPORTED


@pytest.mark.parametrize(
    ("data", "filename", "kind"),
    [
        (b"%PDF-1.4\n...", "x.txt", DocKind.PDF),
        (b"<!DOCTYPE html><p>x</p>", "x.txt", DocKind.HTML),
        (b"  <html><body>x</body></html>", "x", DocKind.HTML),
        (b"<!-- saved page --><html>", "x", DocKind.HTML),
        (b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html>', "x.xhtml", DocKind.HTML),
        (b"# Heading\n\ntext", "x.md", DocKind.MARKDOWN),
        (b"# Heading\n\ntext", "x.txt", DocKind.TEXT),
        (b"<p>one</p><p>two</p><div>three</div>", "fragment", DocKind.HTML),
        (b"Use <p> tags for paragraphs.", "notes.txt", DocKind.TEXT),
        (b"Plain words.", "page.html", DocKind.TEXT),
    ],
)
def test_kind_is_told_by_content_and_name_only_breaks_ties(
    data: bytes, filename: str, kind: DocKind
) -> None:
    assert sniff(data, filename) is kind
