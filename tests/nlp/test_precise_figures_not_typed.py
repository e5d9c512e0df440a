"""A figure of four significant figures or two decimals is asked with options, not typed (nor as
a numeric answer, whose tolerance is the article's precision): blind graders failed "donations
totalling _____" (£4,610,849) and "_____% of Aguas" (25.01) because a student's "£4.6m" or
"25%" was marked wrong. Rounder figures and prices stay typed."""

from __future__ import annotations

import pytest

from quizapp.nlp import generate, read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import QuestionKind
from quizapp.nlp.questions.accepting import accepted_answers, typed_fairly

# An invented report on a club's accounts.
REPORT = (
    "Harbour club posts its accounts\n\n"
    "Harbour Rowing Club received donations totalling £4,610,849 last year, its accounts show.\n\n"
    "Members now hold 25.01% of the club's shares after a vote in March.\n\n"
    "About 300 members attended the annual meeting at the boathouse.\n\n"
    "A season ticket will cost £4.99 a week from April.\n"
)
TYPED = (QuestionKind.FILL_IN, QuestionKind.SHORT_ANSWER, QuestionKind.NUMERIC)


@pytest.fixture(scope="module")
def typed_answers() -> set[str]:
    items = generate(REPORT, max_items=20, kinds=["fill_in", "short_answer", "numeric"]).items
    return {item.answer for item in items if item.kind in TYPED}


@pytest.mark.parametrize("figure", ["£4,610,849", "25.01"])
def test_a_figure_too_precise_to_recall_is_not_typed(typed_answers: set[str], figure: str) -> None:
    assert figure not in typed_answers


@pytest.mark.parametrize(("figure", "typed"), [("300", True), ("£4.99", True), ("25.01%", False)])
def test_round_figures_and_prices_stay_typeable(figure: str, typed: bool) -> None:
    doc = read_document(REPORT)
    fact = next(f for f in extract_facts(doc) if f.text.startswith(figure))
    accepted = accepted_answers(fact, fact.text, doc)
    assert typed_fairly(fact, fact.text, accepted, doc) is typed


def test_the_precise_figure_is_still_asked_with_options() -> None:
    items = generate(REPORT, max_items=20, kinds=["multiple_choice"]).items
    assert "£4,610,849" in {item.answer for item in items}
