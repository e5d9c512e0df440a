"""Names whose words say what they name: titles of works an article introduces by their kind
("her 2000 album Drama", "the musical Oliver!"), and named awards, festivals and programmes."""

from __future__ import annotations

import re

from quizapp.nlp.model import Document, Fact

# The kinds of work whose title a teacher asks ("Which album ...?").
WORK_NOUNS = frozenset(
    {
        "album",
        "single",
        "song",
        "hit",
        "film",
        "movie",
        "novel",
        "book",
        "play",
        "musical",
        "opera",
        "series",
        "sitcom",
        "documentary",
        "game",
        "sequel",
        "track",
    }
)


def titled_work(fact: Fact, doc: Document) -> bool:
    """An untyped name right after a work noun ("album Drama", "single, Superstar,") that is
    the whole title: no capitalised word, figure or colon runs on after it ("film Nightmare
    On Elm Street", "game Halo 2" were cut short), and the noun is no award's category
    ("a best film Oscar")."""
    sentence = doc.sentences[fact.sentence]
    tokens = sentence.tokens
    before = [t for t in tokens if t.end <= fact.start]
    if before and before[-1].text == ",":
        before = before[:-1]
    if not before or before[-1].text not in WORK_NOUNS or before[-1].tag.startswith("VB"):
        return False  # ("persuaded DiCaprio to play Hughes": a verb, no kind of work)
    if len(before) > 1 and before[-2].text.lower() == "best":
        return False
    after = next((t for t in tokens if t.start >= fact.end), None)
    if after is None:
        return True
    runs_on = after.start == fact.end or after.text[:1].isupper() or after.text[:1].isdigit()
    return not (runs_on and after.text not in (",", ".", "!", "?", ";", ")", "'s"))


# The head word of a named occasion: the name says it is an award, a festival, a contest.
_OCCASION = re.compile(
    r"\s(?:Awards?|Prizes?|Festival|Cup|Championships?|Games|Olympics|Conference|Summit|Expo|"
    r"Trophy)$"
)
# The head word of a named programme of government or a law: what a policy story is about.
_PROGRAMME = re.compile(r"\s(?:Programme|Program|Scheme|Initiative|Act)$")


def _cut_from_a_longer_name(fact: Fact, doc: Document) -> bool:
    """The tail of a longer name cut at "and" or "of" ("the Pew Internet and American Life
    Project"), or a name running on into more capitalised words."""
    tokens = doc.sentences[fact.sentence].tokens
    before = [t for t in tokens if t.end <= fact.start]
    after = next((t for t in tokens if t.start >= fact.end), None)
    if before and before[-1].text in ("and", "of", "&"):
        return True
    return after is not None and after.text[:1].isupper()


def _whole_name(fact: Fact, doc: Document) -> bool:
    """The name is the head of its phrase: not a modifier of a common noun after it ("the
    Hunting Act ruling") and not cut from a longer name."""
    tokens = doc.sentences[fact.sentence].tokens
    after = next((t for t in tokens if t.start >= fact.end), None)
    modifies = after is not None and after.tag in ("NN", "NNS", "JJ", "VBG")
    return not modifies and not _cut_from_a_longer_name(fact, doc)


def occasion_name(text: str) -> bool:
    """Whether a name is a named award, festival or contest by its head word ("Sundance Film
    Festival"): a year beside it is its edition ("the 2005 ...", "... Award 2004"), not a part
    of it."""
    return _OCCASION.search(text.strip()) is not None


def named_occasion(fact: Fact, doc: Document) -> bool:
    """A named award, festival or contest in the article's lead sentence ("has won the Guardian
    First Book Award 2004", "cruised into the FA Cup quarter-finals"): the lead says what the
    story is about, and the name's head word says what kind of thing it is, so the name is a
    fact of the text though it is met once. Further down, a cup or an award named once is a
    side detail ("Sale host Bath in the Powergen Cup on Friday")."""
    return (
        fact.sentence == 0 and occasion_name(fact.text) and not _cut_from_a_longer_name(fact, doc)
    )


def named_programme(fact: Fact, doc: Document) -> bool:
    """A named programme, scheme, law or inquiry ("through the government's Behaviour
    Improvement Programme", "ruled the Hunting Act was lawful"): what a policy does or what a
    court rules on, named by the article wherever it is met."""
    return _PROGRAMME.search(fact.text.strip()) is not None and _whole_name(fact, doc)
