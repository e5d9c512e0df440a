"""Stems without a separable clause or aside that prints another item's answer, so two facts
of one sentence can both be asked; and the cuts refused where the rest would not read whole."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest

from quizapp.nlp import generate, read_document
from quizapp.nlp.attribution import untagged_prompt
from quizapp.nlp.clause_cuts import clause_cut
from quizapp.nlp.model import BLANK, Item
from quizapp.nlp.pipeline import DEFAULT_KINDS, build_candidates
from quizapp.nlp.quiz_conflicts import gives_away
from quizapp.nlp.role_descriptions import described_people
from quizapp.nlp.trimming import article_words, asked_facts, trimmed_prompt

HARBOUR = """Ferry operator buys island harbour

The Kestrel Line has bought the harbour at Port Ellen from the Islay Trust for £12m, ending a \
dispute that lasted eleven years.

The harbour handled 210,000 passengers in 2004, and the Islay Trust says numbers have fallen \
since then.

After the trust lost a court case in Glasgow, Kestrel made its first offer to the island council.

The company, based in Oban, runs nine ferries on routes to the Hebrides.
"""

NAMES = frozenset({"Kestrel", "Line", "Islay", "Trust", "Rooney", "Goodison", "Park", "MCI"})


def _candidates(text: str) -> list[Item]:
    doc = read_document(text)
    items, _ = build_candidates(doc, text, DEFAULT_KINDS, max_items=None)
    return items


def _trimmed(items: list[Item], item: Item) -> Item | None:
    prompt = trimmed_prompt(item, asked_facts(items), described_people(items), article_words(items))
    return None if prompt is None else replace(item, prompt=prompt)


def _item(items: list[Item], answer: str, kind: str = "multiple_choice") -> Item:
    return next(i for i in items if i.fact.text == answer and i.kind.value == kind)


def _seller(items: list[Item]) -> Item:
    return next(
        i
        for i in items
        if i.fact.text == "Islay Trust" and "£12m" in i.source.quote and BLANK in i.prompt
    )


def test_a_closing_clause_goes_so_the_quiz_can_ask_what_it_printed() -> None:
    items = _candidates(HARBOUR)
    passengers = _item(items, "210,000 passengers")
    seller = _trimmed(items, _seller(items))
    assert seller is not None
    # The whole stem prints "Islay Trust" in its closing clause: the seller item would be
    # answered by it.
    assert gives_away(passengers, seller) or gives_away(seller, passengers)
    trimmed = _trimmed(items, passengers)
    assert trimmed is not None
    assert trimmed.prompt == f"The harbour at Port Ellen handled {BLANK} in 2004."
    assert not gives_away(trimmed, seller) and not gives_away(seller, trimmed)


def test_a_price_said_in_passing_goes_and_the_sentence_still_reads() -> None:
    items = _candidates(HARBOUR)
    trimmed = _trimmed(items, _seller(items))
    assert trimmed is not None
    assert "£12m" not in trimmed.prompt
    assert f"from the {BLANK}, ending a dispute" in trimmed.prompt


@pytest.mark.parametrize(
    ("prompt", "answer", "mention", "expected"),
    [
        # a closing coordinated clause
        (
            f"{BLANK} won the Calder Cup in 2004, and is now coached by Ian Rooney.",
            "Kestrel",
            "Ian Rooney",
            f"{BLANK} won the Calder Cup in 2004.",
        ),
        # an opening coordinated clause: what is kept has its own subject
        (
            f"Rooney received a hostile reception, but goals from {BLANK} silenced the jeers "
            "at Goodison Park.",
            "Fortune",
            "Rooney",
            f"Goals from {BLANK} silenced the jeers at Goodison Park.",
        ),
        # an aside between a subject and its verb, its closing comma missing
        (
            f"Trust chairman {BLANK} said that rebuilding the pier, at a cost of £8m is the "
            "only answer.",
            "Ann Hale",
            "£8m",
            f"Trust chairman {BLANK} said that rebuilding the pier is the only answer.",
        ),
        # an age between commas
        (
            f"Ian Rooney, 63, has always insisted he knew nothing of {BLANK}'s debts.",
            "Kestrel",
            "63",
            f"Ian Rooney has always insisted he knew nothing of {BLANK}'s debts.",
        ),
        # a closing "with" phrase
        (
            f"House prices in the Islay Trust area fell 0.2% in {BLANK}, with inflation "
            "running at a three year low.",
            "December",
            "three",
            f"House prices in the Islay Trust area fell 0.2% in {BLANK}.",
        ),
        # a closing clause with no comma, where a subject and its verb follow "before"
        (
            f"In Sunday's singles, Carlos Moya takes on {BLANK} before Rafael Nadal faces "
            "Mardy Fish.",
            "Andy Roddick",
            "Mardy Fish",
            f"In Sunday's singles, Carlos Moya takes on {BLANK}.",
        ),
        # a WH question loses a closing clause the same way
        (
            "Which firm bought the Port Ellen harbour in 2004, and is now run by Ian Rooney?",
            "Kestrel",
            "Ian Rooney",
            "Which firm bought the Port Ellen harbour in 2004?",
        ),
    ],
)
def test_separable_parts_are_left_out_and_the_rest_reads_whole(
    prompt: str, answer: str, mention: str, expected: str
) -> None:
    assert clause_cut(prompt, answer, mention, NAMES) == expected


@pytest.mark.parametrize(
    ("prompt", "answer", "mention"),
    [
        # a condition: without it the rest claims something else
        (f"If Kestrel wins, {BLANK} will become the new chairman of the trust.", "Ann", "Kestrel"),
        # the rest would open on a pronoun pointing into the cut
        (f"After Ian Rooney left Kestrel, he joined {BLANK} for a fee.", "Islay", "Kestrel"),
        # the aside next to the blank says who the blank is
        (f"{BLANK}, the Kestrel Line's chief, said the harbour would stay open.", "Ann", "Kestrel"),
        # quoted words are never cut
        (
            f'{BLANK} said: "We bought it, and the Islay Trust was glad to sell."',
            "Kestrel",
            "Islay Trust",
        ),
        # a list of "-ing" phrases, not a clause added on
        (
            f"{BLANK} will spend the money reducing waiting times, improving wards and "
            "modernising Islay Trust pay.",
            "Kestrel",
            "Islay Trust",
        ),
        # "both ... and": the head goes on into the tail
        (f"Both {BLANK} and Kestrel lost money, and the Islay Trust closed.", "MCI", "Islay"),
        # an aside after "a ..." says which one is meant
        (
            f"A tie-up, seen as the Islay Trust's last chance, has been backed by {BLANK}.",
            "Kestrel",
            "Islay Trust",
        ),
        # "after" opening a phrase, not a clause: nothing separable holds the mention
        (
            f"The Kestrel Line sailed to {BLANK} after 23 days in the Islay Trust boat.",
            "Oban",
            "Islay Trust",
        ),
        # "First ..., and then ...": the opening promises the closing clause
        (
            f"First Ian Rooney was judged offside as he chased {BLANK}'s kick, and then "
            "Kestrel opted not to call upon video evidence.",
            "Goode",
            "Kestrel",
        ),
        # what is left would name nothing but its blank
        (
            f"{BLANK} emerged from bankruptcy protection in 2004, and is now known as MCI.",
            "Kestrel",
            "MCI",
        ),
    ],
)
def test_cuts_that_would_change_or_break_the_sentence_are_refused(
    prompt: str, answer: str, mention: str
) -> None:
    assert clause_cut(prompt, answer, mention, NAMES) is None


def test_a_stem_on_a_figure_keeps_the_clause_that_dates_it() -> None:
    prompt = (
        f"The {BLANK}% fall in Islay Trust car sales was expected, coming after December's 4% "
        "rise in Kestrel sales."
    )
    assert clause_cut(prompt, "3.3", "Kestrel", NAMES, keep_dates=True) is None
    # A stem on something else reads well without it.
    assert (
        clause_cut(
            prompt.replace(f"{BLANK}%", "3.3%").replace("Islay", BLANK), "Islay", "Kestrel", NAMES
        )
        == f"The 3.3% fall in {BLANK} Trust car sales was expected."
    )


REPORTED = """Ferry operator buys island harbour

