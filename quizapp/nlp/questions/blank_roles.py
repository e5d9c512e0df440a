"""Blanks whose role in the stem leaves the answer open: "_____'s team", "the _____ spokesman".

A blank can stand in a place where more than one answer fits, or where the stem around it
names nobody: "_____'s team" fits the captain as well as the coach; "The _____ spokesman
criticised ..." asks which party of an unnamed man; "the _____ team" with a person's name is a
group named after a place or project, cut in two. Each check names one such defect; the stem
builder makes no stem when any applies (another sentence or form may still ask the fact).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizapp.nlp.model import Document, Fact, FactType, Sentence
from quizapp.nlp.questions.reference_words import PERSON_DESCRIPTIONS

# "_____'s team", "_____'s young side": a group led by several people (captain, coach, owner).
_GROUP_AFTER_POSSESSIVE = re.compile(
    r"^['’]s?\s+(?:[a-z]+\s+)?(?:team|teams|side|squad|club|men|outfit|players|troops|crew|"
    r"team-mates|charges)\b"
)
# "captain _____'s team", "manager _____'s side": the role says which of them is meant.
_ROLE_BEFORE = re.compile(r"\b(" + "|".join(sorted(PERSON_DESCRIPTIONS)) + r")\s+$")
# "The _____ spokesman", "the _____ foreign affairs spokesman" with no name after it: roles a
# party or club gives to many people at once ("the DUP leader" is one man).
_MANY_HOLDERS = [
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "player",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "forward",
    "minister",
    "director",
    "executive",
    "official",
    "politician",
    "source",
    "star",
    "member",
]
_ROLE_AFTER = re.compile(
    r"^\s+(?:[a-z][\w-]*\s+){0,2}(" + "|".join(_MANY_HOLDERS) + r")\b(?!['’-])"
)
_THE_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he)\s+$")
# "Michael Ancram, the _____ spokesman": the apposition names him.
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s*,\s+[Tt]he\s+$")
_NAME_AFTER = re.compile(r"^(?:\s*,)?\s+(?:Sir\s+|Lord\s+|Dr\s+)?[A-Z][a-z]")
# "the _____ team", "the _____ project": a group noun right after the name.
_NOUN_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:team|group|project|unit|lab|laboratory|consortium|researchers|"
    r"scientists|study|programme|program|squad|side|crew)\b"
)
# A quotation and the capitalised runs inside it.
_QUOTE = re.compile(r"[\"“]([^\"”]*)[\"”]?")
_CAPITALISED_RUN = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def group_of_a_person(fact: Fact, text: str, a: int, b: int) -> bool:
    """Whether a person's name is asked as the owner of a team or side ("_____'s team have now
    got it all to do"): the captain, the coach and the chairman all fit the blank. A role before
    it ("captain _____'s team") says which one."""
    if fact.type is not FactType.PERSON or not _GROUP_AFTER_POSSESSIVE.match(text[b:]):
        return False
    return _ROLE_BEFORE.search(text[:a].lower()) is None


def unnamed_role_holder(fact: Fact, text: str, a: int, b: int) -> bool:
    """Whether the blank only qualifies a role whose holder the stem leaves unnamed ("The _____
    spokesman criticised the government", "the _____ manager said"): which spokesman, the stem
    cannot say, and any party or club whose spokesman the article quotes fits. A name right
    after the role ("the _____ spokesman Liam Fox") or in apposition before it names him."""
    if fact.type is FactType.PERSON or not _THE_BEFORE.search(text[:a]):
        return False
    role = _ROLE_AFTER.match(text[b:])
    if role is None or _NAMED_BEFORE.search(text[:a]):
        return False
    return _NAME_AFTER.match(text[b + role.end() :]) is None


# "_____'s Fabien Pelous": a country owning a person's name.
_OWNS_A_NAME = re.compile(r"^['’]s?\s+(?=[A-Z][a-z]+\s+[A-Z][a-z])")


def place_of_a_person(fact: Fact, text: str, b: int, people: Iterable[str]) -> bool:
    """Whether a place is asked as the country a named person plays or works for ("_____'s
    Fabien Pelous, Gordon Bullock of Scotland and ..."): the person is the news, and their
    country is general knowledge or a guess among the stem's other countries. ("_____'s Lyric
    Theatre" owns no person, and is asked.)"""
    owned = _OWNS_A_NAME.match(text[b:])
    if fact.type is not FactType.PLACE or owned is None:
        return False
    after = text[b + owned.end() :]
    return any(after.startswith(name) for name in people)


def person_as_attribute(fact: Fact, text: str, a: int, b: int) -> bool:
    """Whether a person's name stands where a name qualifies a noun ("the _____ team taught
    one robot"): no person is meant, but a group named after a place or a project, and a
    student's "Hertfordshire" for "Hertfordshire Cogniron" would be marked wrong."""
    return (
        fact.type is FactType.PERSON
        and _THE_BEFORE.search(text[:a]) is not None
        and _NOUN_AFTER.match(text[b:]) is not None
    )


def unexplained_first_name(
    mentions: Iterable[Fact], fact: Fact, text: str, a: int, b: int, doc: Document
) -> bool:
    """Whether the stem asks who spoke a quotation that calls someone by first name only
    ("_____ said: "Juan Carlos hasn't played at all badly."") or by a name the article uses
    nowhere else ("Charly played a great game."): out of the article, the student cannot tell
    who that is, and the quotation is the stem's only context. The person the headline names
    is known to every reader."""
    from quizapp.nlp.salience import zipf

    title = doc.title or ""
    if fact.type is not FactType.PERSON:
        return False
    people = {(f.attr("canonical") or f.text) for f in mentions if f.type is FactType.PERSON}
    full = [p for p in people if len(p.split()) >= 2]
    for quote in _QUOTE.finditer(text):
        if quote.start() < b and a < quote.end():
            continue
        for run in _CAPITALISED_RUN.finditer(quote.group(1)):
            name = run.group()
            words = name.split()
            once = len(re.findall(rf"\b{re.escape(name)}\b", doc.text)) == 1
            if len(words) == 1 and once and zipf(name.lower()) < _COMMON_WORD and name not in title:
                return True  # "Charly": a nickname the article explains nowhere
            # A strict front part of a full name: the given name(s) without the surname.
            for person in full:
                parts = person.split()
                if parts[: len(words)] != words or len(parts) <= len(words):
                    continue
                # "Simon" under the headline "Taylor poised for Scotland": who it is, is known.
                if not re.search(rf"\b{re.escape(parts[-1])}\b", title):
                    return True
    return False


# A capitalised word this common in English opens a sentence ("We", "It"); no name.
_COMMON_WORD = 3.0
# Prepositions between a date and its verb past which the date reads as the last noun's.
_FAR_PREPOSITIONS = 3


def date_of_another_noun(sentence: Sentence, fact: Fact) -> bool:
    """Whether a date ("in _____") closes a long chain of prepositional phrases, so that it
    reads as the date of the noun right before it rather than of the verb ("BAA launched a
    series of consultations on blight to properties from the proposed expansion in _____"):
    the student cannot tell which event the blank dates."""
    if fact.type is not FactType.DATE:
        return False
    tokens = [t for t in sentence.tokens if t.end <= fact.start]
    if len(tokens) < 2 or tokens[-1].tag != "IN" or tokens[-2].tag not in ("NN", "NNS"):
        return False
    between = 0
    for k in range(len(tokens) - 2, -1, -1):
        token = tokens[k]
        # "the proposed expansion": a participle after a determiner qualifies the noun.
        attributive = token.tag in ("VBN", "VBG") and k > 0 and tokens[k - 1].tag == "DT"
        if (token.tag.startswith("VB") or token.tag == "MD") and not attributive:
            break
        if token.text in (",", ";", ":", "-", "–", "—"):
            return False  # "fell to 77,000, from 85,000 in October, the lowest since _____"
        between += token.tag in ("IN", "TO")
    return between >= _FAR_PREPOSITIONS
