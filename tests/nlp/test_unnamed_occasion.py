"""A stem that ends on a bare occasion it names nowhere ("added to the list of presenters on
the night") is struck: which night the article meant is left to the reader. A stem that names
the occasion ("at the Glenmore Awards on the night") is kept."""

from __future__ import annotations

from quizapp.nlp.model import BLANK, Fact, FactType, Item, QuestionKind, SourceQuote
from quizapp.nlp.worth import strike_reason


def _item(source: str, key: str) -> Item:
    at = source.index(key)
    return Item(
        kind=QuestionKind.FILL_IN,
        prompt=source[:at] + BLANK + source[at + len(key) :],
        fact=Fact(FactType.PERSON, key, at, at + len(key), 0),
        source=SourceQuote(source, 0, len(source), 1),
        answer=key,
    )


def test_a_bare_occasion_the_stem_never_names_is_struck() -> None:
    vague = "Singer Mara Quell is the latest name added to the list of presenters on the night."
    assert strike_reason(_item(vague, "Mara Quell")) == "the stem's occasion is named nowhere in it"
    spoke = "The prize was handed over by Mara Quell at the ceremony."
    assert strike_reason(_item(spoke, "Mara Quell")) is not None


def test_a_named_occasion_is_kept() -> None:
    named = "Mara Quell will present at the Glenmore Awards on the night."
    assert strike_reason(_item(named, "Mara Quell")) is None
    sky = "Mara Quell said the night sky over Tolland was clear."
    assert strike_reason(_item(sky, "Mara Quell")) is None
