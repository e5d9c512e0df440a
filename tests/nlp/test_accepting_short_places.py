"""A country's everyday short name is accepted for its long one."""

from __future__ import annotations

from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.questions.accepting.bodies import place_forms


def test_ussr_is_accepted_for_the_soviet_union() -> None:
    fact = Fact(FactType.PLACE, "Soviet Union", 0, 12, 0)
    assert "USSR" in place_forms(fact, "Soviet Union")
