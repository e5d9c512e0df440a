"""The web marker and the LMS exports accept the same forms of a name: what the item's
accepted list holds; a person whose surname another person shares is not typed at all."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizapp.exports import export
from quizapp.nlp import generate
from quizapp.services.scoring import score_item
from tests.web.test_marking_accepted_names import ROWING


def _moodle_answers(document: dict) -> dict[str, set[str]]:
    """Per question name, the texts Moodle's shortanswer marks right (usecase 0: any case)."""
    root = ET.fromstring(export(document, "moodle-xml").data)
    out = {}
    for question in root.findall("question"):
        if question.get("type") != "shortanswer":
            continue
        idnumber = question.findtext("idnumber") or ""
        right = {
            (a.findtext("text") or "").casefold()
            for a in question.findall("answer")
            if a.get("fraction") == "100"
        }
        out[idnumber] = right
    return out


def test_surnames_are_right_in_the_app_exactly_where_moodle_takes_them() -> None:
    document = generate(ROWING, max_items=20, kinds=["fill_in", "short_answer"]).to_dict()
    people = [q for q in document["questions"] if q["fact"]["type"] in ("person", "quote")]
    assert "Melissa Carrington" in {q["answer"] for q in people}
    assert not [q for q in people if q["answer"].endswith("Ashworth")]
    moodle = list(_moodle_answers(document).values())
    assert len(moodle) == len(document["questions"])
    by_answer = dict(zip((q["answer"] for q in document["questions"]), moodle, strict=True))
    for item in people:
        surname = item["answer"].split()[-1]
        in_app = score_item(item, surname).correct
        assert in_app is (surname.casefold() in by_answer[item["answer"]]), item["answer"]
