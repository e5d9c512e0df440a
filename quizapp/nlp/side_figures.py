"""Figures and dates that frame a story rather than tell it: a population, a survey's size, the
value of a prize won before, the year of one dated example, an age told in passing, a list's
size, the month a sporting event is held in, how many guests a dinner has."""

from __future__ import annotations

import re

from quizapp.nlp.model import Document, Fact, FactType

# "the country's 1.3 billion people", "a population of 60 million": how many people live in a
# place is general knowledge the story sets its figures against.
_PEOPLE_AFTER = re.compile(
    r"^\s*(?:m|bn|million|billion)?\s*(?:people|inhabitants|citizens|residents|population)\b",
    re.IGNORECASE,
)
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:country|nation|world|state|city|continent)['’]s|[A-Z][a-z]+['’]s)\s+(?:total\s+)?$"
    r"|\bpopulation\s+of\s+(?:about\s+|around\s+|some\s+|more\s+than\s+|nearly\s+)?$"
)


def _after_figure(fact: Fact, after: str) -> str:
    """What follows the figure itself: the fact's own unit ("1.3 billion people") and the
    sentence after it."""
    return re.sub(r"^[£$€]?\d[\d.,]*", "", fact.text) + after


def population(fact: Fact, doc: Document) -> bool:
    """How many people a country or the world has ("the country's _____ billion people"):
    background the reader brings, not the article's news."""
    if fact.type is not FactType.QUANTITY:
        return False
    sentence = doc.sentences[fact.sentence]
    before = sentence.text[: fact.start - sentence.start]
    after = _after_figure(fact, sentence.text[fact.end - sentence.start :])
    people = _PEOPLE_AFTER.match(after) or "population" in before
    return bool(_PLACE_BEFORE.search(before) and people)


# "a survey of 2,000 people", "2,000 people surveyed", "a poll of 1,000 adults": how many
# were asked frames the finding; changing it changes no claim.
_SAMPLE_AFTER = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}(?:people|adults|respondents|consumers|users|voters|"
    r"children|parents|workers|firms|companies|businesses|households|students|"
    r"teachers|doctors|men|women|Britons|Americans)\b(?:\s+(?:\w+\s+){0,3}"
    r"(?:surveyed|polled|questioned|interviewed|asked|quizzed))?",
)
_ASKED = re.compile(r"\b(?:surveyed|polled|questioned|interviewed|quizzed)\b", re.IGNORECASE)


def sample_size(fact: Fact, doc: Document) -> bool:
    """How many people a survey asked ("More than half of _____ people surveyed", "a poll
    of _____ adults"): the size of the sample, not the finding."""
    if fact.type is not FactType.QUANTITY:
        return False
    sentence = doc.sentences[fact.sentence]
    before = sentence.text[: fact.start - sentence.start]
    after = _after_figure(fact, sentence.text[fact.end - sentence.start :])
    match = _SAMPLE_AFTER.match(after)
    if match is None:
        return False
    if _ASKED.search(match.group()):
        return True
    return bool(re.search(r"\b(?:survey|poll|sample|questionnaire)\s+of\s+\S*\s*$", before))


# "who won the _____ Jerwood painting prize in 2003": the cash value of a prize someone won
# before, told in passing.
_WON_BEFORE = re.compile(
    r"\bwho\s+(?:had\s+|has\s+)?(?:won|received|was\s+awarded|scooped|took)\s+(?:the\s+|a\s+)?$",
    re.IGNORECASE,
)
_WON_PRIZE = re.compile(
    r"\bwho\s+(?:had\s+|has\s+)?(?:won|received|was\s+awarded|scooped|took)\s+(?:the\s+|a\s+)?"
    r"(?:(?!,\s)[^;])*\b(?:prize|award|bursary|fellowship)\s+(?:in|on)\s+$",
    re.IGNORECASE,
)
_PRIZE_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,4}?\s+(?:prize|award|bursary|fellowship)\b", re.I)


def prize_value(fact: Fact, doc: Document) -> bool:
    """What a prize someone won before was worth, or when they won it, told in a relative
    clause ("who won the £30,000 Jerwood prize in 2003, said ..."): background to the news."""
    if fact.type not in (FactType.QUANTITY, FactType.DATE):
        return False
    sentence = doc.sentences[fact.sentence]
    before = sentence.text[: fact.start - sentence.start]
    after = sentence.text[fact.end - sentence.start :]
    if fact.type is FactType.QUANTITY:
        return bool(_WON_BEFORE.search(before) and _PRIZE_AFTER.match(after))
    return _WON_PRIZE.search(before) is not None


