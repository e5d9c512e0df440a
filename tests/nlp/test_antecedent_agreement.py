"""A pronoun is named after an earlier person only where grammar allows no other reading:
"He" is not the object of the sentence before when a "him" there is another man."""

from __future__ import annotations

from tests.nlp.stem_context import fact_named, stem_context

OPENING = """Architect's new library opens

Tomas Holm grew up in Brantwick and studied in Oslo. {middle} He designed the Brantwick \
library with 40 reading rooms in 2004."""


def test_he_is_not_the_object_of_a_sentence_that_speaks_of_him() -> None:
    middle = "On a visit to Oslo, his sister introduced him to architect Ivar Lund."
    ctx, facts = stem_context(OPENING.format(middle=middle))
    assert ctx.stem_cloze(fact_named(facts, "40 reading rooms")) is None


def test_he_is_the_one_person_a_sentence_names_when_no_other_is_spoken_of() -> None:
    middle = "The Oslo prize went to architect Ivar Lund."
    ctx, facts = stem_context(OPENING.format(middle=middle))
    stem = ctx.stem_cloze(fact_named(facts, "40 reading rooms"))
    assert stem is not None and stem.startswith("Ivar Lund designed")
