"""A name ending in a particle and a city ("Aguas de Barcelona") is a body named after its home,
not a person, and "de Barcelona" alone is never an accepted answer; a person whose family name
follows a particle ("Karel van Dorn") keeps the surname."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import FactType
from quizapp.nlp.questions.accepting import accepted_answers

ARTICLE = (
    "Water deal in doubt\n\n"
    "The Portuguese utility Rio Claro owns 40% of the network, while Spain's Caudal de Madrid "
    "is its second biggest shareholder with 25%. Defender Karel van Dorn scored twice on "
    "Sunday, and Karel van Dorn said he was pleased with the win."
)


def _fact(text: str):
    doc = read_document(ARTICLE)
    return doc, next(f for f in extract_facts(doc) if f.text == text)


def test_a_name_ending_in_de_and_a_city_is_no_person_and_no_surname_is_accepted() -> None:
    doc, firm = _fact("Caudal de Madrid")
    assert firm.type is not FactType.PERSON
    accepted = accepted_answers(firm, firm.text, doc)
    assert not any(a.casefold() in ("de madrid", "madrid") for a in accepted)


def test_a_person_named_with_a_particle_keeps_the_surname() -> None:
    doc, player = _fact("Karel van Dorn")
    assert player.type is FactType.PERSON
    assert "van Dorn" in accepted_answers(player, player.text, doc)


def test_a_particle_and_a_city_is_never_an_accepted_answer_by_itself() -> None:
    from quizapp.nlp.questions.accepting.plausible import implausible_reason

    assert implausible_reason("de Madrid", person=True)
    assert implausible_reason("de Madrid")
    assert implausible_reason("van Dorn", person=True) is None
    assert implausible_reason("De Niro", person=True) is None
