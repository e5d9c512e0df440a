"""A typed day-and-month date accepts the weekday the article gives the same event ("The
Glenmore Awards will be held on _____" with "4 March", where the article says the awards are
"on Saturday"), and only where one weekday is given for an event the date's sentence names."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.questions.accepting import accepted_answers

ARTICLE = (
    "Harbour drama leads the field\n\n"
    "The fishing drama Salt Line is the favourite to win the top prize at the Glenmore Awards "
    "on Saturday.\n\n"
    "Critics say its director, Mara Quell, is also tipped to win. "
    "The Glenmore Awards will be held at the Tolland Hall on 4 March. "
    "The festival's film market opened on Tuesday and closes on 9 March."
)


def _accepted(answer: str) -> tuple[str, ...]:
    doc = read_document(ARTICLE)
    at = doc.text.index(answer)
    sentence = next(s for s in doc.sentences if s.start <= at < s.start + len(s.text))
    fact = Fact(FactType.DATE, answer, at, at + len(answer), sentence.index)
    return accepted_answers(fact, answer, doc)


def test_the_weekday_of_the_same_event_is_accepted() -> None:
    accepted = _accepted("4 March")
    assert "Saturday" in accepted
    assert "March 4" in accepted


def test_a_weekday_of_another_event_is_not() -> None:
    # The market's Tuesday shares no name with "closes on 9 March"'s sentence but its own.
    assert "Saturday" not in _accepted("9 March")
    assert "Tuesday" not in _accepted("9 March")
