"""The title of a work the article introduces by its kind is worth asking, even named once."""

from __future__ import annotations

from tests.nlp.salience_verdicts import askable

_SINGER = (
    "Harbour Lights singer returns\n\n"
    "Pop singer Marla Quinn has a new record deal. She released her first album Lantern in "
    "2001, and her next single, Tidewater, reached the top ten. Fans of the horror film "
    "Cold Harbour Nights will know her voice. She hopes to win a best album Grammy next "
    "year, and her manager persuaded a producer to play Tidewater on the radio."
)


def _askable(text: str) -> list[bool]:
    return askable(_SINGER, text)


def test_a_title_after_its_kind_is_asked_though_named_once() -> None:
    assert _askable("Lantern") == [True]
    assert _askable("Tidewater")[0] is True  # "her next single, Tidewater,"


def test_an_award_category_or_a_verb_is_no_kind_of_work() -> None:
    assert not any(_askable("Grammy"))  # "a best album Grammy"
    assert _askable("Tidewater")[-1] is False  # "to play Tidewater on the radio"
