"""Typed answers: the accepted list holds what a student would fairly write, from real extraction."""

from __future__ import annotations

import pytest

from quizapp.nlp import read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import BLANK, Document, Fact, FactType, Item, QuestionKind, SourceQuote
from quizapp.nlp.questions import QUESTION_BUILDERS, BuildContext
from quizapp.nlp.questions.accepting import accepted_answers, date_forms, person_forms
from quizapp.nlp.quiz_conflicts import gives_away

HARBOUR = (
    "Coastal towns in Norland will vote on a new harbour tax on 14 March, officials said. "
    "The plan was drawn up by Marco Di Stefano and backed by Lucia van Houten. "
    "Beekeeper Tomas Albrecht, who chairs the local growers' club, said the tax was unfair. "
    "The International Federation of Harbour Pilots opposed the plan. "
    "A spokesman for the IFHP said members would strike. "
    "Talks with Veltrix Europe stalled after Veltrix refused to pay. "
    "The council will publish its findings in the online ledger, kept at the town hall. "
    "Mr Albrecht said the ledger would be checked by the harbour master."
)


@pytest.fixture(scope="module")
def harbour() -> tuple[Document, tuple[Fact, ...]]:
    doc = read_document(HARBOUR)
    return doc, extract_facts(doc)


def _accepted(harbour: tuple[Document, tuple[Fact, ...]], text: str) -> tuple[str, ...]:
    doc, facts = harbour
    fact = next(f for f in facts if f.text == text)
    return accepted_answers(fact, fact.text, doc)


def test_surname_keeps_its_particle(harbour) -> None:
    assert "Di Stefano" in _accepted(harbour, "Marco Di Stefano")
    assert "van Houten" in _accepted(harbour, "Lucia van Houten")
    assert "De Niro" in person_forms("Robert De Niro")
    assert "W Bush" not in person_forms("George W Bush"), "a middle initial is not a name"
    assert "Bush" in person_forms("George W Bush")
    assert "Evans" in person_forms("Charles Evans Jr")
    assert "Jr" not in person_forms("Charles Evans Jr")


def test_a_knight_is_accepted_and_recognised_by_title_and_given_name() -> None:
    assert {"Ewan Tolland", "Tolland", "Sir Ewan"} <= set(person_forms("Sir Ewan Tolland"))
    assert "Dame Iris" in person_forms("Dame Iris Mabry")
    assert "Mr Ewan" not in person_forms("Mr Ewan Tolland")
    # So "Sir Ewan said ..." in one stem gives away an item asking for Sir Ewan Tolland.
    asked = "Sir Ewan Tolland said the harbour tax was unfair."
    fact = Fact(FactType.PERSON, "Sir Ewan Tolland", 0, 16, 0)
    item = Item(
        kind=QuestionKind.SHORT_ANSWER,
        prompt="Who said the harbour tax was unfair?",
        fact=fact,
        source=SourceQuote(asked, 0, len(asked), 1),
        answer=fact.text,
        accepted=tuple(accepted_answers(fact, fact.text)),
    )
    said = "Sir Ewan was among those who opposed the plan to lift the ban on Norland."
    other_fact = Fact(FactType.PLACE, "Norland", said.index("Norland"), len(said) - 1, 1)
    other = Item(
        kind=QuestionKind.FILL_IN,
        prompt=said.replace("Norland", BLANK),
        fact=other_fact,
        source=SourceQuote(said, 0, len(said), 2),
        answer="Norland",
    )
    assert gives_away(item, other)


def test_a_word_before_the_given_name_may_be_left_off(harbour) -> None:
    accepted = _accepted(harbour, "Beekeeper Tomas Albrecht")
    assert {"Tomas Albrecht", "Albrecht"} <= set(accepted)


def test_a_descriptor_before_a_name_typed_as_other_still_gives_the_surname() -> None:
    fact = Fact(FactType.OTHER, "Fisherman Ivo Marsh", 0, 19, 0, (("form", "name"),))
    assert {"Ivo Marsh", "Marsh"} <= set(accepted_answers(fact, fact.text))


