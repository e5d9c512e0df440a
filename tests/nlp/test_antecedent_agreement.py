"""A pronoun or a description is named after an earlier person only where grammar and role
agree: "He" is not the object of the sentence before when a "him" there is another man, and
"The prime minister" is not the "Finance minister" named before."""

from __future__ import annotations

from tests.nlp.stem_context import fact_named, stem_context

OPENING = """Architect's new library opens

Tomas Holm grew up in Brantwick and studied in Oslo. {middle} He designed the Brantwick \
library with 40 reading rooms in 2004."""

MINISTERS = """Budget talks stall

{named} Tomas Holm presented the budget on Monday. The {described} promised 400 new schools \
in the spring."""


def test_he_is_not_the_object_of_a_sentence_that_speaks_of_him() -> None:
    middle = "On a visit to Oslo, his sister introduced him to architect Ivar Lund."
    ctx, facts = stem_context(OPENING.format(middle=middle))
    assert ctx.stem_cloze(fact_named(facts, "40 reading rooms")) is None


def test_he_is_the_one_person_a_sentence_names_when_no_other_is_spoken_of() -> None:
    middle = "The Oslo prize went to architect Ivar Lund."
    ctx, facts = stem_context(OPENING.format(middle=middle))
    stem = ctx.stem_cloze(fact_named(facts, "40 reading rooms"))
    assert stem is not None and stem.startswith("Ivar Lund designed")


def test_a_description_with_another_office_is_not_named() -> None:
    ctx, facts = stem_context(
        MINISTERS.format(named="Finance minister", described="prime minister")
    )
    stem = ctx.stem_cloze(fact_named(facts, "400 new schools"))
    assert stem is None or "Tomas Holm" not in stem


def test_a_description_with_the_same_office_is_named() -> None:
    ctx, facts = stem_context(MINISTERS.format(named="Prime minister", described="prime minister"))
    stem = ctx.stem_cloze(fact_named(facts, "400 new schools"))
    assert stem is not None and stem.startswith("The prime minister Tomas Holm promised")
