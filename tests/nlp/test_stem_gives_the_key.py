"""A stem that gives its own key away by arithmetic or by geography is struck: a count that is a
printed share of a printed total ("_____, less than 6% of 2 billion"), a sum of two printed
counts, a country the stem names under another name ("the UK" beside "United Kingdom"), a
country holding a city the stem names, a capital of a country the stem names; and no wrong
option is a country the stem already names in another form. A country key is struck too where
its stem says "the country" after naming another country."""

from __future__ import annotations

from quizapp.nlp import generate
from quizapp.nlp.model import FactType, QuestionKind
from quizapp.nlp.stem_arithmetic import computed_from_stem
from quizapp.nlp.worth import strike_reason
from tests.nlp.stem_context import blanked_item


def test_a_count_the_stem_computes_is_struck() -> None:
    shared = "Norland's phone owners number 110m, or about 6% of its 1.9 billion people."
    item = blanked_item(shared, "110m", QuestionKind.MULTIPLE_CHOICE, FactType.QUANTITY)
    assert strike_reason(item) == "the stem's other figures compute the key"
    typed = blanked_item(shared, "110m", QuestionKind.FILL_IN, FactType.QUANTITY)
    assert strike_reason(typed) is not None
    # A figure the other figures do not give is asked.
    free = "Norland's phone owners number 40m, and the firm sold 6% of its stock in 2003."
    assert (
        strike_reason(blanked_item(free, "40m", QuestionKind.MULTIPLE_CHOICE, FactType.QUANTITY))
        is None
    )


def test_arithmetic_of_shares_totals_and_sums() -> None:
    assert computed_from_stem("25%", "Of 2,000 members asked, 500 said yes, or  .")
    assert computed_from_stem("£75m", "The firm paid £45m and then £30m, a total of  .")
    assert computed_from_stem("120", "Some 30% of the  staff, or 36 people, left.")
    # The unit the stem prints after the blank ("_____m") is the key's.
    assert computed_from_stem("104", "Users number  m, 8% of its 1.3 billion people.", "m, 8% of")
    # A year is no amount, a share near the whole is the total itself, and unrelated
    # figures of other units give nothing.
    assert not computed_from_stem("2006", "Sales rose 4% from 2002 to 2004 and again in  .")
    assert not computed_from_stem("300m", "Nearly 95% of the 310m voters were registered.")
    assert not computed_from_stem("£40m", "The firm made 12% more and sold 3m units for  .")


def test_a_place_key_the_stems_places_give_away_is_struck() -> None:
    other_name = "The UK said talks with  would resume in May."
    item = blanked_item(
        other_name.replace("  ", " United Kingdom "),
        "United Kingdom",
        QuestionKind.FILL_IN,
        FactType.PLACE,
    )
    assert strike_reason(item) == "the stem names the key under another name"
    city = "The Petrel Tower in Kuala Lumpur, built for Malaysia, was sold."
    assert (
        strike_reason(blanked_item(city, "Malaysia", QuestionKind.FILL_IN, FactType.PLACE))
        is not None
    )
    capital = "Talks with Malaysia were held in Kuala Lumpur last week."
    assert strike_reason(
        blanked_item(capital, "Kuala Lumpur", QuestionKind.FILL_IN, FactType.PLACE)
    )
    # Home nations are countries of their own: Wales beside England gives nothing away.
    nations = "Waiting times in Wales will be cut, but not as far as those in England."
    assert (
        strike_reason(blanked_item(nations, "England", QuestionKind.FILL_IN, FactType.PLACE))
        is None
    )
    # A city that is no capital of the country named beside it is still asked.
    plant = "The carmaker will build a plant in Malaysia, near Penang, by 2008."
    assert (
        strike_reason(blanked_item(plant, "Penang", QuestionKind.FILL_IN, FactType.PLACE)) is None
    )


def test_a_wrong_option_the_stem_names_in_another_form_is_struck() -> None:
    source = "Ministers, backed by the UK, lifted the ban imposed on Chile in 1990."
    options = ("Chile", "Peru", "United Kingdom", "Bolivia")
    item = blanked_item(source, "Chile", QuestionKind.MULTIPLE_CHOICE, FactType.PLACE, options)
    assert strike_reason(item) == "a wrong option stands in the stem"
    fair = ("Chile", "Peru", "Argentina", "Bolivia")
    item = blanked_item(source, "Chile", QuestionKind.MULTIPLE_CHOICE, FactType.PLACE, fair)
    assert strike_reason(item) is None


ARTICLE = (
    "Ministers split over arms ban\n\n"
    "Ministers, backed by the UK, want to lift the arms ban imposed on Chile in 1990. "
    "The US and France oppose the plan, as do Peru and Bolivia. "
    "Chile says the ban is out of date, and the United Kingdom agrees. "
    "Argentina and Brazil have asked for talks with Chile in March."
)


def test_generated_options_never_repeat_a_country_of_the_stem() -> None:
    quiz = generate(ARTICLE, max_items=20, kinds=["multiple_choice"], seed=1)
    for item in quiz.items:
        names = {"UK": "United Kingdom", "US": "United States"}
        for short, full in names.items():
            if f" {short}" in item.prompt:
                assert full not in item.options, item


def test_the_country_after_a_country_key_and_another_country_is_struck() -> None:
    two = "Norway's 2-1 win over Portugal on Sunday filled the country's papers on Monday."
    item = blanked_item(two, "Portugal", QuestionKind.MULTIPLE_CHOICE, FactType.PLACE)
    assert strike_reason(item) == "'the country' may be the answer or another country of the stem"
    # With no other country before it, "the country" can only be the answer's.
    one = "A 2-1 win over Portugal on Sunday filled the country's papers on Monday."
    assert (
        strike_reason(blanked_item(one, "Portugal", QuestionKind.MULTIPLE_CHOICE, FactType.PLACE))
        is None
    )
    # "The country" before the blank points back at what the stem named, not at the answer.
    before = "Norway said the country would play Portugal again in May."
    assert (
        strike_reason(blanked_item(before, "Portugal", QuestionKind.FILL_IN, FactType.PLACE))
        is None
    )
