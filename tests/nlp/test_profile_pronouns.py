"""An opening "He" in a profile is the person the headline names, when the sentence before
names him beside others and the article's pronouns are all his; otherwise it stays unasked."""

from __future__ import annotations

from tests.nlp.stem_context import fact_named, stem_context

PROFILE = """Tomas Holm: the quiet architect

Tomas Holm is known for his bridges across the Maren river. Holm was born in Brantwick in \
1961 and studied in Oslo. His first bridge opened in 1990. {middle} He designed the \
Brantwick library with 40 reading rooms in 2004."""


def test_an_opening_he_in_a_profile_is_its_person() -> None:
    middle = "Anna Berg and Ivar Lund built Holm's second bridge with him in 1995."
    ctx, facts = stem_context(PROFILE.format(middle=middle))
    stem = ctx.stem_cloze(fact_named(facts, "40 reading rooms"))
    assert stem is not None and stem.startswith("Tomas Holm designed")


def test_he_after_a_sentence_without_the_profiled_person_is_not_asked() -> None:
    middle = "Anna Berg and Ivar Lund built the second bridge in 1995."
    ctx, facts = stem_context(PROFILE.format(middle=middle))
    assert ctx.stem_cloze(fact_named(facts, "40 reading rooms")) is None


def test_he_in_an_article_about_two_people_is_not_asked() -> None:
    text = PROFILE.format(
        middle="Anna Berg and Ivar Lund built Holm's second bridge with him in 1995."
    ).replace("Tomas Holm: the quiet architect", "Tomas Holm and Ivar Lund: two architects")
    text += " Ivar Lund built 12 towers in Oslo. Lund lives in Oslo. Lund has two sons."
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "40 reading rooms")) is None
