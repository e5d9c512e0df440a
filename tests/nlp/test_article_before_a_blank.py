"""The article before a blank is the one every option takes ("a _____ shortfall" over $348bn,
$427bn, ...), never "a(n)"; an item whose options or typed answer would be told apart by
"a" or "an" is not made."""

from __future__ import annotations

import re

from quizapp.nlp import generate, regenerate_distractors
from quizapp.nlp.model import BLANK, QuestionKind
from quizapp.nlp.questions.blank_articles import (
    absorb_an,
    article_problems,
    settle_article,
    spoken_article,
)

ARTICLE = (
    "Brackley council faces budget gap\n\n"
    "Brackley council says it faces a £42m budget gap next year after grants from Whitehall "
    "were cut. Council leader Ann Dorsey said the authority would have to take a 15% cut in "
    "its spending on roads. The council employs 3,400 people and runs 61 schools. Dorsey said "
    "the gap was the largest since the council was founded in 1974. Brackley council has "
    "asked the Treasury for a loan of £12m to cover the cost of repairs to its offices."
)


def test_numbers_take_the_article_of_their_spoken_first_word() -> None:
    assert spoken_article("$348bn") == "a"
    assert spoken_article("£88m") == "an"  # eighty-eight
    assert spoken_article("18") == "an"
    assert spoken_article("11,500") == "an"  # eleven thousand
    assert spoken_article("110") == "a"  # one hundred and ten
    assert spoken_article("37.6%") == "a"
    assert spoken_article("1850") is None  # a year or one thousand eight hundred


def test_words_and_letters_take_the_article_of_their_sound() -> None:
    assert spoken_article("union") == "a"
    assert spoken_article("hour") == "an"
    assert spoken_article("apple") == "an"
    assert spoken_article("MP") == "an"
    assert spoken_article("UN") == "a"
    assert spoken_article("NATO") is None


def test_an_article_every_option_takes_replaces_a_n() -> None:
    prompt = f"There would be a(n) {BLANK} shortfall."
    settled = settle_article(prompt, ["$348bn", "$427bn", "$523bn"])
    assert settled == f"There would be a {BLANK} shortfall."
    assert article_problems(settled, ["$348bn", "$427bn", "$523bn"], typed=False) == []
    assert (
        settle_article(f"A(n) {BLANK} fine was paid.", ["£8m", "£11m"])
        == f"An {BLANK} fine was paid."
    )


def test_options_the_article_would_tell_apart_leave_the_item_unmade() -> None:
    prompt = f"She left with a(n) {BLANK} fortune."
    options = ["£26m", "£67m", "£88m"]
    assert settle_article(prompt, options) == prompt
    assert article_problems(prompt, options, typed=False)
    assert article_problems(f"She left with a {BLANK} fortune.", options, typed=False)


def test_a_typed_answer_shows_a_but_never_an() -> None:
    assert (
        settle_article(f"They took a(n) {BLANK}% stake.", ["20"]) == f"They took a {BLANK}% stake."
    )
    assert article_problems(f"They took a {BLANK}% stake.", ["20"], typed=True) == []
    assert article_problems(f"England equalled an {BLANK}-year low.", ["18"], typed=True)


def test_no_generated_item_prints_a_n_or_an_article_an_option_does_not_take() -> None:
    items = generate(ARTICLE, max_items=20).items
    assert items
    for item in items:
        assert "(n)" not in item.prompt, item.prompt
        if item.kind is QuestionKind.MULTIPLE_CHOICE:
            assert not article_problems(item.prompt, item.options, typed=False), item.prompt
    assert any(re.search(rf"\ba {re.escape(BLANK)}", item.prompt) for item in items)


# "a £9m cut": near figures drawn as new wrong options include £8m and £11m, which take "an".
CUT_ARTICLE = ARTICLE.replace("a 15% cut", "a £9m cut")


def test_new_wrong_options_all_take_the_printed_article() -> None:
    questions = generate(CUT_ARTICLE, max_items=20).to_dict()["questions"]
    item = next(q for q in questions if re.search(rf"\ba {re.escape(BLANK)}", q["prompt"]))
    drawn = [regenerate_distractors(CUT_ARTICLE, item, seed=seed) for seed in range(12)]
    assert any(options for options in drawn)
    for options in drawn:
        if options is not None:
            assert not article_problems(item["prompt"], options, typed=False), options


def test_a_typed_whole_noun_phrase_takes_its_an_into_the_blank() -> None:
    assert absorb_an(f"When magma cools, it is an {BLANK}.", "igneous rock") == (
        f"When magma cools, it is {BLANK}."
    )
    assert absorb_an(f"She served as an {BLANK} in the army.", "officer") == (
        f"She served as {BLANK} in the army."
    )
    # The noun phrase goes on after the blank, or the answer is a number: "an" stays (and the
    # item is not made).
    assert absorb_an(f"It is an {BLANK} rock.", "igneous") == f"It is an {BLANK} rock."
    assert absorb_an(f"Prices fell to an {BLANK}-year low.", "18") == (
        f"Prices fell to an {BLANK}-year low."
    )
