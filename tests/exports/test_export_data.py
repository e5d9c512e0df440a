"""CSV, JSON and Anki exports: what a spreadsheet, a script and Anki get back."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile

from quizapp.exports import export
from quizapp.exports.anki import MODEL_NAME, stable_id
from quizapp.exports.csv_format import HEADER, safe_cell


def _rows(document: dict) -> list[dict[str, str]]:
    data = export(document, "csv").data
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_has_one_row_per_item_with_options_in_columns(document):
    rows = _rows(document)
    assert len(rows) == len(document["questions"])
    assert list(rows[0]) == HEADER
    first = rows[0]
    assert [first[f"option_{n}"] for n in range(1, 6)] == [*document["questions"][0]["options"], ""]
    assert first["answer"] == "£5 million"
    assert rows[2]["accepted"] == "2026 | in 2026"
    assert rows[4]["answer"].startswith("Łódź -> Saint-Étienne | ")
    assert rows[5]["value"] == "1360" and rows[5]["tolerance"] == "10" and rows[5]["unit"] == "km"
    assert rows[0]["quote"] == document["questions"][0]["source"]["quote"]
    assert rows[0]["paragraph"] == "1" and rows[0]["fact_type"] == "other"


def test_csv_cells_cannot_run_as_formulas(document):
    rows = _rows(document)
    assert rows[7]["prompt"].startswith("'=HYPERLINK")
    assert rows[6]["accepted"] == "€2.5 million | 2.5 million euros | =2.5M"
    assert safe_cell("=2.5M") == "'=2.5M"
    assert safe_cell("  @SUM(A1)") == "'  @SUM(A1)"
    assert safe_cell("-12.5") == "-12.5"
    assert safe_cell("+x") == "'+x"


def test_json_is_the_document_as_given(document):
    result = export(document, "json")
    assert result.mimetype == "application/json"
    assert json.loads(result.data) == document
    assert "Zoë" in result.data.decode("utf-8")  # UTF-8, not \u escapes
    assert export(document, "json").data == result.data


def test_anki_deck_has_one_note_per_item_with_escaped_html(document, tmp_path):
    result = export(document, "anki", quiz_title="Café quiz")
    assert result.filename.endswith(".apkg")
    archive = zipfile.ZipFile(io.BytesIO(result.data))
    path = tmp_path / "collection.anki2"
    path.write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(path)
    try:
        notes = [row[0].split("\x1f") for row in conn.execute("select flds from notes order by id")]
        models = conn.execute("select models from col").fetchone()[0]
    finally:
        conn.close()
    assert len(notes) == len(document["questions"])
    front, back, _ = notes[0]
    assert "&lt;script&gt;" in front and "<script>" not in front
    assert "£8 million" in front
    assert "B. £5 million" in back and "<b>£5 million</b>" in back and "¶1" in back
    assert str(stable_id(MODEL_NAME, "model")) in models


def test_anki_ids_are_stable_per_title():
    assert stable_id("A", "deck") == stable_id("A", "deck")
    assert stable_id("A", "deck") != stable_id("B", "deck")
    assert 1 << 30 <= stable_id("A", "model") < 1 << 31
