"""Stems that ask general knowledge or copy the article's slips."""

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


MAKER = "the answer is the maker of a named product or work"


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


def test_a_word_typed_twice_is_a_slip_but_had_had_is_english() -> None:
    from quizapp.nlp.questions.slips import copied_slip

    assert copied_slip("The mill will will open in May, the owners said.", 0, 0) == "will will"
    assert copied_slip("The mill had had three owners before it closed.", 0, 0) is None
