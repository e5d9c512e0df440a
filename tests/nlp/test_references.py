"""Stems never lean on text the student cannot see, and a blank never halves a proper name."""

from __future__ import annotations

from quizapp.nlp import generate, read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import BLANK
from quizapp.nlp.questions.base import BuildContext
from tests.nlp.stem_context import fact_named, stem_context


def test_an_unnamed_description_gives_no_stem() -> None:
    ctx, facts = stem_context(
        "Critics in Lisbon praised several new releases this winter. "
        "The concert, on Friday, is expected to draw more than 900 listeners. "
        "The 31-year-old finished third in the Oslo Open last year."
    )
    assert ctx.stem_cloze(fact_named(facts, "900 listeners")) is None
    assert ctx.wh_question(fact_named(facts, "900 listeners")) is None
    assert ctx.stem_cloze(fact_named(facts, "Oslo Open")) is None
    ctx, facts = stem_context(
        "Critics in Lisbon praised several new releases this winter. "
        "The documentary, directed by Ana Ribeiro, won three awards in Porto."
    )
    assert ctx.stem_cloze(fact_named(facts, "Ana Ribeiro")) is None, "the blank names nothing"


def test_a_description_the_article_named_earlier_is_named_in_the_stem() -> None:
    ctx, facts = stem_context(
        "Folk band Larkspur will tour Norway this spring. "
        "The band released its third album in Bergen in March 2004."
    )
    stem = ctx.stem_cloze(fact_named(facts, "Bergen"))
    assert stem is not None
    assert stem.startswith("The band Larkspur released its third album in " + BLANK)


def test_a_description_that_names_its_subject_is_kept() -> None:
    ctx, facts = stem_context(
        "The sequel to the Elsa Marin novel Cold Harbour was published by Norrland Press in 2003."
    )
    assert ctx.stem_cloze(fact_named(facts, "Norrland Press")) is not None


def test_pointing_back_and_a_late_pronoun_give_no_stem() -> None:
    ctx, facts = stem_context(
        "Engineer Petra Lund built a wind turbine in Tromso. "
        "The first turbine of such a height was finished by Petra Lund in May 2002. "
        "Since then she has sold designs to Vestro Energy in Aarhus."
    )
    assert ctx.stem_cloze(fact_named(facts, "May 2002")) is None
    assert ctx.stem_cloze(fact_named(facts, "Vestro Energy")) is None


def test_a_blank_never_cuts_a_proper_name() -> None:
    text = (
        "Nurse Ada Berg, from the Nordic Institute for Care and Family Studies, "
        "said the Gravel 2 console was a hit in Malmo."
    )
    result = generate(text, max_items=10)
    doc = read_document(text)
    for fact in extract_facts(doc):
        if fact.text in ("Nordic Institute for Care", "Gravel"):
            ctx = BuildContext(doc=doc, pools=build_pools(extract_facts(doc), doc), seed=0)
            assert ctx.stem_cloze(fact) is None
    for item in result.items:
        prompt = item.prompt
        assert f"{BLANK} and Family Studies" not in prompt
        assert f"{BLANK} 2 console" not in prompt
        assert f"Institute for Care and {BLANK}" not in prompt


def test_a_blank_never_cuts_a_name_before_its_roman_numeral() -> None:
    ctx, facts = stem_context(
        "Critics praised the Brantwick Mills film. The Second Harbour War I drama starring Ida "
        "Marsh was ruled too long by a Paris court."
    )
    for fact in facts:
        if fact.text.endswith("Harbour War"):
            assert ctx.stem_cloze(fact) is None


def test_the_same_year_is_a_time_the_stem_cannot_say() -> None:
    ctx, facts = stem_context(
        "Ida Marsh left Brantwick Mills in 1999. In the same year she moved to Maren, "
        "where her daughter was born in March 2001."
    )
    assert ctx.stem_cloze(fact_named(facts, "March 2001")) is None


def test_an_acronym_in_brackets_after_its_name_is_never_blanked() -> None:
    ctx, facts = stem_context(
        "The rules face a challenge from the Maren Valley Millers Association (MVMA), "
        "which called them unfair."
    )
    for fact in facts:
        if fact.text == "MVMA":
            assert ctx.stem_cloze(fact) is None


