"""A place key is typed only where it is a place: a gazetteer's place, a name with a place word
of its own, or one the article writes after "in", "at" or "near"; a body taken for a place
("a venture from _____'s founder" with an airline) is not asked to be typed, nor a place the
stem pairs with another city ("in Chicago and _____"). "New York" and
other cities the gazetteer spells otherwise are cities."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.distractors.gazetteer_names import city_countries
from quizapp.nlp.gazetteers import place_kind
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.questions.accepting import typed_fairly

ARTICLE = (
    "Row over the colour blue\n\n"
    "Phone giant Azura has launched action against a new venture from Skyvane's founder. "
    "Skyvane, the budget airline, said the venture would rent airtime from Kestrel-Mobile. "
    "The hunt met at its kennels in Brackenshire, and later at Foxley Street. "
    "Fans gathered in Ardmore, while the team lost 2-0 to the Soviet Union in 1988. "
    "The record sold well in Chicago and Boston, and a copy reached Ardmore by June."
)


def _typed(answer: str) -> bool:
    doc = read_document(ARTICLE)
    at = doc.text.index(answer)
    fact = Fact(FactType.PLACE, answer, at, at + len(answer), 0)
    return typed_fairly(fact, answer, (), doc)


def test_a_body_taken_for_a_place_is_not_typed() -> None:
    assert not _typed("Skyvane")
    assert not _typed("Kestrel-Mobile")


def test_a_place_the_article_places_is_typed() -> None:
    assert _typed("Brackenshire")  # a place word of its own, and "in" before it
    assert _typed("Foxley Street")
    assert _typed("Ardmore")  # unknown to the gazetteer, but "in Ardmore"
    assert _typed("Soviet Union")  # a country of the past


def test_a_place_paired_with_another_city_is_not_typed() -> None:
    # "in Chicago and _____": any big city is as good a typed answer as far as the stem says.
    doc = read_document(ARTICLE)
    sentence = next(s for s in doc.sentences if "Boston" in s.text)
    at = doc.text.index("Boston")
    fact = Fact(FactType.PLACE, "Boston", at, at + len("Boston"), sentence.index)
    assert not typed_fairly(fact, "Boston", (), doc)
    alone = next(s for s in doc.sentences if "gathered in Ardmore" in s.text)
    at = doc.text.index("Ardmore")
    fact = Fact(FactType.PLACE, "Ardmore", at, at + len("Ardmore"), alone.index)
    assert typed_fairly(fact, "Ardmore", (), doc)


def test_cities_the_gazetteer_spells_otherwise_are_cities() -> None:
    assert place_kind("New York") == "city"
    assert "US" in city_countries("New York")
    assert place_kind("Frankfurt") == "city"
