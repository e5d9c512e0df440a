"""Ordinals typed in the other spelling ("fourth" for "4th") are marked right (session 9 outsider)."""

from __future__ import annotations

import pytest

from quizapp.services.answer_forms import read_ordinal
from quizapp.services.scoring import score_item


def _fill(answer: str) -> dict:
    return {"kind": "fill_in", "answer": answer, "accepted": []}


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("4th", "fourth"),
        ("4th", "Fourth."),
        ("fourth", "4th"),
        ("twenty-first", "21st"),
        ("21st", "twenty first"),
        ("2nd place", "second place"),
        ("100th", "hundredth"),
        ("3rd", "third"),
    ],
)
def test_an_ordinal_in_words_or_figures_is_right(answer: str, typed: str) -> None:
    assert score_item(_fill(answer), typed).correct


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("4th", "fifth"),
        ("21st", "22nd"),
        ("2nd place", "second"),
        ("2nd place", "2nd prize"),
        ("first", "1"),
    ],
)
def test_another_ordinal_or_other_words_stay_wrong(answer: str, typed: str) -> None:
    assert not score_item(_fill(answer), typed).correct


def test_a_gap_of_a_passage_takes_the_ordinal_too() -> None:
    passage = {
        "kind": "cloze",
        "blanks": [{"answer": "4th", "accepted": []}, {"answer": "Geneva", "accepted": []}],
    }
    mark = score_item(passage, None, {"1": "fourth", "2": "Geneva"})
    assert mark.correct and mark.credit == 2.0


def test_words_that_are_not_ordinals_are_not_read_as_one() -> None:
    assert read_ordinal("Second Life") == (2, ("life",))
    assert read_ordinal("forth") is None
    assert read_ordinal("") is None
