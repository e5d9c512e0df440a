"""The text of a stand-alone stem: the connectives it leaves out and the rewritten sentence.

"But", "However," and a dangling "also" or "then" lean on the sentence before; the patterns
here find them. ``apply_edits`` makes the rewritten sentence and tracks where the fact moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.nlp.model import BLANK, Sentence

DISCOURSE = re.compile(
    r"^(?:(?:But|And|So|Yet|Or|Plus|Meanwhile)\b,?|(?:However|Also|Meanwhile|Still|Moreover|Furthermore|"
    r"Nevertheless|Nonetheless|Instead|Indeed|Besides|Likewise|Similarly|Separately|Overall|"
    r"In addition|In turn|In fact|Even so|As a result|At the same time|By contrast|"
    r"On the other hand|Elsewhere|In comparison|By comparison|In contrast|Conversely|"
    r"Additionally|Consequently|Therefore|Thus|Again|Ultimately|Otherwise|Afterwards)\s*,)\s+"
)
ALSO = re.compile(r"\s+also\b(?=\s)")
# A connective set off by commas mid-sentence ("England, meanwhile, are ...", "The firm,
# however, said ...") leans on the sentence before it just as "also" does: it is left out.
SET_OFF_CONNECTIVE = re.compile(
    r",\s+(?:meanwhile|however|though|instead|in turn|in contrast|by contrast|"
    r"for (?:his|her|its|their) part),(?=\s)",
    re.I,
)


# Words before "then" that make it no step in a story told before ("since then", "and then").
_THEN_BOUND = frozenset(
    {
        "and",
        "since",
        "until",
        "till",
        "by",
        "from",
        "back",
        "even",
        "only",
        "just",
        "but",
        "or",
        ",",
    }
)


@dataclass(frozen=True, slots=True)
class _Span:
    """A stretch of the sentence to leave out, shaped like a regex match."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def sequencing_then(sentence: Sentence) -> list[_Span]:
    """A "then" between a subject and its verb ("Newcastle then had a chance") points back at
    the event before it in the article, like a dangling "also": it is left out."""
    tokens = sentence.tokens
    spans = []
    for before, then, after in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if then.text != "then" or before.text.lower() in _THEN_BOUND:
            continue
        if not (after.tag.startswith("VB") or after.tag == "MD") or after.tag == "VBG":
            continue
        begin = before.end - sentence.start
        spans.append(_Span(begin, then.end - sentence.start))
    return spans


@dataclass(frozen=True, slots=True)
class Stem:
    """A rewritten sentence and where the fact now sits in it."""

    text: str
    start: int
    end: int

    def with_blank(self, blank: str) -> str:
        """The stem with the fact replaced by a blank (or any other text). Before a blank "a"
        or "an" becomes "a(n)": either would tell which options start with a vowel sound
        ("an _____-year low": eighteen or eleven), and a bare possessive apostrophe after a
        blank becomes "'s" ("_____' departure" tells the key ends in "s")."""
        before = self.text[: self.start]
        after = self.text[self.end :]
        if blank == BLANK:
            before = _ARTICLE_BEFORE.sub(lambda m: m.group(1)[0] + "(n) ", before)
            # "_____' departure" says the key ends in "s" (Jones): the blank takes "'s".
            if self.text[self.start : self.end].endswith("s") and not _SINGLE_QUOTE_OPEN.search(
                before
            ):
                after = _BARE_APOSTROPHE.sub(lambda m: m.group(1) + "s", after)
        return (before + blank + after).strip()


# A possessive apostrophe with no "s" right after the fact ("Jones' departure").
_BARE_APOSTROPHE = re.compile(r"^(['’])(?![\w])")
# A single quotation mark opened before the blank: the mark after it closes the quotation.
_SINGLE_QUOTE_OPEN = re.compile(r"(?:^|[\s(])['‘]\w")
# "a" or "an" right before the fact's place.
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(an?|An?)\s+$")


def apply_edits(text: str, edits: list[tuple[int, int, str]], a: int, b: int) -> Stem:
    """Apply non-overlapping edits, tracking where [a, b) moves; capitalise the new opening."""
    out: list[str] = []
    pos = 0
    new_a = new_b = 0
    cursor = 0
    for start, end, replacement in edits:
        if start < pos:
            continue
        if start >= b and pos <= a:
            out.append(text[pos:a])
            cursor += a - pos
            new_a = cursor
            out.append(text[a:b])
            cursor += b - a
            new_b = cursor
            pos = b
        chunk = text[pos:start]
        out.append(chunk)
        cursor += len(chunk)
        out.append(replacement)
        cursor += len(replacement)
        pos = end
    if pos <= a:
        out.append(text[pos:a])
        cursor += a - pos
        new_a = cursor
        out.append(text[a:b])
        cursor += b - a
        new_b = cursor
        pos = b
    out.append(text[pos:])
    joined = "".join(out)
    stripped = len(joined) - len(joined.lstrip())
    joined = joined.lstrip()
    new_a, new_b = new_a - stripped, new_b - stripped
    if joined[:1].islower() and new_a > 0:
        joined = joined[0].upper() + joined[1:]
    return Stem(joined, new_a, new_b)