# "prizes including the Wales Open in 1989 and the Mostyn Open in 1991": examples, each dated.
_EXAMPLES_FROM = re.compile(r"\b(?:including|includes|include|such\s+as|among\s+them)\s", re.I)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def dated_example(fact: Fact, doc: Document) -> bool:
    """When one example of a list was won, made or held, where each example carries its own
    year: the list shows a record, and the year of any one of them is background."""
    if fact.type is not FactType.DATE:
        return False
    sentence = doc.sentences[fact.sentence]
    offset = fact.start - sentence.start
    opening = None
    for match in _EXAMPLES_FROM.finditer(sentence.text, 0, offset):
        opening = match
    if opening is None or re.search(r"[.;:]", sentence.text[opening.end() : offset]):
        return False
    rest = sentence.text[opening.end() :]
    end = re.search(r"[.;:]", rest)
    return len(_YEAR.findall(rest[: end.start() if end else len(rest)])) >= 2


# "the 26-year-old Bryan twins", "rest 18-year-old Nadal", "aged 26": a person's age told in
# passing.
_AGE_AFTER = re.compile(r"^\s*-?\s*years?-old\b|^\s*-?\s*years?\s+old\b", re.IGNORECASE)
_AGED_BEFORE = re.compile(r"\baged\s+$", re.IGNORECASE)
# A sentence about an age: a record, the youngest or oldest, a birthday, a limit.
_ABOUT_AGE = re.compile(
    r"\b(?:youngest|oldest|young|younger|older|record|records|birthday|turned|turns|turning|"
    r"retire[sd]?|retirement|age|ages|teenage|teenager|veteran|minimum|limit|under-\d+)\b",
    re.IGNORECASE,
)


def passing_age(fact: Fact, doc: Document) -> bool:
    """A person's age told in passing ("The _____-year-old Bryan twins have won all four of
    their matches", "rest _____-year-old Nadal"): the news is what they did, and the age is
    asked only where the sentence is about it ("the youngest winner", "turned 40")."""
    if fact.type is not FactType.QUANTITY:
        return False
    sentence = doc.sentences[fact.sentence]
    at, end = fact.start - sentence.start, fact.end - sentence.start
    before, after = sentence.text[:at], sentence.text[end:]
    own = re.sub(r"^[\d.,]+", "", fact.text)  # a unit the fact itself holds ("26-year-old")
    if not (_AGE_AFTER.match(own + after) or _AGED_BEFORE.search(before)):
        return False
    rest = before + " " + re.sub(r"^\s*-?\s*years?[- ]old\b", "", own + after)
    return _ABOUT_AGE.search(rest) is None


# "a list of the top _____ gadgets", "a top _____ hit": how long a list or a chart band is.
_TOP_BEFORE = re.compile(r"\btop\s+$", re.IGNORECASE)


def list_size(fact: Fact, doc: Document) -> bool:
    """The size of a list or a chart band ("Stuff has compiled a list of the top _____
    gadgets", "the top _____ hit Money"): a round number of the list's frame, which a student
    guesses ("top 10") without reading, not a finding."""
    if fact.type not in (FactType.QUANTITY, FactType.ORDINAL):
        return False
    sentence = doc.sentences[fact.sentence]
    return _TOP_BEFORE.search(sentence.text[: fact.start - sentence.start]) is not None


# "run in the World Cross Country Championships in _____", "missed the national trials in early
# _____": the month a fixture of the sporting calendar is held in.
_EVENT_IN = re.compile(
    r"\b(?:championships?|games|cup|open|marathon|trials|olympics|grand\s+prix|tournament|"
    r"meeting|regatta|rally)\s+in\s+(?:early\s+|late\s+|mid-?\s*)?$",
    re.IGNORECASE,
)


def event_month(fact: Fact, doc: Document) -> bool:
    """The month alone that a sporting event is held in ("wanted to run in the World Cross
    Country Championships in _____"): when a fixture of the calendar falls is background to
    what happened at it, and blind graders failed it as not worth asking."""
    if fact.type is not FactType.DATE or fact.attr("granularity") != "month_name":
        return False
    sentence = doc.sentences[fact.sentence]
    return _EVENT_IN.search(sentence.text[: fact.start - sentence.start]) is not None


# "The dinner ... is expected to be attended by more than _____ guests": how many sit at a
# social occasion the story only mentions.
_OCCASION = re.compile(
    r"\b(?:dinner|party|reception|banquet|gala|lunch|luncheon|wedding|ball|soiree|"
    r"fundraiser|fund-raiser)s?\b",
    re.IGNORECASE,
)
_GUESTS_AFTER = re.compile(r"^\s*(?:guests|diners|invitees|attendees|people)\b", re.IGNORECASE)


def guest_count(fact: Fact, doc: Document) -> bool:
    """How many guests a dinner, a party or a reception has ("is expected to be attended by
    more than _____ guests"): a figure of the occasion's staging, which blind graders failed
    as not worth asking."""
    if fact.type is not FactType.QUANTITY:
        return False
    sentence = doc.sentences[fact.sentence]
    after = _after_figure(fact, sentence.text[fact.end - sentence.start :])
    return bool(_GUESTS_AFTER.match(after) and _OCCASION.search(sentence.text))
