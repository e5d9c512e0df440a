"""No quiz lets one item's figure mark off another's key: a stake "taking his stake to 42.3%"
beside options 37.6%, 43.1%, 53.7% for the stake he held before leaves one option below."""

from __future__ import annotations

from quizapp.nlp.figure_sides import figures, option_figures, splits_key_off
from quizapp.nlp.model import BLANK, Fact, FactType, Item, QuestionKind, SourceQuote

TEXT = "Mr Hale already holds a 37.6% stake in the club."


def _stake(options: tuple[str, ...]) -> Item:
    at = TEXT.index("37.6%")
    return Item(
        kind=QuestionKind.MULTIPLE_CHOICE,
        prompt=TEXT.replace("37.6%", BLANK),
        fact=Fact(FactType.QUANTITY, "37.6%", at, at + 5, 0),
        source=SourceQuote(TEXT, 0, len(TEXT), 0),
        answer="37.6%",
        options=options,
    )


def test_money_and_shares_are_read_with_their_units() -> None:
    assert figures("taking his stake to 42.3%, a £75m deal worth $1.2bn") == [
        (42.3, "%"),
        (75e6, "£"),
        (1.2e9, "$"),
    ]
    assert figures("in 1984 he bought 300 shares") == []


def test_a_figure_between_the_key_and_every_wrong_option_marks_the_key_off() -> None:
    alone_below = option_figures(_stake(("37.6%", "43.1%", "53.7%", "75.5%")))
    assert alone_below is not None
    assert splits_key_off(
        alone_below, figures(f"He bought a {BLANK}% holding, taking his stake to 42.3%.")
    )
    # Options on both sides of the printed figure leave nothing to tell.
    mixed = option_figures(_stake(("19.1%", "22.6%", "37.6%", "44.9%")))
    assert mixed is not None
    assert not splits_key_off(mixed, figures("taking his stake to 42.3%"))
    # A figure in another unit says nothing about a share.
    assert not splits_key_off(alone_below, figures("a deal worth £40m"))
