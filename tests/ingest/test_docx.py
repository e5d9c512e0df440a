"""Word uploads: paragraphs and tables, titles, and zip bombs refused before parsing."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest

from quizapp.ingest import IngestError, ingest_upload


def test_docx_paragraphs_and_table_cells_become_lines(make_docx: Callable[..., bytes]) -> None:
    data = make_docx(
        [
            ("River Survey", "Title"),
            ("The river is 12 km long.", None),
            ("It has two dams.", None),
        ],
        table=[["Dam", "Height"], ["Upper", "40 m"]],
    )
    article = ingest_upload(data, "survey.docx")
    assert article.title == "River Survey"
    assert article.text.split("\n") == [
        "The river is 12 km long.",
        "It has two dams.",
        "Dam",
        "Height",
        "Upper",
        "40 m",
    ]
    assert article.source_name == "survey.docx"


def test_core_properties_title_wins(make_docx: Callable[..., bytes]) -> None:
    data = make_docx([("Some text here.", None)], core_title="Official Title")
    assert ingest_upload(data, "a.docx").title == "Official Title"


def test_opening_heading_is_the_title(make_docx: Callable[..., bytes]) -> None:
    data = make_docx([("The Delta", "Heading 1"), ("Mud builds the delta.", None)])
    article = ingest_upload(data, "a.docx")
    assert article.title == "The Delta"
    assert article.text == "Mud builds the delta."


def test_docx_is_recognised_by_content_not_name(make_docx: Callable[..., bytes]) -> None:
    data = make_docx([("Text in a misnamed file.", None)])
    assert ingest_upload(data, "notes.txt").text == "Text in a misnamed file."


def _zip(members: dict[str, bytes]) -> bytes:
    """A deflated zip archive of the given members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_zip_bomb_is_refused_before_parsing() -> None:
    bomb = _zip({"word/document.xml": b"<w:document/>", "word/media/big.bin": b"\0" * 60_000_000})
    assert len(bomb) < 1_000_000
    with pytest.raises(IngestError, match="expands to too much data"):
        ingest_upload(bomb, "bomb.docx")


def test_highly_compressed_member_is_refused() -> None:
    bomb = _zip({"word/document.xml": b"a" * 20_000_000})
    with pytest.raises(IngestError, match="expands to too much data"):
        ingest_upload(bomb, "ratio.docx")


def test_zip_with_too_many_entries_is_refused() -> None:
    members = {f"word/part{i}.xml": b"" for i in range(2500)}
    members["word/document.xml"] = b"<w:document/>"
    with pytest.raises(IngestError, match="too many parts"):
        ingest_upload(_zip(members), "many.docx")


def test_broken_docx_gives_a_clear_message(make_docx: Callable[..., bytes]) -> None:
    data = make_docx([("Some text.", None)])
    with pytest.raises(IngestError, match="damaged"):
        ingest_upload(data[: len(data) // 2], "cut.docx")


def test_zip_with_a_bogus_document_part_is_damaged() -> None:
    data = _zip({"word/document.xml": b"not xml at all", "[Content_Types].xml": b"<nope"})
    with pytest.raises(IngestError, match="damaged"):
        ingest_upload(data, "bogus.docx")


@pytest.mark.parametrize(
    "members",
    [
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
        {"xl/workbook.xml": b"<x/>"},
        {"readme.txt": b"hello"},
    ],
    ids=["odt", "xlsx", "plain-zip"],
)
def test_zips_that_are_not_docx_are_unsupported(members: dict[str, bytes]) -> None:
    with pytest.raises(IngestError, match="This file type isn't supported"):
        ingest_upload(_zip(members), "file.docx")


def test_entity_expansion_in_a_docx_is_not_performed(make_docx: Callable[..., bytes]) -> None:
    """A "billion laughs" document part must not expand (python-docx leaves entities alone)."""
    source = zipfile.ZipFile(io.BytesIO(make_docx([("Placeholder.", None)])))
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    document = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "ha">{laughs}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Laughs: &l8;</w:t></w:r></w:p></w:body></w:document>"
    )
    members = {name: source.read(name) for name in source.namelist()}
    members["word/document.xml"] = document.encode()
    try:
        article = ingest_upload(_zip(members), "laughs.docx")
    except IngestError as exc:
        assert "damaged" in str(exc)
    else:
        assert len(article.text) < 1000
