"""Stems never lean on the sentence before: a set-off "meanwhile" is dropped, a bare "Both" or a
speaker who "added" refused."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact
from quizapp.nlp.questions.base import BuildContext
from quizapp.nlp.rank import _needs_context


def _stem(text: str, answer: str) -> str | None:
    doc = read_document(text)
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    fact: Fact = next(f for f in facts if f.text == answer)
    return ctx.stem_cloze(fact)


def test_a_connective_set_off_by_commas_is_left_out_of_the_stem() -> None:
    text = (
        "Wales beat Scotland 24-18 in Cardiff on Saturday. "
        "Ireland, meanwhile, lost to France by a single point in Dublin on Sunday."
    )
    stem = _stem(text, "Dublin")
    assert stem is not None
    assert "meanwhile" not in stem
    assert stem.startswith("Ireland lost to France")


def test_however_set_off_by_commas_is_left_out_too() -> None:
    text = (
        "Sales of the console rose sharply before Christmas. "
        "The retailer Brantwick Stores, however, reported a fall of 12% in its toy sales."
    )
    stem = _stem(text, "12%")
    assert stem is not None
    assert "however" not in stem.lower()


def test_an_opening_both_needs_the_two_named() -> None:
    assert _needs_context('"Both have hit crucial price points," said _____.')
    assert _needs_context("Both were sold out by _____.")
    assert not _needs_context("Both Sony and Nintendo cut the price of their consoles by _____.")


def test_a_speaker_who_goes_on_needs_what_came_before() -> None:
    # "_____ added that ...": who was speaking, and about what, is in the sentence before.
    assert _needs_context("_____ added that Sony had done well with the console.")
    assert _needs_context("_____ went on to praise the squad.")
    assert not _needs_context("_____ said that Sony had done well with the console.")
    assert not _needs_context("Analyst Mark Lomax added that _____ had done well.")
