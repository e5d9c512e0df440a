"""Whether a name or a short form of it is really one person's: a place or a title taken for a
name, a surname cut from a stage name, a surname two people share."""

from __future__ import annotations

import re

from quizapp.nlp.docindex import document_index
from quizapp.nlp.facts.name_words import PLACE_HEADS
from quizapp.nlp.gazetteers import demonyms, place_kind
from quizapp.nlp.model import Document, Fact
from quizapp.nlp.questions.accepting.lexicon import lexicon_word
from quizapp.nlp.questions.accepting.people import (
    GIVEN_NAME_ZIPF,
    TITLE_WORDS,
    describes_before_name,
)
from quizapp.nlp.salience import zipf


def not_a_person_here(fact: Fact, doc: Document | None) -> bool:
    """Whether the article puts the name after "the city of" or "the show": a place or a title
    ("the West End show Mary Poppins" has no surname "Poppins")."""
    from quizapp.nlp.option_fit import PLACE, WORK, mention_traits

    if doc is None or not 0 <= fact.sentence < len(doc.sentences):
        return False
    sentence = doc.sentences[fact.sentence]
    a, b = fact.start - sentence.start, fact.end - sentence.start
    return 0 <= a < b <= len(sentence.text) and bool(
        {PLACE, WORK} & mention_traits(sentence.text, a, b, alone=False)
    )


def named_for_a_place(name: str, sentence: str, fact: Fact) -> bool:
    """A place and an everyday noun taken for a person's name ("London Marathon", "Edinburgh
    Airport", "Gloucester Citizen"): a body or an event, unless the sentence gives it a role
    ("singer Charlotte Church")."""
    from quizapp.nlp.distractors import introduced_as_person

    words = name.split()
    if len(words) != 2 or lexicon_word(words[1]) not in ("NN", "NNS"):
        return False
    if place_kind(words[0]) is None and words[0] not in demonyms():
        return False
    return not introduced_as_person(sentence, fact)


def broken_surname(name: str, form: str, text: str) -> bool:
    """Whether ``form`` is the last word(s) of ``name`` cut from a name that may not be a given
    name and a family name: "Man" of the reggae artist "Beenie Man", an everyday word after a
    first word no one is named. Kept where the article itself calls the person by it
    ("Mr Magazine"), where it is no everyday word, or after a common first name ("Church" of
    "Charlotte Church")."""
    words = [w for w in name.split() if w.rstrip(".").lower() not in TITLE_WORDS]
    if len(words) < 2 or not form or form == name or not name.endswith(form):
        return False
    if len(form.split()) >= len(words):
        return False
    first = words[0]
    last = form.split()[-1]
    place_word = last in PLACE_HEADS or last in FACILITIES
    if not place_word and (lexicon_word(last) is None or zipf(first) >= GIVEN_NAME_ZIPF):
        return False
    alone = re.finditer(rf"(?<![\w-])(\S+\s+)?{re.escape(form)}(?![\w-])", text)
    # A use after a title or a lower-case word, mid-sentence ("Mr Magazine", "said Man"); after
    # another capitalised word it is part of another name ("Wales Open" is no "Open").
    before = [(m.group(1) or "").strip() for m in alone]
    if text.count(name) == 1 and _called_by_surname(text, last) >= _SURNAME_REPORT:
        return False  # "Nadal faces Mardy Fish" in a report calling people "Nadal", "Roddick"
    return not any(
        b
        and b[-1] not in ".!?:;\"'”’"
        and (b[:1].islower() or b.rstrip(".").lower() in TITLE_WORDS)
        for b in before
    )


# A report that calls this many other people by their surname alone calls everyone so: a
# name given once in full there is a given name and a family name, not a stage name.
_SURNAME_REPORT = 2


def _called_by_surname(text: str, own: str) -> int:
    """How many people named in full ("Andy Roddick") the text also calls by their surname
    alone, after a lower-case word or at a sentence's start ("beat Roddick")."""
    found = set()
    for match in re.finditer(r"\b[A-Z][a-z]+\s+([A-Z][a-z]{2,})\b", text):
        surname = match.group(1)
        if surname == own or surname in found:
            continue
        for use in re.finditer(rf"(?:^|[.!?]\s+|\b[a-z]+\s+){surname}\b", text):
            if use.start() != match.start(1):
                found.add(surname)
                break
    return len(found)


# The last words of places a name index may take for people ("Edinburgh Airport", "Lansdowne
# Road"): never a surname unless the article calls someone by it alone ("Mr Road").
FACILITIES = frozenset(
    {
        "Airport",
        "Road",
        "Street",
        "Lane",
        "Avenue",
        "Station",
        "Stadium",
        "Arena",
        "Hospital",
        "Prison",
        "Palace",
        "Castle",
        "Cathedral",
        "Abbey",
    }
)


def shared_surname(name: str, form: str, text: str) -> bool:
    """Whether ``form``, the last word of a person's ``name``, is also the surname of another
    person the article names ("Bryan" of Mike Bryan beside Bob Bryan): alone it would be right
    for either of them."""
    words = [w for w in name.split() if w.rstrip(".").lower() not in TITLE_WORDS]
    if len(words) < 2 or form != words[-1] or " " in form:
        return False
    given = words[0]
    for first in _words_before(form, text):
        if first == given or first in words or first.rstrip(".").lower() in TITLE_WORDS:
            continue
        if describes_before_name(first) or (lexicon_word(first) is not None and zipf(first) >= 4.5):
            continue  # "coach Bryan", "The Bryan twins": the same person, or no person at all
        return True
    return False


def _words_before(form: str, text: str) -> tuple[str, ...]:
    """The capitalised words right before ``form`` where it stands as a whole word in the text,
    each once: worked out once per word and article (a per-document index), as every answer's
    forms ask again and scanning a long article for each made it quadratic."""
    known = document_index(text, "accepting.words_before", lambda _: {})
    if form not in known:
        known[form] = _find_words_before(form, text)
    return known[form]


def _find_words_before(form: str, text: str) -> tuple[str, ...]:
    found: dict[str, None] = {}
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        whole = (at == 0 or not text[at - 1].isalnum()) and not text[end : end + 1].isalnum()
        before = re.search(r"\b([A-Z][\w'-]*)\s+$", text[max(0, at - 40) : at]) if whole else None
        at = text.find(form, end)
        if before is not None:
            found.setdefault(before.group(1))
    return tuple(found)


def same_person(name: str, answer: str) -> bool:
    """Whether ``name`` (the name index's canonical form) can be the person ``answer`` names:
    not where both give a first name and the first names differ ("Mike Tamsin" is no form of
    "Bob Tamsin", whatever merged them)."""
    a = [w for w in name.split() if w.rstrip(".").lower() not in TITLE_WORDS]
    b = [w for w in answer.split() if w.rstrip(".").lower() not in TITLE_WORDS]
    if len(a) < 2 or len(b) < 2:
        return True
    return a[0] == b[0] or a[0] in b or b[0] in a
