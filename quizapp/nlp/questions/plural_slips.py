"""Slips of number an article makes: a plural noun that lost its "s" ("operators of
BitTorrent server site" where it writes "server sites" elsewhere, "one of the biggest company")
or a singular article before a plural ("a stars"). A stem must not copy them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.nlp.model import Document, Sentence, Token
from quizapp.nlp.questions.slips import SINGULAR_PLURALS


def number_slip(doc: Document, sentence: Sentence, printed: str) -> str | None:
    """A slip of number in the sentence that the printed stem or question copies, or None."""
    tokens = sentence.tokens
    lost = a_before_plural(tokens) or one_of_singular(tokens) or bare_compound(tokens, doc.text)
    return lost if lost is not None and lost in printed else None


_DETERMINERS = frozenset({"DT", "PRP$", "CD", "POS", "WP$", "PDT"})
# Before these a bare singular reads as English ("by text message", "per head", "on loan").
_BARE_SINGULAR_OK = frozenset(
    {"by", "per", "via", "on", "at", "as", "from", "into", "to", "under", "without", "than"}
)
_MODIFIERS = frozenset({"JJ", "NN", "NNP", "VBG", "VBN"})


def bare_compound(tokens: Sequence[Token], text: str) -> str | None:
    """A compound noun in the singular with no determiner ("against operators of BitTorrent
    server site") where the article writes the same compound in the plural ("server sites"):
    a count noun that lost its "s" (the article's slip). Returns the words, or None."""
    for i in range(2, len(tokens)):
        noun, before = tokens[i], tokens[i - 1]
        if noun.tag != "NN" or not noun.text.isalpha() or not noun.text.islower():
            continue
        if before.tag not in _MODIFIERS or not before.text.isalpha():
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is not None and (following.tag.startswith("NN") or following.text in "-'’"):
            continue  # "server site operators": a modifier, not the head
        # Walk back over the phrase's modifiers to the word that opens it.
        j = i - 1
        while j > 0 and tokens[j - 1].tag in _MODIFIERS and tokens[j - 1].text.isalpha():
            j -= 1
        opener = tokens[j - 1] if j > 0 else None
        if opener is None or opener.tag in _DETERMINERS or opener.tag != "IN":
            continue
        if opener.text.lower() in _BARE_SINGULAR_OK or tokens[j].text.lower() in _QUANTIFIERS:
            continue
        plural = rf"(?<![\w-]){re.escape(before.text)}\s+{re.escape(_plural(noun.text))}(?![\w'’-])"
        if re.search(plural, text, re.I):
            return f"{before.text} {noun.text}"
    return None


def _ends_phrase(tokens: Sequence[Token], j: int) -> bool:
    """Whether the noun at j ends its noun phrase (no noun, possessive or hyphen after it)."""
    if j + 1 >= len(tokens):
        return True
    following = tokens[j + 1]
    return not (
        following.tag.startswith("NN")
        or following.tag == "POS"
        or following.text in ("-", "'", "’")
    )


def one_of_singular(tokens: Sequence[Token]) -> str | None:
    """ "one of the biggest company": "one of the" before a singular noun that ends its phrase
    (the article's slip for "companies"). Returns the words, or None."""
    for i in range(len(tokens) - 3):
        if [t.text.lower() for t in tokens[i : i + 3]] != ["one", "of", "the"]:
            continue
        j = i + 3
        while j < len(tokens) and tokens[j].tag in ("JJ", "JJS", "RBS", "RB", "VBN"):
            j += 1
        if j >= len(tokens) or tokens[j].tag != "NN" or not tokens[j].text.islower():
            continue
        part_of = j + 1 < len(tokens) and tokens[j + 1].text == "of"
        if not _ends_phrase(tokens, j) or part_of:
            continue  # "one of the best transfer deals"; "one of the heart of the city"
        return " ".join(t.text for t in tokens[i : j + 1])
    return None


def a_before_plural(tokens: Sequence[Token]) -> str | None:
    """ "a new rules", "an key players": "a" or "an" before a plural noun that ends its phrase
    (the article's slip). ("a sports car" and "a series" are English.) Returns the words."""
    for i in range(len(tokens) - 1):
        if tokens[i].text.lower() not in ("a", "an"):
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].tag in ("JJ", "JJR", "JJS", "RB", "VBN"):
            j += 1
        if j >= len(tokens) or tokens[j].tag != "NNS" or not tokens[j].text.isalpha():
            continue
        noun = tokens[j].text
        if not noun.islower() or noun in SINGULAR_PLURALS or not noun.endswith("s"):
            continue
        if noun.endswith(("ss", "us", "is", "ics", "ies")) or noun in _A_PLURAL_OK:
            continue
        if not _ends_phrase(tokens, j):
            continue  # "a savings account", "a sports car": the plural is a modifier
        return " ".join(t.text for t in tokens[i : j + 1])
    return None


# Plural-looking words a singular article takes ("a lens", "a few", "a means", "a gas").
_A_PLURAL_OK = frozenset(
    {"lens", "gas", "bus", "bonus", "census", "canvas", "circus", "campus", "virus", "status"}
    | {"chaos", "ethos", "process", "success", "access", "address", "business", "class"}
    | {"thanks", "goods", "clothes", "arms", "works", "barracks", "gallows", "innings"}
    | {"means", "series", "species", "crossroads", "headquarters", "news", "odds", "lots"}
)


_QUANTIFIERS = frozenset({"more", "less", "much", "enough", "most", "further", "such"})


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"
