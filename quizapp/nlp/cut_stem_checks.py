"""Whether a stem with a part cut still reads whole: words enough, no dangling end, still named."""

from __future__ import annotations

import re

from quizapp.nlp.model import BLANK
from quizapp.nlp.questions.anchors import lacks_anchor

MIN_WORDS = 6


def tidy_cut(prompt: str, *, before_stop: str = ",;") -> str:
    """A stem with a part left out, its spacing closed up and a comma (or another mark in
    ``before_stop``) left just before its closing stop dropped ("..., ." -> "...")."""
    prompt = re.sub(r"\s{2,}", " ", prompt)
    prompt = re.sub(r"\s+([,.;:?!])", r"\1", prompt)
    # No space is left before a mark by now: a stray comma touches the stop it precedes.
    return re.sub(rf"[{before_stop}]([.?!])", r"\1", prompt).strip()


def _reads_whole(text: str, before: str, names: frozenset[str], strict: bool = False) -> bool:
    """Whether the cut stem is still a whole sentence that names what it is about; a second
    clause kept alone ("..., while the Liberal Democrats received just over _____") needs six
    words, having lost what its object was."""
    if strict and len(re.findall(r"[A-Za-z0-9]+", text.replace(BLANK, " "))) < MIN_WORDS:
        return False
    if not long_enough(text, names) or (BLANK in before) != (BLANK in text):
        return False
    if re.search(r"\b(?:and|but|or|of|to|the|a|an|by|with|as)\s*[,.?!]?\s*$", text, re.I):
        return False
    return still_named(before, text, names)


def long_enough(text: str, names: frozenset[str]) -> bool:
    """Whether a cut stem has words enough to say what it asks: six, or five with a name
    among them ("WorldCom is now known as _____.")."""
    words = re.findall(r"[A-Za-z0-9]+", text.replace(BLANK, " "))
    return len(words) >= MIN_WORDS or (
        len(words) >= MIN_WORDS - 1 and any(w[:1].isupper() and w in names for w in words)
    )


def still_named(before: str, after: str, names: frozenset[str]) -> bool:
    """Whether a shortened stem still names something besides its blank where the whole one
    did ("Rebuilding the theatre ... is the only answer" without "Lyric chairman _____ has
    said that" names no theatre)."""
    named = not lacks_anchor(before, *_blank_span(before), names)
    return not (named and lacks_anchor(after, *_blank_span(after), names))


def _blank_span(text: str) -> tuple[int, int]:
    at = text.find(BLANK)
    return (at, at + len(BLANK)) if at >= 0 else (0, 0)
