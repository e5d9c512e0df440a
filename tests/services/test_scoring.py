"""Marking answers per kind: the tolerant comparisons students rely on."""

from __future__ import annotations

import pytest

from quizapp.services.scoring import (
    Marking,
    mark_answer,
    normalise_answer,
    parse_number,
    points_possible,
    read_quantity,
    score_item,
)

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


PUTIN = {
    "kind": "fill_in",
    "answer": "Vladimir Putin",
    "accepted": ["Vladimir Putin", "Putin"],
    "fact": {"type": "person", "text": "Vladimir Putin"},
}
RAHMON = {"kind": "short_answer", "answer": "Emomali Rahmon", "fact": {"type": "person"}}
ZURICH = {"kind": "fill_in", "answer": "Zürich", "fact": {"type": "place"}}
BRITAIN = {"kind": "fill_in", "answer": "Great Britain", "fact": {"type": "place"}}
US = {"kind": "fill_in", "answer": "U.S.", "fact": {"type": "place"}}
MEDALS = {"kind": "fill_in", "answer": "three gold medals", "fact": {"type": "quantity"}}
MILLION = {"kind": "fill_in", "answer": "1.5 million", "fact": {"type": "quantity"}}
YEAR = {"kind": "fill_in", "answer": "1991", "fact": {"type": "date"}}
MILITANCY = {"kind": "fill_in", "answer": "militant activity", "fact": {"type": "other"}}
ORG = {"kind": "fill_in", "answer": "Gazprom", "fact": {"type": "organisation"}}


@pytest.mark.parametrize(
    ("item", "given", "correct"),
    [
        (PUTIN, "vladimir putin", True),
        (PUTIN, "Vladmir Putin", True),  # one letter dropped in a long name
        (PUTIN, "Vladimir Puitn", True),  # two letters swapped
        (PUTIN, "Putin", True),
        (PUTIN, "Vladimir", False),  # the first name alone is not the person
        (PUTIN, "Vladmir Ptuin", False),  # two slips
        (RAHMON, "Rahmon", False),  # a surname counts only where the accepted list has it
        (RAHMON, "Emomali Rahman", True),  # one slip in a long name
        (RAHMON, "Emomali", False),
        (ZURICH, "Zurich", True),  # diacritics ignored
        (ZURICH, "ZÜRICH!", True),
        (BRITAIN, "great britain.", True),
        (BRITAIN, "Britain", False),  # a shorter name is the generator's accepted list's job
        (US, "US", True),  # punctuation inside ignored
        (US, "the U.S", True),
        (US, "UK", False),  # short names get no typo allowance
        (ORG, "Gazprom", True),
        (ORG, "Gasprom", True),
        (ORG, "Gazprommm", False),
        (MEDALS, "three", True),
        (MEDALS, "3", True),
        (MEDALS, "3 gold medals", True),
        (MEDALS, "Three medals", True),
        (MEDALS, "three silver medals", False),
        (MEDALS, "four", False),
        (MILLION, "1,500,000", True),
        (MILLION, "1.5m", False),
        (MILLION, "1500000", True),
        (YEAR, "1991", True),
        (YEAR, "1992", False),  # no typo allowance in numbers
        (MILITANCY, "Militant activity", True),
        (MILITANCY, "militant activty", False),  # common-noun phrases: no typo allowance
    ],
)
def test_typed_answers_are_marked_fairly(item: dict, given: str, correct: bool) -> None:
    """Case, punctuation, articles, accents, one slip in a long name, number forms."""
    assert score_item(item, given).correct is correct


def test_number_words_count_for_numeric_items() -> None:
    """A numeric item takes "twenty-one" for 21 as it takes "21"."""
    item = {"kind": "numeric", "answer": "21", "value": 21, "tolerance": 0}
    assert score_item(item, "twenty-one").correct
    assert score_item(item, "twenty one people").correct
    assert not score_item(item, "twenty").correct


def test_teacher_accepted_answers_count() -> None:
    """An answer a teacher accepted while regrading is right, for typed and chosen answers."""
    typed = {**PUTIN, "accepted": [*PUTIN["accepted"], "the Russian president"]}
    assert score_item(typed, "Russian President").correct
    numeric = {"kind": "numeric", "answer": "1360", "value": 1360, "accepted": ["1,300"]}
    assert score_item(numeric, "1300").correct
    choice = {**MC, "accepted": ["1,700 km"]}
    assert score_item(choice, "1,700 km").correct
    assert not score_item(choice, "2,040 km").correct


@pytest.mark.parametrize(
    ("marking", "given", "correct", "credit", "possible"),
    [
        (Marking.NORMAL, "1,700 km", False, 0.0, 1.0),
        (Marking.FULL_CREDIT, "1,700 km", True, 1.0, 1.0),
        (Marking.FULL_CREDIT, None, True, 1.0, 1.0),
        (Marking.DROPPED, "1,360 km", False, 0.0, 0.0),
    ],
)
def test_regraded_marking(
    marking: Marking, given: str | None, correct: bool, credit: float, possible: float
) -> None:
    """A point for everyone marks every answer right; a dropped question counts for nothing."""
    mark = mark_answer(MC, given, None, marking)
    assert (mark.correct, mark.credit) == (correct, credit)
    assert points_possible(marking) == possible


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("three gold medals", (3.0, ("gold", "medals"))),
        ("Twenty-one", (21.0, ())),
        ("1.5 million", (1_500_000.0, ())),
        ("1,360 km", (1360.0, ("km",))),
        ("a hundred", (100.0, ())),
        ("many", None),
    ],
)
def test_read_quantity(text: str, quantity: tuple | None) -> None:
    """Digits or number words, with scale words applied and the unit words after them."""
    assert read_quantity(text) == quantity