def test_acronym_accepted_where_the_article_uses_it(harbour) -> None:
    assert "IFHP" in _accepted(harbour, "International Federation of Harbour Pilots")
    doc = read_document("The Guild of Rope Makers met in Leeds. The guild elected a new chair.")
    fact = Fact(FactType.ORGANISATION, "Guild of Rope Makers", 4, 24, 0)
    assert "GRM" not in accepted_answers(fact, fact.text, doc), "not an acronym the article uses"


def test_short_name_of_an_organisation(harbour) -> None:
    assert "Veltrix" in _accepted(harbour, "Veltrix Europe")


def test_dates_in_either_order() -> None:
    assert {"November 11", "11th November", "November 11th"} <= set(date_forms("11 November"))
    assert {"3 May 2004", "3rd May 2004"} <= set(date_forms("May 3, 2004"))
    assert date_forms("2004") == []


def test_head_noun_of_a_phrase_only_when_unambiguous(harbour) -> None:
    # "ledger" elsewhere is only "the ledger", the same thing: accepted.
    assert "ledger" in _accepted(harbour, "online ledger")
    doc = read_document(
        "Ruiz, who has been interim coach, was assistant coach when Lind was head coach."
    )
    facts = extract_facts(doc)
    fact = next(f for f in facts if f.text == "interim coach")
    accepted = accepted_answers(fact, fact.text, doc)
    assert "interim" not in accepted, "an adjective is not a noun"
    assert "coach" not in accepted, "'coach' names two other roles in the article"


def test_a_preposition_caught_with_a_name_is_never_accepted() -> None:
    fact = Fact(FactType.ORGANISATION, "Sony", 0, 4, 0, (("canonical", "of Sony"),))
    assert not [a for a in accepted_answers(fact, "Sony") if a.lower().startswith("of ")]


def test_party_short_forms() -> None:
    fact = Fact(FactType.PERSON, "Lib Dem", 0, 7, 0)
    accepted = accepted_answers(fact, fact.text)
    assert "Liberal Democrat" in accepted
    assert "Dem" not in accepted


