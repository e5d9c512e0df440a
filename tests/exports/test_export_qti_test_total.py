"""The standard QTI test scores the sum of its items (TAO's engine, qti-sdk, ran the package
with every item right and had no test score to report before); the Canvas flavour is as Canvas
was tested with."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

import pytest

from quizapp.exports import export
from quizapp.exports.lesson_module import export_lesson
from tests.exports.test_export_lesson_module import lesson as lesson  # a fixture
from tests.exports.test_export_qti_schema import _assert_valid, _schema

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
# The hand-built set's marks: seven one-mark items and a matching item of three pairs.
MARKS = 10


def _files(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def _item_default(files: dict[str, bytes], href: str, name: str) -> float | None:
    """An item outcome's default value (SCORE starts at 0, MAXSCORE is the item's marks)."""
    item = ET.fromstring(files[href])
    value = item.find(f"{QTI}outcomeDeclaration[@identifier='{name}']/{QTI}defaultValue/{QTI}value")
    return None if value is None else float(value.text)


def _test_total(files: dict[str, bytes], name: str) -> float:
    """The test outcome as a QTI engine computes it from our outcomeProcessing: the sum of the
    testVariables of that name, read from each referenced item (items lacking it add nothing)."""
    test = ET.fromstring(files["assessment.xml"])
    declared = test.find(f"{QTI}outcomeDeclaration[@identifier='{name}']")
    assert declared is not None and declared.get("baseType") == "float"
    setter = test.find(f"{QTI}outcomeProcessing/{QTI}setOutcomeValue[@identifier='{name}']")
    assert setter is not None
    variables = setter.find(f"{QTI}sum/{QTI}testVariables")
    assert variables is not None and variables.get("variableIdentifier") == name
    refs = [ref.get("href") for ref in test.iter(f"{QTI}assessmentItemRef")]
    return sum(_item_default(files, href, name) or 0 for href in refs)


def test_the_quiz_test_totals_its_items_marks(document):
    files = _files(export(document, "qti").data)
    assert _test_total(files, "MAXSCORE") == MARKS
    _assert_valid(_schema("qtiv2p1/imsqti_v2p1.xsd"), "assessment.xml", files["assessment.xml"])


def test_the_lesson_test_totals_its_checks_and_skips_reading_items(lesson):
    files = _files(export_lesson(lesson, "qti").data)
    assert any(name.startswith("items/READ_") for name in files)
    assert _test_total(files, "MAXSCORE") == MARKS
    _assert_valid(_schema("qtiv2p1/imsqti_v2p1.xsd"), "assessment.xml", files["assessment.xml"])


@pytest.mark.parametrize("make", [export, export_lesson], ids=["quiz", "lesson"])
def test_the_canvas_test_declares_no_outcomes(lesson, make):
    test = ET.fromstring(_files(make(lesson, "qti-canvas").data)["assessment.xml"])
    assert test.find(f"{QTI}outcomeDeclaration") is None
    assert test.find(f"{QTI}outcomeProcessing") is None