def test_a_number_that_is_part_of_a_name_is_never_blanked() -> None:
    ctx, facts = stem_context(
        "Brantwick Mills made a Chapter 11 bankruptcy filing in Maren after sales fell by 40%."
    )
    for fact in facts:
        if fact.text.startswith("11"):
            stem = ctx.stem_cloze(fact)
            assert stem is None or f"Chapter {BLANK}" not in stem


def test_an_opening_phrase_then_that_gives_no_stem() -> None:
    ctx, facts = stem_context(
        "Brantwick Mills raised prices. For the last three years, that has gone up by 13.2%."
    )
    assert ctx.stem_cloze(fact_named(facts, "13.2%")) is None


def test_a_place_used_as_an_adjective_is_not_asked() -> None:
    ctx, facts = stem_context(
        "Brantwick Mills converted its prices from US dollars to pesos, its owner Ida Marsh said."
    )
    for fact in facts:
        if fact.text == "US":
            assert ctx.stem_cloze(fact) is None


def test_a_figure_inside_a_conversion_bracket_is_not_asked() -> None:
    ctx, facts = stem_context(
        "Brantwick Mills will invest 400m pesos ($136m; £72.3m) in new machines this year."
    )
    for fact in facts:
        if fact.text in ("$136m", "£72.3m"):
            assert ctx.stem_cloze(fact) is None


def test_a_blank_never_takes_the_part_of_a_name_after_its_and() -> None:
    ctx, facts = stem_context(
        "Brantwick Mills cited research by the Maren Internet and Rural Life Project, "
        "which surveyed 2,000 adults."
    )
    for fact in facts:
        if fact.text == "Rural Life Project":
            assert ctx.stem_cloze(fact) is None


def test_a_blank_never_takes_a_title_after_its_number_or_its_the() -> None:
    ctx, facts = stem_context(
        "Tobias Vennholm starred in the series 21 Harbour Street for three years. "
        "Comedy Meet The Vennholms topped the Brantwick box office for a week."
    )
    for fact in facts:
        if fact.text in ("Harbour Street", "Vennholms"):
            assert ctx.stem_cloze(fact) is None


def test_minutes_later_is_a_time_the_stem_cannot_say() -> None:
    ctx, facts = stem_context(
        "Brantwick scored first. Maren went ahead 11 minutes later through Tobias Vennholm."
    )
    assert ctx.stem_cloze(fact_named(facts, "Tobias Vennholm")) is None


def test_a_sentence_opening_on_its_verb_gives_no_stem() -> None:
    doc = read_document(
        "Brantwick Mills released a new song called Who Knows? Is expected to sell at least "
        "300,000 copies by Sunday, said Tobias Vennholm."
    )
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    for fact in facts:
        if fact.text.startswith("300,000"):
            stem = ctx.stem_cloze(fact)
            assert stem is None or not stem.startswith("Is ")


def test_a_nationality_does_not_name_an_opening_description() -> None:
    ctx, facts = stem_context(
        "Brantwick Rovers signed Tobias Vennholm in May. The French international defender "
        "believes Ida Marsh is perfectly suited to lead the club."
    )
    assert ctx.stem_cloze(fact_named(facts, "Ida Marsh")) is None


def test_a_described_person_is_named_when_the_article_names_one_just_before() -> None:
    ctx, facts = stem_context(
        "Talk show host Dorian Pell has defended the new opera. "
        "The Canadian-born presenter is in Glasgow to speak at a charity dinner."
    )
    stem = ctx.stem_cloze(fact_named(facts, "Glasgow"))
    assert stem is not None and stem.startswith("Dorian Pell is in"), stem


def test_a_described_organisation_or_person_left_ambiguous_gives_no_stem() -> None:
    ctx, facts = stem_context(
        "Talk show hosts Dorian Pell and Mira Oslund have defended the new opera. "
        "The Canadian-born presenter is in Glasgow to speak at a charity dinner."
    )
    assert ctx.stem_cloze(fact_named(facts, "Glasgow")) is None, "which presenter, of two?"
    ctx, facts = stem_context(
        "Many towns want new roads. At Dunmere, the company has written to homes near the site."
    )
    assert ctx.stem_cloze(fact_named(facts, "Dunmere")) is None, "no company was named"


