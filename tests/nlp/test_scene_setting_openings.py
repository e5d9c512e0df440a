"""A sentence whose scene-setting opening leans on the article ("When he arrived in Brantwick,
...", "Faced with this strength, ...") is asked by its main clause when that clause names who
acts; a condition ("If he ...") and a main clause without a name keep the sentence unasked."""

from __future__ import annotations

from tests.nlp.stem_context import fact_named, stem_context

BEFORE = "The new northern command was not in place until July. "


def test_an_opening_with_an_unresolved_he_is_left_out() -> None:
    text = BEFORE + (
        "When he arrived in Brantwick, Tomas Holm refused to move his regiments until "
        "Ivar Lund came back from Fort Maren."
    )
    ctx, facts = stem_context(text)
    stem = ctx.stem_cloze(fact_named(facts, "Ivar Lund"))
    assert stem == "Tomas Holm refused to move his regiments until _____ came back from Fort Maren."


def test_an_opening_participle_pointing_back_is_left_out() -> None:
    text = BEFORE + (
        "Faced with this strength, Tomas Holm returned to Brantwick amid news of a fire at "
        "Fort Maren."
    )
    ctx, facts = stem_context(text)
    stem = ctx.stem_cloze(fact_named(facts, "Fort Maren"))
    assert stem == "Tomas Holm returned to Brantwick amid news of a fire at _____."


def test_a_condition_is_never_left_out() -> None:
    text = BEFORE + (
        "If he arrives in Brantwick, Tomas Holm will move the 40 regiments to Fort Maren."
    )
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "Fort Maren")) is None


def test_a_main_clause_without_a_name_keeps_the_sentence_unasked() -> None:
    text = BEFORE + (
        "When he arrived in Brantwick, the expedition was finally ready to sail to Fort Maren."
    )
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "Fort Maren")) is None
