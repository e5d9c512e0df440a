"""Facts a student gives without having read the article, or cannot tell apart from its twins.

Blind graders failed each as not worth asking or vague: the year of a document's title ("the
White Paper on the prospects for the EU in _____"), the UK or the US as where something
happened ("at one Tesco distribution centre in the _____"), and one of several places the
article takes in turn in parallel sentences ("At Heathrow, ...", "At Gatwick, ...", "At
Stansted, ..."), where the stem does not say which; and a year beside the year before or
after it ("expected to rise in _____, but not as quickly as in 2004"). Each rule reads the fact's place in its
sentence and the article's shape, never particular sentences.
"""

from __future__ import annotations

import re

from quizapp.nlp.model import Document, Fact, FactType

# A document, a plan or an outlook that a year scopes ("the White Paper on the prospects for
# the EU in 2005", "the budget for 2006"): the year is part of what it is called.
_SCOPED_NOUN = re.compile(
    r"\b(?:paper|report|review|plan|plans|budget|strategy|programme|program|forecast|"
    r"forecasts|prospects|outlook|agenda|priorities|vision|manifesto|blueprint)\b"
)
_BARE_YEAR = re.compile(r"^(?:19|20)\d\d$")
_IN_OR_FOR = re.compile(r"\b(?:in|for)\s+$")
_FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBZ", "VBP", "MD", "VBN", "VB", "VBG"})


def title_year(fact: Fact, doc: Document) -> bool:
    """A year that scopes a document or an outlook named just before it, with no verb between
    ("launch the new White Paper on the prospects for the EU in _____"): the year belongs to
    the title, and the article's own year is the one anyone would write."""
    if fact.type is not FactType.DATE or not _BARE_YEAR.match(fact.text.strip()):
        return False
    sentence = doc.sentences[fact.sentence]
    before = sentence.text[: fact.start - sentence.start]
    if not _IN_OR_FOR.search(before):
        return False
    tokens = [t for t in sentence.tokens if t.end <= fact.start][-9:]
    for token in reversed(tokens):
        if token.tag in _FINITE_OR_PARTICIPLE or token.text in ",;:":
            return False
        if _SCOPED_NOUN.match(token.text.lower()):
            return True
    return False


_YEAR_IN_TEXT = re.compile(r"(?<![\d£$€.,])\b(?:19|20)\d\d\b(?![\d%])")


def neighbour_year(fact: Fact, doc: Document) -> bool:
    """A year asked where its sentence names the year before or after it ("US retail spending
    is expected to rise in _____, but not as quickly as in 2004"): the stem all but says it,
    as the grader who failed it put it."""
    if fact.type is not FactType.DATE or not _BARE_YEAR.match(fact.text.strip()):
        return False
    year = int(fact.text.strip())
    sentence = doc.sentences[fact.sentence]
    own = range(fact.start - sentence.start, fact.end - sentence.start)
    return any(
        abs(int(match.group()) - year) == 1
        for match in _YEAR_IN_TEXT.finditer(sentence.text)
        if match.start() not in own
    )


# The UK or the US as the place "in the _____": where most of these stories happen, so the
# first answer anyone writes.
_HOME_COUNTRIES = frozenset(
    {"uk", "us", "usa", "united kingdom", "united states", "united states of america"}
)
_IN_THE = re.compile(r"\bin\s+the\s+$", re.IGNORECASE)


def default_country(fact: Fact, doc: Document) -> bool:
    """The UK or the US asked as where something is ("one Tesco distribution centre in the
    _____", "ensured a strong market in the _____"): the default guess for an English news
    story, right without reading it."""
    if fact.type is not FactType.PLACE or fact.text.strip().lower() not in _HOME_COUNTRIES:
        return False
    sentence = doc.sentences[fact.sentence]
    return _IN_THE.search(sentence.text[: fact.start - sentence.start]) is not None


# A sentence opening on a place and a comma: "At Heathrow, ...", "In Scotland, ...".
_FRONTED = re.compile(r"^(?:At|In|For)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}),\s")
# Sentences opening alike that make the fronted place one of a set the article goes through.
_PARALLEL = 1
# A figure or an ordinal in the rest of the sentence belongs to one place ("a third runway").
_PINNED = re.compile(
    r"\d|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE
)


def parallel_place(fact: Fact, doc: Document) -> bool:
    """A place opening its sentence ("At Gatwick, the company has written to homes ...") where
    other sentences of the article open the same way on other places ("At Heathrow, ...", "At
    Stansted, ..."): the article goes through them in turn and what is said of each could be
    said of another, so the stem does not pin which. A figure or an ordinal ("targets for a
    third runway") is a detail of one place, and pins it."""
    if fact.type not in (FactType.PLACE, FactType.ORGANISATION, FactType.OTHER):
        return False
    sentence = doc.sentences[fact.sentence]
    own = _FRONTED.match(sentence.text)
    if own is None or sentence.start + own.start(1) != fact.start:
        return False
    if _PINNED.search(sentence.text[own.end() :]):
        return False
    opening = own.group().split()[0]
    others = {
        match.group(1)
        for other in doc.sentences
        if other.index != sentence.index
        for match in [_FRONTED.match(other.text)]
        if match is not None and match.group().split()[0] == opening
    } - {own.group(1)}
    return len(others) >= _PARALLEL
