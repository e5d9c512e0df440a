"""A byline and date lines under the headline ("By ...", "Published ...", "Last updated: 12:00
GMT, Friday, ...") give the article's date in every route, a .docx included, and no item."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from quizapp.ingest import ingest_text, ingest_upload
from quizapp.nlp import generate, read_document

HEADLINE = "Kellby Votes For A Floating Library"
BYLINE = "By Jane Smith"
PUBLISHED = "Published 3 March 2005"
UPDATED = "Last updated: 12:00 GMT, Friday, 4 March 2005"
BODY = [
    "Kellby council opened a floating library on the harbour on Monday with 3,000 books for "
    "six island villages.",
    "Librarian Tomas Berg said the boat would bring 12 new jobs to the island by 2026.",
    "The old ferry, built in 1911, was bought from the Maren Valley Trust for 240,000 euros.",
    "Mayor Clara Voss said the first trip to Arnholm would leave in May.",
]
FRAMES = {
    "byline, published and updated": ([BYLINE, PUBLISHED, UPDATED], date(2005, 3, 3)),
    "byline and updated": ([BYLINE, UPDATED], date(2005, 3, 4)),
    "updated only": ([UPDATED], date(2005, 3, 4)),
}


def _routes(make_docx: Callable[..., bytes], frame: list[str]) -> dict[str, str]:
    """The article text each route gives for the headline, the frame lines and the body."""
    lines = [HEADLINE, *frame, *BODY]
    styled = make_docx([(HEADLINE, "Title")] + [(line, None) for line in [*frame, *BODY]])
    plain = make_docx([(line, None) for line in lines])
    paragraphs = "".join(f"<p>{line}</p>" for line in [*frame, *BODY])
    page = f"<html><body><article><h1>{HEADLINE}</h1>{paragraphs}</article></body></html>"
    return {
        "docx with a Title style": ingest_upload(styled, "library.docx").text,
        "docx without styles": ingest_upload(plain, "library.docx").text,
        "txt": ingest_upload("\n\n".join(lines).encode(), "library.txt").text,
        "paste": ingest_text("\n".join(lines)).text,
        "html": ingest_upload(page.encode(), "library.html").text,
    }


@pytest.mark.parametrize("frame_name", list(FRAMES))
def test_every_route_reads_the_date_and_keeps_the_frame_out_of_the_body(
    make_docx: Callable[..., bytes], frame_name: str
) -> None:
    frame, published = FRAMES[frame_name]
    for route, text in _routes(make_docx, frame).items():
        document = read_document(text)
        assert document.published == published, route
        # The byline is never taken for the headline, whether or not the headline is there.
        assert document.title in (None, HEADLINE), route
        assert [s.text for s in document.sentences[:1]] == [BODY[0]], route


def test_a_docx_with_a_byline_gives_no_item_from_its_frame(
    make_docx: Callable[..., bytes],
) -> None:
    frame = [BYLINE, PUBLISHED, UPDATED]
    data = make_docx([(HEADLINE, "Title")] + [(line, None) for line in [*frame, *BODY]])
    article = ingest_upload(data, "library.docx")
    assert article.title == HEADLINE
    items = generate(article.text).items
    assert items
    for item in items:
        assert item.source.quote in BODY
        assert all(line not in item.prompt for line in frame)


def test_an_uploaded_docx_saves_the_article_with_its_date(
    app, make_docx: Callable[..., bytes]
) -> None:
    from quizapp.models import db
    from quizapp.services.drafting import SourceLimits, ingest_article
    from tests.factories import make_teacher

    data = make_docx(
        [(HEADLINE, "Title")] + [(line, None) for line in [BYLINE, PUBLISHED, UPDATED, *BODY]]
    )
    limits = SourceLimits(
        max_bytes=10 * 1024 * 1024, max_chars=200_000, url_timeout=5.0, allow_private=False
    )
    with app.app_context():
        teacher = make_teacher()
        article = ingest_article(teacher, upload=(data, "library.docx"), limits=limits)
        db.session.refresh(article)
        assert article.title == HEADLINE
        assert article.published_on == date(2005, 3, 3)
