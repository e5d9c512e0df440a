"""HTML to article text, title and publication date, with trafilatura and no network access."""

from __future__ import annotations

import datetime
import functools
import re
from configparser import ConfigParser

import trafilatura
from lxml.html import HtmlElement, HTMLParser, fromstring
from trafilatura.settings import use_config
from trafilatura.utils import load_html

from quizapp.ingest.article import Extracted
from quizapp.ingest.errors import IngestError
from quizapp.ingest.text import bom_encoding, decode_text

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,500}\?>", re.I)
# Elements whose content is code or markup for machines, never words of the article (JSON-LD
# stays: trafilatura reads the publication date from it, never its text).
_CODE_ELEMENTS = "//script[not(contains(@type, 'ld+json'))]|//style|//noscript|//template"
# A <title> holds raw text: "<script>...</script>" written inside it arrives as characters.
_CODE_IN_TEXT = re.compile(
    r"<(script|style|noscript|template)\b[^>]*>.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL
)
_TAG_IN_TEXT = re.compile(r"</?[A-Za-z][^<>]*>")
# libxml2 stops building a tree 256 elements deep and silently drops the rest of the page; a
# legacy page that never closes its <font> or <b> tags gets that deep, and lost most of its
# article. Such a tree is parsed again with huge_tree (2048 deep), the most libxml2 allows.
_DEFAULT_DEPTH_REACHED = "boolean(//*[count(ancestor::*) >= 250])"
TOO_DEEP = (
    "This page's markup is nested too deeply to read all of it (tags left open, thousands "
    "deep): paste the article's text instead."
)


def decode_html(data: bytes, *, declared: str | None = None) -> str:
    """Decode HTML bytes: a BOM wins, then the HTTP charset, then a <meta> charset, then guess."""
    if bom_encoding(data) is None and declared is None:
        match = _META_CHARSET.search(data[:4096])
        if match is not None:
            declared = match.group(1).decode("ascii")
    return decode_text(data, declared=declared)


def html_to_text(html: str, *, url: str | None = None) -> Extracted:
    """The main text of a page (paragraphs on lines), its title and its publication date.

    Scripts, styles, navigation and comments never reach the text; nothing is fetched.
    """
    tree = _load(_XML_DECLARATION.sub("", html, count=1))
    if tree is None:
        return Extracted(text="")
    _drop_code(tree)
    fallback_title = _first_text(tree, "//title") or _first_text(tree, "//h1")
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_config(),
    )
    if document is None:
        return Extracted(text="", title=fallback_title)
    return Extracted(
        text=document.text or "",
        title=_title_words(document.title) or fallback_title,
        published=_parse_date(document.date),
    )


def _load(html: str) -> HtmlElement | None:
    """The page's tree as trafilatura loads it, or, when that was cut off at libxml2's default
    depth, the whole tree from a huge_tree parse; IngestError (TOO_DEEP) if even that is cut
    after some text (a tree cut before any text reads as a file without text)."""
    tree = load_html(html)
    if tree is None or not tree.xpath(_DEFAULT_DEPTH_REACHED):
        return tree
    # A parser per page: its error log must be this page's alone.
    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    deep = fromstring(html.encode("utf-8"), parser=parser)
    cut = any("Excessive depth" in error.message for error in parser.error_log)
    if cut and deep.text_content().strip():
        # Part of the article, silently short, would be worse than none.
        raise IngestError(TOO_DEEP)
    return deep


@functools.cache
def _config() -> ConfigParser:
    """trafilatura's settings, changed so a short article is not swapped for a cruder fallback."""
    config = use_config()
    # The default (250) hands short pages to a fallback that splits links into lines and
    # keeps navigation; falling back only when nothing was found gives cleaner text.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


def _drop_code(tree: HtmlElement) -> None:
    """Remove scripts, styles, noscript and template elements (keeping the text after them)."""
    for element in tree.xpath(_CODE_ELEMENTS):
        if element.getparent() is not None:
            element.drop_tree()


def _title_words(title: str | None) -> str | None:
    """A title without code or tags written into it as text; None when nothing is left."""
    if not title:
        return None
    words = " ".join(_TAG_IN_TEXT.sub(" ", _CODE_IN_TEXT.sub(" ", title)).split())
    return words or None


def _first_text(tree: HtmlElement, xpath: str) -> str | None:
    """The whitespace-collapsed text of the first element an XPath finds, if any."""
    for element in tree.xpath(xpath):
        text = _title_words(element.text_content())
        if text:
            return text
    return None


def _parse_date(value: str | None) -> datetime.date | None:
    """trafilatura's YYYY-MM-DD date as a date."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
