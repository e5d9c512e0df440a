"""The marker takes the forms an item's accepted list holds, never a surname the generator left out."""

from __future__ import annotations

import pytest

from quizapp.services.scoring import score_item


def _person(answer: str, accepted: list[str] | None = None) -> dict:
    item: dict = {"kind": "fill_in", "answer": answer, "fact": {"type": "person", "text": answer}}
    if accepted is not None:
        item["accepted"] = accepted
    return item


@pytest.mark.parametrize(
    ("item", "given", "correct"),
    [
        # Two Robinsons in the article: the generator gives no accepted list.
        (_person("Jason Robinson"), "Robinson", False),
        (_person("Jason Robinson"), "Robinsen", False),  # nor a slip of the surname
        (_person("Jason Robinson"), "jason robinsen", True),  # a slip in the full name
        # Names the generator read as a person but that have no surname to give.
        (_person("El Alto"), "Alto", False),
        (_person("Beenie Man"), "Man", False),
        (_person("Manchester United", ["Manchester Utd"]), "United", False),
        (_person("Manchester United", ["Manchester Utd"]), "man utd", False),
        (_person("Manchester United", ["Manchester Utd"]), "manchester utd", True),
        # A surname the list holds is right, and so is one slip in it (6+ letters).
        (_person("Charlie Hodgson", ["Hodgson"]), "hodgson", True),
        (_person("Charlie Hodgson", ["Hodgson"]), "Hodgsen", True),
        (_person("Mark van Gisbergen", ["van Gisbergen"]), "Van Gisbergen", True),
        (_person("Mark van Gisbergen", ["van Gisbergen"]), "Gisbergen", False),
    ],
)
def test_only_listed_forms_of_a_name_count(item: dict, given: str, correct: bool) -> None:
    assert score_item(item, given).correct is correct


def test_a_gap_of_a_passage_follows_its_own_list() -> None:
    """A typed gap is marked like a fill-in: its blank's accepted list, nothing added."""
    passage = {
        "kind": "cloze",
        "prompt": "Captain _____ thanked coach _____.",
        "blanks": [
            {"answer": "Dominic Ashworth", "fact": {"type": "person"}},
            {"answer": "Martin Okafor", "accepted": ["Okafor"], "fact": {"type": "person"}},
        ],
    }
    mark = score_item(passage, None, {"1": "Ashworth", "2": "okafor"})
    assert (mark.correct, mark.credit) == (False, 1.0)


def test_a_quotes_speaker_is_a_name_with_the_slip_allowance() -> None:
    """A quote item asks for its speaker: one slip in the name is forgiven, as for a person."""
    item = {
        "kind": "fill_in",
        "answer": "Matthias Huss",
        "accepted": ["Huss"],
        "fact": {"type": "quote", "text": "Matthias Huss"},
    }
    assert score_item(item, "Mathias Huss").correct
    assert score_item(item, "huss").correct
    assert not score_item(item, "Matthias").correct
