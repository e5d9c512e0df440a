"""Items a student who read the article could answer otherwise, or solve by the options' look."""

from __future__ import annotations

import pytest

from quizapp.nlp import generate
from quizapp.nlp.checks import check_item
from quizapp.nlp.model import BLANK, Fact, FactType, Item, QuestionKind, SourceQuote


def _item(sentence: str, answer: str, kind: QuestionKind, options: tuple[str, ...] = ()) -> Item:
    start = sentence.index(answer)
    return Item(
        kind=kind,
        prompt=sentence.replace(answer, BLANK, 1),
        fact=Fact(FactType.PERSON, answer, start, start + len(answer), 0),
        source=SourceQuote(sentence, 0, len(sentence), 0),
        answer=answer,
        options=options,
    )


LIST = "the blank is one member of a list the article does not give whole"


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("The cast has famous actors including Tom Hale and Rose Finch.", "Tom Hale"),
        ("The band, with members Tom Hale and Rose Finch, topped the chart.", "Rose Finch"),
        ("It launched playwrights such as Tom Hale, Rose Finch and Ann Moor.", "Rose Finch"),
        ("The nominations for Night Harbour and Grey Water were cut on Monday.", "Grey Water"),
    ],
)
def test_a_typed_blank_in_an_open_list_is_refused(sentence: str, answer: str) -> None:
    item = _item(sentence, answer, QuestionKind.FILL_IN)
    assert LIST in check_item(item, sentence)


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("Kestrel Mobile uses Orla Group's orange branding.", "Orla Group"),
        ("The officer gave evidence at the trial of his ex-boss Tom Hale.", "Tom Hale"),
        ("Coach Tom Hale and captain Rose Finch met the mayor on Monday.", "Rose Finch"),
    ],
)
def test_a_name_that_is_no_member_of_an_open_list_is_still_asked(
    sentence: str, answer: str
) -> None:
    item = _item(sentence, answer, QuestionKind.FILL_IN)
    assert LIST not in check_item(item, sentence)


def test_a_list_member_is_refused_as_typed_answer_in_a_generated_quiz() -> None:
    text = (
        "Harbour Lights opens at the Lyric Hall in Dunmore on Friday. "
        "The play stars famous actors including Tom Hale and Rose Finch. "
        "Director Ann Moor said the run of 40 nights had sold out in two days. "
        "The Lyric Hall reopened in 2019 after a £4m refit."
    )
    for item in generate(text, max_items=10, kinds=["fill_in"]).items:
        assert "including " + BLANK not in item.prompt and "and " + BLANK not in item.prompt


def test_options_sharing_a_word_the_key_lacks_are_refused() -> None:
    sentence = "Home affairs spokesman Mark Oaken said the plan was right."
    item = _item(
        sentence,
        "Mark Oaken",
        QuestionKind.MULTIPLE_CHOICE,
        ("David Wells", "David Dale", "Mark Oaken", "David Brent"),
    )
    assert "the wrong options share a word the key lacks" in check_item(item, sentence)
    fair = _item(
        sentence,
        "Mark Oaken",
        QuestionKind.MULTIPLE_CHOICE,
        ("David Wells", "Ann Dale", "Mark Oaken", "Rose Brent"),
    )
    assert "the wrong options share a word the key lacks" not in check_item(fair, sentence)


def test_an_option_close_to_an_approximate_key_is_refused() -> None:
    sentence = "The film took nearly £10m over its opening weekend."
    close = _item(sentence, "£10m", QuestionKind.MULTIPLE_CHOICE, ("£4m", "£6m", "£9m", "£10m"))
    assert "an option lies close to an approximate key" in check_item(close, sentence)
    apart = _item(sentence, "£10m", QuestionKind.MULTIPLE_CHOICE, ("£4m", "£6m", "£10m", "£16m"))
    assert "an option lies close to an approximate key" not in check_item(apart, sentence)
    exact = "The film took £10m over its opening weekend."
    plain = _item(exact, "£10m", QuestionKind.MULTIPLE_CHOICE, ("£4m", "£6m", "£9m", "£10m"))
    assert "an option lies close to an approximate key" not in check_item(plain, exact)


def test_a_continent_asked_beside_one_of_its_countries_is_refused() -> None:
    sentence = "Markets in Europe and Asia - notably Sweden and South Korea - were hit."
    item = _item(sentence, "Asia", QuestionKind.FILL_IN)
    assert "the stem names a country of the continent asked" in check_item(item, sentence)
    other = "Markets in Europe and Asia were hit hardest, the Marlow report said."
    fair = _item(other, "Asia", QuestionKind.FILL_IN)
    assert "the stem names a country of the continent asked" not in check_item(fair, other)
