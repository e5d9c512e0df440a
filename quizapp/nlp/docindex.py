"""Indexes over one document (or one document's fact pools), built once and shared by every
item generated from it."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from quizapp.nlp.model import Document

T = TypeVar("T")

# The documents (and pools) indexed most recently, with their indexes, by the owner's id (in
# the order they came). Held strongly (frozen slotted dataclasses have no weak references), so
# no other object can take an owner's id while it is here, and compared by identity, so an entry
# can never answer for another document; a few are kept because web workers may generate for
# more than one document at a time.
_RECENT: dict[int, tuple[object, dict[str, Any]]] = {}
_KEEP = 8
_LOCK = threading.Lock()
_MISSING = object()


def document_index(owner: T, name: str, build: Callable[[T], Any]) -> Any:
    """``build(owner)``, computed once per document: the index called ``name`` of ``owner``
    (a Document, or anything else made once per document, such as its fact pools)."""
    # Asked thousands of times a document: a found index is read without the lock (a dict
    # look-up is atomic, and an entry is never changed, only added or dropped).
    entry = _RECENT.get(id(owner))
    if entry is not None and entry[0] is owner:
        value = entry[1].get(name, _MISSING)
        if value is not _MISSING:
            return value
    with _LOCK:
        entry = _RECENT.get(id(owner))
        if entry is None or entry[0] is not owner:
            entry = (owner, {})
            _RECENT[id(owner)] = entry
            for old in list(_RECENT)[:-_KEEP]:
                del _RECENT[old]
        indexes = entry[1]
        if name in indexes:
            return indexes[name]
    value = build(owner)
    with _LOCK:
        return indexes.setdefault(name, value)


def token_positions(doc: Document, word: str) -> tuple[tuple[int, int], ...]:
    """Where a token with exactly this text stands: (sentence, token) pairs in reading order."""
    return document_index(doc, "token_positions", _token_positions).get(word, ())


def _token_positions(doc: Document) -> dict[str, tuple[tuple[int, int], ...]]:
    positions: dict[str, list[tuple[int, int]]] = {}
    for s, sentence in enumerate(doc.sentences):
        for i, token in enumerate(sentence.tokens):
            positions.setdefault(token.text, []).append((s, i))
    return {text: tuple(found) for text, found in positions.items()}


# A plain ASCII word: its case-insensitive regex matches are ASCII runs of the same letters.
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")
_RUN = re.compile(r"\w+")


def sentences_with_words(doc: Document, words: Iterable[str]) -> list[int] | None:
    """The sentences (indexes, in reading order) where one of ``words`` may stand as a whole
    word, compared without case: a superset of those where a pattern such as
    ``\\b(?i:word)\\b`` matches, so a scan of every earlier sentence for a noun can look only
    there. None when a word is not plain ASCII letters and digits: then scan them all.

    A sentence with a word holding any other letter ("Ⅸ", "ſ", "İ" match ASCII letters
    without case) is always among them."""
    words = list(words)
    if not all(_ASCII_WORD.fullmatch(w) for w in words):
        return None
    index = document_index(doc, "sentences_with_words", _sentences_with_words)
    found: set[int] = set(index[None])
    for word in words:
        found.update(index.get(word.lower(), ()))
    return sorted(found)


def _sentences_with_words(doc: Document) -> dict[str | None, tuple[int, ...]]:
    where: dict[str | None, list[int]] = {None: []}
    for s, sentence in enumerate(doc.sentences):
        if sentence.text.isascii():
            # (Lower case first, one pass: the same runs for ASCII text.)
            lowered = set(_RUN.findall(sentence.text.lower()))
        else:
            runs = set(_RUN.findall(sentence.text))
            if not all(run.isascii() for run in runs):
                where[None].append(s)
            lowered = {run.lower() for run in runs}
        for run in lowered:
            where.setdefault(run, []).append(s)
    return {run: tuple(found) for run, found in where.items()}
