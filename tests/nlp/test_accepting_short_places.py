"""Everyday short forms a student writes: a country's short name, a player's surname."""

from __future__ import annotations

from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.questions.accepting.bodies import place_forms


def test_ussr_is_accepted_for_the_soviet_union() -> None:
    fact = Fact(FactType.PLACE, "Soviet Union", 0, 12, 0)
    assert "USSR" in place_forms(fact, "Soviet Union")


def test_a_tennis_players_surname_is_accepted_after_the_singles() -> None:
    from quizapp.nlp import generate

    article = (
        "Hosts level the tie\n\n"
        "Pablo Ferreiro and Tomas Rueda lost the doubles to the visitors in Seville on Saturday.\n\n"
        "In Sunday's reverse singles, Carlos Morato takes on Andy Rooke before Luis Tarrega "
        "faces Mardy Finch.\n\n"
        "The visitors need one more win to take the trophy for the first time since 1995."
    )
    items = generate(article, max_items=20).items
    asked = [item for item in items if item.answer == "Carlos Morato"]
    assert all("Morato" in item.accepted for item in asked if item.kind.value == "fill_in")
    from quizapp.nlp.option_fit import mention_traits

    sentence = "In Sunday's reverse singles, Carlos Morato takes on Andy Rooke."
    at = sentence.index("Carlos")
    assert "work" not in mention_traits(sentence, at, at + len("Carlos Morato"), alone=False)
