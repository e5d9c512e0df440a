"""Pasted text and plain-text uploads: encodings, clean-up, limits."""

from __future__ import annotations

import codecs

import pytest

from quizapp.ingest import IngestError, ingest_text, ingest_upload


def test_pasted_text_gets_one_paragraph_per_line_without_blank_lines() -> None:
    article = ingest_text("  Title line  \r\n\r\n\r\nFirst paragraph.   \rSecond\tparagraph.\n\n")
    assert article.text == "Title line\nFirst paragraph.\nSecond\tparagraph."
    assert article.title is None
    assert article.source_url is None


def test_pasted_text_loses_nuls_zero_width_and_control_characters() -> None:
    article = ingest_text("Ice\x00 fell\u200b\u200d off\x07 the\ufeff glacier\u202e.\x1b[0m")
    assert article.text == "Ice fell off the glacier.[0m"


def test_pasted_text_is_nfc_normalised() -> None:
    assert ingest_text("Cafe\u0301 de Zu\u0308rich").text == "Café de Zürich"


def test_non_breaking_and_repeated_spaces_become_one_space() -> None:
    assert ingest_text("23\u00a0km   long").text == "23 km long"


@pytest.mark.parametrize("blank", ["", "   ", "\n\n\t\n", "\x00\u200b\ufeff"])
def test_empty_or_whitespace_paste_is_refused(blank: str) -> None:
    with pytest.raises(IngestError, match="paste the article"):
        ingest_text(blank)


def test_too_long_paste_is_refused_with_the_limit() -> None:
    with pytest.raises(IngestError) as caught:
        ingest_text("word " * 100, max_chars=50)
    assert str(caught.value) == "This article is 499 characters long; the limit is 50."


def test_hard_wrapped_paste_is_reflowed_into_paragraphs() -> None:
    wrapped = (
        "The Rhone glacier lost two metres of ice in the summer of\n"
        "2022, scientists at the federal institute of technology in\n"
        "Zurich said on Tuesday after their yearly survey ended.\n"
        "\n"
        "The survey has measured the glacier every year since the\n"
        "first ice stakes were drilled into its tongue in 1874.\n"
    )
    article = ingest_text(wrapped)
    assert article.text.split("\n") == [
        "The Rhone glacier lost two metres of ice in the summer of 2022, scientists at the "
        "federal institute of technology in Zurich said on Tuesday after their yearly survey "
        "ended.",
        "The survey has measured the glacier every year since the first ice stakes were "
        "drilled into its tongue in 1874.",
    ]


def test_text_with_one_line_per_paragraph_is_not_reflowed() -> None:
    text = "Headline\nA standfirst that is short.\nBy A. Writer\nFirst paragraph of the story."
    assert ingest_text(text).text == text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café “quoted” – text".encode(), "Café “quoted” – text"),
        (codecs.BOM_UTF8 + "Café “quoted”".encode(), "Café “quoted”"),
        ("Café “quoted” – text".encode("utf-16"), "Café “quoted” – text"),
        ("Café “quoted” – text".encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]), None),
        ("Café “quoted” – text".encode("cp1252"), "Café “quoted” – text"),
        ("Zürich señor".encode("latin-1"), "Zürich señor"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252", "latin-1"],
)
def test_text_files_are_decoded_from_common_encodings(data: bytes, expected: str | None) -> None:
    article = ingest_upload(data, "notes.txt")
    assert article.text == (expected or "Café “quoted” – text")
    assert article.source_name == "notes.txt"


@pytest.mark.parametrize(
    "data",
    [
        b"text\x00with\x00nuls\x00" * 10,
        bytes(range(32)) * 20,
        b"\x01\x02\x03\x04 looks mostly binary \x05\x06\x07\x08\x0e\x0f" * 5,
    ],
    ids=["nul-bytes", "control-bytes", "mixed"],
)
def test_binary_files_are_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match="binary data"):
        ingest_upload(data, "notes.txt")


def test_upload_over_the_byte_limit_is_refused() -> None:
    with pytest.raises(IngestError, match="limit is 1 KB"):
        ingest_upload(b"a" * 5000, "notes.txt", max_bytes=1024)


def test_upload_of_only_whitespace_has_no_text() -> None:
    with pytest.raises(IngestError, match="No text could be found in this file"):
        ingest_upload(b" \n\r\n\t ", "empty.txt")


def test_windows_path_in_the_file_name_is_reduced_to_the_base_name() -> None:
    article = ingest_upload(b"Some text.", "C:\\Users\\teacher\\Desktop\\river.txt")
    assert article.source_name == "river.txt"
