"""A year is not asked where its sentence names the year before or after it: "spending is
expected to rise in _____, but not as quickly as in 2004" all but says 2005 (blind grading)."""

from __future__ import annotations

from quizapp.nlp import generate, read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.guessable import neighbour_year

# An invented business report.
REPORT = (
    "Harbour shops expect slower growth\n\n"
    "Spending in Harbour shops is expected to rise in 2011, but not as quickly as in 2010, "
    "the traders' guild said.\n\n"
    "The guild was founded in 1987 by a group of market stallholders.\n\n"
    "Its chairman, Rhona Keel, said rents had doubled since 2003.\n"
)


def _year(text: str):
    doc = read_document(REPORT)
    return doc, next(f for f in extract_facts(doc) if f.text == text)


def test_a_year_beside_the_year_before_it_is_not_asked() -> None:
    doc, fact = _year("2011")
    assert neighbour_year(fact, doc)
    for item in generate(REPORT, max_items=20).items:
        assert item.answer != "2011", item.prompt


def test_a_year_with_no_neighbour_in_its_sentence_stays_askable() -> None:
    for year in ("1987", "2003"):
        doc, fact = _year(year)
        assert not neighbour_year(fact, doc)
