"""No question a student answers without reading: the year in a document's title, the UK or
the US as "in the _____", one of several places the article goes through in turn ("At
Harfield, ...", "At Cobley, ...") where the stem does not pin which (blind grading)."""

from __future__ import annotations

from quizapp.nlp import generate, read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.guessable import default_country, parallel_place, title_year
from quizapp.nlp.model import Document, Fact


def _facts(text: str) -> tuple[Document, tuple[Fact, ...]]:
    doc = read_document(text)
    return doc, extract_facts(doc)


def _fact(facts: tuple[Fact, ...], text: str) -> Fact:
    return next(f for f in facts if f.text == text)


# An invented article: a minister's paper, a retailer's trial, three depots in turn.
ARTICLE = (
    "Minister sets out freight plans\n\n"
    "Transport minister Alma Greaves used Monday's debate to launch the new White Paper on the "
    "prospects for rail freight in 2009.\n\n"
    "Greaves said freight traffic fell sharply in 2007 after fuel prices rose.\n\n"
    "Grocer Pennard is testing the tags at one depot in the UK, and at two in Poland.\n\n"
    "At Harfield, the company has written to homes likely to be affected by a new rail link.\n\n"
    "At Cobley, the company said it was working with councils to meet targets for a second "
    "rail link.\n\n"
    "At Dunmore, Pennard said lorries would still carry most goods.\n"
)


def test_a_year_that_scopes_a_papers_title_is_not_worth_asking() -> None:
    doc, facts = _facts(ARTICLE)
    assert title_year(_fact(facts, "2009"), doc)
    # The year something happened is a fact of the story.
    assert not title_year(_fact(facts, "2007"), doc)


def test_the_uk_as_where_something_happens_is_the_default_guess() -> None:
    doc, facts = _facts(ARTICLE)
    assert default_country(_fact(facts, "UK"), doc)
    assert not default_country(_fact(facts, "Poland"), doc)


def test_a_place_the_article_takes_in_turn_is_asked_only_where_a_detail_pins_it() -> None:
    doc, facts = _facts(ARTICLE)
    assert parallel_place(_fact(facts, "Harfield"), doc)
    # "targets for a second rail link": a detail of one place.
    assert not parallel_place(_fact(facts, "Cobley"), doc)


def test_the_generated_quiz_asks_none_of_them() -> None:
    answers = {item.answer for item in generate(ARTICLE, max_items=20).items}
    assert not {"2009", "UK", "Harfield"} & answers


def test_a_place_opening_one_sentence_alone_is_asked_as_any_place() -> None:
    doc, facts = _facts(
        "Rail plans\n\nAt Harfield, the company has written to homes near the line.\n\n"
        "The company said the link would open soon.\n"
    )
    assert not parallel_place(_fact(facts, "Harfield"), doc)
