"""A later "The festival" is the one the headline or lead named; "this DVD" names no fact."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.questions.base import BuildContext
from quizapp.nlp.salience import score_facts

_FESTIVAL = (
    "Films on war win at Telluride\n\n"
    "A study of the wars of the past century has won the main award at the 2006 Telluride "
    "Mountain Film Festival in Colorado. Judges praised its careful research. "
    "The festival is held in the mountain town of Ouray, which sees its population rise "
    "from 1,200 to 9,000 during the week."
)


def test_the_festival_of_the_lead_is_named_in_a_later_stem() -> None:
    doc = read_document(_FESTIVAL)
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    fact = next(f for f in facts if f.text == "1,200")
    stem = ctx.stem_cloze(fact)
    assert stem is not None
    assert stem.startswith("The 2006 Telluride Mountain Film Festival is held in")


def test_a_described_opening_is_not_given_the_leads_name() -> None:
    doc = read_document(
        "Veteran coach leaves Ajax\n\n"
        "Legendary Dutch coach Piet Vermeer has left Ajax after six seasons. "
        "The no-nonsense coach took the club to a league title in 2003."
    )
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    stem = ctx.stem_cloze(next(f for f in facts if f.text == "2003"))
    assert stem is None or "Legendary Dutch coach" not in stem


def test_a_name_after_this_is_not_worth_asking() -> None:
    doc = read_document(
        "DVD review: The Lost Harbour\n\n"
        "The Lost Harbour was the surprise hit of the summer. "
        "The film itself is the reason to buy this DVD, though the extras are thin."
    )
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    pointed = [f for f in facts if f.text == "DVD" and doc.text[f.start - 5 : f.start] == "this "]
    assert pointed
    assert not any(salience[f].askable for f in pointed)
