"""Stems whose own words give the answer away: a neighbouring year, a bracketed figure, a maker."""

from __future__ import annotations

import pytest

from quizapp.nlp.checks import check_item
from quizapp.nlp.model import BLANK, Fact, FactType, Item, QuestionKind, SourceQuote


def _item(sentence: str, answer: str, fact_type: FactType) -> Item:
    start = sentence.index(answer)
    return Item(
        kind=QuestionKind.FILL_IN,
        prompt=sentence.replace(answer, BLANK, 1),
        fact=Fact(fact_type, answer, start, start + len(answer), 0),
        source=SourceQuote(sentence, 0, len(sentence), 0),
        answer=answer,
    )


NEXT_YEAR = "the stem shows the year before or after the answer"
RESTATED = "the stem restates the answer's figure in brackets"
MAKER = "the answer is the maker of a named product or work"


@pytest.mark.parametrize(
    "sentence",
    [
        "Orders at the mill will keep rising in 2011, only more slowly than in 2010.",
        "Ticket sales in the first half of 2011 were double those of the same half in 2012.",
    ],
)
def test_a_year_beside_its_neighbour_is_refused(sentence: str) -> None:
    assert NEXT_YEAR in check_item(_item(sentence, "2011", FactType.DATE), sentence)


def test_a_year_with_no_neighbour_in_the_stem_is_kept() -> None:
    sentence = "The mill on the river closed in 2011, ten years after it was sold in 2001."
    assert NEXT_YEAR not in check_item(_item(sentence, "2011", FactType.DATE), sentence)


def test_a_figure_restated_in_brackets_is_refused() -> None:
    sentence = "The council owns 40% of the Harbour Water Company (39.8%), the rest is private."
    problems = check_item(_item(sentence, "40", FactType.QUANTITY), sentence)
    assert RESTATED in problems


def test_a_bracketed_figure_far_from_the_key_is_no_cue() -> None:
    sentence = (
        "The council owns 40% of the Harbour Water Company (up from 12%), the rest is private."
    )
    assert RESTATED not in check_item(_item(sentence, "40", FactType.QUANTITY), sentence)


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("With Larkspur's zPhone topping wish lists, shops expect long queues.", "Larkspur"),
        ("Tom Hale's Nightfall, Grey Water and Ash are vying for the prize.", "Tom Hale"),
    ],
)
def test_the_maker_of_a_named_thing_is_refused(sentence: str, answer: str) -> None:
    fact_type = FactType.PERSON if " " in answer else FactType.ORGANISATION
    assert MAKER in check_item(_item(sentence, answer, fact_type), sentence)


def test_a_club_before_a_players_full_name_is_kept() -> None:
    sentence = "Larkspur's Tom Hale scored twice in the second half on Saturday."
    problems = check_item(_item(sentence, "Larkspur", FactType.ORGANISATION), sentence)
    assert MAKER not in problems


def test_a_stem_does_not_copy_a_plural_subject_with_a_singular_verb() -> None:
    from quizapp.nlp import generate

    article = (
        "Search habits surveyed\n\n"
        "According to figures gathered by the Lowell researchers the average users spends "
        "about 43 minutes per month carrying out 34 separate searches on the Harbour engine.\n\n"
        "The Lowell survey of 2,100 adults found that 62% of them searched at least daily."
    )
    prompts = [item.prompt for item in generate(article, max_items=20).items]
    assert prompts and not any("users spends" in p for p in prompts), prompts
