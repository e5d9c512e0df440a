"""A typed "in _____" on a city is asked only where the stem sets the level: "the match was
played in _____" wants Porto, but "Portugal" is as true and would be refused (a blind grader
failed "in _____" accepting Dublin but not Ireland). "The city of _____" or a stem naming the
country already ("in _____, Portugal") sets it."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import FactType
from quizapp.nlp.questions.accepting import accepted_answers, typed_fairly
from quizapp.nlp.questions.accepting.typed import level_left_open


def _porto(sentence: str):
    doc = read_document("Cup report\n\n" + sentence + "\n")
    fact = next(f for f in extract_facts(doc) if f.text == "Porto" and f.type is FactType.PLACE)
    return doc, fact


def test_a_city_after_a_bare_in_is_not_typed() -> None:
    doc, fact = _porto("Harriers lost the final in Porto after two late goals.")
    assert level_left_open(fact, "Porto", doc)
    assert not typed_fairly(fact, "Porto", accepted_answers(fact, "Porto", doc), doc)


def test_a_stem_that_sets_the_level_keeps_the_city_typed() -> None:
    doc, fact = _porto("Harriers lost the final in Porto, Portugal, after two late goals.")
    assert not level_left_open(fact, "Porto", doc)
    doc, fact = _porto("Harriers lost the final in the city of Porto after two late goals.")
    assert not level_left_open(fact, "Porto", doc)
