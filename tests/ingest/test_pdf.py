"""PDF uploads: text re-flowed into paragraphs, encrypted and broken files refused clearly."""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

import quizapp
from quizapp.ingest import IngestError, ingest_upload
from quizapp.ingest.clean import reflow

PARAGRAPH = (
    "The international committee met in Geneva to discuss the retreat of the Alpine "
    "glaciers and what it means for the rivers that flow from them into four countries."
)


def test_pdf_text_is_reflowed_into_paragraphs(make_pdf: Callable[..., bytes]) -> None:
    data = make_pdf(
        f"<h1>Glacier Talks</h1><p>{PARAGRAPH}</p><p>A second, shorter paragraph follows.</p>",
        title="Glacier Talks",
    )
    article = ingest_upload(data, "talks.pdf")
    assert article.title == "Glacier Talks"
    assert article.text.split("\n") == [PARAGRAPH, "A second, shorter paragraph follows."]


def test_pdf_is_recognised_by_content(make_pdf: Callable[..., bytes]) -> None:
    data = make_pdf("<p>Only a short line.</p>")
    assert ingest_upload(data, "misnamed.html").text == "Only a short line."


def _encrypted(data: bytes, password: str) -> bytes:
    """The same PDF encrypted (RC4, which pypdf handles without extra packages)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_password_protected_pdf_is_refused(make_pdf: Callable[..., bytes]) -> None:
    data = _encrypted(make_pdf(f"<p>{PARAGRAPH}</p>"), "secret")
    with pytest.raises(IngestError, match="password-protected"):
        ingest_upload(data, "locked.pdf")


def test_pdf_encrypted_with_an_empty_password_is_read(make_pdf: Callable[..., bytes]) -> None:
    data = _encrypted(make_pdf(f"<p>{PARAGRAPH}</p>"), "")
    assert ingest_upload(data, "open.pdf").text == PARAGRAPH


def test_truncated_pdf_gives_a_clear_message(make_pdf: Callable[..., bytes]) -> None:
    data = make_pdf(f"<p>{PARAGRAPH}</p>")
    with pytest.raises(IngestError, match=r"damaged|No text"):
        ingest_upload(data[: len(data) // 3], "cut.pdf")


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n" + bytes(range(256)) * 40, b"%PDF-", b"%PDF-1.4\n%%EOF\n"],
    ids=["garbage", "header-only", "empty-body"],
)
def test_malformed_pdf_gives_a_clear_message(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"damaged|No text"):
        ingest_upload(data, "bad.pdf")


def test_pdf_over_the_character_limit_is_refused(make_pdf: Callable[..., bytes]) -> None:
    data = make_pdf(f"<p>{PARAGRAPH}</p>" * 30)
    with pytest.raises(IngestError, match="characters long; the limit is 1,000"):
        ingest_upload(data, "long.pdf", max_chars=1000)


def test_reflow_joins_hyphenated_breaks_and_wrapped_lines() -> None:
    lines = [
        "Delegates from the inter-",
        "national committee agreed that the glaciers of the Alps",
        "will lose most of their ice by the end of the century.",
        "",
        "Funding was discussed next, and the meeting ended with a",
        "vote.",
        "Next steps",
        "A report will be published in the spring of next year by the",
        "committee's secretariat in Geneva.",
    ]
    assert reflow(lines) == [
        "Delegates from the international committee agreed that the glaciers of the Alps "
        "will lose most of their ice by the end of the century.",
        "Funding was discussed next, and the meeting ended with a vote.",
        "Next steps",
        "A report will be published in the spring of next year by the committee's "
        "secretariat in Geneva.",
    ]


def test_reflow_keeps_a_known_heading_apart() -> None:
    lines = [
        "Alpine Glaciers Lost a Record Share of Their Ice This Year",
        "Swiss glaciers shrank by 6% in a single year, the steepest loss",
        "since measurements began more than a century ago, the report said.",
    ]
    assert reflow(
        lines, headings=["Alpine glaciers lost a record share of their ice this year"]
    ) == [
        "Alpine Glaciers Lost a Record Share of Their Ice This Year",
        "Swiss glaciers shrank by 6% in a single year, the steepest loss since measurements "
        "began more than a century ago, the report said.",
    ]


def test_reflow_keeps_a_hyphen_before_a_capital() -> None:
    lines = ["The talks between the two countries took place in the post-", "War era."]
    assert reflow(lines) == ["The talks between the two countries took place in the post- War era."]


SAMPLES = sorted((Path(quizapp.__file__).parent / "samples").glob("*.txt"))


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_sample_articles_survive_a_trip_through_pdf(
    sample: Path, make_pdf: Callable[..., bytes]
) -> None:
    """Paragraphs wrapped across lines in a PDF come back exactly as written."""
    paragraphs = sample.read_text(encoding="utf-8").strip().split("\n\n")
    body = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs)
    article = ingest_upload(make_pdf(body, title=html.escape(paragraphs[0])), sample.name)
    assert article.title == paragraphs[0]
    assert article.text.split("\n") == paragraphs[1:]
