"""The results page's students sorted by name, score, time taken or submission time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.services.result_order import StudentOrder
from quizapp.services.results import quiz_results
from tests.factories import make_attempt, make_quiz

pytestmark = pytest.mark.usefixtures("ctx")

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _class_quiz():
    """Students who submitted in this order (scores out of 3, minutes taken), and one still
    answering."""
    quiz = make_quiz()
    mc, fill, tf = quiz.questions
    right = {mc: ("4,200", True), fill: ("CAF", True), tf: ("False", True)}
    students = [
        ("student 10", {mc: right[mc]}, 9),
        ("Émile", right, 3),
        ("Student 2", {mc: right[mc], fill: right[fill]}, 6),
        ("ali", {}, 12),
        ("Zoë", {mc: right[mc]}, 2),
    ]
    for number, (name, answers, minutes) in enumerate(students):
        started = START + timedelta(minutes=20 * number)
        make_attempt(
            quiz,
            name,
            answers,
            started_at=started,
            submitted_at=started + timedelta(minutes=minutes),
        )
    make_attempt(quiz, "Bea", {mc: ("6,300", False)}, submitted=False, started_at=START)
    return quiz


def _names(quiz, sort):
    return [s.name for s in quiz_results(quiz, sort).students]


def test_by_name_ignores_case_and_accents_and_reads_numbers_by_value() -> None:
    quiz = _class_quiz()
    assert _names(quiz, "name") == ["ali", "Bea", "Émile", "Student 2", "student 10", "Zoë"]
    assert _names(quiz, "-name") == ["Zoë", "student 10", "Student 2", "Émile", "Bea", "ali"]


def test_by_score_puts_the_best_first_and_open_attempts_last_either_way() -> None:
    quiz = _class_quiz()
    # Ties (one right each) keep their submission order.
    assert _names(quiz, "score") == ["Émile", "Student 2", "student 10", "Zoë", "ali", "Bea"]
    assert _names(quiz, "-score") == ["ali", "student 10", "Zoë", "Student 2", "Émile", "Bea"]


def test_by_time_taken_puts_the_quickest_first() -> None:
    quiz = _class_quiz()
    assert _names(quiz, "time") == ["Zoë", "Émile", "Student 2", "student 10", "ali", "Bea"]


def test_by_submission_is_the_default_and_anything_else_falls_back_to_it() -> None:
    quiz = _class_quiz()
    submitted = ["student 10", "Émile", "Student 2", "ali", "Zoë", "Bea"]
    for sort in (None, "", "submitted", "percent", "-", "name; drop table"):
        assert _names(quiz, sort) == submitted
    assert _names(quiz, "-submitted") == ["Zoë", "ali", "Student 2", "Émile", "student 10", "Bea"]


def test_a_header_link_sorts_its_usual_way_then_flips() -> None:
    default = StudentOrder.parse(None)
    assert default.link("name") == "name" and default.link("score") == "score"
    assert default.link("submitted") == "-submitted"
    by_score = StudentOrder.parse("score")
    assert by_score.descending and by_score.aria_sort("score") == "descending"
    assert by_score.link("score") == "-score" and by_score.aria_sort("name") is None
    assert StudentOrder.parse("-score").link("score") == "score"
