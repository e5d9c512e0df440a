"""Reported clauses: what a named speaker said, asked "according to" them."""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.nlp.model import Token
from quizapp.nlp.questions.wh_tokens import NP_TAGS, finite_positions, subject_start, words_of
from quizapp.nlp.words import lemma


def reported(tokens: Sequence[Token], kept: list[int], a: int) -> tuple[list[int], str] | None:
    """For "Halifax said (that) prices rose 15.1%" with the answer in what was said: the words
    said, and who said them ("Halifax") when a named speaker or a plural group says it."""
    finite = finite_positions(tokens, kept)
    if not finite:
        return None
    verb = finite[0]
    if lemma(tokens[kept[verb]].text.lower(), "VB") not in _SAYING or a <= kept[verb]:
        return None
    start = verb + 1
    if start < len(kept) and tokens[kept[start]].text.lower() == "that":
        start += 1
    inner = finite_positions(tokens, kept[start:])
    if not inner or a < kept[start]:
        return None
    subject = [tokens[i] for i in kept[start : start + inner[0]]]
    if not subject or len(subject) > 6 or any(t.tag not in NP_TAGS for t in subject):
        return None
    begin = subject_start(tokens, kept, verb)
    if begin is None:
        return None
    words = _speaker([tokens[i] for i in kept[begin:verb]])
    if words is None:
        return None
    return kept[start:], words


def said_after(tokens: Sequence[Token], kept: list[int], a: int) -> tuple[list[int], str] | None:
    """For "Prices rose 1.1% in December, the Halifax has said." with the answer before the
    comma: the words said, and who said them."""
    comma = max((k for k, i in enumerate(kept) if tokens[i].text == ","), default=-1)
    if comma < 3 or a >= kept[comma]:
        return None
    tail = [tokens[i] for i in kept[comma + 1 :]]
    if len(tail) < 2:
        return None
    verbs = [k for k, t in enumerate(tail) if t.tag[:2] == "VB"]
    if not verbs or lemma(tail[verbs[-1]].text.lower(), "VB") not in _SAYING:
        return None
    last = verbs[-1]
    if last == len(tail) - 1:  # ", the Halifax (has) said"
        who = tail[: verbs[0]]
        if [t.tag for t in tail[verbs[0] : last]] not in ([], ["VBZ"], ["VBP"]):
            return None
    elif last == 0:  # ", said Mr Ellis"
        who = tail[1:]
    else:
        return None
    words = _speaker(who)
    if words is None or not finite_positions(tokens, kept[:comma]):
        return None
    return kept[:comma], words


def _speaker(who: Sequence[Token]) -> str | None:
    """A named speaker or a plural group ("Halifax", "the UK's biggest lender", "analysts")."""
    if not who or len(who) > 8 or any(t.tag not in NP_TAGS for t in who):
        return None
    if not any(t.tag in ("NNP", "NNPS") for t in who) and who[-1].tag != "NNS":
        return None  # "the official said": nobody a student could tell apart
    words = " ".join(t.text for t in who).replace(" 's", "'s").replace(" '", "'")
    if who[0].tag in ("DT", "NNS", "JJ") and not who[0].text.isupper():
        words = words[:1].lower() + words[1:]
    return words


# Verbs that report what someone said or found; their clause is asked "according to" them.
_SAYING = frozenset(
    words_of(
        "say believe claim insist argue warn show suggest reveal report predict estimate "
        "forecast announce confirm add note find"
    )
)
