"""Kahoot!, Quizizz and Blooket files read back as their importers read them: openpyxl for the
spreadsheets, the csv module for Blooket; template layout, limits, left-out items, formulas."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook

from quizapp.exports import export

# The vendors' template texts, written out here (not imported) so a change in the writer shows.
KAHOOT_HEADER = [
    None,
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]
QUIZIZZ_HEADER = [
    "Question Text",
    "Question Type",
    "Option 1",
    "Option 2",
    "Option 3",
    "Option 4",
    "Option 5",
    "Correct Answer",
    "Time in seconds",
    "Image Link",
    "Answer explanation",
]
BLOOKET_HEADER = [
    "Question #",
    "Question Text",
    "Answer 1",
    "Answer 2",
    "Answer 3 (Optional)",
    "Answer 4 (Optional)",
    "Time Limit (sec) (Max: 300 seconds)",
    "Correct Answer(s) (Only include Answer #)",
]
FORMULA_STARTS = ("=", "+", "-", "@")


def _sheet(data: bytes) -> list[list[Any]]:
    """The rows of the only sheet, as values (None for empty cells)."""
    workbook = load_workbook(io.BytesIO(data))
    assert len(workbook.sheetnames) == 1
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def _blooket(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def _set(*items: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema": "quizapp/question-set@1",
        "article": {"title": "Games"},
        "questions": list(items),
    }


def _mc(prompt: str, answer: str, options: list[str], **extra: Any) -> dict[str, Any]:
    item = {"id": "q", "kind": "multiple_choice", "prompt": prompt, "answer": answer}
    return {**item, "options": options, **extra}


def test_kahoot_fills_the_template_from_row_nine(document):
    result = export(document, "kahoot")
    assert result.filename.endswith("-kahoot.xlsx")
    rows = _sheet(result.data)
    workbook = load_workbook(io.BytesIO(result.data))
    assert workbook.active.title == "Sheet1"
    assert rows[7] == KAHOOT_HEADER  # row 8, as in Kahoot's own quiz template
    assert rows[1][1] == "Quiz template" and rows[2][1].startswith("Café Society")
    assert all(value is None for row in rows[:7] for value in row[2:])  # notes only in column B
    questions = rows[8:]
    # The multiple-choice and true/false items q1, q2, q4, q8, numbered again from 1.
    assert [row[0] for row in questions] == [1, 2, 3, 4]
    first = questions[0]
    assert first[1] == (
        "How much will Saint-Étienne spend {on} the library? <script>alert('x')</script>"
    )
    assert first[2:6] == ["£2 million", "£5 million", "£8 million", "£11 million"]
    assert first[6:] == [30, 2]
    true_false = questions[2]
    assert true_false[2:] == ["True", "False", None, None, 30, 1]
    assert questions[3][7] == 2  # q8 is false


def test_kahoot_names_every_item_it_leaves_out(document):
    result = export(document, "kahoot")
    assert result.warnings[0].startswith("Kahoot!: 4 of 8 questions exported, 4 left out (")
    assert "question 3: fill-in (takes only multiple-choice and true/false questions)" in (
        "\n".join(result.warnings)
    )
    for number in (5, 6, 7):
        assert any(line.strip().startswith(f"question {number}:") for line in result.warnings)


def test_kahoot_never_cuts_text_it_leaves_the_item_out():
    fits = "Q" * 119 + "?"
    too_long = "Q" * 120 + "?"
    long_answer = "A" * 76
    result = export(
        _set(
            _mc(fits, "yes", ["yes", "no"]),
            _mc(too_long, "yes", ["yes", "no"]),
            _mc("Which answer?", long_answer, [long_answer, "short"]),
            _mc("Long wrong option?", "right", ["right", "W" * 76, "wrong"]),
            _mc("Only long wrong options?", "right", ["right", "W" * 80]),
        ),
        "kahoot",
    )
    questions = _sheet(result.data)[8:]
    assert [row[1] for row in questions] == [fits, "Long wrong option?"]
    assert questions[1][2:4] == ["right", "wrong"] and questions[1][4:6] == [None, None]
    text = "\n".join(result.warnings)
    assert "question 2: question longer than 120 characters" in text
    assert "question 3: correct answer longer than 75 characters" in text
    assert "question 5: no wrong option of at most 75 characters" in text
    for row in questions:
        assert len(row[1]) <= 120 and all(len(a) <= 75 for a in row[2:6] if a)


def test_more_options_than_a_game_holds_drop_wrong_ones_never_the_key():
    options = ["w1", "w2", "w3", "w4", "w5", "key"]
    document = _set(_mc("Six options?", "key", options))
    kahoot = _sheet(export(document, "kahoot").data)[8]
    assert kahoot[2:8] == ["w1", "w2", "w3", "key", 30, 4]
    quizizz = _sheet(export(document, "quizizz").data)[2]
    assert quizizz[2:8] == ["w1", "w2", "w3", "w4", "key", 5]
    blooket = _blooket(export(document, "blooket").data)[2]
    assert blooket[2:] == ["w1", "w2", "w3", "key", "20", "4"]
    warnings = export(document, "blooket").warnings
    assert warnings == (
        "Blooket: 1 question(s) keep fewer wrong options (the correct answer is always kept).",
    )


def test_quizizz_header_instructions_then_questions(document):
    result = export(document, "quizizz")
    workbook = load_workbook(io.BytesIO(result.data))
    assert workbook.active.title == "Create a Quiz"
    rows = _sheet(result.data)
    assert rows[0] == QUIZIZZ_HEADER
    assert rows[1][0].startswith("Text of the question") and rows[1][7].startswith(
        "The correct option choice (between 1-5)."
    )
    questions = rows[2:]
    assert len(questions) == 4
    first = questions[0]
    assert first[1] == "Multiple Choice"
    assert first[2:7] == ["£2 million", "£5 million", "£8 million", "£11 million", None]
    assert first[7:10] == [2, 30, None]
    assert first[10].startswith("The article says: “The city council of Saint-Étienne")
    assert "Quizizz: 4 of 8 questions exported, 4 left out" in result.warnings[0]


def test_blooket_csv_title_row_header_crlf_no_bom(document):
    result = export(document, "blooket")
    assert result.filename.endswith("-blooket.csv") and result.mimetype == "text/csv"
    assert not result.data.startswith(b"\xef\xbb\xbf")
    assert result.data.startswith(b"Blooket Import Template,,,,,,,\r\n")
    lines = result.data.split(b"\r\n")
    assert lines[-1] == b"" and not any(b"\n" in line or b"\r" in line for line in lines)
    rows = _blooket(result.data)
    assert rows[0] == ["Blooket Import Template"] + [""] * 7
    assert rows[1] == BLOOKET_HEADER
    assert [row[0] for row in rows[2:]] == ["1", "2", "3", "4"]
    assert rows[2][2:] == ["£2 million", "£5 million", "£8 million", "£11 million", "20", "2"]
    assert rows[4][2:] == ["True", "False", "", "", "20", "1"]
    assert all(len(row) == 8 for row in rows)


@pytest.mark.parametrize("fmt", ["kahoot", "quizizz", "blooket"])
def test_no_cell_can_run_as_a_formula(document, fmt):
    hostile = _set(
        _mc("=1+1 is it?", "+2", ["+2", "-3", "@SUM(A1)", '=HYPERLINK("x")']),
        _mc("Plain numbers stay numbers: which?", "-5", ["-5", "7"]),
    )
    document["questions"] += hostile["questions"]
    data = export(document, fmt).data
    if fmt == "blooket":
        cells = [cell for row in _blooket(data) for cell in row]
    else:
        workbook = load_workbook(io.BytesIO(data))
        sheet = workbook.active
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
        cells = [cell for row in _sheet(data) for cell in row if isinstance(cell, str)]
    # Plain numbers ("-3", "+2") are numbers, not formulas, as in the CSV export.
    texts = [cell for cell in cells if cell and not re.fullmatch(r"[-+]?\d+(?:\.\d+)?", cell)]
    assert texts and not [cell for cell in texts if cell.startswith(FORMULA_STARTS)]
    assert "'@SUM(A1)" in cells and "-3" in cells
    assert "'=1+1 is it?" in cells and '\'=HYPERLINK("x")' in cells
    assert '\'=HYPERLINK("http://evil") The council voted on Monday.' in cells


@pytest.mark.parametrize("fmt", ["kahoot", "quizizz"])
def test_a_spreadsheet_carries_no_time_of_saving(document, fmt):
    """The same questions give the same bytes whenever exported: openpyxl's zip entry times
    and "modified" property (the time of saving, which made two exports a second apart
    differ) are fixed; the file still opens."""
    import zipfile

    data = export(document, fmt).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert re.findall(r"<dcterms:\w+[^>]*>([^<]*)<", core) == ["2024-01-01T00:00:00Z"] * 2
    assert load_workbook(io.BytesIO(data)).active.max_row > 1
