"""Stems that leave out another item's answer, so a quiz asks facts that share a sentence."""

from __future__ import annotations

from itertools import combinations

from quizapp.nlp import generate, read_document
from quizapp.nlp.model import BLANK, Fact, FactType, Item, QuestionKind, SourceQuote
from quizapp.nlp.pipeline import DEFAULT_KINDS, build_candidates
from quizapp.nlp.quiz_conflicts import gives_away
from quizapp.nlp.role_descriptions import described_people
from quizapp.nlp.trimming import asked_facts, trimmed_prompt

PIER = """Harbour council votes to rebuild the old pier

Tory leader Margaret Ellwood has promised to rebuild the Saltmarsh pier in Dunmore if her party \
wins control of the county council in May.

The pier, which opened in 1898, was closed to visitors after a storm damaged its wooden deck in \
January 2003.

Ms Ellwood said the work would cost about £4.2m and would be paid for by the sale of the old \
harbour offices.

The plan was welcomed by the Dunmore Civic Society, whose chairman Peter Hale said the pier had \
been the heart of the town for a century.

Mr Hale said the society had collected 6,500 signatures in support of the rebuilding.

Labour councillor Ruth Okafor said the money would be better spent on the town's bus services, \
which lost 14 routes last year.

The council will publish its budget in March, when the cost of the scheme will be examined by \
independent surveyors.
"""


def _asked(items: list[Item]) -> set[str]:
    return {item.fact.text for item in items}


def test_facts_sharing_a_sentence_are_both_asked_without_giving_each_other_away() -> None:
    items = list(generate(PIER, max_items=20).items)
    asked = _asked(items)
    # "which opened in 1898" and "in January 2003" share a sentence, as do the Tory leader,
    # Dunmore and the cost she gave: each is asked in a stem that leaves the others out.
    assert {"1898", "January 2003", "Margaret Ellwood", "Dunmore", "£4.2m"} <= asked
    for a, b in combinations(items, 2):
        assert not gives_away(a, b), (a.prompt, b.prompt)
    prompts = {item.fact.text: item.prompt for item in items}
    assert prompts["January 2003"] == (
        f"The Saltmarsh pier was closed to visitors after a storm damaged its wooden deck in {BLANK}."
    )
    # A person the article gives a role of her own is named by it where she is not asked.
    assert prompts["£4.2m"].startswith("The Tory leader said the work would cost about")


def test_trimmed_quiz_is_the_same_every_time() -> None:
    first = generate(PIER, max_items=20).to_dict()
    assert generate(PIER, max_items=20).to_dict() == first


def _candidates(text: str) -> list[Item]:
    doc = read_document(text)
    items, _ = build_candidates(doc, text, DEFAULT_KINDS, max_items=None)
    return items


def test_a_date_or_place_that_tells_which_figure_is_meant_stays() -> None:
    text = (
        "House prices rose by 1.1% in December, the Halifax said.\n\n"
        "Prices in Wales fell by 6.2% in December, the Nationwide added.\n\n"
        "The Halifax said most buyers expect prices to fall in March."
    )
    items = _candidates(text)
    asked = asked_facts(items)
    assert {"December", "March"} <= {a.text for a in asked}
    lender = next(i for i in items if i.fact.text == "Halifax" and "1.1%" in i.prompt)
    # "rose by 1.1% in December, the _____ said": without the month the figure is another one.
    assert trimmed_prompt(lender, asked) is None
    # With no figure to scope, the month is an adjunct the stem reads well without.
    later = next(i for i in items if i.kind is QuestionKind.FILL_IN and "March" in i.prompt)
    assert trimmed_prompt(later, asked) == f"The {BLANK} said most buyers expect prices to fall."


def _item(prompt: str, answer: str, fact_type: FactType = FactType.PERSON) -> Item:
    start = prompt.index(BLANK)
    fact = Fact(fact_type, answer, start, start + len(answer), 0)
    return Item(
        kind=QuestionKind.FILL_IN,
        prompt=prompt,
        fact=fact,
        source=SourceQuote(prompt.replace(BLANK, answer), 0, len(prompt), 1),
        answer=answer,
    )


def test_only_an_adjunct_the_sentence_reads_well_without_goes() -> None:
    places = [_item(f"Festival held in {BLANK}.", name, FactType.PLACE) for name in ("London",)]
    asked = asked_facts(places)
    # "in London to promote ...": the place goes and the rest reads whole.
    promoter = _item(
        f"Film star {BLANK} held a dinner party in London to promote the Lyric Theatre.", "X"
    )
    assert trimmed_prompt(promoter, asked) == (
        f"Film star {BLANK} held a dinner party to promote the Lyric Theatre."
    )
    # "in London, Paris and Rome": a list goes on from the place, so nothing is left out.
    touring = _item(f"The band led by {BLANK} played in London, Paris and Rome last year.", "X")
    assert trimmed_prompt(touring, asked) is None
    # "in London and ...": the same.
    shared = _item(f"{BLANK} opened offices in London and New York in the spring.", "X")
    assert trimmed_prompt(shared, asked) is None
    # "The theme - and his long association with London - are": the aside adds to the subject.
    theme = _item(
        f"The theme of his career - and his long years in London - are set to continue, "
        f"said {BLANK} on the radio.",
        "X",
    )
    assert trimmed_prompt(theme, asked) is None


def test_a_role_names_a_person_only_when_it_points_at_them_alone() -> None:
    described = {p.name: p.description() for p in described_people(_candidates(PIER))}
    assert described["Margaret Ellwood"] == "the Tory leader"
    text = (
        "Legendary Dutch coach Rinus Michels has died at the age of 77.\n\n"
        "Michels led the Dutch at the 1974 World Cup in Munich.\n\n"
        "Labour councillor Ann Byrne and Labour councillor Tom Reid said the vote was fair."
    )
    described = {p.name for p in described_people(_candidates(text))}
    # "Legendary" only opens the sentence: "legendary Dutch coach" names no one in particular;
    # a role two people hold names neither.
    assert described.isdisjoint({"Rinus Michels", "Ann Byrne", "Tom Reid"})
