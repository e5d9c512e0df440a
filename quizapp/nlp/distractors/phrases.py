"""Options for common-noun phrases: the article's phrases of the key's kind, number and shape."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from quizapp.nlp.distractors.overlap import _overlapping, same_words
from quizapp.nlp.distractors.pools import Pools
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.text import normalise


def phrase_distractors(
    fact: Fact, count: int, rng: random.Random, pools: Pools, *, exclude: Sequence[str] = ()
) -> list[str] | None:
    """Other noun phrases of the article of the same grammatical number and similar length."""
    answer = fact.text
    plural = answer.endswith("s") and not answer.endswith("ss")
    blocked = [b for b in (normalise(x) for x in exclude) if b]
    words = len(answer.split())
    about_people = _names_people(answer)
    kind = _phrase_kind(answer)
    if not kind:
        # "two-year study" among "non-technical language" and "broadband net access": without
        # a kind all options share, the options are nonsense beside the stem.
        return None
    candidates = []
    for other in pools.by_type.get(FactType.OTHER, ()):
        text = other.text
        if other.attr("form") != fact.attr("form") or normalise(text) == normalise(answer):
            continue
        if (text.endswith("s") and not text.endswith("ss")) != plural:
            continue
        if other.attr("head") and other.attr("head") == fact.attr("head"):
            continue
        # Same shape of phrase: "printing press" is not answered by "theologian".
        if abs(len(text.split()) - words) > 1 or (words > 1) != (len(text.split()) > 1):
            continue
        if _names_people(text) != about_people or _phrase_kind(text) != kind:
            continue
        if not _has_rare_word(text):
            continue  # "real value", "spending cash": everyday words make nonsense options
        candidates.append(text)
    rng.shuffle(candidates)
    chosen: list[str] = []
    for candidate in candidates:
        norm = normalise(candidate)
        if any(_overlapping(norm, normalise(c)) for c in [answer, *chosen]):
            continue
        if any(norm == b or _overlapping(norm, b) for b in blocked):
            continue
        if len(candidate) > 2 * len(answer) + 3 or len(answer) > 2 * len(candidate) + 3:
            continue
        if candidate[:1].isupper() != answer[:1].isupper():
            continue
        if any(same_words(candidate, c) for c in [answer, *chosen]):
            continue
        chosen.append(candidate)
        if len(chosen) == count:
            return chosen
    return None


def _has_rare_word(phrase: str) -> bool:
    """Whether a phrase holds a word outside everyday English (a term, not a turn of phrase)."""
    from quizapp.nlp.salience import RARE_ZIPF, zipf

    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", phrase) if len(w) > 2]
    return any(zipf(w) <= RARE_ZIPF for w in words)


# Head nouns of bodies of people: "anti-hunt organisations" is answered by other bodies, never
# by "hunt enthusiasts" (people) or "wild mammals".
_BODY_HEADS = frozenset(
    [
        "organisation",
        "organization",
        "group",
        "company",
        "firm",
        "body",
        "association",
        "union",
        "agency",
        "charity",
        "party",
        "club",
        "team",
        "bank",
        "airline",
        "carrier",
        "retailer",
        "broadcaster",
        "network",
        "manufacturer",
        "maker",
        "supplier",
        "operator",
        "provider",
        "publisher",
        "studio",
        "label",
        "council",
        "committee",
        "government",
        "authority",
        "regulator",
        "institution",
        "university",
        "school",
        "college",
        "newspaper",
        "paper",
        "website",
    ]
)


def _phrase_kind(phrase: str) -> str:
    """'people' ("local officials"), 'body' ("anti-hunt organisations") or '' for a phrase
    whose kind cannot be told from its head noun."""
    from quizapp.nlp.words import lemma

    if _names_people(phrase):
        return "people"
    head = phrase.split()[-1].lower() if phrase.split() else ""
    if lemma(head, "NN") in _BODY_HEADS or head in _BODY_HEADS:
        return "body"
    return ""


def _names_people(phrase: str) -> bool:
    """Whether a noun phrase names people ("theologian", "local officials")."""
    from quizapp.nlp.gazetteers import role_words
    from quizapp.nlp.words import lemma

    head = phrase.split()[-1].lower()
    return lemma(head, "NN") in role_words() or head in role_words()
