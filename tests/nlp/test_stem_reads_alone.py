"""A stem read alone says what it is about: no bare subject, no stray pronoun, no unknown
"Mr X", no copied slip (issue 9, item 2)."""

from __future__ import annotations

from quizapp.nlp import generate
from quizapp.nlp.model import BLANK
from quizapp.nlp.questions.slips import misspelt
from tests.nlp.stem_context import fact_named, stem_context

# An invented article: a retailer's figures, a survey, a festival, a minister.
ARTICLE = (
    "A busy spring in Marlow\n\n"
    "Brantwick Stores said its sales in Marlow rose by 4.2% in March.\n\n"
    "Excluding food, sales rose by just 0.7%.\n\n"
    "Foreign cheese imports climbed by 12% to a record 3,100 tonnes.\n\n"
    "In April, overall clothing sales fell by 1.9%.\n\n"
    "Hilda Varrow, who runs the Marlow branch, said demand was strong.\n\n"
    "Ms Varrow said they were good figures.\n\n"
    "Many people in Marlow use it to order bread for 40 pence.\n\n"
    "The Marlow Fair will open on 9 July, Brantwick Stores said.\n\n"
    "More than 120 stalls will open on three streets over the weekend.\n\n"
    "Tomas Quell, the town's mayor, said the fair raised £8,000 for charity last year.\n\n"
    "On a visit to Marlow, his daughter met Brantwick chief Ada Lorne in 2019.\n"
)


def test_a_stem_that_names_nothing_is_not_made() -> None:
    ctx, facts = stem_context(ARTICLE)
    # "Excluding food, sales rose by just _____%": whose sales, where?
    assert ctx.stem_cloze(fact_named(facts, "0.7%")) is None
    # "More than _____ stalls will open ...": at what?
    assert ctx.stem_cloze(fact_named(facts, "120 stalls")) is None
    # The same figures with a name in the stem are asked.
    assert ctx.stem_cloze(fact_named(facts, "4.2%")) is not None
    assert ctx.stem_cloze(fact_named(facts, "£8,000")) is not None


def test_a_bare_subject_measured_against_something_unsaid_is_not_asked() -> None:
    ctx, facts = stem_context(ARTICLE)
    # "Foreign cheese imports", "overall clothing sales": foreign to whom, which shop's sales.
    assert ctx.stem_cloze(fact_named(facts, "3,100 tonnes")) is None
    assert ctx.stem_cloze(fact_named(facts, "1.9%")) is None


def test_a_pronoun_with_nothing_in_the_stem_to_stand_for_is_not_asked() -> None:
    ctx, facts = stem_context(ARTICLE)
    # "Many people in Marlow use it ...": what "it" is, the stem does not say.
    assert ctx.stem_cloze(fact_named(facts, "40 pence")) is None
    # "Hilda Varrow said they were _____": one woman is no "they".
    assert ctx.stem_cloze(fact_named(facts, "good figures")) is None
    # "On a visit to Marlow, his daughter met ...": whose daughter?
    assert ctx.stem_cloze(fact_named(facts, "Ada Lorne")) is None


def test_a_pronoun_the_stem_resolves_itself_is_kept() -> None:
    ctx, facts = stem_context(
        "Brantwick opens in Marlow\n\n"
        "Whatever her doubts, Ada Lorne opened the Brantwick store in Marlow in 2019.\n\n"
        "Brantwick Stores said it would hire 40 staff in Marlow.\n"
    )
    assert ctx.stem_cloze(fact_named(facts, "2019")) is not None
    assert ctx.stem_cloze(fact_named(facts, "40 staff")) is not None


def test_an_object_pronoun_is_not_its_own_clause_subject() -> None:
    ctx, facts = stem_context(
        "Brantwick chip\n\n"
        "Brantwick Labs showed its new chip in Marlow.\n\n"
        "Inside large servers, the Brantwick team expects it to handle 16 trillion sums a "
        "second.\n"
    )
    # "the Brantwick team expects it to ...": "it" is not the team; the chip is not in the stem.
    assert ctx.stem_cloze(fact_named(facts, "16 trillion sums")) is None


def test_a_bare_surname_after_a_title_is_not_the_answer() -> None:
    ctx, facts = stem_context(ARTICLE)
    varrow = [f for f in facts if f.text == "Varrow" and f.sentence == 5]
    assert varrow and all(ctx.stem_cloze(f) is None for f in varrow)
    # Described in the stem, the full name is asked.
    assert ctx.stem_cloze(fact_named(facts, "Hilda Varrow")) is not None


def test_the_named_source_of_a_report_anchors_it() -> None:
    ctx, facts = stem_context(ARTICLE)
    # "The Marlow Fair will open on _____, Brantwick Stores said."
    assert ctx.stem_cloze(fact_named(facts, "9 July")) is not None


def test_a_key_term_of_the_headline_anchors_a_stem() -> None:
    text = (
        "Truants cost schools millions\n\n"
        "Serial truants miss more than 40 days of lessons a year.\n\n"
        "Serial truants make up one in 13 pupils, official figures show.\n\n"
        "Ministers in Marlow said sweeps found 3,000 truants last year.\n"
    )
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, "40 days")) is not None


