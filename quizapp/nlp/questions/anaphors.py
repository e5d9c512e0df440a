"""Definite references back into the article: "the chip", "the three firms", "the unit's future".

A noun phrase opening on "the" whose noun the article used in an earlier sentence points back
at that earlier mention ("The firms have been working on the chip since 2001"): read alone,
the stem does not say which chip. "The three firms" counts things named before it. Where the
article gave the thing one name, the stem can print it ("the Cell chip"); otherwise the stem
leans on the article and is not made.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from quizapp.nlp.docindex import document_index, sentences_with_words
from quizapp.nlp.model import Document, Sentence, Token
from quizapp.nlp.numbers import NUMBER_WORDS
from quizapp.nlp.questions.anchors import word_set
from quizapp.nlp.questions.reference_words import (
    LOWER_WORD,
    NP_TAGS,
    ORGANISATION_DESCRIPTIONS,
    PERSON_DESCRIPTIONS,
    REFERRING_NOUNS,
    TIME_HEADS,
)

# Nouns that name one thing whatever the article ("the world", "the internet") or a part of
# any event ("the end", "the rest"): "the" does not point back at an earlier mention.
_UNIQUE = word_set(
    "world internet web sun moon sea earth press media market markets industry sector "
    "country nation state city capital region area end start beginning rest top bottom "
    "way number majority minority total back front middle line level age stage "
    "law courts court army navy military weather environment net economy people public"
)
# Words before the noun that say which one on their own ("the first chip", "the biggest firm").
_SELF_DEFINING = word_set(
    "first second third fourth fifth last next final latest only same other previous "
    "following former current new whole entire opening closing original main average "
    "typical"
)
# "the three firms": counts a reference may hold ("both" counts two).
_COUNT_WORDS = {word: n for word, n in NUMBER_WORDS.items() if n <= 10} | {"both": 2}
# What may follow the noun and say which one: "the chip inside the console", "the firms
# behind it", "the firm Cell", "the unit that makes ...". Not "in" or "at": "the decision in
# Delhi" says where it was announced, not which decision.
_SAYS_WHICH = re.compile(
    r"^(?:\s+(?:of|with|between|for|to|on|about|against|over|by|from|that|which|who|whose|"
    r"inside|behind|called|named|known|where|when|whose)\b|\s+(?:in|at)\s+(?:the\s+)?[A-Z]|"
    r"\s+(?:[A-Z0-9]|[\"“‘'][A-Z0-9])|['’-])"
)
# Tags after the noun that open a clause saying which one: "the debt owed to ...", "the
# information they need".
_CLAUSE_AFTER = frozenset({"VBN", "VBG", "PRP", "DT"})
# Tags before "the" that make the phrase a setting or a complement ("in the doubles", "onto
# the bench", "about the tags"): a general use more often than a pointer to one thing.
_SETTING_BEFORE = frozenset({"IN", "TO"})
# Words tagged as prepositions that open a clause: "believe that the unit ...".
_CLAUSE_OPENERS = frozenset({"that", "whether", "if", "because", "as", "than", "while", "although"})
# A run of names in the stem: "Sony, IBM and Toshiba" are three.
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’&.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’&.-]*)*")


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _used_before(doc: Document, sentence: Sentence, noun: str) -> bool:
    """Whether a sentence before this one uses the common noun (compared as singulars)."""
    first_use = document_index(doc, "anaphors.first_use", _first_use)
    return first_use.get(_singular(noun), sentence.index) < sentence.index


def _first_use(doc: Document) -> dict[str, int]:
    """Each common noun's (as a singular) first sentence: worked out once per document, as
    scanning every earlier sentence for every stem made long documents quadratic."""
    first: dict[str, int] = {}
    for s in doc.sentences:
        for t in s.tokens:
            if t.tag in ("NN", "NNS") and LOWER_WORD.fullmatch(t.text):
                first.setdefault(_singular(t.text), s.index)
    return first


def definite_phrases(tokens: Sequence[Token], *, counted: bool) -> Iterator[tuple[int, int]]:
    """Each "the" of the sentence and the lower-case noun phrase after it, as token indexes
    (the, end): the one scanner of definite references ("the case", "the chip", "the three
    firms"), whose callers judge the phrase. ``counted`` reads a phrase as a count of things
    named before: at most four words, a word taken for a verb after a count is the plural noun
    ("the two lifts"), a possessive ends it ("the unit's future"), and so does a counted
    plural ("the three firms claim"). Without it a word taken for a verb right after "the" is
    a noun ("The call comes ...")."""
    for i, token in enumerate(tokens):
        if token.text.lower() != "the":
            continue
        j = i + 1
        while j < len(tokens) and (not counted or j - i <= 4):
            word, tag = tokens[j].text, tokens[j].tag
            after_count = counted and tokens[j - 1].text.lower() in _COUNT_WORDS and tag == "VBZ"
            verb_noun = not counted and j == i + 1 and tag in ("VB", "VBP")
            if not ((tag in NP_TAGS or after_count or verb_noun) and LOWER_WORD.fullmatch(word)):
                break
            if counted and tag == "POS":
                break
            j += 1
            if (
                counted
                and (tokens[j - 1].tag == "NNS" or after_count)
                and any(t.text.lower() in _COUNT_WORDS for t in tokens[i + 1 : j - 1])
            ):
                break
        yield i, j


def pointing_back(
    doc: Document, sentence: Sentence, a: int, b: int, quoted: list[tuple[int, int]]
) -> list[tuple[str, int, int, bool]]:
    """Definite noun phrases of the sentence that point back at an earlier mention, outside the
    answer [a, b) and quoted words: (noun, start, end, counted) with the noun's place in the
    sentence; ``counted`` for "the three firms", which no one name can replace."""
    tokens = sentence.tokens
    text = sentence.text
    out = []
    for i, j in definite_phrases(tokens, counted=True):
        token = tokens[i]
        plural = tokens[j - 1].tag == "VBZ" and tokens[j - 2].text.lower() in _COUNT_WORDS
        if j == i + 1 or (tokens[j - 1].tag not in ("NN", "NNS") and not plural):
            continue
        possessor = j < len(tokens) and tokens[j].tag == "POS"
        words = [t.text.lower() for t in tokens[i + 1 : j]]
        counts = any(w in _COUNT_WORDS for w in words)
        if any(t.tag in ("NN", "NNS") for t in tokens[i + 1 : j - 1]) and not counts:
            continue  # "the budget deficit", "the production unit": a compound says more
        before = tokens[i - 1] if i else None
        setting = before is not None and before.tag in _SETTING_BEFORE
        if setting and before.text.lower() not in _CLAUSE_OPENERS and not (possessor or counts):
            continue
        if j < len(tokens) and tokens[j].tag in _CLAUSE_AFTER and tokens[j].text != "the":
            continue
        head = tokens[j - 1]
        noun = head.text.lower()
        if noun in REFERRING_NOUNS | PERSON_DESCRIPTIONS | ORGANISATION_DESCRIPTIONS:
            continue  # the stand-ins and the referring nouns have their own rules
        if noun in TIME_HEADS or _singular(noun) in TIME_HEADS:
            continue  # asked by the list of referring nouns, or a time read against the date
        if noun in _UNIQUE or _singular(noun) in _UNIQUE:
            continue
        if any(w in _SELF_DEFINING or tokens[i + 1 + k].tag == "JJS" for k, w in enumerate(words)):
            continue
        start, end = token.start - sentence.start, head.end - sentence.start
        if start < b and a < end:
            continue
        if any(q0 <= start < q1 for q0, q1 in quoted):
            continue
        after = text[end:]
        if (
            not possessor
            and _SAYS_WHICH.match(after)
            and not (b > end and re.fullmatch(r"\s+\w+\s+", text[end:a]))
        ):
            continue
        if re.search(r"[A-Z][\w'’.-]*\s*[,–—-]\s*$", text[:start]):
            continue  # "Cell, the chip ...": apposition names it
        if b <= start and re.fullmatch(r"[\s,–—-]*", text[b:start]):
            continue  # "_____, the chip ...": the answer says which
        count = next((_COUNT_WORDS[w] for w in words if w in _COUNT_WORDS), None)
        if count is None and any(t.tag == "CD" for t in tokens[i + 1 : j - 1]):
            continue  # "the 201st base", "the 1,360 km border": a figure says which
        if count is not None:
            named = len(_NAME.findall(text[:start]))
            if named < count:
                out.append((head.text, head.start - sentence.start, end, True))
            continue
        if _used_before(doc, sentence, noun) and not _named_in(doc, sentence, noun, text, a, b):
            out.append((head.text, head.start - sentence.start, end, False))
    return out


_NAME_WORD = r"[A-Z][\w'’&.-]*"


def _named_in(doc: Document, sentence: Sentence, noun: str, text: str, a: int, b: int) -> bool:
    """Whether the stem already holds a name the article gave the noun before ("Lyric chairman
    ... the theatre" after "the Lyric Theatre"): then the reference is resolved."""
    word = rf"(?i:{re.escape(noun)}|{re.escape(_singular(noun))})"
    patterns = (
        re.compile(rf"\b((?:{_NAME_WORD}\s+){{1,3}}){word}\b"),
        re.compile(rf"\b{word}\s+((?:{_NAME_WORD}\s*){{1,3}})"),
    )
    stem = text[:a] + " " + text[b:]
    if re.search(rf"\b{re.escape(noun.capitalize())}\s+[A-Z]", stem):
        return True  # "the Battle of Fort Bull ... destroyed the fort": the stem names it
    earlier = [doc.title or "", doc.standfirst or ""]
    earlier += [s.text for s in _earlier_with(doc, sentence, noun)]
    for passage in earlier:
        for pattern in patterns:
            for m in pattern.finditer(passage):
                names = [w for w in m.group(1).split() if w not in ("The", "A", "An")]
                if any(re.search(rf"\b{re.escape(w)}\b", stem) for w in names):
                    return True
    return False


def earlier_name(doc: Document, sentence: Sentence, noun: str) -> str | None:
    """The noun with the one name the article gave it in an earlier sentence ("chip" -> "Cell
    chip" after "the so-called Cell chip"; "terminal" -> "terminal in Bergen" after "the new
    ferry terminal in Bergen"), or None when it gave none or several."""
    word = rf"(?i:{re.escape(noun)}|{re.escape(_singular(noun))})"
    names = re.compile(rf"\b((?:{_NAME_WORD}\s+){{1,3}})(?P<h>{word})\b")
    placed = re.compile(
        rf"\b(?:[Tt]he|[Aa]n?|its|their)\s+(?:[\w-]+\s+){{0,3}}(?P<h>{word})\s+"
        rf"((?:in|at|of|from|for|near|outside)\s+(?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{0,3}})"
    )
    found = set()
    for s in _earlier_with(doc, sentence, noun):
        for m in names.finditer(s.text):
            name = [w for w in m.group(1).split() if w not in ("The", "A", "An", "In", "At")]
            if name and not any(w[-1] in ",.;:" for w in name):
                found.add(f"{' '.join(name)} {noun}")
        for m in placed.finditer(s.text):
            found.add(f"{noun} {m.group(2).rstrip('.,;:')}")
    return next(iter(found)) if len(found) == 1 else None


def _earlier_with(doc: Document, sentence: Sentence, noun: str) -> list[Sentence]:
    """The sentences before this one that may hold the noun (or its singular): only those can
    match a pattern built on it (a per-document index; scanning every earlier sentence for
    every stem made long documents quadratic)."""
    words = {noun, _singular(noun)}
    where = None if "" in words else sentences_with_words(doc, words)  # "" matches anywhere
    if where is None:
        return list(doc.sentences[: sentence.index])
    return [doc.sentences[s] for s in where if s < sentence.index]
