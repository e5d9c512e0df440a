"""Which facts a word-bank passage may gap, and its bank: a distractor for every kind of gap.

A passage is graded as one item: one weak gap fails it. So a gap goes only on a fact whose
kind is sure (a bank that puts "Exhibitor Relations" among people, or a club among countries,
reads as nonsense), never on a second mention of a gapped name, never on one of two names of a
list that could swap places, and only where the bank holds a wrong entry of the gap's own kind:
a gap alone of its kind in the bank is answered by elimination.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.nlp.distractors import (
    common_noun_name,
    introduced_as_person,
    looks_like_place_or_body,
    same_words,
)
from quizapp.nlp.distractors.entity_class import PERSON_TITLES
from quizapp.nlp.docindex import document_index
from quizapp.nlp.gazetteers import organisations, place_kind, role_words
from quizapp.nlp.model import Document, Fact, FactType, Sentence
from quizapp.nlp.numbers import NUMBER_WORDS
from quizapp.nlp.salience import plain
from quizapp.nlp.text import normalise

# A bank holds at most this many distractors (the contract allows three), one per kind of gap.
MAX_KINDS = 3
_TITLE = re.compile(r"^(?:" + "|".join(sorted(t.capitalize() for t in PERSON_TITLES)) + r")\b\.?")
# Common nouns that say the name after them is an organisation ("consultancy group Capgemini").
_BODY_NOUN_WORDS = (
    r"\b(?:company|firm|group|manufacturer|maker|retailer|bank|label|network|broadcaster|agency|"
    r"carrier|airline|chain|giant|rival|operator|publisher|studio|club|party|union|"
    r"organisation|organization|charity|watchdog|regulator|consultancy|insurer|supermarket|"
    r"newspaper|channel|distributor|developer|provider|website|body)"
)
_BODY_NOUNS = re.compile(_BODY_NOUN_WORDS + r"\s+$", re.I)
_ORG_HEAD = re.compile(
    r"\b(?:Committee|Office|Ministry|Department|Party|Council|Association|Group|Company|Bank|"
    r"Corp|Corporation|Ltd|Inc|plc|Organi[sz]ation|Union|University|Agency|Commission|Service|"
    r"Network|News|Institute|Authority|Board|Federation|League|Club|Court|Parliament|Trust|"
    r"Foundation|Society|Fund|Securities|Airways|Records|Studios|Alliance|Centre|Center|"
    r"College|School|Hospital|Museum|Theatre|Theater|Police|Force|Forces|Assembly|Senate|"
    r"Congress|Commons|Lords|Executive|Cabinet|Treasury|Exchange|Partners|Holdings|Media|"
    r"Systems|Technologies|Motors|Airlines|Telecom)\b"
)
# Words for people that name the person right after them ("stars Robert De Niro").
_PERSON_NOUNS = frozenset(
    [
        "billionaire",
        "tycoon",
        "mogul",
        "model",
        "star",
        "stars",
        "starring",
        "guitarist",
        "drummer",
        "singer",
        "rapper",
        "comedian",
        "presenter",
        "novelist",
        "author",
        "writer",
        "referee",
        "fly-half",
        "scrum-half",
        "winger",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "captain",
        "coach",
        "manager",
        "boss",
        "champion",
        "murderer",
        "successor",
        "predecessor",
        "peer",
        "spokesman",
        "spokeswoman",
        "substitute",
        "soulman",
        "chairman",
        "founder",
    ]
)
_CALENDAR_WORDS = frozenset(
    [
        "Christmas",
        "Easter",
        "Day",
        "Eve",
        "Year",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
_REPORTED_TO = re.compile(r"\btold\s+(?:the\s+)?$")
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# "seven%", "$sixtybn", "£ninem": a spelled-out number glued to a figure's sign or unit.
_GLUED_NUMBER_WORD = re.compile(
    rf"(?i)[$£€]\s*(?:{_NUMBER_WORD})\b|(?:{_NUMBER_WORD})(?:%|bn\b|m\b|k\b)"
)
_LIST_GLUE = re.compile(
    r"^\s*(?:,\s*|\s+(?:and|or|&)\s+|,\s*(?:and|or)\s+)"
    r"(?:(?:[A-Z0-9][\w'’.-]*\s*)+(?:,\s*|\s+(?:and|or|&)\s+|,\s*(?:and|or)\s+))*$"
)


def sure_kind(fact: Fact, sentence: Sentence, doc: Document) -> bool:
    """Whether the fact is surely of its type, as a bank of its kind needs: a place a gazetteer
    knows, an organisation its name or the words before it say is one, a person the article
    gives a title, a role, speech or a surname of their own. Figures and dates always are."""
    if fact.type is FactType.PLACE:
        return bool(fact.attr("kind")) and not called_a_body(fact.text, doc)
    if fact.type is FactType.PERSON:
        return _surely_a_person(fact, sentence, doc)
    if fact.type is FactType.ORGANISATION:
        return _surely_a_body(fact, sentence)
    return fact.type in (FactType.QUANTITY, FactType.DATE, FactType.ORDINAL)


def called_a_body(name: str, doc: Document) -> bool:
    """Whether the article calls a name a firm or the like somewhere ("water firm Suez"): a
    city's name used for a company is no place in a bank of places."""
    if name[:1].isspace():
        return bool(re.search(rf"{_BODY_NOUN_WORDS}\s+{re.escape(name)}\b", doc.text, re.I))
    # Asked for every option of every passage: the name is tried only where a body noun and
    # its spaces end (found once per document), not searched for through the whole text.
    named = re.compile(rf"{re.escape(name)}\b", re.I)
    ends = document_index(doc, "body_noun_ends", _body_noun_ends)
    return any(named.match(doc.text, end) for end in ends)


