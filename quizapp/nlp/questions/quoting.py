"""Quotations in an article: where quoted speech runs, and whether a sentence holds it whole.

News style leaves a quotation open at a paragraph break (or a sentence break) when it goes on;
straight quote marks open or close by their neighbours; a stray mark between spaces is ignored.
"""

from __future__ import annotations

import re

from quizapp.nlp.model import Document, Sentence

_OPEN, _CLOSE = "“", "”"
Regions = tuple[tuple[int, int, bool], ...]


def quote_regions(doc: Document) -> tuple[tuple[int, int, bool], ...]:
    """Spans of quoted speech, marks included, each with whether its closing mark was found.

    News style leaves a quotation open at a paragraph break (or even a sentence break) when it
    goes on after it; such a quotation is never whole in one sentence.
    """
    text = doc.text
    spans = doc.paragraphs or tuple((s.start, s.end) for s in doc.sentences)
    out: list[tuple[int, int, bool]] = []
    for p_start, p_end in spans:
        opened: int | None = None
        for m in re.finditer(r"[\"“”]", text[p_start:p_end]):
            at = p_start + m.start()
            opener = _opens(text, at, p_start, p_end)
            if opened is None:
                if opener:
                    opened = at
            elif opener and m.group() != _CLOSE:
                out.append((opened, at, False))  # a new quotation opens before this one closed
                opened = at
            else:
                out.append((opened, at + 1, True))
                opened = None
        if opened is not None:
            out.append((opened, p_end, False))
    return tuple(out)


def _opens(text: str, at: int, p_start: int, p_end: int) -> bool:
    """Whether a quote mark opens a quotation: curly by shape, straight by its neighbours."""
    mark = text[at]
    if mark != '"':
        return mark == _OPEN
    before = text[at - 1] if at > p_start else " "
    after = text[at + 1] if at + 1 < p_end else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def opens_long_quote(doc: Document, sentence: Sentence, regions: Regions) -> bool:
    """Whether the sentence opens a quotation that goes on past it, after whole quoted sentences.

    'X said: "The sums don't add up.' followed by more of the quote can be quoted whole by
    closing the mark after its full stop; a sentence that starts inside a quotation cannot.
    """
    found = False
    for q_start, q_end, closed in regions:
        if q_end <= sentence.start or q_start >= sentence.end:
            continue
        if q_start < sentence.start:
            return False
        if q_end > sentence.end or not closed:
            found = True
    if not found:
        return False
    body = sentence.text.rstrip()
    return body[-1:] in ".!?" and marks(body) % 2 == 1


STRAY = re.compile(r'(?:^|(?<=\s))"(?=\s)')


def marks(text: str) -> int:
    """Quote marks in a text, a stray one standing between spaces not counted."""
    return sum(text.count(m) for m in ('"', _OPEN, _CLOSE)) - len(STRAY.findall(text))


def is_speech(quoted: str) -> bool:
    """Someone's words, not a quoted phrase inside reported speech ("a 'very dynamic' figure")."""
    words = quoted.strip('"“” ,.').split()
    return len(words) > 6 or (bool(words) and words[0][:1].isupper())


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def partial_quote(doc: Document, sentence: Sentence, regions: Regions) -> bool:
    """Whether a quotation in the sentence starts before it or goes on after it."""
    if marks(sentence.text) % 2:
        return True
    for q_start, q_end, closed in regions:
        if q_end <= sentence.start or q_start >= sentence.end:
            continue
        if not closed:
            return True
        if q_start < sentence.start and _has_words(doc.text[q_start : sentence.start]):
            return True
        if q_end > sentence.end and _has_words(doc.text[sentence.end : q_end]):
            return True
    return False


def inside(regions: Regions | list[tuple[int, int, bool]], start: int, end: int) -> bool:
    return any(q_start < end and start < q_end for q_start, q_end, _ in regions)


def in_sentence(regions: Regions, sentence: Sentence) -> list[tuple[int, int, bool]]:
    return [r for r in regions if r[0] < sentence.end and sentence.start < r[1]]
