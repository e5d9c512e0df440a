"""Two facts of one sentence asked in one quiz: coordinated halves split (shared subject,
gapped verb, two clauses), and a passive agent, venue, price or closing dash aside left out;
and the splits and cuts refused where the rest would be false, ambiguous or broken."""

from __future__ import annotations

from itertools import combinations

import pytest

from quizapp.nlp import generate
from quizapp.nlp.clause_cuts import clause_cut
from quizapp.nlp.model import BLANK
from quizapp.nlp.quiz_conflicts import gives_away
from quizapp.nlp.trim_phrases import (
    apposition_statement,
    without_agent,
    without_circumstance,
    without_dash_tail,
    without_price,
    without_venue,
)

NAMES = frozenset({"Kestrel", "Line", "Islay", "Trust", "Oban", "Ann", "Hale", "Ellen"})


@pytest.mark.parametrize(
    ("prompt", "answer", "mention", "expected"),
    [
        # a shared subject: the second verb phrase keeps the subject both halves have
        (
            f"Kestrel emerged from bankruptcy protection in 2004, and is now known as {BLANK}.",
            "Islay Ferries",
            "2004",
            f"Kestrel is now known as {BLANK}.",
        ),
        # a gapped verb: the second half gets back the verb it leaves out, "only" kept
        (
            f"The Islay Trust said fares rose 15.1% over the whole of 2004, but by only {BLANK} "
            "in the second half of the year.",
            "2.8%",
            "15.1%",
            f"The Islay Trust said fares rose by only {BLANK} in the second half of the year.",
        ),
        (
            "Ann Hale sailed the last 20 miles of the Oban race and then "
            f"{BLANK} in a regatta against the Kestrel Line.",
            "40 miles",
            "20",
            f"Ann Hale sailed {BLANK} in a regatta against the Kestrel Line.",
        ),
        # the first half, without the gapped second half
        (
            f"The Islay Trust said fares rose {BLANK} over the whole of 2004, but by only 2.8% "
            "in the second half of the year.",
            "15.1%",
            "2.8%",
            f"The Islay Trust said fares rose {BLANK} over the whole of 2004.",
        ),
        # two clauses joined by "and" with no comma, each with its own subject
        (
            "Ann Hale was given her prize by Ian Rooney and the Kestrel Line's award was "
            f"presented by {BLANK} at the Oban ceremony.",
            "Tom Reid",
            "Ian Rooney",
            f"The Kestrel Line's award was presented by {BLANK} at the Oban ceremony.",
        ),
        # a closing "as" clause with its own subject and verb, and that clause alone
        (
            f"Ann Hale and {BLANK} had a miserable time in the defeat to Oban as Ian Rooney "
            "stole the show.",
            "Tom Reid",
            "Ian Rooney",
            f"Ann Hale and {BLANK} had a miserable time in the defeat to Oban.",
        ),
        (
            f"Ann Hale had a miserable time in the defeat to Oban as {BLANK} stole the show "
            "for the Kestrel Line.",
            "Ian Rooney",
            "Ann Hale",
            f"{BLANK} stole the show for the Kestrel Line.",
        ),
    ],
)
def test_coordinated_halves_split_so_the_other_fact_is_not_printed(
    prompt: str, answer: str, mention: str, expected: str
) -> None:
    keep_dates = any(ch.isdigit() for ch in answer)
    assert clause_cut(prompt, answer, mention, NAMES, keep_dates) == expected


@pytest.mark.parametrize(
    ("prompt", "answer", "mention"),
    [
        # the second verb leans on the first's "was": "Kestrel charged with fraud" is false
        (f"Ann Hale was arrested in Oban in 2004 and charged with {BLANK}.", "fraud", "2004"),
        # a plain pair of names: either would fill "The Trust sold the harbour to _____"
        (f"The Islay Trust sold the harbour to Ian Rooney and {BLANK} in 2004.", "Tom", "Ian"),
        # the kept half would lose a negation's scope
        (
            f"Kestrel fares rose 15.1% over the whole of 2004, but not by {BLANK} in Oban.",
            "2.8%",
            "15.1%",
        ),
        # "also" points back into the cut half
        (
            f"Kestrel bought the Oban harbour in 2004, and also runs {BLANK} routes.",
            "nine",
            "2004",
        ),
        # "both ... and": the head promises its pair
        (
            f"Both Ann Hale and Kestrel lost money in 2004, and then {BLANK} in 2005.",
            "£3m",
            "2004",
        ),
        # "and" inside a subject joins two names, not two clauses
        (
            "Ann Hale got a hostile reception, but goals from Ian Rooney and Tom Reid "
            f"silenced the jeers at {BLANK}.",
            "Oban Park",
            "Ian Rooney",
        ),
        # a second clause after ", while" leans on the first for what it is about: nominated
        # for which race?
        (
            "The Oban Cup has a best sailor nomination for Ann Hale, who has never won, while "
            f"crews Ian Rooney and {BLANK} are both nominated for team prizes.",
            "Tom Reid",
            "Ann Hale",
        ),
        # the second clause opens on a pronoun that points into the first
        (
            f"Ian Rooney bought the Kestrel Line and he sold it to {BLANK} in 2005.",
            "Oban Ferries",
            "Ian Rooney",
        ),
    ],
)
def test_splits_that_would_change_or_break_the_sentence_are_refused(
    prompt: str, answer: str, mention: str
) -> None:
    keep_dates = any(ch.isdigit() for ch in answer)
    assert clause_cut(prompt, answer, mention, NAMES, keep_dates) is None


