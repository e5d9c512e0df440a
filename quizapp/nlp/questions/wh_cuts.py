"""Where a clause's tail can be left off: a modifier after the answer, never part of what
the clause says."""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.nlp.model import Token
from quizapp.nlp.questions.wh_tokens import (
    FINITE,
    NOUNISH,
    REPORT_VERBS,
    SUBORDINATORS,
    TAIL_PREPS,
    finite_positions,
    list_goes_on,
)
from quizapp.nlp.words import lemma


def tail_cuts(tokens: Sequence[Token], kept: list[int], b: int) -> list[int]:
    """Positions in `kept` after the answer where a modifier starts that can be left off."""
    finite = finite_positions(tokens, kept)
    if not finite:
        return []
    verb = finite[0]
    main = lemma(tokens[kept[verb]].text.lower(), "VB")
    if main in REPORT_VERBS or (main == "be" and _copula(tokens, kept, verb)):
        # What was said is kept whole; "is the highest new entry [in the rich list]": what
        # a "be" clause says its subject is needs all its words.
        return []
    cuts = []
    for k in range(1, len(kept)):
        i = kept[k]
        if i < b or k <= verb + 1:
            continue
        t, prev = tokens[i], tokens[kept[k - 1]]
        if _splits_clause(tokens, kept[k:]) or _left_open(tokens, kept[verb + 1 : k]):
            continue
        comma = t.text == "," and not list_goes_on(tokens, i + 1)
        # Not "to" ("an attempt [to halt ...]", "the need [to reform ...]"): what the noun is.
        preposition = (
            t.tag == "IN"
            and t.text in TAIL_PREPS  # "Award For Comedy": a capital is inside a name
            and (prev.tag in NOUNISH or prev.text in (")", "]"))
        )
        if comma or preposition:
            cuts.append(k)
    return cuts


def _copula(tokens: Sequence[Token], kept: list[int], verb: int) -> bool:
    """Whether the "be" at `verb` links its subject to a noun phrase or an adjective (not the
    auxiliary of "was named", "is spending")."""
    for i in kept[verb + 1 :]:
        if tokens[i].tag == "RB":
            continue
        return tokens[i].tag not in ("VBN", "VBG")
    return True


def _left_open(tokens: Sequence[Token], kept: list[int]) -> bool:
    """Whether the kept words end inside a clause they opened ("... when Roy Carroll")."""
    opener = max(
        (
            n
            for n, i in enumerate(kept)
            if (tokens[i].text.lower() in _OPENERS or tokens[i].tag in ("WDT", "WP"))
            and not (tokens[i].tag == "DT" or _determiner_that(tokens, i))
        ),
        default=-1,
    )
    return opener >= 0 and not any(tokens[i].tag in FINITE for i in kept[opener + 1 :])


def _determiner_that(tokens: Sequence[Token], i: int) -> bool:
    """ "at that time": "that" before a noun is a determiner, not a clause."""
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return tokens[i].text.lower() == "that" and following is not None and following.tag == "NN"


POINTING_ADVERBS = frozenset({"then", "also", "meanwhile", "subsequently", "later"})
_OPENERS = SUBORDINATORS | {"where"}


def _splits_clause(tokens: Sequence[Token], removed: list[int]) -> bool:
    """Whether the words left off hold the verb of the clause they start ("raising the threshold
    [to £150,000 would prevent ...]"), not a clause of their own ("[in China which would ...]")."""
    for n, i in enumerate(removed):
        t = tokens[i]
        if n == 0 and t.text == ",":
            continue
        if t.text in (",", ";") or t.tag in ("WDT", "WP", "CC"):
            return False
        if t.text.lower() in SUBORDINATORS or t.text.lower() in ("as", "after", "before"):
            return False
        if t.tag in FINITE:
            return True
    return False
