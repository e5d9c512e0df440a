"""Results: per student, per question, and the CSV download's content."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import pytest

from quizapp.services.results import (
    quiz_results,
    results_csv,
    results_long_csv,
    safe_cell,
    time_zone,
)
from tests.factories import make_attempt, make_quiz

pytestmark = pytest.mark.usefixtures("ctx")


def _class_quiz():
    quiz = make_quiz()
    mc, fill, tf = quiz.questions
    make_attempt(
        quiz, "Ada", {mc: ("4,200", True), fill: ("CAF", True), tf: ("False", True)}, minutes=4
    )
    make_attempt(
        quiz, "Bo", {mc: ("2,100", False), fill: ("Arts", False), tf: ("False", True)}, minutes=7.5
    )
    make_attempt(quiz, '=HYPERLINK("x")', {mc: ("2,100", False), fill: ("", False)})
    make_attempt(quiz, "Cy", {mc: ("6,300", False)}, submitted=False)
    return quiz


def test_per_student_and_per_question() -> None:
    quiz = _class_quiz()
    results = quiz_results(quiz)
    assert results.submitted == 3
    by_name = {s.name: s for s in results.students}
    assert by_name["Ada"].percent == 100
    assert by_name["Bo"].percent == 33
    assert by_name["Bo"].duration_text == "7 min 30 s"
    assert by_name["Cy"].submitted_at is None and by_name["Cy"].duration_text == "in progress"
    assert results.average_percent == round((100 + 100 / 3 + 0) / 3)
    mc, fill, tf = results.questions
    assert (mc.answered, mc.correct, mc.percent_correct) == (3, 1, 33)
    assert (mc.top_wrong, mc.top_wrong_count) == ("2,100", 2)  # the in-progress attempt is left out
    assert (fill.top_wrong, fill.top_wrong_count) == (
        "Arts",
        1,
    )  # blank answers are not "wrong options"
    assert tf.percent_correct == 100 and tf.top_wrong is None


def test_answered_counts_answers_not_submissions() -> None:
    """A student who left a question blank submitted, but did not answer it."""
    quiz = _class_quiz()
    _mc, fill, tf = quiz_results(quiz).questions
    assert (fill.answered, fill.correct, fill.percent_correct) == (2, 1, 50)
    assert tf.answered == 2  # the third student has no response row at all


def _rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_one_row_per_student_with_answer_result_and_points() -> None:
    """Per question: the answer given, right/wrong/blank, points; the header holds the question."""
    quiz = _class_quiz()
    mc, _fill, tf = quiz.questions
    rows = _rows(results_csv(quiz))
    assert rows[0][:4] == ["Student", "Score", "Out of", "Percent"]
    assert rows[0][7:10] == [f"Q1 answer: {mc.prompt}", "Q1 result", "Q1 points"]
    assert rows[0][-3] == f"Q3 answer: {tf.prompt}"
    names = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("x")' in names
    ada = next(row for row in rows if row[0] == "Ada")
    assert ada[1:4] == ["3", "3", "100"]
    assert ada[6] == "240"
    assert ada[7:10] == ["4,200", "right", "1"]
    bo = next(row for row in rows if row[0] == "Bo")
    assert bo[10:13] == ["Arts", "wrong", "0"]
    formula = next(row for row in rows if row[0].startswith("'="))
    assert formula[10:13] == ["", "blank", "0"]  # blank is not wrong
    assert formula[13:16] == ["", "blank", "0"]
    cy = next(row for row in rows if row[0] == "Cy")
    assert cy[5] == "" and cy[7:10] == ["6,300", "", ""]


def test_csv_times_in_the_teachers_time_zone() -> None:
    """Times are written in the zone asked for and the header says which."""
    quiz = _class_quiz()
    utc_rows = _rows(results_csv(quiz))
    vienna_rows = _rows(results_csv(quiz, time_zone("Europe/Vienna")))
    assert utc_rows[0][4:6] == ["Started (UTC)", "Submitted (UTC)"]
    assert vienna_rows[0][4:6] == ["Started (Europe/Vienna)", "Submitted (Europe/Vienna)"]
    ada_utc = next(row for row in utc_rows if row[0] == "Ada")
    ada_vienna = next(row for row in vienna_rows if row[0] == "Ada")
    # Vienna is an hour ahead of UTC in March.
    local_minus_utc = datetime.fromisoformat(ada_vienna[4]) - datetime.fromisoformat(ada_utc[4])
    assert local_minus_utc == timedelta(hours=1)
    assert time_zone("Not/AZone") is time_zone(None)


def test_long_csv_one_row_per_answer() -> None:
    """Submitted students x questions, with the question, the key and the result."""
    quiz = _class_quiz()
    rows = _rows(results_long_csv(quiz))
    assert rows[0][:4] == ["Student", "Attempt", "Question number", "Question"]
    assert len(rows) == 1 + 3 * 3  # the attempt in progress is left out
    bo_fill = next(row for row in rows if row[0] == "Bo" and row[2] == "2")
    assert bo_fill[5:8] == ["Arts", "wrong", "0"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44", "'+44"),
        ("-2", "'-2"),
        ("@SUM", "'@SUM"),
        ("Ada", "Ada"),
        (None, ""),
    ],
)
def test_safe_cell(value: str | None, expected: str) -> None:
    assert safe_cell(value) == expected
