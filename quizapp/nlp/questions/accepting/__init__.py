"""The other ways a student may fairly type an answer (the `accepted` list exports and keys use)."""

from __future__ import annotations

import re

from quizapp.nlp.distractors import introduced_as_person, looks_like_place_or_body
from quizapp.nlp.model import Document, Fact, FactType
from quizapp.nlp.questions.accepting.amounts import (
    date_forms,
    month_year_forms,
    number_forms,
    weekday_forms,
)
from quizapp.nlp.questions.accepting.bodies import (
    CLUB_WORDS,
    PARTY_FORMS,
    club_forms,
    institution_forms,
    known_acronyms,
    organisation_forms,
    place_forms,
    role_acronym_forms,
)
from quizapp.nlp.questions.accepting.people import (
    describes_before_name,
    descriptor_before_name,
    fuller_name,
    other_order,
    person_forms,
)
from quizapp.nlp.questions.accepting.phrases import (
    common_phrase,
    phrase_heads,
    phrase_number,
    phrase_synonyms,
)
from quizapp.nlp.questions.accepting.plausible import implausible_reason
from quizapp.nlp.questions.accepting.surnames import (
    broken_surname,
    named_for_a_place,
    not_a_person_here,
    same_person,
    shared_surname,
)
from quizapp.nlp.questions.accepting.typed import typed_fairly

__all__ = [
    "accepted_answers",
    "date_forms",
    "fuller_name",
    "known_acronyms",
    "person_forms",
    "typed_fairly",
]

_PREPOSITION = re.compile(r"^(?:of|in|at|for|from|by|to|on|with)\s", re.I)


def accepted_answers(fact: Fact, answer: str, doc: Document | None = None) -> tuple[str, ...]:
    """Other ways a student may type the answer, the answer itself not repeated.

    A number with or without its unit, in digits or words ("three gold medals", "three", "3");
    a person's surname alone (with its particle: "De Niro"), with or without a title or a
    descriptor ("Farmer Geoff Brooks" -> "Geoff Brooks", "Brooks"); the short name of a place
    ("Britain"); an organisation's acronym where the article uses it, and its short name
    ("Lycos" for "Lycos Europe"); a date in either order ("11 November", "November 11");
    the distinctive noun of a common-noun phrase when the article uses it for nothing else.
    """
    out: list[str] = []
    text = doc.text if doc is not None else ""
    party = PARTY_FORMS.get(answer.casefold())
    if party:
        out += party
    elif fact.type is FactType.QUANTITY:
        out += number_forms(fact, answer, text)
    elif fact.type is FactType.ORDINAL:
        out.append(fact.attr("number") or answer)
    elif fact.type in (FactType.PERSON, FactType.QUOTE):
        sentence = doc.sentences[fact.sentence].text if doc is not None else ""
        if not_a_person_here(fact, doc):
            pass  # "the city of El Alto": a place, never a person with a surname "Alto"
        elif (
            not looks_like_place_or_body(answer)
            and not named_for_a_place(answer, sentence, fact)
            and answer.split()[-1] not in CLUB_WORDS
        ):
            for name in (fact.attr("canonical") or "", fact.text, answer):
                if same_person(name, answer):
                    out += person_forms(name)
            reordered = other_order(answer)
            out += [reordered] if reordered else []
        elif fact.type is FactType.PERSON:
            out += organisation_forms(fact, answer, text)
    elif fact.type is FactType.PLACE:
        out += place_forms(fact, answer)
    elif fact.type is FactType.ORGANISATION:
        out += organisation_forms(fact, answer, text)
    elif fact.type is FactType.DATE:
        if answer.startswith("the "):
            out.append(answer[4:])
        out += date_forms(answer.removeprefix("the "))
        out += month_year_forms(answer.removeprefix("the "), text)
        if doc is not None:
            out += weekday_forms(fact, answer.removeprefix("the "), doc)
    elif fact.type is FactType.OTHER:
        sentence = doc.sentences[fact.sentence].text if doc is not None else ""
        if fact.attr("form") == "name" and (
            descriptor_before_name(answer) or introduced_as_person(sentence, fact)
        ):
            out += person_forms(answer)  # "Tony Beddow, health analyst": "Beddow" too
        elif fact.attr("form") == "name":
            out += organisation_forms(fact, answer, text)
        elif doc is not None and answer == fact.text and common_phrase(fact, doc):
            out += phrase_heads(fact, doc)
            out += phrase_number(fact, doc)
            out += phrase_synonyms([answer, *out])
    if fact.type in (FactType.PLACE, FactType.ORGANISATION, FactType.OTHER) and doc is not None:
        # A club nickname is often read as a common name ("The Tigers stormed ahead").
        out += club_forms(answer, doc)
    if fact.type is not FactType.QUANTITY:
        out += role_acronym_forms(answer)
        out += institution_forms(answer)
    named = fact.type is not FactType.OTHER or fact.attr("form") == "name"
    if (
        fact.type in (FactType.PERSON, FactType.QUOTE)
        or (fact.type is FactType.OTHER and fact.attr("form") == "name")
    ) and doc is not None:
        fuller = fuller_name(answer, doc)
        if fuller and not looks_like_place_or_body(fuller):
            out += [fuller, *person_forms(fuller)]
    if fact.type in (FactType.PERSON, FactType.QUOTE, FactType.OTHER) and named and text:
        for name in {answer, fact.text, fact.attr("canonical") or ""} - {""}:
            out = [f for f in out if not broken_surname(name, f, text)]
            out = [f for f in out if not shared_surname(name, f, text)]
    person = fact.type in (FactType.PERSON, FactType.QUOTE) or fact.attr("form") == "name"
    seen = {answer.casefold()}
    kept: list[str] = []
    for form in out:
        form = form.strip()
        if _PREPOSITION.match(form):
            continue  # "of Sony": a name caught with the word before it is no answer
        if implausible_reason(form, person=person):
            continue  # teachers see the list: never a fragment, a title or "Airport" alone
        if form and form.casefold() not in seen:
            seen.add(form.casefold())
            kept.append(form)
    return tuple(f for f in kept if not _described_again(f, answer, kept))


def _described_again(form: str, answer: str, forms: list[str]) -> bool:
    """A name with a role or party before it ("Treasurer Lord Ashcroft", "Tories Ken Clarke")
    where the name alone is the answer or accepted: no student types the description."""
    first, _, rest = form.partition(" ")
    if len(rest.split()) < 2 or not describes_before_name(first) or answer.startswith(first):
        return False
    return rest.casefold() in {f.casefold() for f in [answer, *forms]}
