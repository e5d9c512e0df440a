"""A teacher's own explanation of an item reaches every LMS export beside the quoted sentence
(it used to reach only the PDF key: the others printed the quote instead of it)."""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

import pytest

from quizapp.exports import export
from quizapp.exports.base import teacher_note
from tests.exports.test_export_gift_parsers import pegjs_parse  # noqa: F401 (a fixture)
from tests.exports.test_export_qti_schema import _assert_valid, _schema

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
NOTE = "Twice the 2003 figure: {see} ~ #3 = <b>bold</b> & more."


@pytest.fixture
def noted(document: dict[str, Any]) -> dict[str, Any]:
    """The hand-built set with a teacher's explanation on its first item."""
    document["questions"][0]["explanation"] = NOTE
    return document


def test_only_a_teachers_own_explanation_is_a_note(document: dict[str, Any]) -> None:
    generated = document["questions"][0]
    assert teacher_note(generated) == ""  # "The article says: “...”" repeats the quote
    assert teacher_note({**generated, "explanation": NOTE}) == NOTE
    # A remark added to the generated explanation is the teacher's too.
    added = generated["explanation"] + " Mind the currency."
    assert teacher_note({**generated, "explanation": added}) == added
    # An item the teacher wrote from scratch has no quote: its explanation is the note.
    assert teacher_note({"kind": "short_answer", "explanation": "Because."}) == "Because."


def test_moodle_general_feedback_has_the_note_and_the_quote(noted: dict[str, Any]) -> None:
    root = ET.fromstring(export(noted, "moodle-xml").data)
    first = next(q for q in root.findall("question") if q.get("type") != "category")
    feedback = html.unescape(first.findtext("generalfeedback/text") or "")
    source = noted["questions"][0]["source"]
    assert feedback == f"{NOTE} {source['quote']} (¶{source['paragraph']})"
    assert "<b>" not in (first.findtext("generalfeedback/text") or "")


def test_gift_feedback_has_the_note_and_the_quote(noted: dict[str, Any]) -> None:
    block = export(noted, "gift").data.decode("utf-8").split("\n\n")[1]
    feedback = block.split("####", 1)[1].rsplit("}", 1)[0]
    # Moodle undoes GIFT's backslash escapes, then shows the [html] text.
    shown = html.unescape(re.sub(r"\\(.)", r"\1", feedback)).strip()
    assert shown.startswith(NOTE + " ")
    assert noted["questions"][0]["source"]["quote"] in shown


def test_gift_pegjs_reads_the_note_as_the_general_feedback(
    noted: dict[str, Any],
    pegjs_parse: Any,  # noqa: F811 (the imported fixture)
) -> None:
    first = pegjs_parse(export(noted, "gift").data.decode("utf-8"))[0]
    feedback = html.unescape(first["globalFeedback"]["text"])
    assert feedback.startswith(NOTE + " ")
    assert noted["questions"][0]["source"]["quote"] in feedback


@pytest.mark.parametrize("fmt", ["qti", "qti-canvas"])
def test_qti_feedback_has_the_note_and_stays_valid(noted: dict[str, Any], fmt: str) -> None:
    archive = zipfile.ZipFile(io.BytesIO(export(noted, fmt).data))
    name = next(n for n in sorted(archive.namelist()) if n.startswith("items/"))
    data = archive.read(name)
    modal = ET.fromstring(data).find(f"{QTI}modalFeedback")
    assert modal is not None
    paragraphs = ["".join(p.itertext()) for p in modal.findall(f"{QTI}p")]
    assert paragraphs[0] == NOTE
    assert noted["questions"][0]["source"]["quote"] in paragraphs[1]
    _assert_valid(_schema("qtiv2p1/imsqti_v2p1.xsd"), name, data)


def test_anki_back_has_the_note(noted: dict[str, Any], tmp_path: Any) -> None:
    collection_module = pytest.importorskip("anki.collection", reason="anki is not installed")
    path = tmp_path / "deck.apkg"
    path.write_bytes(export(noted, "anki").data)
    collection = collection_module.Collection(str(tmp_path / "collection.anki2"))
    try:
        request = collection_module.ImportAnkiPackageRequest(
            package_path=str(path), options=collection_module.ImportAnkiPackageOptions()
        )
        collection.import_anki_package(request)
        backs = [collection.get_note(nid)["Back"] for nid in collection.find_notes("")]
    finally:
        collection.close()
    assert sum(html.escape(NOTE, quote=False) in back for back in backs) == 1
