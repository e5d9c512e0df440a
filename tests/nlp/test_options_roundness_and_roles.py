"""Options: made-up figures exactly as round as the key, false statements that
cannot be true, and no option the article makes right as well."""

from __future__ import annotations

import random
import re

import pytest

from quizapp.nlp import read_document
from quizapp.nlp.distractors import quantity_distractors
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact


def _key(sentence: str, text: str) -> Fact:
    return next(f for f in extract_facts(read_document("Figures\n\n" + sentence)) if f.text == text)


def _figure(option: str) -> str:
    found = re.search(r"\d[\d,]*(?:\.\d+)?", option)
    assert found, option
    return found.group().replace(",", "")


def _shape(figure: str) -> tuple[int, int, bool]:
    """(place of the last figure, decimals, last decimal a zero) of a written figure."""
    whole, _, decimals = figure.partition(".")
    if decimals:
        return -len(decimals), len(decimals), decimals.endswith("0")
    return len(whole) - len(whole.rstrip("0")), 0, False


def _offered(fact: Fact, seeds: int = 60) -> list[str]:
    out: list[str] = []
    for seed in range(seeds):
        out += quantity_distractors(fact, 3, random.Random(seed)) or []
    return out


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        # The graded case: £67m among £100m, £150m and £180m was failed as a cue.
        ("Producer Judy Craymer entered the rich list with £67m this year.", "£67m"),
        ("The club sold 162 season tickets in a week.", "162 season tickets"),
        ("The BBC received 47,000 complaints about the show.", "47,000 complaints"),
        ("The film took $12.8m at the box office.", "$12.8m"),
        ("Prices rose by 2.8% in the second half of the year.", "2.8%"),
        # Fifties leave no room below "45,000" (35,000, 25,000, 15,000 evenly spaced): figures
        # at its place instead, rather than no options or a rounder one.
        ("The raiders destroyed 45,000 pounds of gunpowder.", "45,000 pounds"),
    ],
)
def test_a_key_of_several_figures_gets_options_exactly_as_round(sentence: str, key: str) -> None:
    fact = _key(sentence, key)
    offered = _offered(fact)
    assert offered, key
    mine = _shape(_figure(key))
    for option in offered:
        figure = _figure(option)
        # The last figure at the key's place ("£134m" or "£82m" beside "£67m", never "£150m",
        # "£100m"; "$17.1m" beside "$12.8m", never "$17.0m").
        assert _shape(figure) == mine, (key, option)


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("The council set aside £50m for new roads.", "£50m"),
        ("The winner takes home £10,000 in prize money.", "£10,000"),
        ("About 600 staff lost their jobs.", "600 staff"),
    ],
)
def test_a_key_of_one_figure_gets_options_as_round(sentence: str, key: str) -> None:
    fact = _key(sentence, key)
    offered = _offered(fact)
    assert offered, key
    for option in offered:
        figures = _figure(option).strip("0")
        # One figure, or one of the round halves (£15,000, £25m, 750): never "£45m" or
        # "£85m" beside "£50m", nor "£1,700" beside "600".
        assert len(figures) == 1 or figures in {"15", "25", "75"}, (key, option)


def test_a_price_keeps_its_pence() -> None:
    fact = _key("At the high street shop the same print would cost £9.99 each.", "£9.99")
    offered = _offered(fact)
    assert offered
    assert all(option.endswith(".99") for option in offered), offered


LEAK = (
    "Schools budget leak angers MPs\n\n"
    "Ministers have been asked to explain how details of the schools budget appeared in a "
    "newspaper a day before the announcement. "
    "The Tories said the early release was a serious breach of confidence. "
    "The Lib Dems called for Commons leader Jack Straw to make a statement and said ministers had resigned over leaks. "
    "Labour said the leak was regrettable but minor. "
    "In the Commons, Tory frontbencher Tim Collins demanded an urgent ministerial statement "
    "about the leak. "
    "Liberal Democrat David Laws said Mr Straw should make a statement on Thursday."
)


def test_a_name_the_article_ties_to_the_act_is_no_swap_in_nor_option() -> None:
    from quizapp.nlp.questions.swap_roles import tied_to_action

    doc = read_document(LEAK)
    facts = extract_facts(doc)
    party = next(f for f in facts if f.text == "Lib Dems")
    # A Tory demanded a statement too: "The Tories called for ..." may well be true.
    assert tied_to_action(doc, party, "Tories")
    assert tied_to_action(doc, party, "Conservatives")
    # Labour only commented on the leak (the title's word): "Labour called for ..." is false.
    assert not tied_to_action(doc, party, "Labour")
    # David Laws asked for a statement too; he is not the one asked to make it.
    asked = next(f for f in facts if f.text == "Jack Straw")
    assert not tied_to_action(doc, asked, "David Laws")
    assert not tied_to_action(doc, asked, "Tim Collins")


def test_a_place_at_another_level_of_the_key_is_no_wrong_option() -> None:
    from quizapp.nlp.distractors.place_context import nested_places

    assert nested_places("London", "England", "")  # the key's country is right as well
    assert nested_places("France", "Paris", "")
    assert nested_places("London", "Twickenham", "The match at Twickenham, London, ended.")
    assert not nested_places("London", "Paris", "")
    assert not nested_places("London", "Twickenham", "The match at Twickenham ended.")
