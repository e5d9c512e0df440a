"""A sentence whose scene-setting opening leans on the article ("When he arrived in Brantwick,
...", "Faced with this strength, ...") is asked by its main clause when that clause names who
acts; a condition ("If he ...") and a main clause without a name keep the sentence unasked."""

from __future__ import annotations

import pytest

from tests.nlp.stem_context import fact_named, stem_context

BEFORE = "The new northern command was not in place until July. "


@pytest.mark.parametrize(
    ("sentence", "asked", "stem"),
    [
        (
            "When he arrived in Brantwick, Tomas Holm refused to move his regiments until "
            "Ivar Lund came back from Fort Maren.",
            "Ivar Lund",
            "Tomas Holm refused to move his regiments until _____ came back from Fort Maren.",
        ),
        (
            "Faced with this strength, Tomas Holm returned to Brantwick amid news of a fire at "
            "Fort Maren.",
            "Fort Maren",
            "Tomas Holm returned to Brantwick amid news of a fire at _____.",
        ),
    ],
)
def test_an_opening_that_leans_is_left_out(sentence: str, asked: str, stem: str) -> None:
    ctx, facts = stem_context(BEFORE + sentence)
    assert ctx.stem_cloze(fact_named(facts, asked)) == stem


@pytest.mark.parametrize(
    "sentence",
    [
        # a condition is never left out
        "If he arrives in Brantwick, Tomas Holm will move the 40 regiments to Fort Maren.",
        # a main clause without a name does not say who
        "When he arrived in Brantwick, the expedition was finally ready to sail to Fort Maren.",
    ],
)
def test_an_opening_that_must_stay_keeps_the_sentence_unasked(sentence: str) -> None:
    ctx, facts = stem_context(BEFORE + sentence)
    assert ctx.stem_cloze(fact_named(facts, "Fort Maren")) is None
