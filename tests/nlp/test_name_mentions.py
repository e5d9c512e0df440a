"""A name another item asks, said by the descriptor the article gives it, or left out where it
only qualifies a named thing; and those changes refused where the stem would break or stop
saying what is asked."""

from __future__ import annotations

from itertools import combinations

import pytest

from quizapp.nlp import generate
from quizapp.nlp.model import BLANK
from quizapp.nlp.name_mentions import (
    article_descriptions,
    described_name,
    named_by_description,
    without_measure,
    without_possessor,
)
from quizapp.nlp.quiz_conflicts import gives_away

SOURCES = (
    "The owners of embattled Welsh ferry operator Kestrel are to ask the buyer to pay.",
    "Rival Islay Ferries bought the Oban route from Kestrel in a forced sale.",
)


def test_a_descriptor_before_a_name_says_it_instead() -> None:
    assert described_name(
        f"The owners of embattled Welsh ferry operator Kestrel are to repay a {BLANK} loan.",
        "Kestrel",
        SOURCES,
    ) == (f"The owners of the embattled Welsh ferry operator are to repay a {BLANK} loan.")
    # The descriptor opening the stem loses the sentence's capital, the new "The" takes it.
    assert described_name(
        f"Welsh consultancy group Tarn carried out the survey in {BLANK}.", "Tarn", ()
    ) == (f"The Welsh consultancy group carried out the survey in {BLANK}.")
    # A verb before the descriptor is not part of it.
    assert described_name(
        f"Gordon Brown accused Tory shadow chancellor Ann Hale of plotting {BLANK}.", "Ann Hale", ()
    ) == (f"Gordon Brown accused the Tory shadow chancellor of plotting {BLANK}.")


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        # a word before the descriptor that is not its own: "US the telecoms firm"
        (f"The officer at US telecoms firm Kestrel spoke at the trial of {BLANK}.", "Kestrel"),
        # whose it is stands before it: "_____'s the boxing drama"
        (f"{BLANK}'s boxing drama Night Tide has become the favourite.", "Night Tide"),
        # a former manager is one of many
        (f"Former Oban manager Ann Hale praised his successor {BLANK}.", "Ann Hale"),
        # no name in it: "the troubled oil giant" is any oil firm
        (f"Troubled oil giant Kestrel is seeking {BLANK} in damages.", "Kestrel"),
        (f"The teacher said consultancy group Tarn ran the survey in {BLANK}.", "Tarn"),
        # one word is no description ("the striker")
        (f"Striker Ann Hale scored after {BLANK} minutes.", "Ann Hale"),
    ],
)
def test_no_descriptor_where_it_would_break_or_say_nothing(prompt: str, name: str) -> None:
    assert described_name(prompt, name, ()) is None


def test_a_descriptor_shared_by_two_names_points_at_neither() -> None:
    sources = (
        "Ferry operator Kestrel cut fares.",
        "Its rival ferry operator Islay Ferries did not.",
    )
    assert article_descriptions(["Kestrel", "Islay Ferries"], sources) == {}


def test_the_article_description_takes_the_place_of_a_bare_mention_only() -> None:
    description = article_descriptions(["Kestrel"], SOURCES)["Kestrel"]
    assert description == "the embattled Welsh ferry operator"
    assert named_by_description(
        f"Islay Ferries bought the {BLANK} route from Kestrel in a forced sale.",
        "Kestrel",
        description,
    ) == (
        f"Islay Ferries bought the {BLANK} route from the embattled Welsh ferry operator in a "
        "forced sale."
    )
    assert named_by_description(
        f"Kestrel' owner {BLANK} says it will ask for the money.", "Kestrel", description
    ) == (f"The embattled Welsh ferry operator's owner {BLANK} says it will ask for the money.")
    # The name modifying a noun, or modified itself, or inside a quotation: left as it is.
    for prompt in (
        f"Kestrel shareholders said {BLANK} was wrong.",
        f"State-owned Kestrel bought the {BLANK} route.",
        f'"We will sue Kestrel," said {BLANK}.',
    ):
        assert named_by_description(prompt, "Kestrel", description) is None


def test_a_possessor_goes_where_a_name_still_says_what_is_meant() -> None:
    assert without_possessor(
        f"Ann Hale's boxing drama Night Tide is the favourite at the {BLANK}.",
        "Ann Hale",
        frozenset(),
    ) == (f"The boxing drama Night Tide is the favourite at the {BLANK}.")
    people = frozenset({"Ellen Ross"})
    assert without_possessor(
        f"Ireland's Ellen Ross is one of four captains in the squad for the match on {BLANK}.",
        "Ireland",
        people,
    ) == (f"Ellen Ross is one of four captains in the squad for the match on {BLANK}.")
    # "Ireland's _____", "Holyrood's Chamber Office chief _____": the possessor says who.
    assert (
        without_possessor(f"Ireland's {BLANK} is one of four captains.", "Ireland", people) is None
    )
    assert (
        without_possessor(
            f"A letter from Holyrood's Chamber Office chief {BLANK} made it clear.",
            "Holyrood",
            people,
        )
        is None
    )
    # "Kestrel's bid for the route": whose bid it was is what the stem says.
    assert (
        without_possessor(f"Kestrel's bid for the route cost {BLANK}.", "Kestrel", people) is None
    )


def test_an_age_before_a_noun_goes() -> None:
    assert without_measure(
        f"Ellen Ross, the 17-year-old soul singer from {BLANK}, was a new entry.", "17", frozenset()
    ) == (f"Ellen Ross, the soul singer from {BLANK}, was a new entry.")
    assert without_measure(f"The 25-year-old said {BLANK} was fine.", "25", frozenset()) is None


ARTICLE = """Kestrel sued over ferry sale

The owners of embattled Welsh ferry operator Kestrel are to ask Islay Ferries to repay a £900,000 loan.

Islay Ferries bought the Oban route for £4.2m in a sale forced by the Welsh government to settle a tax claim against Kestrel.

Kestrel had filed for bankruptcy protection in a Cardiff court in an attempt to prevent the forced sale.

Islay Ferries already faces a repayment demand from the Bank of Wales.
"""


def test_the_quiz_asks_the_loan_and_the_company_without_giving_either_away() -> None:
    quiz = generate(ARTICLE, max_items=20)
    items = list(quiz.items)
    asked = {item.fact.text for item in items}
    assert {"£900,000", "Kestrel"} <= asked, [i.prompt for i in items]
    for a, b in combinations(items, 2):
        assert not gives_away(a, b), (a.prompt, b.prompt)
    assert generate(ARTICLE, max_items=20).to_dict() == quiz.to_dict()