def test_a_demonym_standing_for_a_person_is_named() -> None:
    ctx, facts = stem_context(
        "Spain won the cup after Tomas Arvelo beat the holder in Seville. "
        "Aged 19 years, the Mallorcan became the youngest winner of the cup."
    )
    fact = next(f for f in facts if f.text.startswith("19"))
    stem = ctx.stem_cloze(fact)
    assert stem is not None and "Tomas Arvelo became" in stem, stem


def test_a_count_of_time_later_than_an_unnamed_event_gives_no_stem() -> None:
    ctx, facts = stem_context(
        "Rovers lost the cup final in Leeds. The side did go ahead 11 minutes later in "
        "controversial circumstances."
    )
    for fact in facts:
        if fact.text.startswith("11"):
            assert ctx.stem_cloze(fact) is None, "11 minutes later than what?"


def test_a_place_before_a_comma_does_not_name_the_company_after_it() -> None:
    ctx, facts = stem_context(
        "Many towns want new roads. At Dunmere, the company has written to homes near the site."
    )
    assert ctx.stem_cloze(fact_named(facts, "Dunmere")) is None
    ctx, facts = stem_context(
        "Airport operator Velta plans a new runway. At Dunmere, the company has written to homes."
    )
    stem = ctx.stem_cloze(fact_named(facts, "Dunmere"))
    assert stem == "At _____, Velta has written to homes.", stem


def test_a_hyphenated_description_is_no_name_for_a_later_description() -> None:
    ctx, facts = stem_context(
        "Film star Dorian Pell has held a dinner in Oslo. "
        "The Bergen-born actor said the theatre was in a poor state. "
        "The Oscar-nominated actor, whose films include Halvard, said the theatre in Tromso "
        "must be saved."
    )
    stem = ctx.stem_cloze(fact_named(facts, "Tromso"))
    assert stem is None or "Bergen-born" not in stem, stem


def test_a_nation_named_by_its_people_is_not_one_person() -> None:
    ctx, facts = stem_context(
        "Spain won the cup after Tomas Arvelo beat the holder in Seville. "
        "Aged 19 years, the French said the final in Paris was the best."
    )
    stem = ctx.stem_cloze(fact_named(facts, "Paris"))
    assert stem is None or "Tomas Arvelo" not in stem, stem


def test_a_description_after_names_in_its_own_sentence_is_not_resolved_from_before() -> None:
    ctx, facts = stem_context(
        "Rovers beat Dunmere in the cup. Olaf Brun scored twice. "
        "Karl Moe looked offside when Nils Berg set him free, but the Dutchman was then "
        "perfectly placed to score from six yards in Ostby."
    )
    stem = ctx.stem_cloze(fact_named(facts, "Ostby"))
    assert stem is None or "Olaf Brun" not in stem, stem
    ctx, facts = stem_context(
        "Tove Lind praised the band. "
        "Ida Rask, the 17-year-old soul singer from Tromso, was a new entry in the list."
    )
    stem = ctx.stem_cloze(fact_named(facts, "Tromso"))
    assert stem is not None and "Tove Lind" not in stem, stem


def test_the_party_is_only_ever_a_party_and_the_company_never_one() -> None:
    ctx, facts = stem_context(
        "The Labour Party received large donations. Lord Fell, whose company Veltrix won "
        "contracts, gave money to the party. Sir Olaf Brun gave the party £500,000 in Ostby."
    )
    stem = ctx.stem_cloze(fact_named(facts, "Ostby"))
    assert stem is None or "Veltrix" not in stem, stem


def test_the_group_after_an_unnamed_group_is_never_the_last_party_named() -> None:
    """ "The group says ..." after "the all-party group, including Labour's Robin Cook": the
    group is not Labour, so no stem may say "Labour says ..."."""
    text = (
        "A group of MPs has published a plan for a new second chamber in Norland. "
        "The all-party group includes Labour's Robin Cole and Tory Ken Clark. "
        "The group says a clear majority of MPs support replacing the Senate with an elected house."
    )
    ctx, facts = stem_context(text)
    for fact in facts:
        stem = ctx.stem_cloze(fact)
        assert stem is None or "Labour says" not in stem, stem
    named = "Veltrix Group makes boats in Ostby. The group said sales rose by 12% in 2004."
    ctx, facts = stem_context(named)
    stem = ctx.stem_cloze(fact_named(facts, "12%"))
    assert stem is not None and stem.startswith("Veltrix Group said"), stem
