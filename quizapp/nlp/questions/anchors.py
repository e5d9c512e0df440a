"""What a stem names: the article's names and key terms, and whether a stem names any of them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizapp.nlp.model import Document, Fact, FactType
from quizapp.nlp.questions.reference_words import CALENDAR

# Capitalised words that name no one: days and months, feasts, the first person.
NOT_ANCHORS = CALENDAR | {
    "I",
    "Christmas",
    "Easter",
    "New",
    "Year",
    "Eve",
    "Day",
    "Boxing",
    "Valentine",
    "Halloween",
}
WORD = re.compile(r"[A-Za-z][\w'’&.-]*")
QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
NAME_TYPES = (FactType.PERSON, FactType.ORGANISATION, FactType.PLACE)


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LAST_NAMES: list[tuple[Document, frozenset[str]]] = []


def article_names(doc: Document, facts: Iterable[Fact]) -> frozenset[str]:
    """The words the article uses as names: those of its named facts, and every word it
    capitalises inside a sentence ("Activision", "Republicans"), not only at its start."""
    for seen, names in _LAST_NAMES:
        if seen is doc:
            return names
    words = set(name_words(facts))
    for sentence in doc.sentences:
        text = sentence.text
        for m in WORD.finditer(text):
            if not m.group()[0].isupper():
                continue  # (trimming below keeps the first letter: checked first, as cheap)
            word = m.group().rstrip(".-")
            if word.endswith(("'", "’", "s")):
                word = POSSESSIVE.sub("", word)
            if word[:1].isupper() and not _opens(text, m.start()):
                words.add(word)
    names = frozenset((words - NOT_ANCHORS) | _key_terms(doc))
    _LAST_NAMES[:] = [(doc, names)]  # one article at a time: the builder asks for many stems
    return names


# A noun of the headline names the article's topic ("truants", "poster", "games") unless it
# is among the commonest words; so does a rarer one the article repeats (in this many sentences).
_TERM_ZIPF = 5.5
_RARE_ZIPF = 4.7
_TERM_REPEATS = 3
_SHORT_TEXT = 12


def _key_terms(doc: Document) -> set[str]:
    """The lower-case words that say what the article is about: the headline's uncommon words
    and the rare words its sentences keep coming back to (as singulars)."""
    from quizapp.nlp.salience import zipf

    nouns = {
        singular(t.text.lower())
        for sentence in doc.sentences
        for t in sentence.tokens
        if t.tag in ("NN", "NNS")
    }
    terms = {
        singular(w.lower())
        for w in re.findall(r"[A-Za-z][a-z-]{3,}", doc.title or "")
        if zipf(w.lower()) < _TERM_ZIPF and singular(w.lower()) in nouns
    }
    counts: dict[str, int] = {}
    for sentence in doc.sentences:
        for word in {singular(w) for w in re.findall(r"\b[a-z][a-z-]{3,}\b", sentence.text)}:
            counts[word] = counts.get(word, 0) + 1
    # A short text (an encyclopedia paragraph) comes back to its topic less often.
    repeats = _TERM_REPEATS if len(doc.sentences) > _SHORT_TEXT else _TERM_REPEATS - 1
    terms |= {w for w, n in counts.items() if n >= repeats and zipf(w) < _RARE_ZIPF}
    return terms


def singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def name_words(facts: Iterable[Fact]) -> frozenset[str]:
    """The words of the article's names (people, bodies, places, named things)."""
    words: set[str] = set()
    for fact in facts:
        if fact.type in NAME_TYPES or (fact.type is FactType.OTHER and fact.attr("form") == "name"):
            for text in (fact.text, fact.attr("canonical") or ""):
                words.update(w for w in WORD.findall(text) if w[:1].isupper())
    return frozenset(words)


def lacks_anchor(text: str, a: int, b: int, names: frozenset[str]) -> bool:
    """Whether the stem, besides its answer [a, b) and quoted words, names nothing at all:
    no person, body, place or title ("Excluding the car sector, sales rose by just _____%",
    "More than _____ acts will play on eight stages"). Such a stem does not say what it is
    about. A capitalised word inside a sentence is a name; the opening word only when the
    article uses it as one."""
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    for m in WORD.finditer(text):
        word = POSSESSIVE.sub("", m.group().rstrip(".-"))
        if a <= m.start() < b or any(q0 <= m.start() < q1 for q0, q1 in quoted):
            continue
        if not word[:1].isupper():
            if word.lower() in names or singular(word.lower()) in names:
                return False  # a key term of the article: "serial truants", "the poster"
            continue
        if word in NOT_ANCHORS:
            continue
        if not opening_word(text, m.start()) or word in names or acronym(word) or word in SCOPES:
            return False
    return True


def unquoted(text: str) -> str:
    """The text with its quotation marks blanked (same length), so quoted words count."""
    return re.sub(r"[\"“”]", " ", text)


def opening_word(text: str, at: int) -> bool:
    """Whether a word at ``at`` opens the stem or a sentence, quotation or bracket in it, where
    a capital says nothing about it being a name."""
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:;(“\"‘'"


def _opens(text: str, at: int) -> bool:
    """opening_word without copying the text before the word (asked for every capitalised
    word of a document)."""
    i = at - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in ".!?:;(“\"‘'"


POSSESSIVE = re.compile(r"['’]s?$")


def acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


# "World music sales", "Global sales": the whole world is what the figure is about.
SCOPES = frozenset({"World", "Global", "Worldwide", "International"})
