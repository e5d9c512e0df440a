"""Results: per student, per question, and the CSV download's content."""

from __future__ import annotations

import csv
import io

import pytest

from quizapp.services.results import quiz_results, results_csv, safe_cell
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


def test_csv_has_bom_rows_per_student_and_defused_formulas() -> None:
    quiz = _class_quiz()
    text = results_csv(quiz)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:4] == ["Student", "Score", "Out of", "Percent"]
    assert rows[0][-3:] == ["Q1", "Q2", "Q3"]
    names = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("x")' in names
    ada = next(row for row in rows if row[0] == "Ada")
    assert ada[1:4] == ["3", "3", "100"]
    assert ada[6] == "240"
    assert ada[-3:] == ["1", "1", "1"]
    cy = next(row for row in rows if row[0] == "Cy")
    assert cy[5] == "" and cy[-3:] == ["0", "", ""]


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
