"""Whether the article ties a false statement's swapped-in name to the statement's action."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.nlp.facts.parties import party_of
from quizapp.nlp.model import Document, FactType
from quizapp.nlp.words import STOPWORDS, lemma

# Words too common in news to tie a name to one action: reporting verbs, light verbs,
# titles and time words ("said", "make", "Mr", "year").
_LIGHT = frozenset(
    [
        "say",
        "said",
        "says",
        "tell",
        "told",
        "add",
        "added",
        "make",
        "made",
        "take",
        "took",
        "give",
        "gave",
        "get",
        "got",
        "go",
        "went",
        "come",
        "came",
        "also",
        "would",
        "could",
        "should",
        "will",
        "may",
        "might",
        "must",
        "can",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "year",
        "years",
        "time",
        "times",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "people",
        "new",
        "last",
        "first",
        "one",
        "two",
        "three",
        "after",
        "before",
        "about",
        "over",
        "than",
        "more",
        "most",
        "other",
        "such",
        "into",
        "there",
        "their",
        "them",
        "they",
        "this",
        "that",
        "these",
        "those",
        "been",
        "being",
        "were",
        "was",
        "has",
        "had",
        "have",
        "which",
        "while",
        "when",
        "where",
        "what",
        "who",
        "whom",
        "whose",
    ]
)


@lru_cache(maxsize=4096)
def _forms(word: str) -> frozenset[str]:
    low = word.lower()
    return frozenset({low, lemma(low, "NN").lower(), lemma(low, "VB").lower()})


def _content(text: str, leave_out: frozenset[str]) -> set[str]:
    """The content words of a text as their lemmas, less the names' own words."""
    out: set[str] = set()
    for word in re.findall(r"[A-Za-z][A-Za-z'-]+", text):
        low = word.lower()
        if len(low) < 3 or low in STOPWORDS or low in _LIGHT or low in leave_out:
            continue
        out |= _forms(low)
    return out


def _mentions(sentence: str, name: str, kind: FactType) -> list[int]:
    """Where a sentence names the entity: in full, by surname (a person), or under another of
    its names or as its member (a party: "Tory frontbencher" for "the Tories")."""
    found = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence)]
    words = name.split()
    if kind is FactType.PERSON and len(words) >= 2:
        surname = rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])"
        found += [m.start() for m in re.finditer(surname, sentence)]
    party = party_of(name)
    if party:
        capitals = list(re.finditer(r"[A-Z]\w*", sentence))
        for size in (1, 2, 3):
            for i in range(len(capitals) - size + 1):
                if party_of(" ".join(m.group() for m in capitals[i : i + size])) == party:
                    found.append(capitals[i].start())
    return found


def _topic_words(doc: Document, own_sentence: int, leave_out: frozenset[str]) -> set[str]:
    """The title's words, and words of three or more other sentences: what the whole article
    is about ("foreign investment" in a story on it), which ties nobody to one act."""
    seen: dict[str, int] = {}
    for sentence in doc.sentences:
        if sentence.index != own_sentence:
            for word in _content(sentence.text, leave_out):
                seen[word] = seen.get(word, 0) + 1
    common = {word for word, count in seen.items() if count >= TOPIC_SENTENCES}
    return _content(doc.title or "", leave_out) | common


# How many other sentences make a word the article's topic rather than one act's.
TOPIC_SENTENCES = 3


def tied_to_action(
    doc: Document,
    own_sentence: int,
    statement: tuple[str, str],
    names: tuple[str, str],
    kind: FactType,
) -> bool:
    """Whether another sentence of the article puts the swapped-in name in the key's role
    beside a content word of the statement (its verb, object or other names): "The Tories
    called for Peter Hain to make a statement" is no false statement where "Tory frontbencher
    Andrew Tyrie demanded an immediate ministerial statement".

    ``statement`` is the stem before and after the key, ``names`` the key and the swap-in. The
    role is read from the order: a key before the statement's words (its subject) is matched
    by a mention before the shared word, a key after them by a mention after it.
    """
    key, swapped = names
    before, after = statement
    leave_out = frozenset(w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", f"{key} {swapped}"))
    subject = not _content(before, leave_out)
    # The article's topic (a "leak" in a story headed by it) ties everybody in it to
    # everything; the statement's other words tie a name to an act.
    wanted = _content(before + " " + after, leave_out) - _topic_words(doc, own_sentence, leave_out)
    if not wanted:
        return False
    for sentence in doc.sentences:
        if sentence.index == own_sentence:
            continue
        mentions = _mentions(sentence.text, swapped, kind)
        if not mentions:
            continue
        for word in re.finditer(r"[A-Za-z][A-Za-z'-]+", sentence.text):
            if not _content(word.group(), leave_out) & wanted:
                continue
            if subject and min(mentions) < word.start():
                return True
            if not subject and max(mentions) > word.start():
                return True
    return False
