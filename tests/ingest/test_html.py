"""HTML uploads: main text only, title and date from metadata, hostile markup neutralised."""

from __future__ import annotations

import datetime

import pytest

from quizapp.ingest import IngestError, ingest_upload


def test_article_text_title_and_date_come_from_the_page(article_html: str) -> None:
    article = ingest_upload(article_html.encode(), "page.html")
    assert article.title == "Glaciers Lost a Record Share of Their Ice"
    assert article.published == datetime.date(2022, 9, 28)
    lines = article.text.split("\n")
    assert lines[0].startswith("Switzerland's glaciers lost 6%")
    assert "according to a report published by the Swiss Academy of Sciences." in lines[0]
    assert any(line.startswith("The Aletsch Glacier") for line in lines)
    assert lines[-1].endswith("after two summer heatwaves.")


def test_scripts_styles_and_navigation_never_reach_the_text(article_html: str) -> None:
    text = ingest_upload(article_html.encode(), "page.html").text
    for unwanted in ("INJECTED", "document.", "cookie", "color: red", "javascript", "steal"):
        assert unwanted not in text
    assert "<" not in text
    assert "Home" not in text


def test_html_is_recognised_by_content_whatever_the_name(article_html: str) -> None:
    article = ingest_upload(article_html.encode(), "download.txt")
    assert article.title == "Glaciers Lost a Record Share of Their Ice"


HOSTILE = """<html><head><title>Hostile</title>
<script src="https://example.org/x.js"></script>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
</head><body onload="alert(1)">
<p>The only real sentence in this page is about rivers that flow into the sea.</p>
<img src="x" onerror="alert('img')">
<svg><script>alert('svg')</script></svg>
<iframe srcdoc="<script>alert('frame')</script>"></iframe>
<a href="javascript:alert('link')">click me</a>
<style>@import url(https://example.org/evil.css);</style>
<object data="javascript:alert('obj')"></object>
</body></html>"""


def test_hostile_html_yields_plain_text_only() -> None:
    article = ingest_upload(HOSTILE.encode(), "hostile.html")
    assert "rivers that flow into the sea" in article.text
    for unwanted in ("alert", "script", "<", "javascript", "@import"):
        assert unwanted not in article.text


def test_deeply_nested_html_does_not_crash() -> None:
    html = "<html><body>" + "<div>" * 20_000 + "<p>Deep.</p>" + "</div>" * 20_000 + "</body></html>"
    try:
        article = ingest_upload(html.encode(), "deep.html")
    except IngestError as exc:
        assert str(exc) == "No text could be found in this file."
    else:
        assert "<" not in article.text


def test_meta_charset_is_used_to_decode() -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head>'
        "<body><p>The caf\xe9 served \x93fondue\x94 to the visiting scientists.</p></body></html>"
    ).encode("latin-1")
    article = ingest_upload(html, "cafe.html")
    assert article.title == "Café"
    assert article.text == "The café served “fondue” to the visiting scientists."


def test_json_ld_date_is_read() -> None:
    html = """<html><head><title>Survey</title><script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Survey",
     "datePublished": "2019-07-08T10:00:00Z"}</script></head>
    <body><article><p>The survey counted 176 glaciers in the Alps this year.</p></article>
    </body></html>"""
    article = ingest_upload(html.encode(), "survey.html")
    assert article.published == datetime.date(2019, 7, 8)
    assert article.text == "The survey counted 176 glaciers in the Alps this year."


def test_title_falls_back_to_h1() -> None:
    html = b"<html><body><h1>River Survey</h1><p>The river is 12 km long.</p></body></html>"
    article = ingest_upload(html, "river.html")
    assert article.title == "River Survey"
    assert article.text == "The river is 12 km long."


def test_page_without_text_is_refused() -> None:
    html = b"<html><head><title>Empty</title><script>var a = 1;</script></head><body></body></html>"
    with pytest.raises(IngestError, match="No text could be found"):
        ingest_upload(html, "empty.html")


BODY = (
    "<p>The river Severn floods the meadows near Gloucester every winter, and farmers "
    "move their cattle to the higher fields before the water rises.</p>"
    "<p>Engineers built new banks in 2019 <script>track('INLINESCRIPT')</script>to hold "
    "back the worst floods.</p>"
)


@pytest.mark.parametrize(
    ("head", "heading", "title"),
    [
        # Code written inside <title> arrives as raw text: the title keeps only the words.
        ("<title><script>steal()</script>Severn Floods</title>", "", "Severn Floods"),
        ("<title><style>p{color:red}</style>Severn Floods</title>", "", "Severn Floods"),
        # No <title>: the <h1> gives it, without the scripts and styles inside it.
        (
            "<script>var TOPSCRIPT = 1;</script>",
            "<h1><script>document.write('H1SCRIPT')</script>Severn Floods"
            "<style>.x{color:red}</style><noscript>Enable JS</noscript></h1>",
            "Severn Floods",
        ),
    ],
)
def test_the_title_never_holds_script_or_style_text(head: str, heading: str, title: str) -> None:
    """An uploaded page's suggested title is its <title> or <h1> words, with script, style and
    noscript content left out; the article's text has none of it either."""
    page = f"<html><head>{head}</head><body>{heading}{BODY}</body></html>"
    article = ingest_upload(page.encode(), "floods.html")
    assert article.title == title
    for code in ("steal", "color", "SCRIPT", "track", "Enable JS", "{", "<"):
        assert code not in article.text
    assert "Engineers built new banks in 2019 to hold back the worst floods." in article.text


def test_a_pasted_page_source_is_read_as_the_page() -> None:
    """A teacher who pastes a page's HTML source gets its words and title, as an upload of the
    same page would, not its markup and scripts as the article."""
    from quizapp.ingest import ingest_text

    source = (
        "<!doctype html>\n<html><head><title>Severn Floods</title>"
        "<script>var t = 'PASTESCRIPT';</script><style>p{color:red}</style></head>"
        f"<body>{BODY}</body></html>"
    )
    article = ingest_text(source)
    assert article.title == "Severn Floods"
    assert "Engineers built new banks in 2019 to hold back the worst floods." in article.text
    for code in ("PASTESCRIPT", "color", "<", "track"):
        assert code not in article.text
    # Text that merely mentions a tag is still pasted text.
    plain = ingest_text("The <p> tag starts a paragraph. " * 10)
    assert plain.text.startswith("The <p> tag starts a paragraph.")
