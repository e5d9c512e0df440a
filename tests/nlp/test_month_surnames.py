"""A month's name after a first name is a surname ("Christine May"); before a day it is a date."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import FactType


def _facts(text: str) -> list[tuple[FactType, str]]:
    return [(f.type, f.text) for f in extract_facts(read_document(text))]


def test_a_month_after_a_first_name_ends_the_persons_name() -> None:
    facts = _facts(
        "Labour MSP Karen June had said the plan was sound. The council met on Tuesday. "
        "Home Secretary Martha May spoke later."
    )
    assert (FactType.PERSON, "Karen June") in facts
    assert (FactType.PERSON, "Martha May") in facts


def test_a_month_before_a_day_or_after_a_preposition_stays_a_date() -> None:
    facts = _facts("The vote is set for May 5. In May the council met in Leeds.")
    assert not any(kind is FactType.PERSON for kind, _ in facts)
