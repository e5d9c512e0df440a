"""Marking answers per kind: the tolerant comparisons students rely on."""

from __future__ import annotations

import pytest

from quizapp.services.scoring import normalise_answer, parse_number, score_item

MC = {
    "kind": "multiple_choice",
    "answer": "1,360 km",
    "options": ["1,020 km", "1,360 km", "1,700 km", "2,040 km"],
}
TF = {"kind": "true_false", "answer": "False", "options": ["True", "False"]}
FILL = {"kind": "fill_in", "answer": "1,360", "accepted": ["1,360", "1360", "1,360 km"]}
ORDINAL = {"kind": "fill_in", "answer": "201st", "accepted": ["201st", "201"]}
SHORT = {"kind": "short_answer", "answer": "the University of Vienna", "accepted": ["Vienna"]}
NUMERIC = {"kind": "numeric", "answer": "1,360 km", "value": 1360, "tolerance": 10, "unit": "km"}
MATCHING = {"kind": "matching", "pairs": [["EU", "European Union"], ["UN", "United Nations"]]}


@pytest.mark.parametrize(
    ("item", "given", "correct"),
    [
        (MC, "1,360 km", True),
        (MC, " 1,360 km ", True),
        (MC, "1,700 km", False),
        (MC, None, False),
        (TF, "False", True),
        (TF, "false", True),
        (TF, "True", False),
        (FILL, "1,360", True),
        (FILL, "1360", True),
        (FILL, "1,360 km", True),
        (FILL, "1360 km.", True),
        (FILL, "1 360", True),
        (FILL, "1,361", False),
        (FILL, "1360 miles", False),
        (FILL, "", False),
        (FILL, "   ", False),
        (ORDINAL, "201st", True),
        (ORDINAL, "201", True),
        (ORDINAL, "202nd", False),
        (SHORT, "University of Vienna", True),
        (SHORT, "the  university of VIENNA.", True),
        (SHORT, "The University of Vienna!", True),
        (SHORT, "vienna", True),
        (SHORT, "“Vienna”", True),
        (SHORT, "Graz", False),
        (NUMERIC, "1360", True),
        (NUMERIC, "1,360", True),
        (NUMERIC, "1360 km", True),
        (NUMERIC, "1,369.5", True),
        (NUMERIC, "1,371", False),
        (NUMERIC, "about 1,350", True),
        (NUMERIC, "many", False),
        (NUMERIC, None, False),
    ],
)
def test_single_answers_are_marked_by_kind(item: dict, given: str | None, correct: bool) -> None:
    """Each kind compares the way a teacher would when marking by hand."""
    mark = score_item(item, given)
    assert mark.correct is correct
    assert mark.credit == (1.0 if correct else 0.0)


def test_numeric_without_tolerance_needs_the_exact_value() -> None:
    """A zero tolerance still accepts the number written with separators or a unit."""
    item = {"kind": "numeric", "answer": "68", "value": 68, "tolerance": 0}
    assert score_item(item, "68 stations").correct
    assert not score_item(item, "67").correct


@pytest.mark.parametrize(
    ("rows", "credit", "correct"),
    [
        ({"1": "European Union", "2": "United Nations"}, 1.0, True),
        ({"1": "European Union", "2": "European Union"}, 0.5, False),
        ({"1": "European Union"}, 0.5, False),
        ({"1": "United Nations", "2": "European Union"}, 0.0, False),
        ({}, 0.0, False),
        (None, 0.0, False),
    ],
)
def test_matching_earns_the_share_of_rows_right(
    rows: dict[str, str] | None, credit: float, correct: bool
) -> None:
    """Matching gives partial credit: one point split over the rows."""
    mark = score_item(MATCHING, None, rows)
    assert mark.credit == credit
    assert mark.correct is correct


def test_unknown_kind_is_refused() -> None:
    """A kind without a scorer is an error, not a silent zero."""
    with pytest.raises(ValueError, match="unknown question kind: 'essay'"):
        score_item({"kind": "essay", "answer": "x"}, "x")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("  The  Black   Sea. ", "black sea"),
        ("An apple!", "apple"),
        ("1,360 km", "1360 km"),
        ("‘Danube’", "danube"),
        ("Theatre", "theatre"),
    ],
)
def test_normalise_answer(text: str, folded: str) -> None:
    """Case, spacing, quotes, articles, end punctuation and thousands separators fold away."""
    assert normalise_answer(text) == folded


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("1,360", (1360.0, "")),
        ("1360 km", (1360.0, "km")),
        ("-3.5", (-3.5, "")),
        ("40%", (40.0, "%")),
        ("€3.4 million", (3.4, "€ million")),
        ("Budapest", None),
    ],
)
def test_parse_number(text: str, parsed: tuple[float, str] | None) -> None:
    """Numbers are read as people type them, with the unit after them."""
    assert parse_number(text) == parsed
