"""Markdown to plain paragraphs with markdown-it-py (CommonMark): headings become lines, links
keep their text, code, images and HTML are dropped; front matter gives title and date."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from quizapp.ingest.article import Extracted

_FRONT_MATTER_FIELD = re.compile(r"^(title|date)[ \t]*:[ \t]*(.+?)[ \t]*$", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Inline tokens whose text is not part of the article's prose.
_DROPPED_INLINE = frozenset({"image", "html_inline"})
# Inline HTML whose content is code, not prose: "<script>alert(1)</script>" in a paragraph
# arrives as a tag, the text "alert(1)" and a closing tag; the text is dropped with the tags.
_CODE_OPEN = re.compile(r"<(script|style|noscript|template)\b[^>]*(?<!/)>", re.IGNORECASE)


@functools.cache
def _parser() -> MarkdownIt:
    """CommonMark with tables, strikethrough and YAML front matter (built once)."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


def markdown_to_text(source: str) -> Extracted:
    """Plain paragraphs from Markdown; a leading level-1 heading (or front matter) is the title."""
    tokens = _parser().parse(source)
    title, published = _front_matter(tokens)
    blocks = _blocks(tokens)
    if title is None and blocks and blocks[0][0] == 1:
        title = blocks[0][1]
        blocks = blocks[1:]
    text = "\n".join(text for _, text in blocks)
    return Extracted(text=text, title=title, published=published)


def _front_matter(tokens: Sequence[Token]) -> tuple[str | None, datetime.date | None]:
    """``title`` and ``date`` from a leading front-matter block, if there is one."""
    title: str | None = None
    published: datetime.date | None = None
    for token in tokens[:1]:
        if token.type != "front_matter":
            continue
        for line in token.content.splitlines():
            match = _FRONT_MATTER_FIELD.match(line)
            if match is None:
                continue
            value = match.group(2).strip("\"'")
            if match.group(1).lower() == "title":
                title = value or None
            else:
                published = _parse_date(value)
    return title, published


def _parse_date(value: str) -> datetime.date | None:
    """An ISO date at the start of a front-matter value, if it is a real date."""
    match = _ISO_DATE.match(value)
    if match is None:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _blocks(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    """Paragraph-level blocks as (heading level or 0, plain text): headings, paragraphs (also in
    lists and quotes) and table rows (cells joined by "; "). Code blocks and HTML are skipped."""
    blocks: list[tuple[int, str]] = []
    heading = 0
    row: list[str] | None = None
    for token in tokens:
        if token.type == "heading_open":
            heading = int(token.tag[1:])
        elif token.type == "heading_close":
            heading = 0
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append((0, "; ".join(cell for cell in row if cell)))
            row = None
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            if row is not None:
                row.append(text)
            elif text:
                blocks.append((heading, text))
    return [(level, text) for level, text in blocks if text]


def _inline_text(children: Sequence[Token]) -> str:
    """The words of one inline run: text and code spans kept, images and HTML dropped (with
    the content of an inline script or style element)."""
    parts: list[str] = []
    inside_code: str | None = None
    for child in children:
        if child.type == "html_inline":
            opening = _CODE_OPEN.match(child.content)
            if inside_code is None and opening is not None:
                inside_code = opening.group(1).lower()
            elif inside_code and re.match(rf"</{inside_code}\b", child.content, re.IGNORECASE):
                inside_code = None
            continue
        if inside_code is not None:
            continue
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type in _DROPPED_INLINE:
            continue
    return " ".join("".join(parts).split())
