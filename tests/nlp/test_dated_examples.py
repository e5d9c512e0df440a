"""The year of one example in a dated list ("prizes including X in 1989 and Y in 1991") is not asked."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.side_details import side_detail


def _side(text: str, answer: str) -> bool:
    doc = read_document(text)
    fact = next(f for f in extract_facts(doc) if f.text == answer)
    return side_detail(fact, doc, mentions=1, in_headline=False)


def test_the_year_of_one_dated_example_is_a_side_detail() -> None:
    text = (
        "The painter Ann Lowrie has won several prizes, including the Brantwick Open in 1989 "
        "and the Holloway Medal in 1991."
    )
    assert _side(text, "1989")
    assert _side(text, "1991")


def test_a_year_that_is_the_news_stays_askable() -> None:
    # One dated event, not a list of dated examples.
    assert not _side("Ann Lowrie won the Brantwick Open in 1989, its first year.", "1989")
    # A list of examples, but the year belongs to the sentence's own news.
    assert not _side(
        "In 2004 the gallery showed painters such as Ann Lowrie and Tom Pryce.", "2004"
    )
