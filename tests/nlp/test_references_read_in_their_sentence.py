"""A reference that its own sentence settles is no reference to the article: "gave Rovers the
lead", "The decision to close the bridge", "the company" after the one company the sentence
names. The same words the sentence does not settle still give no stem."""

from __future__ import annotations

from tests.nlp.stem_context import fact_named, stem_context


def test_the_lead_a_goal_gives_is_asked() -> None:
    ctx, facts = stem_context(
        "Brantwick Rovers beat Maren Town 2-1 on Saturday. "
        "Anna Berg gave Brantwick Rovers the lead after 12 minutes with a header."
    )
    stem = ctx.stem_cloze(fact_named(facts, "12 minutes"))
    assert stem is not None and "gave Brantwick Rovers the lead" in stem


def test_a_lead_the_stem_does_not_say_gives_no_stem() -> None:
    ctx, facts = stem_context(
        "Brantwick Rovers beat Maren Town 2-1 on Saturday. "
        "Maren Town held the lead for 14 minutes before Anna Berg equalised."
    )
    assert ctx.stem_cloze(fact_named(facts, "14 minutes")) is None


def test_a_decision_its_clause_names_is_asked() -> None:
    ctx, facts = stem_context(
        "Brantwick council met on Monday. "
        "The decision to close the Maren bridge will cost the council 40,000 euros, "
        "said Anna Berg."
    )
    stem = ctx.stem_cloze(fact_named(facts, "40,000 euros"))
    assert stem is not None and stem.startswith("The decision to close the Maren bridge")


def test_a_bare_decision_gives_no_stem() -> None:
    ctx, facts = stem_context(
        "Brantwick council met on Monday. "
        "The decision will cost the council 40,000 euros, said Anna Berg."
    )
    assert ctx.stem_cloze(fact_named(facts, "40,000 euros")) is None


def test_the_bank_after_the_one_bank_of_its_sentence_is_asked() -> None:
    ctx, facts = stem_context(
        "Shops in Brantwick had a good winter. "
        "Lena Holm, Halden Bank chief economist, said the bank would cut 200 jobs in 2026."
    )
    stem = ctx.stem_cloze(fact_named(facts, "200 jobs"))
    assert stem is not None and "said the bank would cut" in stem


def test_the_party_after_a_company_gives_no_stem() -> None:
    ctx, facts = stem_context(
        "Donations rose sharply in Brantwick last year. "
        "Lena Holm, whose company Halden Bank lends to farmers, gave £50,000 to the party in May."
    )
    assert ctx.stem_cloze(fact_named(facts, "£50,000")) is None


def test_the_prime_minister_is_not_whoever_was_named_before() -> None:
    ctx, facts = stem_context(
        "Tomas Holm spoke in Brantwick on Monday. "
        "The prime minister opened a new hospital with 300 beds in Maren."
    )
    assert ctx.stem_cloze(fact_named(facts, "300 beds")) is None
    ctx, facts = stem_context(
        "Prime Minister Tomas Holm spoke in Brantwick on Monday. "
        "The prime minister opened a new hospital with 300 beds in Maren."
    )
    stem = ctx.stem_cloze(fact_named(facts, "300 beds"))
    assert stem is not None and "Tomas Holm" in stem


QUOTED_BODY = (
    '"Our brand is extremely important to us and we will defend it in court," {speaker} on 3 May.'
)


def test_a_quotation_an_organisation_gives_is_asked_with_its_speaker() -> None:
    for speaker in ("Halden Bank said in a statement", "a Halden Bank spokesman said"):
        ctx, facts = stem_context(
            "Phone firms met in Brantwick. " + QUOTED_BODY.format(speaker=speaker)
        )
        stem = ctx.stem_cloze(fact_named(facts, "3 May"))
        assert stem is not None and "Halden Bank" in stem


def test_a_quotation_whose_speaker_is_unnamed_gives_no_stem() -> None:
    ctx, facts = stem_context(
        "Phone firms met in Brantwick. "
        + QUOTED_BODY.format(speaker="the minister told Halden Bank")
    )
    assert ctx.stem_cloze(fact_named(facts, "3 May")) is None
    ctx, facts = stem_context(
        "Phone firms met in Brantwick. Asked about Halden Bank on 3 May, he said: "
        '"Our brand is extremely important to us and we will defend it in court."'
    )
    assert ctx.stem_cloze(fact_named(facts, "3 May")) is None


def test_a_superlative_defines_its_noun_and_the_game_is_the_sport() -> None:
    ctx, facts = stem_context(
        "Racing games sold well in Brantwick. "
        "Maren Racer became the fastest-selling video game ever in 2019, said Anna Berg."
    )
    stem = ctx.stem_cloze(fact_named(facts, "2019"))
    assert stem is not None and "the fastest-selling video game" in stem
    ctx, facts = stem_context(
        "Brantwick Rovers named a new coach. "
        "Anna Berg has been out of the game since she left Maren Town in 2019."
    )
    stem = ctx.stem_cloze(fact_named(facts, "2019"))
    assert stem is not None and "out of the game" in stem
    ctx, facts = stem_context(
        "Brantwick Rovers named a new coach. "
        "Tomas Holm won the best coach award at the Maren Awards in 2019."
    )
    stem = ctx.stem_cloze(fact_named(facts, "2019"))
    assert stem is not None and "the best coach award" in stem


def test_a_game_the_stem_does_not_name_gives_no_stem() -> None:
    ctx, facts = stem_context(
        "Brantwick Rovers named a new coach. "
        "Anna Berg scored twice in the game against Maren Town in 2019."
    )
    assert ctx.stem_cloze(fact_named(facts, "2019")) is not None, "named by what follows"
    ctx, facts = stem_context(
        "Brantwick Rovers named a new coach. Anna Berg scored twice in the game in 2019."
    )
    assert ctx.stem_cloze(fact_named(facts, "2019")) is None


def test_a_blank_after_a_preposition_does_not_name_the_noun_after_it() -> None:
    ctx, facts = stem_context(
        "Oscar race tightens\n\nMillion Dollar Baby won two awards in Los Angeles. "
        "According to critics, the film has overtaken The Aviator as favourite, "
        "with Clint Eastwood tipped to win in 2005."
    )
    assert ctx.stem_cloze(fact_named(facts, "critics")) is None