def test_quote_speaker_accepted_by_surname() -> None:
    text = (
        "Ingrid Solvang won the final in straight sets on Sunday evening. "
        '"That was the best match I have played all season long," said Solvang afterwards.'
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    items = list(QUESTION_BUILDERS[QuestionKind.SHORT_ANSWER](facts, ctx))
    quote_items = [i for i in items if i.prompt.startswith("Who said")]
    assert quote_items, "the quote becomes a who-said item"
    item = quote_items[0]
    assert item.answer == "Ingrid Solvang"
    assert "Solvang" in item.accepted
    assert item.answer not in item.accepted


def test_an_untyped_name_given_a_role_accepts_the_surname() -> None:
    doc = read_document(
        "Brantwick Mills cut 300 jobs on Monday. Sales will recover next year, said "
        "Tobias Vennholm, chief executive of Brantwick Mills."
    )
    fact = next(f for f in extract_facts(doc) if f.text == "Tobias Vennholm")
    assert "Vennholm" in accepted_answers(fact, fact.text, doc)


def test_a_known_acronym_is_accepted_even_where_the_article_spells_the_name_out() -> None:
    doc = read_document("The Motion Picture Association of America sued the site's owners.")
    fact = Fact(FactType.ORGANISATION, "Motion Picture Association of America", 4, 41, 0)
    assert "MPAA" in accepted_answers(fact, fact.text, doc)


def test_a_person_named_with_their_paper_is_accepted_by_name_never_by_the_paper() -> None:
    forms = person_forms("Anne Kessel of the Harbour Reporter")
    assert "Kessel" in forms and "Anne Kessel" in forms
    assert "Reporter" not in forms


def test_a_number_cut_from_millions_never_takes_the_unit_without_the_scale() -> None:
    text = "The album sold almost 1.6 million copies in the UK."
    doc = read_document(text)
    fact = Fact(FactType.QUANTITY, "1.6", 22, 25, 0, (("unit", "copies"), ("number", "1.6")))
    accepted = accepted_answers(fact, fact.text, doc)
    assert "1.6 copies" not in accepted
    fact = Fact(FactType.QUANTITY, "18", 5, 7, 0, (("unit", "years"), ("number", "18")))
    doc = read_document("Aged 18 years, she won the cup.")
    assert "18 years" in accepted_answers(fact, fact.text, doc)


def test_the_whole_quantity_asked_by_its_number_never_drops_the_scale() -> None:
    text = "The album sold almost 1.6 million copies in the UK."
    doc = read_document(text)
    whole = Fact(FactType.QUANTITY, "1.6 million copies", 22, 40, 0, (("unit", "copies"),))
    assert "1.6 copies" not in accepted_answers(whole, "1.6", doc)


def test_amounts_take_their_long_scale_word_and_no_glued_number_word() -> None:
    text = "The company lost $11bn last year and cut 40 jobs."
    doc = read_document(text)
    at = text.index("$11bn")
    forms = accepted_answers(Fact(FactType.QUANTITY, "$11bn", at, at + 5, 0), "$11bn", doc)
    assert {"$11 billion", "11 billion", "11bn"} <= set(forms)
    assert not any("eleven" in f and f != "eleven" for f in forms)


def test_an_amount_written_out_in_millions_takes_its_short_forms() -> None:
    """ "£75 million" is also typed "£75m", "75m" or "75 million" (a grader failed its absence)."""
    text = "The couple are in second place with £75 million between them."
    doc = read_document(text)
    at = text.index("£75 million")
    fact = Fact(FactType.QUANTITY, "£75 million", at, at + 11, 0)
    assert {"£75m", "75m", "75 million"} <= set(accepted_answers(fact, "£75 million", doc))


def test_a_rugby_club_nickname_also_takes_the_clubs_name() -> None:
    """ "The _____ stormed 22-6 ahead" keyed "Tigers" in a rugby report accepts "Leicester"."""
    text = (
        "Leicester beat Wasps in the rugby union Premiership on Saturday. "
        "The Tigers stormed 22-6 ahead through tries from their flanker and fly-half. "
        "Wasps won a scrum near the line but the referee blew for full-time."
    )
    doc = read_document(text)
    at = text.index("Tigers")
    fact = Fact(FactType.OTHER, "Tigers", at, at + 6, 1)
    forms = accepted_answers(fact, "Tigers", doc)
    assert {"Leicester", "Leicester Tigers"} <= set(forms)
    # Outside a sports report the word stays only itself.
    plain_text = "The Tigers of the zoo were fed at noon on Saturday."
    plain_doc = read_document(plain_text)
    at = plain_text.index("Tigers")
    fact = Fact(FactType.OTHER, "Tigers", at, at + 6, 0)
    assert "Leicester" not in accepted_answers(fact, "Tigers", plain_doc)


def test_letters_after_a_name_are_never_accepted_as_the_surname() -> None:
    """ "Andrew Tyrie MP" is "Tyrie"; "MP" alone would mark any MP right."""
    forms = person_forms("Andrew Tyrie MP")
    assert "Tyrie" in forms
    assert "MP" not in forms


def test_a_house_of_parliament_and_a_league_take_their_other_names() -> None:
    """Only "Lords" was accepted for "replacing the Lords"; "House of Lords" was failed."""
    text = "MPs support replacing the Lords, and the club now leads the Premiership."
    doc = read_document(text)
    for name, other in (("Lords", "House of Lords"), ("Premiership", "Premier League")):
        at = text.index(name)
        fact = Fact(FactType.OTHER, name, at, at + len(name), 0)
        assert other in accepted_answers(fact, name, doc)


def test_an_institution_of_a_place_is_accepted_in_either_order() -> None:
    text = "The Court of Appeal ruled on Monday, and a University of Hertfordshire team agreed."
    doc = read_document(text)
    for name, other in (
        ("Court of Appeal", "Appeal Court"),
        ("University of Hertfordshire", "Hertfordshire University"),
    ):
        at = text.index(name)
        fact = Fact(FactType.ORGANISATION, name, at, at + len(name), 0)
        assert other in accepted_answers(fact, name, doc)


def test_a_short_name_also_accepts_the_one_fuller_name_the_article_gives() -> None:
    text = (
        "Rovers signed defender Tobias Vennholm from Maren in May. "
        "Vennholm believes the side can win the league this season."
    )
    doc = read_document(text)
    at = text.rindex("Vennholm")
    fact = Fact(FactType.PERSON, "Vennholm", at, at + 8, 1)
    assert "Tobias Vennholm" in accepted_answers(fact, "Vennholm", doc)
