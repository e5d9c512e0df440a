"""Counts written in words: what they count, and when a quiz asks them."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import FactType

_SINGER = (
    "Harbour Lights singer returns\n\n"
    "Pop singer Marla Quinn had three Grammy nominations to go with her two wins at last "
    "year's Harbour awards. She released four number ones from her debut album Tidewater. "
    "After six months away from the studio she recorded a new single. "
    "The three producers of the album said they were pleased. "
    '"I have written five songs this week," she said. '
    "Quinn has more than seven albums in her catalogue and said two or three songs were "
    "ready. Her fans call the Grammy nominations and the number ones her best years, and "
    "her producers say her albums and songs are her life."
)


def test_a_name_describing_the_counted_things_is_part_of_the_count() -> None:
    doc = read_document(_SINGER)
    texts = [f.text for f in extract_facts(doc) if f.type is FactType.QUANTITY]
    assert "three Grammy nominations" in texts
