"""Markdown to plain paragraphs: headings become lines, links keep their text, code is dropped."""

from __future__ import annotations

import datetime
import re

from quizapp.ingest.article import Extracted

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t])#+[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BLOCKQUOTE = re.compile(r"^ {0,3}>[ \t]?")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_TABLE_SEPARATOR = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$"
)
_FRONT_MATTER_FIELD = re.compile(r"^(title|date)[ \t]*:[ \t]*(.+?)[ \t]*$", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

# Every span is bounded so that hostile input cannot make a pattern backtrack quadratically.
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.{0,2000}?-->"), ""),
    (re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)"), ""),  # images
    (re.compile(r"!\[[^\]\n]{0,500}\]\[[^\]\n]{0,500}\]"), ""),
    (re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]\n]{0,500})\]\[[^\]\n]{0,500}\]"), r"\1"),  # reference links
    (re.compile(r"<((?:https?|mailto):[^>\s]{1,2000})>"), r"\1"),  # autolinks
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,500})?/?>"), ""),  # inline HTML
    (re.compile(r"(`{1,3})([^`]{0,500}?)\1"), r"\2"),  # code spans keep their text
    (re.compile(r"(\*\*|__)(?=\S)([^*_]{1,300}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)([^_]{1,300}?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)([^~]{1,300}?)(?<=\S)~~"), r"\1"),
)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_HIDDEN = re.compile("[\ue000-\ue07f]")


def markdown_to_text(source: str) -> Extracted:
    """Plain paragraphs from Markdown; a leading level-1 heading (or front matter) is the title."""
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, published, lines = _front_matter(lines)
    blocks = _blocks(lines)
    if title is None and blocks and blocks[0][0] == 1:
        title = blocks[0][1]
        blocks = blocks[1:]
    text = "\n".join(text for _, text in blocks)
    return Extracted(text=text, title=title, published=published)


def _front_matter(lines: list[str]) -> tuple[str | None, datetime.date | None, list[str]]:
    """Read ``title`` and ``date`` from a leading YAML front-matter block, and drop it."""
    if not lines or lines[0].strip() != "---":
        return None, None, lines
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() in {"---", "..."})
    except StopIteration:
        return None, None, lines
    title: str | None = None
    published: datetime.date | None = None
    for line in lines[1:end]:
        match = _FRONT_MATTER_FIELD.match(line)
        if match is None:
            continue
        value = match.group(2).strip("\"'")
        if match.group(1).lower() == "title":
            title = value or None
        else:
            published = _parse_date(value)
    return title, published, lines[end + 1 :]


def _parse_date(value: str) -> datetime.date | None:
    """An ISO date at the start of a front-matter value, if it is a real date."""
    match = _ISO_DATE.match(value)
    if match is None:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _blocks(lines: list[str]) -> list[tuple[int, str]]:
    """Paragraph-level blocks as (heading level or 0, inline-cleaned text)."""
    blocks: list[tuple[int, str]] = []
    paragraph: list[str] = []
    fence: str | None = None

    def close() -> None:
        text = _inline(" ".join(part.strip() for part in paragraph))
        if text:
            blocks.append((0, text))
        paragraph.clear()

    for line in lines:
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        fence_match = _FENCE.match(line)
        if fence_match:
            close()
            fence = fence_match.group(1)[0] * 3
            continue
        line = _BLOCKQUOTE.sub("", line)
        setext = _SETEXT_UNDERLINE.match(line)
        if setext and paragraph:
            level = 1 if setext.group(1)[0] == "=" else 2
            blocks.append((level, _inline(" ".join(part.strip() for part in paragraph))))
            paragraph.clear()
            continue
        if not line.strip() or _THEMATIC_BREAK.match(line) or _LINK_DEFINITION.match(line):
            close()
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            close()
            text = _inline(_CLOSING_HASHES.sub("", heading.group(2) or ""))
            if text:
                blocks.append((len(heading.group(1)), text))
            continue
        if _TABLE_SEPARATOR.match(line) and "-" in line:
            continue
        if line.lstrip().startswith("|"):
            close()
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            blocks.append((0, _inline("; ".join(cell for cell in cells if cell))))
            continue
        item = _LIST_ITEM.match(line)
        if item:
            close()
            paragraph.append(line[item.end() :])
            continue
        paragraph.append(line)
    close()
    return [(level, text) for level, text in blocks if text]


def _inline(text: str) -> str:
    """Strip inline Markdown (emphasis, links, images, code spans, HTML tags) from one block."""
    # Escaped punctuation is hidden in the private-use area while the rules run, then restored.
    text = _ESCAPED.sub(lambda match: chr(0xE000 + ord(match.group(1))), text)
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    text = _HIDDEN.sub(lambda match: chr(ord(match.group(0)) - 0xE000), text)
    return " ".join(text.split())
