"""Headline, standfirst and date line are recognised whatever the route, and never asked about."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from quizapp.ingest import ingest_upload
from quizapp.nlp import generate, read_document
from quizapp.nlp.model import BLANK

HEADLINE = "Brantwick Opens Its New Harbour"
STANDFIRST = "The town spent four years and 12 million euros on the new quays."
DATE_LINE = "3 June 2024"
BODY = [
    "Brantwick council opened the new harbour on Monday with 300 moorings for fishing boats.",
    "Mayor Clara Voss said the harbour would bring 45 new jobs to the town by 2026.",
    "The old harbour, built in 1911, will become a park run by the Maren Valley Trust.",
]


def _check(text: str) -> None:
    doc = read_document(text)
    assert doc.published == date(2024, 6, 3)
    assert doc.sentences[0].text == BODY[0]
    assert all(STANDFIRST not in s.text and DATE_LINE not in s.text for s in doc.sentences)
    items = generate(text).items
    assert items
    for item in items:
        assert item.prompt.strip() != BLANK
        assert item.source.quote in BODY


@pytest.mark.parametrize(
    "lines",
    [
        [HEADLINE, STANDFIRST, DATE_LINE, *BODY],
        [HEADLINE, DATE_LINE, STANDFIRST, "By Anna Berg", *BODY],
        [STANDFIRST, DATE_LINE, *BODY],  # the headline already taken out as the title
    ],
)
def test_pasted_text_keeps_its_frame_out_of_the_quiz(lines: list[str]) -> None:
    _check("\n\n".join(lines))


def test_a_txt_upload_keeps_its_frame_out_of_the_quiz() -> None:
    data = "\n".join([HEADLINE, STANDFIRST, DATE_LINE, *BODY]).encode("utf-8")
    article = ingest_upload(data, "harbour.txt")
    _check(article.text)


def test_a_docx_standfirst_and_date_under_the_title_give_no_item(
    make_docx: Callable[..., bytes],
) -> None:
    data = make_docx(
        [(HEADLINE, "Title"), (STANDFIRST, "Subtitle"), (DATE_LINE, None)]
        + [(line, None) for line in BODY]
    )
    article = ingest_upload(data, "harbour.docx")
    assert article.title == HEADLINE
    _check(article.text)


def test_an_html_page_keeps_its_frame_out_of_the_quiz() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY)
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
        f"<p>{STANDFIRST}</p><p>{DATE_LINE}</p>{paragraphs}</article></body></html>"
    )
    article = ingest_upload(page.encode("utf-8"), "harbour.html")
    _check(article.text)
