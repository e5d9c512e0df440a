"""The month alone that a sporting event is held in ("wanted to run in the Harrow Cross Country
Championships in _____") and how many guests a dinner has are side details; a month an action
happened in ("the club delisted its shares in _____") and a finding are asked."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import FactType
from quizapp.nlp.side_figures import event_month

ARTICLE = (
    "Runner withdraws\n\n"
    "Her agent said Lena Dorn had wanted to run in the Harrow Cross Country Championships in "
    "March. "
    "Dorn missed the national trials in early February. "
    "The club delisted its shares from the stock market in August."
)


def _month(name: str) -> bool:
    doc = read_document(ARTICLE)
    fact = next(f for f in extract_facts(doc) if f.type is FactType.DATE and f.text == name)
    return event_month(fact, doc)


def test_a_sporting_events_month_is_a_side_detail() -> None:
    assert _month("March")
    assert _month("February")


def test_the_month_of_an_action_is_not() -> None:
    assert not _month("August")


GALA = (
    "Charity gala planned\n\n"
    "The dinner for the Harbour Trust, on Friday, is expected to be attended by more than 600 "
    "guests. "
    "The trust said it had raised 900 new places for children this year."
)


def test_a_dinners_guest_count_is_a_side_detail_and_a_finding_is_not() -> None:
    from quizapp.nlp.side_figures import guest_count

    doc = read_document(GALA)
    facts = {f.text: f for f in extract_facts(doc) if f.type is FactType.QUANTITY}
    guests = next(f for text, f in facts.items() if text.startswith("600"))
    places = next(f for text, f in facts.items() if text.startswith("900"))
    assert guest_count(guests, doc)
    assert not guest_count(places, doc)
