"""The subject pronoun after an opening phrase ("In 2001 it put ...", "In 2004 he designed ...")
is named as an opening one would be (a person only where a profile is about them), never taken
for a name inside that phrase ("Leaving ... Ivar Lund, he began"), else stays unasked;
a verb's object pronoun ("X replaced her") is never its own subject; an existential "There is
..." stands alone, a pointing "There, ..." does not."""

from __future__ import annotations

from tests.nlp.stem_context import fact_named, stem_context


def test_it_after_an_opening_date_is_the_company_named_before() -> None:
    text = (
        "Software firm Norvex said profits rose to £3bn last year. In 2001 it put $300m into "
        "a three-year research programme in Norway."
    )
    ctx, facts = stem_context(text)
    stem = ctx.stem_cloze(fact_named(facts, "$300m"))
    assert stem is not None and stem.startswith("In 2001 Norvex put _____ into")


def test_it_after_an_opening_phrase_with_nothing_named_before_is_not_asked() -> None:
    text = (
        "Profits rose sharply last year across the sector. In 2001 it put $300m into a "
        "three-year research programme in Norway."
    )
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "$300m")) is None


def test_he_after_an_opening_phrase_between_two_men_is_not_asked() -> None:
    text = (
        "Tomas Holm and Ivar Lund took command of the northern forts. At a meeting in "
        "Brantwick in December 1755, he laid out his plans for the spring campaign."
    )
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "December 1755")) is None


def test_an_existential_there_stands_alone() -> None:
    text = (
        "The Maren League met in Brantwick in May. There were 40 delegates at the summit of "
        "the Maren League in Brantwick."
    )
    ctx, facts = stem_context(text)
    stem = ctx.stem_cloze(fact_named(facts, "40 delegates"))
    assert stem is not None and stem.startswith("There were _____ at the summit")


def test_a_pointing_there_stays_unasked() -> None:
    text = "Tomas Holm sailed to Brantwick in May. There, he met 40 delegates of the Maren League."
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "40 delegates")) is None


def test_there_would_be_under_an_unnamed_plan_stays_unasked() -> None:
    text = (
        "The Maren League met in Brantwick in May. There would be 40 delegates at the summit "
        "of the Maren League in Brantwick."
    )
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "40 delegates")) is None


def test_he_after_an_opening_participle_is_never_the_name_inside_it() -> None:
    text = (
        "The northern command planned one operation for 1757. Leaving a sizable force at Fort "
        "Maren to distract Ivar Lund, he began organizing the expedition to Brantwick."
    )
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "Fort Maren")) is None
    assert ctx.stem_cloze(fact_named(facts, "Ivar Lund")) is None


def test_a_verbs_object_pronoun_is_never_its_own_subject() -> None:
    text = (
        "The Maren League was founded in 1740. Ivar Lund replaced her in January 1756 with "
        "Tomas Holm."
    )
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "Ivar Lund")) is None
    ctx, facts = stem_context(text.replace("Holm.", "Holm, with Major Anna Berg as his deputy."))
    assert ctx.stem_cloze(fact_named(facts, "Anna Berg")) is None
    later = "Ivar Lund built the Maren bridge. After Anna Berg left Brantwick in 1755, Tomas "
    ctx, facts = stem_context(later + "Holm replaced her at the Maren League.")
    stem = ctx.stem_cloze(fact_named(facts, "Tomas Holm"))
    assert stem == "After Anna Berg left Brantwick in 1755, _____ replaced her at the Maren League."


PROFILE = """Tomas Holm: the quiet architect

Tomas Holm is known for his bridges across the Maren river. Holm was born in Brantwick in \
1961 and studied in Oslo. Holm designed his first bridge in 1990. {sentence}"""


def test_he_after_an_opening_phrase_in_a_profile_is_its_person() -> None:
    ctx, facts = stem_context(
        PROFILE.format(sentence="In 2004 he designed the Brantwick library with 40 reading rooms.")
    )
    stem = ctx.stem_cloze(fact_named(facts, "40 reading rooms"))
    assert stem is not None and stem.startswith("In 2004 Tomas Holm designed")
    ctx, facts = stem_context(
        PROFILE.format(
            sentence="Leaving his office in Oslo, he designed the library with 40 reading rooms."
        )
    )
    assert ctx.stem_cloze(fact_named(facts, "40 reading rooms")) is None  # "his" in the phrase


def test_he_after_an_opening_phrase_naming_another_answer_stays_unasked() -> None:
    # Naming him would print the answer of "_____ took command of the northern forts".
    text = (
        "Following the death of the old governor, Tomas Holm took command of the northern "
        "forts. At a meeting in Brantwick in December 1755, he laid out his plans for the "
        "spring campaign on the Maren river."
    )
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "December 1755")) is None
