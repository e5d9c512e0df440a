"""A venue named after a place ("at New York's SoHo House") is not taken for a person."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts


def _types(text: str) -> dict[str, str]:
    return {f.text: f.type.value for f in extract_facts(read_document(text))}


def test_a_venue_after_at_or_a_place_possessive_is_no_person() -> None:
    types = _types(
        "The actor Tom Brandt held a dinner at New York's SoHo House on Monday. "
        "Later he spoke at Brantwick Hall to 300 students."
    )
    assert types.get("SoHo House") != "person"
    assert types.get("Brantwick Hall") != "person"
    assert types.get("Tom Brandt") == "person"


def test_a_person_whose_surname_is_a_building_word_stays_a_person() -> None:
    types = _types("The minister met Arthur House and Ed Hall in Brantwick on Monday.")
    assert types.get("Arthur House") == "person"