def test_a_comparison_with_something_unsaid_is_not_asked() -> None:
    ctx, facts = stem_context(
        "Runner banned\n\n"
        "The Marlow athletics board banned Ida Fenn for two years in May.\n\n"
        "The board has threatened champion Ada Lorne with a similar ban in Marlow.\n"
    )
    assert ctx.stem_cloze(fact_named(facts, "Ada Lorne")) is None


def test_a_quotation_after_a_referring_noun_does_not_name_it() -> None:
    ctx, facts = stem_context(
        "Marlow sets waiting target\n\n"
        "The Marlow health board set a target of 12 weeks for hip operations.\n\n"
        'For the Marlow Greens, Hilda Varrow called the new target "far too timid".\n'
    )
    # "the new target": which one? The quotation is what she called it, not its name.
    assert ctx.stem_cloze(fact_named(facts, "Hilda Varrow")) is None


def test_a_sentence_with_a_misspelling_is_not_copied_into_a_stem() -> None:
    assert misspelt("tsumani")
    assert not misspelt("bequest") and not misspelt("halve") and not misspelt("vying")
    ctx, facts = stem_context(
        "Marlow match\n\n"
        "Ada Lorne will coach the Marlow team in a tsumani fund-raising match at Twickenham.\n\n"
        "Tomas Quell will coach the Brantwick team at Twickenham in June.\n"
    )
    assert ctx.stem_cloze(fact_named(facts, "Ada Lorne")) is None
    assert ctx.stem_cloze(fact_named(facts, "Tomas Quell")) is not None


def test_an_article_that_does_not_fit_its_word_is_a_copied_slip() -> None:
    ctx, facts = stem_context(
        "Marlow passes\n\n"
        "Residents of Marlow will pay £85 for a bus pass or a undecided fee for a rail pass.\n"
    )
    assert ctx.stem_cloze(fact_named(facts, "£85")) is None


def test_no_item_of_a_quiz_names_nothing() -> None:
    items = generate(ARTICLE, max_items=20).items
    prompts = [i.prompt for i in items]
    assert prompts
    assert not any(p.startswith(f"Excluding food, sales rose by just {BLANK}") for p in prompts)
    assert not any("Many people use it" in p for p in prompts)
    assert not any(p.startswith(f"Ms {BLANK}") for p in prompts)


def test_an_opening_meanwhile_without_its_comma_is_dropped() -> None:
    ctx, facts = stem_context(
        "Marlow vote\n\n"
        "Hilda Varrow opened the Marlow campaign on Monday.\n\n"
        "Meanwhile Green leader Tomas Quell is expected to tour Brantwick on Friday.\n"
    )
    stem = ctx.stem_cloze(fact_named(facts, "Tomas Quell"))
    assert stem is not None and stem.startswith(f"Green leader {BLANK}")


def test_a_then_that_steps_on_from_the_story_before_is_left_out() -> None:
    ctx, facts = stem_context(
        "Brantwick Rovers beat Marlow Town 3-1 at Holm Park on Saturday.\n\n"
        "Marlow Town then had Ivo Sandler sent off for a second booking.\n\n"
        "Since then Brantwick Rovers have won 14 games in a row.\n"
    )
    stem = ctx.stem_cloze(fact_named(facts, "Ivo Sandler"))
    assert stem == f"Marlow Town had {BLANK} sent off for a second booking."
    kept = ctx.stem_cloze(fact_named(facts, "14 games"))
    assert kept is not None and kept.startswith("Since then")


def test_on_before_a_month_and_year_is_a_slip_not_printed() -> None:
    ctx, facts = stem_context(
        "Brantwick Water signed a deal with the city of Marlow.\n\n"
        "On May 2004, Brantwick Water and the city of Marlow agreed a new price.\n\n"
        "In June 2005, Brantwick Water opened a plant in Marlow.\n"
    )
    assert ctx.stem_cloze(fact_named(facts, "May 2004")) is None
    assert ctx.stem_cloze(fact_named(facts, "June 2005")) is not None


def test_a_pronoun_after_a_dated_opening_or_in_a_closing_tag_needs_a_name() -> None:
    ctx, facts = stem_context(
        "Brantwick Stores opened a shop in Marlow in 2001.\n\n"
        "In March 2003, it sued a supplier over late deliveries of bread.\n\n"
        'Voters could see Marlow mayor Ada Lorne "walking back into office", he added.\n\n'
        'Voters could see Marlow mayor Ada Lorne "walking back into office", Tomas Quell added.\n'
    )
    # "In _____, it sued ...": a date is nothing "it" can stand for.
    assert ctx.stem_cloze(fact_named(facts, "March 2003")) is None
    lorne = [f for f in facts if f.text == "Ada Lorne"]
    # "..., he added.": the speaker is not the person the quoted words are about.
    assert ctx.stem_cloze(lorne[0]) is None
    assert ctx.stem_cloze(lorne[1]) is not None
