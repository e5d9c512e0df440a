"""A broadcaster named only as where a show went out ("the last episode of _____ sketch show
The Late Lamp") is a side detail, not asked; a broadcaster that does something in the story
("_____ said it would cut 2,000 jobs") is asked."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Document, Fact, FactType
from quizapp.nlp.side_details import channel_of_a_show

ARTICLE = (
    "Actor recalls comedy role\n\n"
    "Fans may remember Dan Ferro's guest role in the last episode of NBX sketch show The Late "
    "Lamp, his favourite show.\n\n"
    "NBX said it would cut 2,000 jobs next year."
)


def _facts() -> tuple[Document, list[Fact]]:
    doc = read_document(ARTICLE)
    return doc, [f for f in extract_facts(doc) if f.text == "NBX"]


def test_a_channel_named_only_to_say_which_show_is_a_side_detail() -> None:
    doc, facts = _facts()
    first = min(facts, key=lambda f: f.start)
    assert channel_of_a_show(first, doc)


def test_a_broadcaster_that_acts_is_not() -> None:
    doc, facts = _facts()
    last = max(facts, key=lambda f: f.start)
    assert not channel_of_a_show(last, doc)
    person = Fact(FactType.PERSON, "Dan Ferro", 0, 9, 1)
    assert not channel_of_a_show(person, doc)
