"""A name met once is asked when the article shows it matters: an award or festival its lead
names, a named programme or law, a firm that opens a sentence and acts; not otherwise."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import FactType
from quizapp.nlp.questions.name_cuts import cuts_a_name
from tests.nlp.salience_verdicts import askable

_FESTIVAL = (
    "Quiet drama takes top prize\n\n"
    "A drama about a lighthouse keeper has won the main prize at the 2006 Marlow Film "
    "Festival in Kent. Its director, Ana Pereira, thanked the jury. The film was shot in "
    "six weeks on a small budget. Brightwater Analytics, which has tracked ticket sales for "
    "a decade, forecast a rise in audiences next year. Pereira said the crew worked for free. "
    "Ticket sales at small cinemas have risen through the government's Screen Access "
    "Programme. Her next film opens in the Harbour Cup week in May."
)


def _askable(text: str) -> list[bool]:
    return askable(_FESTIVAL, text)


def test_a_festival_the_lead_names_is_asked_though_named_once() -> None:
    assert _askable("Marlow Film Festival") == [True]


def test_a_named_programme_is_asked_wherever_it_is_met() -> None:
    assert _askable("Screen Access Programme") == [True]


def test_a_firm_opening_its_sentence_and_acting_is_asked_past_an_aside() -> None:
    assert _askable("Brightwater Analytics") == [True]


def test_a_contest_named_once_further_down_is_a_side_detail() -> None:
    assert not any(_askable("Harbour Cup"))


def test_the_year_before_a_festival_is_its_edition_not_its_name() -> None:
    doc = read_document(_FESTIVAL)
    festival = next(f for f in extract_facts(doc) if f.text == "Marlow Film Festival")
    sentence = doc.sentences[festival.sentence]
    a, b = festival.start - sentence.start, festival.end - sentence.start
    assert festival.type is FactType.OTHER
    assert not cuts_a_name(festival, sentence.text, a, b)
