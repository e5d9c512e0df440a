"""Money written with its currency's name after the figure is a sum, its "m" millions."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import FactType


def _quantities(text: str) -> dict[str, str | None]:
    facts = extract_facts(read_document(text))
    return {f.text: f.attr("unit") for f in facts if f.type is FactType.QUANTITY}


def test_a_sum_in_a_currency_word_is_one_quantity() -> None:
    found = _quantities(
        "The regulator said the market made more than 310bn yuan last year. "
        "The water firm must invest 450m pesos in new pipes."
    )
    assert found["310bn yuan"] == "bn yuan"
    assert found["450m pesos"] == "m pesos"  # millions of pesos, never metres


def test_a_year_before_a_currency_word_is_no_sum() -> None:
    assert "2004 euros" not in _quantities("The 2004 euros were minted in Paris last spring.")
