"""A typed person's name is accepted as students write it: the surname alone where no one
else has it, and a Chinese name in either order ("Zhang Ziyi" for "Ziyi Zhang"). A person whose
surname another person in the article shares is not typed at all: "England skipper _____"
(Jason Robinson) beside coach Andy Robinson could not accept "Robinson", and blind graders
failed it three times as strict marking; it is asked with options instead."""

from __future__ import annotations

from quizapp.nlp import generate, read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact, FactType, QuestionKind
from quizapp.nlp.questions.accepting import accepted_answers, typed_fairly

# An invented match report: two Pennocks, one Dace.
MATCH = (
    "Harriers lose to Rovers\n\n"
    "Harriers coach Dale Pennock said his side had been beaten by the better team.\n\n"
    "Harriers skipper Owen Pennock admitted his side failed to cope with Rovers' pace after "
    "the break.\n\n"
    "Rovers won 24-17 at Castlerow on Saturday, with Liam Dace scoring two tries.\n\n"
    "Dace said Rovers would now target the league title.\n"
)


def _person(text: str, name: str):
    doc = read_document(text)
    fact = next(f for f in extract_facts(doc) if f.text == name and f.type is FactType.PERSON)
    return doc, fact


def test_a_chinese_name_is_accepted_in_either_order() -> None:
    text = (
        "Awards name presenters\n\n"
        "Chinese actress Ziyi Zhang is the latest name added to the list of presenters.\n"
    )
    doc, fact = _person(text, "Ziyi Zhang")
    accepted = accepted_answers(fact, fact.text, doc)
    assert "Zhang Ziyi" in accepted and "Zhang" in accepted
    doc, fact = _person(MATCH, "Liam Dace")
    assert "Dace Liam" not in accepted_answers(fact, fact.text, doc)


def test_a_name_whose_surname_another_person_shares_is_not_typed() -> None:
    doc, fact = _person(MATCH, "Owen Pennock")
    accepted = accepted_answers(fact, fact.text, doc)
    assert "Pennock" not in accepted
    assert not typed_fairly(fact, fact.text, accepted, doc)
    typed = (QuestionKind.FILL_IN, QuestionKind.SHORT_ANSWER)
    for item in generate(MATCH, max_items=20, kinds=["fill_in", "short_answer"]).items:
        assert not (item.answer.endswith("Pennock") and item.kind in typed), item


def test_a_name_whose_surname_is_its_own_is_typed() -> None:
    doc, fact = _person(MATCH, "Liam Dace")
    accepted = accepted_answers(fact, fact.text, doc)
    assert "Dace" in accepted
    assert typed_fairly(fact, fact.text, accepted, doc)


def test_a_well_known_surname_alone_is_typed_only_where_a_whole_name_is_accepted() -> None:
    # "President _____" (Putin) with no whole name in the article: students who know the
    # person write the whole name, which would be marked wrong; so it is asked with options.
    known = Fact(FactType.PERSON, "Baker", 0, 5, 0)
    assert not typed_fairly(known, known.text, (), None)
    assert typed_fairly(known, known.text, ("Edwin Baker",), None)
    # A surname students know only from the text is written as the text has it.
    rare = Fact(FactType.PERSON, "Vorquist", 0, 8, 0)
    assert typed_fairly(rare, rare.text, (), None)