_BODY_NOUN_RUN = re.compile(_BODY_NOUN_WORDS + r"\s+", re.I)


def _body_noun_ends(doc: Document) -> tuple[int, ...]:
    return tuple(m.end() for m in _BODY_NOUN_RUN.finditer(doc.text))


def _surely_a_person(fact: Fact, sentence: Sentence, doc: Document) -> bool:
    text = fact.text
    if common_noun_name(text) or looks_like_place_or_body(text):
        return False  # "Lib Dem", "Gloucester Citizen"
    if any(w in _CALENDAR_WORDS for w in text.split()):
        return False  # "Christmas Day"
    if any(w.lower() in PERSON_TITLES for w in text.split()[1:]):
        return False  # "Beatle Sir Paul McCartney": a title inside is a misread span
    if _TITLE.match(text) or fact.attr("role") or introduced_as_person(sentence.text, fact):
        return True
    before = sentence.text[: fact.start - sentence.start]
    if re.search(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+$", before):
        return True
    described = re.search(r"([a-z][\w-]*)\s+$", before)
    if described and (described.group(1) in role_words() or described.group(1) in _PERSON_NOUNS):
        return True  # "Australian billionaire Rupert Murdoch", "fly-half Charlie Hodgson"
    # Journalists name a person in full once and by surname after; nobody writes "Relations"
    # for "Exhibitor Relations" or "Alto" for "El Alto".
    canonical = fact.attr("canonical") or text
    words = canonical.split()
    if len(words) < 2:
        return False
    surname = words[-1]
    alone = len(re.findall(rf"\b{re.escape(surname)}\b", doc.text))
    whole = len(re.findall(rf"\b{re.escape(' '.join(words[-2:]))}\b", doc.text))
    if alone > whole:
        return True
    return not _named_like_a_thing(fact, sentence, words)


def _named_like_a_thing(fact: Fact, sentence: Sentence, words: list[str]) -> bool:
    """Signs that a two-word "person" is a firm, a team, a title or a place: it opens on a
    place ("Manchester United", "Gloucester Citizen"), ends on a plural ("Scissor Sisters",
    "Exhibitor Relations"), or a common noun or "the" stands right before it ("tracker
    Exhibitor Relations", "the city of El Alto") or after it ("the Ben Stiller comedy")."""
    if place_kind(words[0]):
        return True
    tokens = sentence.tokens
    inside = [t for t in tokens if fact.start <= t.start and t.end <= fact.end]
    if inside and inside[-1].tag in ("NNS", "NNPS"):
        return True
    before = [t for t in tokens if t.end <= fact.start]
    after = [t for t in tokens if t.start >= fact.end]
    if before:
        last = before[-1]
        if last.text.lower() == "the" or (last.text.islower() and last.tag.startswith("NN")):
            return True
        if last.text == "of" and len(before) > 1 and before[-2].text.islower():
            return True  # "the city of El Alto"
    return bool(after and after[0].text.islower() and after[0].tag.startswith("NN"))


def _surely_a_body(fact: Fact, sentence: Sentence) -> bool:
    text = fact.text
    if fact.attr("acronym") or fact.attr("expansion") or _ORG_HEAD.search(text):
        return True
    if normalise(text) in _known_bodies():
        return True
    before = sentence.text[: fact.start - sentence.start]
    return bool(_BODY_NOUNS.search(before))


_BODIES: frozenset[str] | None = None


def _known_bodies() -> frozenset[str]:
    global _BODIES
    if _BODIES is None:
        _BODIES = frozenset(normalise(name) for pair in organisations() for name in pair if name)
    return _BODIES


def worth_a_gap(fact: Fact, sentence: Sentence) -> bool:
    """Not who a speaker "told" (the outlet that reported it is not what the article is
    about), nor a name that is a title ("developed _____! with ...": Mamma Mia!)."""
    before = sentence.text[: fact.start - sentence.start]
    after = sentence.text[fact.end - sentence.start :]
    if re.match(r"[!?]\s*(?:[a-z,]|$)", after) and fact.type is not FactType.QUANTITY:
        return False
    if fact.type is FactType.PLACE and re.search(r"\bthe\s+$", before):
        return False  # "across the _____": few places of the bank would take "the"
    return not (fact.type is FactType.ORGANISATION and _REPORTED_TO.search(before))


def gap_kind(fact: Fact) -> str:
    """What a bank entry must be to fit the gap: a name's type, a figure's unit, a date's shape."""
    if fact.type is FactType.QUANTITY:
        return "quantity:" + re.sub(r"\d[\d,.]*", "#", fact.text.lower())
    if fact.type is FactType.DATE:
        shape = re.sub(r"\d+", "#", fact.text)
        shape = re.sub(r"\b[A-Z][a-z]+\b", "M", shape)
        return "date:" + shape
    return fact.type.value


def name_words(fact: Fact, *, every_word: bool = False) -> list[str]:
    """The words of a name that give it away when printed near its gap: the surname (every
    word after the first name), and the first name too when a title goes with it ("Sir
    Menzies" for "Sir Menzies Campbell"). With every_word, all the words the fact's own text
    names, titles left out (a gap needs two: "Sir Menzies" alone is half a name)."""
    if fact.type not in (FactType.PERSON, FactType.ORGANISATION, FactType.PLACE):
        return []
    source = fact.text if every_word else fact.attr("canonical") or fact.text
    words = re.findall(r"[A-Z][\w'’-]+", source)
    titled = bool(words) and words[0].lower() in PERSON_TITLES
    words = [w for w in words if w.lower() not in PERSON_TITLES]
    if every_word:
        return words
    if fact.type is FactType.PERSON and not titled:
        words = words[1:] or words
    return [w for w in words if len(w) > 2]


def shows_a_name(fact: Fact, visible_text: str) -> bool:
    """Whether the passage prints a word of the gap's name, or a place's adjective ("Russian"
    beside "_____'s fourth-biggest oil producer")."""
    for word in name_words(fact):
        if re.search(rf"\b{re.escape(word)}\b", visible_text):
            return True
        if (
            fact.type is FactType.PLACE
            and len(word) > 4
            and re.search(rf"\b{re.escape(word[:-1])}\w+", visible_text)
        ):
            return True
    return False


def same_entity(a: Fact, b: Fact) -> bool:
    """Whether two gaps name one person or body ("Sir Menzies Campbell", "Sir Menzies")."""
    if a.type is not b.type:
        return False
    wa, wb = set(name_words(a)), set(name_words(b))
    return bool(wa and wb and (wa <= wb or wb <= wa))


def in_one_list(text_between: str) -> bool:
    """Whether two gaps are items of one list ("the _____, Canada, _____ and Switzerland"):
    of the same kind, either could fill the other's gap."""
    return bool(_LIST_GLUE.match(text_between))


def fair_accepted(answer: str, forms: Sequence[str]) -> tuple[str, ...]:
    """The typed forms a passage keeps: none that glues a number word to a sign ("seven%") or
    drops the particle of a surname ("Niro" for "De Niro")."""
    out = []
    for form in forms:
        if _GLUED_NUMBER_WORD.search(form):
            continue
        if " " not in form and re.search(
            rf"\b(?:De|Di|Da|Van|Von|Le|La|Du)\s+{re.escape(form)}$", answer
        ):
            continue
        out.append(form)
    return tuple(out)


def fits_the_bank(candidate: str, entries: Sequence[str], visible_text: str) -> bool:
    """Whether a distractor may join the bank: not an entry already nor a rewording of one
    ("Appeal Court" beside "Court of Appeal"), and nothing the passage prints."""
    key = plain(candidate)
    if not key:
        return False
    visible = f" {plain(visible_text)} "
    if f" {key} " in visible:
        return False
    for entry in entries:
        other = plain(entry)
        if key == other or f" {key} " in f" {other} " or f" {other} " in f" {key} ":
            return False
        if same_words(candidate, entry):
            return False
    initials = "".join(w[0] for w in candidate.split() if w[:1].isupper())
    if len(initials) > 1 and re.search(rf"\b{initials}\b", visible_text):
        return False  # "United Kingdom" in the bank of a passage that prints "UK"
    for word in re.findall(r"[A-Z][\w'’-]{2,}", candidate):
        if word.lower() not in PERSON_TITLES and re.search(rf"\b{re.escape(word)}\b", visible_text):
            return False  # "Rinus Michels" in the bank of "Rinus Michels's _____ Dutch team"
    return True