def test_a_passive_agent_goes_with_its_role_and_comma() -> None:
    assert (
        without_agent(
            f"{BLANK}'s award was announced by Patrick Stewart, during the ceremony in Oban.",
            "Patrick Stewart",
        )
        == f"{BLANK}'s award was announced during the ceremony in Oban."
    )
    assert (
        without_agent(
            f"A crackdown on {BLANK} has been launched by Education Secretary Ruth Kelly.",
            "Ruth Kelly",
        )
        == f"A crackdown on {BLANK} has been launched."
    )
    # An active verb's object is what the sentence says: "by" there is not an agent.
    assert without_agent(f"{BLANK} won by Ian Rooney's choice.", "Ian Rooney") is None


def test_a_venue_goes_after_a_noun_but_never_after_a_verb() -> None:
    assert (
        without_venue(
            f"{BLANK} have named Ann Hale for their match against Oban at Lansdowne Road on Sunday.",
            "Lansdowne Road",
        )
        == f"{BLANK} have named Ann Hale for their match against Oban on Sunday."
    )
    # The place a venue stands in goes with it.
    assert (
        without_venue(
            f"The Oban Cup will take place at Hollywood's Kodak Theatre on {BLANK}.",
            "Kodak Theatre",
        )
        == f"The Oban Cup will take place on {BLANK}."
    )
    # "looked at" needs its object.
    assert without_venue(f"{BLANK} looked at Kestrel before buying the harbour.", "Kestrel") is None
    # "there" points back at the venue.
    assert without_venue(f"{BLANK} held a dinner at the Savoy and stayed there.", "Savoy") is None


def test_a_price_that_only_modifies_a_noun_goes_with_its_conversion() -> None:
    assert (
        without_price(
            f"{BLANK} won approval to build a $1.5bn (£800m) joint venture factory.", "$1.5bn"
        )
        == f"{BLANK} won approval to build a joint venture factory."
    )
    # The article follows the word now after it.
    assert (
        without_price(f"{BLANK} opened a £8m indoor arena.", "£8m")
        == f"{BLANK} opened an indoor arena."
    )
    assert (
        without_price(f"{BLANK} agreed to a buyout in a deal valued at $6.75bn.", "$6.75bn")
        == f"{BLANK} agreed to a buyout."
    )
    # A price the verb asks for is the claim itself.
    assert without_price(f"{BLANK} is spending $100m on Linux.", "$100m") is None


def test_a_closing_dash_aside_goes_only_when_it_has_no_verb() -> None:
    assert (
        without_dash_tail(
            f"{BLANK} began life as a research project - a spin-off from the Kestrel Line.",
            "Kestrel Line",
        )
        == f"{BLANK} began life as a research project."
    )
    assert (
        without_dash_tail(
            f"{BLANK} began life as a research project - the Kestrel Line paid for it.",
            "Kestrel Line",
        )
        is None
    )


def test_a_closing_circumstance_goes_but_never_one_that_measures_the_claim() -> None:
    assert (
        without_circumstance(
            f"Kestrel bought the Oban harbour for {BLANK} in a sale forced by the Islay Trust "
            "to settle a tax claim.",
            "Islay Trust",
        )
        == f"Kestrel bought the Oban harbour for {BLANK}."
    )
    assert (
        without_circumstance(
            f"Fares rose {BLANK} in a year that saw Kestrel cut routes.", "Kestrel"
        )
        is None
    )


def test_an_apposition_is_asked_as_what_it_says_of_the_name() -> None:
    assert (
        apposition_statement(
            f"Ann Hale, a lecturer at Oban's {BLANK}, scooped the £10,000 prize for her book."
        )
        == f"Ann Hale is a lecturer at Oban's {BLANK}."
    )
    assert (
        apposition_statement(f"Ann Hale, marketing manager at {BLANK} said fares would rise.")
        == f"Ann Hale is marketing manager at {BLANK}."
    )
    # Two roles joined by "and", or a figure's aside that names nobody: no statement.
    assert (
        apposition_statement(
            f"Ann Hale, chair of the judges and the {BLANK} literary editor, said it was good."
        )
        is None
    )
    assert (
        apposition_statement(
            f"Fares increased by 1.1% in December, the first rise since {BLANK}, Kestrel said."
        )
        is None
    )


FARES = """Island ferry fares rise

Ferry fares on routes to the Hebrides rose 15.1% over the whole of 2004, but by only 2.8% in \
the second half of the year, the Islay Trust said.

The Kestrel Line emerged from administration in 1998, and is now known as Clyde Marine.

Ann Hale, who lives in Oban, runs nine ferries and employs 400 people.
"""


def test_a_quiz_asks_both_halves_of_a_sentence_without_giving_either_away() -> None:
    items = generate(FARES, max_items=20).items
    answers = {item.answer for item in items}
    assert {"15.1%", "2.8%"} <= answers
    assert {"1998", "Clyde Marine"} <= answers
    for a, b in combinations(items, 2):
        assert not gives_away(a, b), (a.prompt, b.prompt)


def test_a_venue_described_after_it_stays() -> None:
    """ "at Welling School, in south east London, which is ...": cutting the school left the
    description hanging on the people ("joined by Tony Blair, in south east London")."""
    prompt = (
        f"Before a statement to {BLANK}, Ann Hale was joined by Tom Vale at Ostby School, "
        "in north Oban, which is at the heart of a policing scheme."
    )
    assert without_venue(prompt, "Ostby School") is None
