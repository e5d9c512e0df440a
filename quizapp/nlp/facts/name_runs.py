"""Runs of capitalised tokens that make one proper name, split where two names meet."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.nlp.dates import MONTHS, WEEKDAYS
from quizapp.nlp.facts.name_words import (
    CONNECTORS,
    NOT_NAMES,
    ORG_HEADS,
)
from quizapp.nlp.gazetteers import organisations, place_kind
from quizapp.nlp.model import Sentence, Token

_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,7}$")
_NAMEY_TAGS = frozenset({"NNP", "NNPS"})


def _is_cap(token: Token) -> bool:
    word = token.text
    return (
        bool(word)
        and (word[0].isupper() or (word[0].isdigit() and "-" in word))
        and word.isprintable()
    )


_CALENDAR = frozenset(MONTHS) | {day.capitalize() for day in WEEKDAYS}
# Months that are also names: after a first name they are its surname ("Christine May").
_MONTH_NAMES = frozenset({"April", "May", "June", "August"})


def surname_month(tokens: tuple[Token, ...], i: int, midcaps: frozenset[str] = frozenset()) -> bool:
    """A month's name that ends a person's name ("Labour MSP Christine May had said"): it
    follows a name word, and no day or year follows it ("Paris May 5" is a date)."""
    word = tokens[i].text
    if word not in _MONTH_NAMES or i == 0:
        return False
    before = tokens[i - 1]
    if before.tag != "NNP" or before.text in _CALENDAR or before.text.isupper():
        return False
    if place_kind(before.text) or not _is_name_token(tokens, i - 1, midcaps):
        return False
    return not (i + 1 < len(tokens) and tokens[i + 1].text[:1].isdigit())


def _is_name_token(
    tokens: tuple[Token, ...], i: int, midcaps: frozenset[str] = frozenset()
) -> bool:
    token = tokens[i]
    word = token.text
    if word in _CALENDAR and surname_month(tokens, i, midcaps):
        return True
    if not _is_cap(token) or word in NOT_NAMES or word in _CALENDAR:
        return False
    if "-" in word and not word.rsplit("-", 1)[1][:1].isupper():
        return False  # "Moscow-based", "State-owned", "Ninety-five"
    if _ACRONYM.match(word):
        return True
    if i == 0 or tokens[i - 1].text in ('"', "``", "(", ":", "''", "“", "‘"):
        # Sentence-initial words are capitalised anyway: a name only if the article also
        # capitalises it mid-sentence, a gazetteer knows it, or a name follows it.
        return (
            word in midcaps
            or bool(place_kind(word))
            or (
                token.tag in _NAMEY_TAGS
                and i + 1 < len(tokens)
                and tokens[i + 1].tag in _NAMEY_TAGS
                and _is_cap(tokens[i + 1])
            )
        )
    if token.tag in _NAMEY_TAGS:
        return True
    # Sentence-initial words are capitalised anyway: only a name if tagged as one.
    # "Alun Pugh": a surname the tagger reads as an interjection ("UH") or foreign word still
    # ends the name it follows, else the blank takes the first name alone.
    return (
        i > 0
        and token.text[0].isupper()
        and (
            token.tag in ("NN", "NNS", "JJ", "VBN", "VBG", "CD")
            or (token.tag in ("UH", "FW") and tokens[i - 1].tag in _NAMEY_TAGS)
        )
    )


def _runs(sentence: Sentence, midcaps: frozenset[str]) -> list[tuple[int, int]]:
    """Maximal runs of name tokens, with connectors ("of", "for the") inside them."""
    tokens = sentence.tokens
    known = _known_spans(sentence)
    runs = []
    i, n = 0, len(tokens)
    while i < n:
        if i in known:
            runs.append((i, known[i]))
            i = known[i]
            continue
        if not _is_name_token(tokens, i, midcaps):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _is_name_token(tokens, j, midcaps):
                j += 1
                continue
            k = j
            while (k < n and tokens[k].text.lower() in CONNECTORS and tokens[k].text != "&") or (
                k < n and tokens[k].text == "&"
            ):
                k += 1
                if k - j > 2:
                    break
            if k > j and k < n and _is_name_token(tokens, k, midcaps):
                j = k + 1
                continue
            break
        runs.extend(_split_run(tokens, i, j))
        i = j
    return runs


def _known_spans(sentence: Sentence) -> dict[int, int]:
    """Token ranges that spell a gazetteer organisation's full name (commas and all)."""
    found: dict[int, int] = {}
    text = sentence.text
    if not _any_organisation().search(text):
        return found  # (most sentences: one regex pass instead of a search for every name)
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for _, name in organisations():
        at = text.find(name)
        if at >= 0 and not starts:  # worked out only for a sentence that spells one
            starts = {t.start - sentence.start: k for k, t in enumerate(sentence.tokens)}
            ends = {t.end - sentence.start: k + 1 for k, t in enumerate(sentence.tokens)}
        if at >= 0 and at in starts and at + len(name) in ends:
            found[starts[at]] = ends[at + len(name)]
    return found


@lru_cache(maxsize=1)
def _any_organisation() -> re.Pattern[str]:
    """Matches where any gazetteer organisation's full name is spelt."""
    names = sorted({name for _, name in organisations()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(name) for name in names))


def _split_run(tokens: tuple[Token, ...], i: int, j: int) -> list[tuple[int, int]]:
    """Split a run at "and"/"of the" unless it reads as one organisation's name."""
    words = [t.text for t in tokens[i:j]]
    if "and" not in words:
        return [(i, j)]
    k = words.index("and")
    after = words[k + 1 :]
    # "University of Vienna and the International Commission …": two names, not one.
    if after[:1] == ["the"] or words[-1] not in ORG_HEADS or (k >= 2 and after and len(after) >= 2):
        second = i + k + 1 + (1 if after[:1] == ["the"] else 0)
        return [r for r in ((i, i + k), (second, j)) if r[1] > r[0]]
    return [(i, j)]
