"""Speed-only changes of session 9 give what the full computation gives: the name traits worked
out per looked-up name match those of every name worked out at once, a title shared along a
list included, and a fact narrowed to its number is one object for every kind asking it."""

from __future__ import annotations

import pytest

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.name_traits import NameTraits, person_traits
from quizapp.nlp.option_fit import WORK
from quizapp.nlp.questions.base import number_fact
from quizapp.paths import SAMPLES_DIR

FILMS = (
    "The director is best known for films such as Edward Scissorhands, Ed Wood and Sleepy "
    "Hollow. Critics praised Ed Wood in particular. Johnny Depp starred in Sleepy Hollow, "
    "and Tim Burton said he was delighted."
)


@pytest.mark.parametrize("path", sorted(SAMPLES_DIR.glob("*.txt")), ids=lambda p: p.stem)
def test_traits_looked_up_one_name_at_a_time_are_those_of_the_whole_article(path) -> None:
    doc = read_document(path.read_text(encoding="utf-8"))
    facts = extract_facts(doc)
    every = person_traits(facts, doc)
    looked_up = NameTraits(facts, doc)
    assert every  # the article names people, places and bodies
    for key, traits in every.items():
        assert looked_up.get(key) == traits, key
    assert looked_up.get("no such name in the article") is None
    assert dict(looked_up) == every


def test_a_title_listed_with_another_makes_it_a_title_when_looked_up_alone() -> None:
    doc = read_document(FILMS)
    facts = extract_facts(doc)
    every = person_traits(facts, doc)
    listed = [k for k, traits in every.items() if WORK in traits]
    assert listed  # the list of films gives its names the trait
    looked_up = NameTraits(facts, doc)
    for key in sorted(every, reverse=True):  # in another order than the article's
        assert looked_up[key] == every[key], key


def test_a_number_is_narrowed_to_the_same_fact_each_time() -> None:
    fact = Fact(FactType.QUANTITY, "68 stations", 10, 21, 0, (("number", "68"),))
    first, again = number_fact(fact), number_fact(Fact(*[getattr(fact, f) for f in Fact.__slots__]))
    assert first is not None and first.text == "68" and first.end == 12
    assert again is first
