"""A typed answer the app accepts without its accents ("Zoe Muller" for "Zoë Müller") is
accepted by the LMS too: Moodle's short answer and QTI mappings compare letters exactly."""

from __future__ import annotations

import copy
import io
import xml.etree.ElementTree as ET
import zipfile

import pytest

from quizapp.exports import export
from quizapp.services.scoring import score_item
from tests.exports.test_export_cloze import TYPED
from tests.exports.test_export_moodle_typed_answers import (
    _gift_answers,
    _moodle_xml_answers,
    moodle_matches,
)

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
ACCENTED = ["Zoë Müller", "Mayor Müller", "Łódź"]
TYPED_BY_STUDENTS = ["Zoe Muller", "zoe muller", "Mayor Muller", "Łodz"]


@pytest.fixture
def accented(document):
    """The hand-built set whose short-answer item (q7) accepts accented names."""
    item = document["questions"][6]
    item["answer"], item["accepted"] = ACCENTED[0], ACCENTED
    return document


def test_the_app_accepts_the_unaccented_forms(accented):
    item = accented["questions"][6]
    for response in TYPED_BY_STUDENTS:
        assert score_item(item, response).correct, response


@pytest.mark.parametrize("read", [_moodle_xml_answers, _gift_answers], ids=["xml", "gift"])
def test_moodle_accepts_them_too(accented, read):
    answers = read(accented)
    assert answers[: len(ACCENTED)] == ACCENTED
    for response in [*ACCENTED, *TYPED_BY_STUDENTS]:
        assert any(moodle_matches(response, answer) for answer in answers), response
    assert not any(moodle_matches("Zoe Mueller", answer) for answer in answers)


@pytest.mark.parametrize("fmt", ["qti", "qti-canvas"])
def test_qti_maps_them_to_full_marks(accented, fmt):
    archive = zipfile.ZipFile(io.BytesIO(export(accented, fmt).data))
    root = ET.fromstring(archive.read("items/q7.xml"))
    keys = {e.get("mapKey").casefold() for e in root.iter(f"{QTI}mapEntry")}
    for response in [*ACCENTED, *TYPED_BY_STUDENTS]:
        assert response.casefold() in keys, response
    correct = [v.text for v in root.iter(f"{QTI}correctResponse") for v in v.iter(f"{QTI}value")]
    unaccented = ["Zoe Muller", "Mayor Muller", "Łodz"]  # "Ł" has no accent to take off
    assert correct == (["Zoë Müller"] if fmt == "qti" else [*ACCENTED, *unaccented])


def test_a_typed_passage_gap_lists_the_unaccented_form(document):
    passage = copy.deepcopy(TYPED)
    passage["blanks"][0]["accepted"] = ["Tuesday", "Mardi gras à Nîmes"]
    document["questions"] = [passage]
    text = ET.fromstring(export(document, "moodle-xml").data).findtext(
        "question[@type='cloze']/questiontext/text"
    )
    assert "=Mardi gras à Nîmes~=Mardi gras a Nimes}" in text
