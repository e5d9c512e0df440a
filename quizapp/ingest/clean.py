"""Text normalisation shared by every source: line endings, invisible characters, paragraphs."""

from __future__ import annotations

import functools
import itertools
import re
import sys
import unicodedata
from collections.abc import Collection, Iterable, Sequence

# Categories removed outright: control (Cc, except \n and \t which are kept apart), format
# (Cf: zero-width spaces and joiners, soft hyphens, BOMs, bidi overrides) and lone
# surrogates (Cs), which cannot even be stored as UTF-8.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_KEPT = frozenset("\n\t")
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_SPACES = re.compile(r"[^\S\n\t]+")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_HYPHENATED = re.compile(r"[^\W\d_]-$")


@functools.cache
def _dropped_characters() -> re.Pattern[str]:
    """One character class of every code point cleaning removes (built once, on first use)."""
    dropped = [
        code
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in _DROPPED_CATEGORIES and chr(code) not in _KEPT
    ]
    ranges: list[str] = []
    start = previous = dropped[0]
    for code in [*dropped[1:], -1]:
        if code != previous + 1:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
            start = code
        previous = code
    return re.compile(f"[{''.join(ranges)}]+")


def normalize_text(text: str) -> str:
    """Clean text into non-empty, trimmed, NFC-normalised lines joined by single newlines."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _dropped_characters().sub("", text)
    text = unicodedata.normalize("NFC", text)
    lines = (_SPACES.sub(" ", line).strip(" \t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def normalize_title(title: str | None, *, limit: int = 300) -> str | None:
    """A title on one clean line, cut to ``limit`` characters; None when nothing is left."""
    if not title:
        return None
    cleaned = " ".join(normalize_text(title).split())
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned or None


def drop_title_line(text: str, title: str | None) -> str:
    """Remove a first line that repeats the title, so the title is not a paragraph too."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if rest and _comparable(first) == _comparable(title):
        return rest
    return text


def _comparable(text: str) -> str:
    """A loose form of a line for comparing headlines (case and spacing ignored)."""
    return " ".join(text.casefold().split()).rstrip(".")


def looks_hard_wrapped(lines: Sequence[str]) -> bool:
    """Whether plain text was wrapped at a fixed width, so its lines are not paragraphs."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 4:
        return False
    width = lengths[int(len(lengths) * 0.9) - 1]
    if not 30 <= width <= 110:
        return False
    runs = sum(1 for this, after in itertools.pairwise(lines) if this.strip() and after.strip())
    return runs >= len(lengths) / 2


def reflow(lines: Sequence[str], *, headings: Collection[str] = ()) -> list[str]:
    """Join wrapped lines into paragraphs: a blank line or a short line ends a paragraph.

    A line ending in a hyphen after a letter is joined without the hyphen when the next line
    starts in lower case ("inter-" + "national"); other joins put a space between the lines.
    A line equal to one of ``headings`` (such as the known title) is a paragraph of its own.
    """
    known = {_comparable(heading) for heading in headings}
    stripped = [" ".join(line.split()) for line in lines]
    lengths = sorted(len(line) for line in stripped if line)
    if not lengths:
        return []
    width = lengths[max(int(len(lengths) * 0.9) - 1, 0)]
    paragraphs: list[str] = []
    current = ""
    for this, after in zip(stripped, [*stripped[1:], ""], strict=True):
        if not this:
            current = _flush(paragraphs, current)
            continue
        if _comparable(this) in known:
            current = _flush(paragraphs, current)
            paragraphs.append(this)
            continue
        current = _join(current, this)
        continues = bool(after) and (after[0].islower() or not _ends_paragraph(this, width))
        if not continues:
            current = _flush(paragraphs, current)
    _flush(paragraphs, current)
    return paragraphs


def _ends_paragraph(line: str, width: int) -> bool:
    """A line well short of the text's width ends its paragraph (a last line or a heading)."""
    if len(line) < 0.75 * width:
        return True
    return bool(_SENTENCE_END.search(line)) and len(line) < 0.9 * width


def _join(current: str, line: str) -> str:
    """Append a wrapped line to a paragraph, undoing a hyphenated line break."""
    if not current:
        return line
    if _HYPHENATED.search(current) and line[0].islower():
        return current[:-1] + line
    return f"{current} {line}"


def _flush(paragraphs: list[str], current: str) -> str:
    """Close the current paragraph, if any; return the new (empty) current paragraph."""
    if current:
        paragraphs.append(current)
    return ""


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs on their own lines, with newlines inside a paragraph turned into spaces."""
    return "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
