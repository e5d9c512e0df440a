"""Items a teacher keeps: no stem leaning on an earlier "the chip" or "the three firms", and no
question on a detail that only frames the story (the minute of a goal, the months a figure
covers, the city where something was said, "SIM" in "SIM cards", the paper someone told)
(issue 9, items 1 and 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.nlp import generate, read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact
from quizapp.nlp.questions.references import embedded_pronoun
from quizapp.nlp.salience import score_facts
from quizapp.nlp.side_details import (
    match_minute,
    reporting_period,
    stock_compound,
    where_it_was_said,
)
from tests.nlp.stem_context import stem_context


def _fact(facts: tuple[Fact, ...], text: str, sentence: int | None = None) -> Fact:
    return next(f for f in facts if f.text == text and sentence in (None, f.sentence))


# An invented article: three firms, one chip, a unit, a minister, a conference.
CHIP = (
    "Quillon processor details emerge\n\n"
    "Vantor, Kelby and Osric have released details of the Quillon chip, which will power the "
    "Brisa 4 console.\n\n"
    "The three firms said the chip would run up to 12 times faster than current processors.\n\n"
    "Kelby will start making the chip in 2007 at a plant in Ohio.\n\n"
    "Osric runs a testing unit near Leeds.\n\n"
    "Vantor said the unit would cost $40m to run.\n\n"
    "Dale Fenwick, a Kelby engineer, said the unit's future depended on 300 new staff.\n\n"
    "Liberal Democrat Nora Pell said it was a grave mistake to build the console abroad.\n\n"
    "Vantor chief Ida Marsh announced the plan in Porto on Friday.\n\n"
    "Sales of Brisa consoles in the first two months of 2006 were 40% higher than a year "
    "earlier.\n\n"
    "Customers can order SIM cards for the Brisa 4 online, and the phone network in England "
    "and Wales will carry its games.\n\n"
    '"The console is the best we have made," Ida Marsh told the Evening Ledger.\n'
)


def test_a_counted_reference_to_firms_the_stem_does_not_name_is_not_asked() -> None:
    ctx, facts = stem_context(CHIP)
    # "The three firms said ...": which three, the stem cannot say.
    assert ctx.stem(_fact(facts, "12 times")) is None
    assert ctx.wh_question(_fact(facts, "12 times")) is None


def test_a_definite_noun_the_article_named_before_gets_that_name() -> None:
    ctx, facts = stem_context(CHIP)
    # "Kelby will start making the chip ..." -> "... the Quillon chip ...".
    stem = ctx.stem(_fact(facts, "2007"))
    assert stem is not None
    assert "the Quillon chip in" in stem.text
    # "the unit" -> "the unit near Leeds": the article's one description of it.
    stem = ctx.stem(_fact(facts, "$40m"))
    assert stem is not None
    assert "the unit near Leeds would cost" in stem.text


def test_a_possessor_pointing_back_leaves_no_stem_when_it_cannot_be_named() -> None:
    text = CHIP.replace("Osric runs a testing unit near Leeds.", "Osric runs a testing unit.")
    ctx, facts = stem_context(text)
    # "the unit's future": which unit, the article never says in a name.
    assert ctx.stem(_fact(facts, "300 new staff")) is None
    assert ctx.stem(_fact(facts, "$40m")) is None


def test_a_person_answer_does_not_say_what_it_is() -> None:
    sentence = "Liberal Democrat Nora Pell said it was a grave mistake to build the console abroad."
    end = len("Liberal Democrat Nora Pell")
    # The person is the blank; "it" stands for nothing the stem gives.
    assert embedded_pronoun(sentence, 0, end, answer_is_body=False)
    # A body can be what "it" is ("Vantor said it would ..."), and an "it" that opens a clause
    # ("said it was time to ...") points at nothing.
    assert not embedded_pronoun("Vantor said it would build the console.", 0, 6)
    assert not embedded_pronoun("Nora Pell said it was time to act.", 0, 9, answer_is_body=False)


def test_framing_details_are_not_worth_asking() -> None:
    doc = read_document(CHIP)
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    # The city where a plan was announced, named once; the year that dates a sales figure;
    # "SIM" of "SIM cards".
    assert not salience[_fact(facts, "Porto")].askable
    assert not salience[_fact(facts, "2006")].askable
    assert not salience[_fact(facts, "SIM")].askable
    # The plant's state and the year production starts are the news.
    assert salience[_fact(facts, "Ohio")].askable
    assert salience[_fact(facts, "2007")].askable


def test_the_outlet_told_and_half_of_a_set_pair_of_places_are_not_asked() -> None:
    ctx, facts = stem_context(CHIP)
    assert ctx.stem(_fact(facts, "Evening Ledger")) is None
    assert ctx.stem(_fact(facts, "England")) is None
    quiz = generate(CHIP, max_items=20)
    assert all(item.answer not in ("Evening Ledger", "England", "SIM") for item in quiz.items)


@pytest.mark.shared
def test_the_outlet_sources_tell_is_not_asked(shared_dir: Path) -> None:
    # A BBC article of the shared corpus: "..., sources close to the negotiations tell the FT."
    text = (shared_dir / "data" / "corpus" / "09.txt").read_text()
    quiz = generate(text, max_items=20)
    assert quiz.items and all(item.answer != "FT" for item in quiz.items)


def test_two_countries_named_together_are_each_worth_asking() -> None:
    text = (
        "Aid agency expands\n\n"
        "The Harlow Trust will open clinics in Kenya and Uganda next year, its director said.\n"
    )
    ctx, facts = stem_context(text)
    assert ctx.stem(_fact(facts, "Kenya")) is not None


MATCH = (
    "Rovers win at home\n\n"
    "Rovers beat Ashby 2-0 at Mill Lane on Saturday.\n\n"
    "Tom Galt scored after 23 minutes with a header from a corner.\n\n"
    "Ashby's keeper saved a penalty before half-time, and Galt scored a second goal late on.\n"
)


def test_the_minute_of_a_goal_is_not_worth_asking() -> None:
    doc = read_document(MATCH)
    facts = extract_facts(doc)
    assert match_minute(_fact(facts, "23 minutes"), doc)
    # Minutes outside a match report, or as a rate, are a figure like any other.
    other = read_document(
        "Commuters wait longer\n\n"
        "The average commuter in Dunmore now waits 23 minutes for a bus, the council said.\n\n"
        "Drivers spend 40 minutes a day in traffic.\n"
    )
    found = extract_facts(other)
    assert not match_minute(_fact(found, "23 minutes"), other)
    assert not match_minute(_fact(found, "40 minutes"), other)


def test_where_a_shot_came_from_and_a_word_of_play_are_not_worth_asking() -> None:
    report = read_document(
        MATCH + "\nDan Pryce fired wide from a free-kick 25 yards out, and a shot by Galt took a "
        "deflection off the post.\n\nGalt's second goal also went in off a deflection.\n"
    )
    salience = score_facts(extract_facts(report), report)
    assert not any(s.askable for f, s in salience.items() if f.text in ("25 yards", "deflection"))
    assert any(s.askable for f, s in salience.items() if f.text == "Dan Pryce")


def test_a_reporting_period_is_told_from_the_date_of_an_event() -> None:
    doc = read_document(CHIP)
    facts = extract_facts(doc)
    assert reporting_period(_fact(facts, "2006"), doc)
    assert not reporting_period(_fact(facts, "2007"), doc)
    traffic = read_document(
        "Downloads surge\n\n"
        "A study by Merrow Labs found that more than half of all web traffic during June was "
        "video.\n\n"
        "Merrow Labs was founded in June 1998 by two students.\n"
    )
    found = extract_facts(traffic)
    dates = [f for f in found if f.type.name == "DATE"]
    assert reporting_period(dates[0], traffic)
    assert not any(reporting_period(f, traffic) for f in dates[1:])


def test_where_something_was_said_against_where_it_happened() -> None:
    doc = read_document(CHIP)
    facts = extract_facts(doc)
    assert where_it_was_said(_fact(facts, "Porto"), doc, 1, False)
    assert not where_it_was_said(_fact(facts, "Ohio"), doc, 1, False)
    # In the headline, the city is what the story is about.
    assert not where_it_was_said(_fact(facts, "Porto"), doc, 1, True)


def test_an_acronym_that_names_a_body_is_no_stock_compound() -> None:
    text = (
        "Broadcaster cuts jobs\n\n"
        "The BCN news channel will close two studios, a BCN spokesman said.\n\n"
        "Viewers can still buy DVD box sets of its shows.\n"
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    acronyms = {f.text: f for f in facts if f.text in ("BCN", "DVD")}
    assert "BCN" in acronyms
    assert not stock_compound(acronyms["BCN"], doc)
    if "DVD" in acronyms:
        assert stock_compound(acronyms["DVD"], doc)


def test_two_towns_named_together_and_a_noun_the_stem_names_are_asked() -> None:
    text = (
        "Raids on the coast\n\n"
        "Settlers built a small fort on the river in 1750.\n\n"
        "The Harlow Trust opened clinics in Pelham and Corvath in 1751.\n\n"
        "In the siege of Fort Amberly, the defenders lost the fort and 900 barrels of flour.\n"
    )
    ctx, facts = stem_context(text)
    # Two towns: no set phrase, each is news.
    assert ctx.stem(_fact(facts, "Pelham")) is not None
    # "the fort" after "Fort Amberly" in the same stem says which fort.
    stem = ctx.stem(_fact(facts, "900 barrels"))
    assert stem is not None
    assert "lost the fort" in stem.text


def test_a_bracket_giving_the_figure_more_exactly_is_dropped() -> None:
    text = (
        "Water firm sells stake\n\n"
        "Delmont owns 40% of Aguas Claras (39.9%), while Norvia holds 25.01%.\n"
    )
    ctx, facts = stem_context(text)
    stem = ctx.stem(_fact(facts, "40%"))
    assert stem is not None
    assert "39.9" not in stem.text
    assert "Aguas Claras, while Norvia" in stem.text


def test_a_wh_question_names_what_its_definite_noun_points_back_to() -> None:
    text = CHIP.replace(
        "Kelby will start making the chip in 2007 at a plant in Ohio.",
        "IBM said it would start making the chip in 2007 at a plant in Ohio.",
    )
    ctx, facts = stem_context(text)
    question = ctx.wh_question(_fact(facts, "IBM"))
    assert question is not None
    assert "the Quillon chip" in question
    # With no name for it in the article, no question is asked about "the chip".
    bare = text.replace("details of the Quillon chip", "details of a new chip")
    ctx, facts = stem_context(bare)
    assert ctx.wh_question(_fact(facts, "IBM")) is None


def test_a_body_described_by_its_country_is_not_given_the_nearest_name() -> None:
    text = (
        "Jet maker signs deals\n\n"
        "Aerona announced a deal with India's Travex Systems to build a test platform.\n\n"
        "The US company said it had sold 12 planes to a new budget airline for $630m.\n\n"
        "The airline, Skyhop, will have the option to buy 8 more planes.\n"
    )
    ctx, facts = stem_context(text)
    # The nearest body named before is Indian: "The US company" is not it, and the stem
    # cannot say which it is.
    assert ctx.stem(_fact(facts, "$630m")) is None
    # "The airline, Skyhop, ...": the apposition names it; nothing is put in its place.
    stem = ctx.stem(_fact(facts, "8 more planes"))
    assert stem is not None
    assert stem.text.startswith("The airline, Skyhop, will")


def test_a_concession_that_answers_an_unstated_comparison_is_not_asked() -> None:
    text = (
        "Game outsells film\n\n"
        "Stormgate sold 2 million copies in its first week, the most of any game this year.\n\n"
        "The film Tall Ships took nearly £8m over its opening weekend, although games are "
        "far more expensive than cinema tickets.\n\n"
        "The film Tall Ships took £3m on Monday, although Stormgate took more than that.\n"
    )
    ctx, facts = stem_context(text)
    # More expensive: the point is a comparison with the game's takings, not in the stem.
    assert ctx.stem(_fact(facts, "£8m")) is None
    # A concession that names what it compares with stands.
    assert ctx.stem(_fact(facts, "£3m")) is not None


def test_the_side_a_player_speaks_of_must_be_named() -> None:
    text = (
        "Rovers lose again\n\n"
        "Rovers lost 3-1 to Ashby on Saturday, the side's third defeat in a row.\n\n"
        "Centre Owen Pike believes the side showed better form than in their previous two "
        "defeats.\n"
    )
    ctx, facts = stem_context(text)
    assert ctx.stem(_fact(facts, "Centre Owen Pike")) is None
    # With the team named, the same sentence is asked.
    ctx, facts = stem_context(text.replace("believes the side", "believes Rovers"))
    assert ctx.stem(_fact(facts, "Centre Owen Pike")) is not None
