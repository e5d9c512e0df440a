"""Facts a strict teacher never asks, whatever the article: a holiday ("this Christmas"), a
length and a generic noun ("a two-day event"), who said a throwaway line, and what general
knowledge gives away ("_____'s iPod", "the 11 September attacks").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.nlp.docindex import document_index
from quizapp.nlp.model import Document, Fact, FactType

# Days and seasons of the calendar: "a gadget shortage this _____" (Christmas) and "expected
# in the _____" (New Year) are guessed from the words around them, not learnt from the article.
_HOLIDAYS = frozenset(
    {"christmas", "easter", "new year", "new year's eve", "new year's day", "christmas eve"}
    | {"christmas day", "boxing day", "halloween", "thanksgiving", "ramadan", "eid", "diwali"}
    | {"hanukkah", "valentine's day", "midsummer", "lent", "advent", "hogmanay", "passover"}
)
# "a two-day event", "the three-year study": a length and a generic noun, not a key term.
_SPAN_PHRASE = re.compile(
    r"^(?:a |an |the )?(?:\w+-)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|forty|fifty|hundred)-(?:day|week|month|year|hour|minute"
    r")s?\b",
    re.IGNORECASE,
)


def is_filler(fact: Fact) -> bool:
    """A holiday or a length-and-noun phrase: blind graders failed every such item."""
    words = fact.text.lower().replace("\u2019", "'")
    if fact.type in (FactType.OTHER, FactType.PLACE, FactType.DATE) and words in _HOLIDAYS:
        return True
    return fact.type is FactType.OTHER and bool(_SPAN_PHRASE.match(fact.text))


# A quotation worth attributing says something on its own; a reaction ("What a great way to
# finish the year", "If we lose next week, then we are struggling") is a throwaway line.
MIN_QUOTE_WORDS = 10
# A line that opens on a pronoun the reader cannot resolve is a reaction unless it goes on.
POINTING_QUOTE_WORDS = 16
_POINTING = re.compile(r"^(?:it|it's|they|they're|this|that|he|she)\b", re.IGNORECASE)
_OF_THE_MOMENT = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this day|next week|last night|this week|"
    r"this weekend)\b(?!['\u2019])",
    re.IGNORECASE,
)


def is_throwaway(fact: Fact) -> bool:
    """A quotation too short or too tied to its moment to be worth asking who said it."""
    if fact.type is not FactType.QUOTE:
        return False
    words = (fact.attr("quote") or "").strip(" \"'\u201c\u201d\u2018\u2019")
    count = len(words.split())
    if count < MIN_QUOTE_WORDS or _OF_THE_MOMENT.search(words):
        return True
    return count < POINTING_QUOTE_WORDS and bool(_POINTING.match(words))


_QUOTED_WORDS = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")
# Besides the quotation, a sentence that only gives its speaker has about this many words.
SPEAKER_WORDS = 14
MIN_LINE_WORDS = 1
_SPEAKING = frozenset(
    {"said", "says", "replied", "added", "told", "insisted", "admitted", "called", "joked"}
)


def speaks_a_line(fact: Fact, doc: Document) -> bool:
    """A name whose sentence is only a throwaway quotation and its speaker ('"Not that I am
    aware of," Mr Myers replied.'): asking the name asks who said a line."""
    if fact.type not in (FactType.PERSON, FactType.OTHER):
        return False
    text = doc.sentences[fact.sentence].text
    quoted = _QUOTED_WORDS.findall(text)
    if len(quoted) != 1:
        return False
    rest = _QUOTED_WORDS.sub(" ", text)
    words = re.findall(r"[A-Za-z]+", rest)
    if len(words) > SPEAKER_WORDS or not any(w.lower() in _SPEAKING for w in words):
        return False  # a word in scare quotes ("help, but not for 'free'"), not a line
    line = quoted[0].strip(" ,.")
    count = len(line.split())
    if count < MIN_LINE_WORDS:
        return False
    return (
        count < MIN_QUOTE_WORDS
        or bool(_OF_THE_MOMENT.search(line))
        or (count < POINTING_QUOTE_WORDS and bool(_POINTING.match(line)))
    )


# "the 11 September attacks", "the 7 July bombings": the date is the event's name.
_EVENT_AFTER = re.compile(
    r"^\s+(?:attacks?|bombings?|massacre|riots?|uprising|revolution|terror attacks?)\b",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"^['\u2019]s?\s+")


def known_anyway(facts: Sequence[Fact], doc: Document) -> set[Fact]:
    """Facts a student could give from general knowledge in their sentence: a date that names
    an event ("the _____ attacks"), the maker before its product ("_____'s iPod")."""
    products = {(f.sentence, f.start) for f in facts if _a_product(f)}
    out: set[Fact] = set()
    for fact in facts:
        sentence = doc.sentences[fact.sentence]
        after = sentence.text[fact.end - sentence.start :]
        if fact.type is FactType.DATE and _EVENT_AFTER.match(after):
            out.add(fact)
        possessive = _POSSESSIVE_AFTER.match(after)
        maker = fact.type in (FactType.ORGANISATION, FactType.PLACE)
        if maker and possessive and (fact.sentence, fact.end + possessive.end()) in products:
            out.add(fact)
    return out


def _a_product(fact: Fact) -> bool:
    """An untyped name (a product, a brand) rather than a person, firm or place."""
    return fact.type is FactType.OTHER and fact.attr("form") == "name"


# "No one at X was available for comment": a sentence that says nothing happened.
_NO_COMMENT = re.compile(
    r"\b(?:(?:un)?available for comment|declined to comment|could not be reached|"
    r"refused to comment|would not comment|no one .{0,40}? comment)",
    re.IGNORECASE,
)


def says_nothing(fact: Fact, doc: Document) -> bool:
    """The fact's sentence only reports that nobody commented."""
    return fact.sentence in document_index(doc, "filler.no_comment", _no_comment_sentences)


def _no_comment_sentences(doc: Document) -> frozenset[int]:
    # Once per document, not once per fact of each sentence.
    return frozenset(i for i, s in enumerate(doc.sentences) if _NO_COMMENT.search(s.text))