The Kestrel Line has bought the harbour at Port Ellen from the Islay Trust for £12m.

According to the Islay Trust, the harbour at Port Ellen handled 210,000 passengers in 2004.

According to the Islay Trust, the harbour at Port Ellen will handle 300,000 passengers in 2010.
"""


def test_an_opening_according_to_goes_where_the_rest_reports_a_fact() -> None:
    items = _candidates(REPORTED)
    asked = [a.text for a in asked_facts(items)]
    count = _item(items, "210,000 passengers")
    assert untagged_prompt(count, asked) == f"The harbour at Port Ellen handled {BLANK} in 2004."
    # A forecast keeps who made it.
    forecast = next(i for i in items if "300,000" in i.source.quote and BLANK in i.prompt)
    assert untagged_prompt(forecast, asked) is None


@pytest.mark.shared
def test_a_shortened_stem_that_no_longer_says_what_it_is_about_is_not_asked(
    shared_dir: Path,
) -> None:
    text = (shared_dir / "data" / "news" / "04.txt").read_text()
    items = generate(text, max_items=20).items
    # "Rebuilding the theatre, at a cost of _____ is the only answer." names no theatre once
    # the Lyric chairman who said it is left out: the cost is asked in the whole sentence.
    assert not any(item.prompt.startswith("Rebuilding the theatre") for item in items)
    assert any(item.prompt.startswith("Lyric chairman") for item in items)
    for a, b in combinations(items, 2):
        assert not gives_away(a, b), (a.prompt, b.prompt)
