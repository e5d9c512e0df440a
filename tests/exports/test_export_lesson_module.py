"""A lesson exported as a module: QTI tests with sections against the IMS schemas, and Moodle
XML read back the way Moodle's importer (question/format/xml/format.php) reads it."""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

import pytest
from lxml import etree

from quizapp.exports import export
from quizapp.exports.lesson_module import LESSON_FORMATS, export_lesson, module_sections
from tests.exports.conftest import S1, S2, S3, S4, S5
from tests.exports.test_export_qti_schema import _assert_valid, _schema

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
TITLE = "Café <b>Society</b>: “Zoë’s” plan"
SLASHED = "24/7 twins: Łódź and Kraków are twinned with Saint-Étienne."


@pytest.fixture
def lesson(document: dict[str, Any]) -> dict[str, Any]:
    """The hand-built set as a lesson: two sections with checks, one without, an end quiz."""
    document["lesson"] = {
        "sections": [
            {"paragraphs": [S1, S2], "items": ["q1", "q3"]},
            {"paragraphs": [S3, S4], "items": ["q6", "q7"]},
            {"paragraphs": [SLASHED, S5], "items": []},
        ],
        "final": ["q2", "q4", "q5", "q8"],
    }
    return document


def _zip(document: dict[str, Any], fmt: str) -> dict[str, bytes]:
    data = export_lesson(document, fmt, quiz_title=TITLE).data
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


# ---------------------------------------------------------------- QTI


@pytest.mark.parametrize("fmt", ["qti", "qti-canvas"])
def test_every_file_validates_against_qti_and_content_packaging_schemas(lesson, fmt):
    qti, cp = _schema("qtiv2p1/imsqti_v2p1.xsd"), _schema("imscp_v1p1.xsd")
    for name, data in _zip(lesson, fmt).items():
        _assert_valid(cp if name == "imsmanifest.xml" else qti, f"{fmt}:{name}", data)


def _sections(files: dict[str, bytes]) -> list[etree._Element]:
    test = etree.fromstring(files["assessment.xml"])
    return list(test.iter(f"{QTI}assessmentSection"))


def test_the_test_has_a_section_per_lesson_section_with_its_text_as_rubric_then_the_end_quiz(
    lesson,
):
    files = _zip(lesson, "qti")
    sections = _sections(files)
    assert [s.get("title") for s in sections] == [
        "Section 1: The city council of Saint-Étienne voted on Tuesday …",
        "Section 2: About 1,360 km of cable = enough to …",
        "Section 3: 24/7 twins: Łódź and Kraków are twinned with …",
        "End-of-lesson quiz",
    ]
    refs = [[r.get("identifier") for r in s.iter(f"{QTI}assessmentItemRef")] for s in sections]
    # The section without checks keeps its text as a reading item, or a player would skip it.
    assert refs == [["q1", "q3"], ["q6", "q7"], ["READ_3"], ["q2", "q4", "q5", "q8"]]
    rubrics = [s.find(f"{QTI}rubricBlock") for s in sections]
    assert [r.get("view") for r in rubrics[:3]] == ["candidate"] * 3
    assert [p.text for p in rubrics[1].iter(f"{QTI}p")] == [S3, S4]  # <script> stays text
    assert rubrics[3] is None  # the end quiz mixes sections: no reading of its own
    # Every reference resolves to a file of the package, listed in the manifest.
    manifest = etree.fromstring(files["imsmanifest.xml"])
    listed = {f.get("href") for f in manifest.iter(f"{CP}file")}
    for section in sections:
        for ref in section.iter(f"{QTI}assessmentItemRef"):
            assert ref.get("href") in files and ref.get("href") in listed


def test_items_are_the_quiz_exporters_own(lesson):
    """A check item of the lesson is byte for byte the same item as in the quiz's package."""
    quiz_files = zipfile.ZipFile(io.BytesIO(export(lesson, "qti", quiz_title=TITLE).data))
    lesson_files = _zip(lesson, "qti")
    for item in lesson["questions"]:
        name = f"items/{item['id']}.xml"
        assert lesson_files[name] == quiz_files.read(name)


def test_canvas_flavour_opens_every_section_with_its_reading_item(lesson):
    files = _zip(lesson, "qti-canvas")
    sections = _sections(files)
    firsts = [next(s.iter(f"{QTI}assessmentItemRef")).get("identifier") for s in sections]
    assert firsts == ["READ_1", "READ_2", "READ_3", "q2"]
    reading = etree.fromstring(files["items/READ_2.xml"])
    body = reading.find(f"{QTI}itemBody")
    assert body.findtext(f"{QTI}h2") == "Section 2: About 1,360 km of cable = enough to …"
    assert [p.text for p in body.iter(f"{QTI}p")] == [S3, S4]
    # Nothing to answer: no response, no interaction.
    assert reading.find(f"{QTI}responseDeclaration") is None
    assert not [e for e in reading.iter() if str(e.tag).endswith("Interaction")]


def _canvas_import(files: dict[str, bytes]) -> list[tuple[str, str]]:
    """The quiz Canvas builds from the package, read as its qti_exporter plugin reads it:
    AssessmentTestConverter walks the sections (a visible section's title becomes a
    text-only question) and their item refs; an item's type is the manifest's
    ``interactionType`` (in the QTI 2.1 namespace) or else QuestionTypeEducatedGuesser's
    pick from the interactions in the item, and an item with neither fails to import."""
    manifest = etree.fromstring(files["imsmanifest.xml"])
    named = {}
    for resource in manifest.iter(f"{CP}resource"):
        kind = resource.find(f".//{QTI}interactionType")
        named[resource.get("href")] = kind.text if kind is not None else None
    guesses = ("choiceInteraction", "extendedTextInteraction", "textEntryInteraction")
    guesses += ("matchInteraction",)
    imported = []
    test = etree.fromstring(files["assessment.xml"])
    for section in test.iter(f"{QTI}assessmentSection"):
        if section.get("visible") == "true" and section.get("title"):
            imported.append(("text_only_question", section.get("title")))
        for ref in section.iter(f"{QTI}assessmentItemRef"):
            item = etree.fromstring(files[ref.get("href")])
            kind = named[ref.get("href")] or next(
                (g for g in guesses if item.find(f".//{QTI}{g}") is not None), "Error"
            )
            if kind == "text_only_question":
                # question_text: the itemBody's <p>s (and <div>s), joined by <br/>.
                body = item.find(f"{QTI}itemBody")
                imported.append((kind, "\n".join(p.text for p in body.findall(f"{QTI}p"))))
            else:
                imported.append((kind, item.get("identifier")))
    return imported


def test_canvas_imports_section_headings_readings_and_checks_in_order(lesson):
    imported = _canvas_import(_zip(lesson, "qti-canvas"))
    assert imported[:5] == [
        ("text_only_question", "Section 1: The city council of Saint-Étienne voted on Tuesday …"),
        ("text_only_question", f"{S1}\n{S2}"),
        ("choiceInteraction", "q1"),
        ("textEntryInteraction", "q3"),
        ("text_only_question", "Section 2: About 1,360 km of cable = enough to …"),
    ]
    assert ("text_only_question", f"{SLASHED}\n{S5}") in imported
    assert "Error" not in [kind for kind, _ in imported]
    # Without the manifest's word, Canvas could not type a reading item: the qti flavour,
    # for other players, keeps its manifest plain and uses the reading item only where a
    # section has no checks.
    plain = _canvas_import(_zip(lesson, "qti"))
    assert ("Error", "READ_3") in plain


def test_generated_lesson_of_every_sample_validates():
    """Real generator output split into sections, every sample, both flavours."""
    from quizapp.nlp import generate, read_document
    from quizapp.paths import SAMPLES_DIR

    qti, cp = _schema("qtiv2p1/imsqti_v2p1.xsd"), _schema("imscp_v1p1.xsd")
    for sample in sorted(SAMPLES_DIR.glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        document = generate(text, max_items=20).to_dict()
        paragraphs = [text[a:b] for a, b in read_document(text).paragraphs]
        ids = [item["id"] for item in document["questions"]]
        document["lesson"] = {
            "sections": [
                {"paragraphs": paragraphs[:2], "items": ids[:2]},
                {"paragraphs": paragraphs[2:], "items": ids[2:4]},
            ],
            "final": ids[4:],
        }
        for fmt in ("qti", "qti-canvas"):
            for name, data in _zip(document, fmt).items():
                schema = cp if name == "imsmanifest.xml" else qti
                _assert_valid(schema, f"{sample.name}:{fmt}:{name}", data)


# ---------------------------------------------------------------- Moodle


def _moodle_split_category_path(path: str) -> list[str]:
    """qformat_default::split_category_path: split on single "/", "//" is a literal slash."""
    return [name.replace("//", "/").strip() for name in re.split(r"(?<!/)/(?!/)", path)]


def _moodle_import(data: bytes) -> list[dict[str, Any]]:
    """The questions as qformat_xml::readquestions returns them, each with the category the
    import puts it in (the path of the last category question before it)."""
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    imported, category = [], None
    for question in root.findall("question"):
        qtype = question.get("type")
        if qtype == "category":
            # import_category: category/text, trimmed.
            category = _moodle_split_category_path(question.findtext("category/text").strip())
            continue
        imported.append(
            {
                "category": category,
                "qtype": qtype,
                "name": question.findtext("name/text", "").strip(),
                "questiontext": question.findtext("questiontext/text", "").strip(),
                "format": question.find("questiontext").get("format"),
                # import_description sets defaultmark 0 whatever the file says.
                "defaultmark": 0 if qtype == "description" else question.findtext("defaultgrade"),
                "idnumber": question.findtext("idnumber"),
                "element": question,
            }
        )
    return imported


def test_moodle_puts_each_section_in_its_own_category_with_the_text_first(lesson):
    imported = _moodle_import(export_lesson(lesson, "moodle-xml", quiz_title=TITLE).data)
    layout = [(q["category"][3], q["qtype"], q["name"]) for q in imported]
    top = {tuple(q["category"][:3]) for q in imported}
    assert top == {("$course$", "top", TITLE)}
    first, second, third = (
        "Section 1: The city council of Saint-Étienne voted on Tuesday …",
        "Section 2: About 1,360 km of cable = enough to …",
        # The slash of "24/7" survives Moodle's path split: one category, not two.
        "Section 3: 24/7 twins: Łódź and Kraków are twinned with …",
    )
    assert [(c, t) for c, t, _ in layout] == [
        (first, "description"),
        (first, "multichoice"),
        (first, "shortanswer"),
        (second, "description"),
        (second, "numerical"),
        (second, "shortanswer"),
        (third, "description"),
        *[("End-of-lesson quiz", t) for t in ("multichoice", "truefalse", "matching", "truefalse")],
    ]
    assert all(len(q["category"]) == 4 for q in imported)
    description = imported[3]
    assert description["name"] == second and description["defaultmark"] == 0
    assert description["format"] == "html"
    # The reading shows as written: Moodle renders the HTML, whose text is the paragraphs.
    shown = re.findall(r"<p>(.*?)</p>", description["questiontext"])
    assert [html.unescape(p) for p in shown] == [S3, S4]
    assert "<script>" not in description["questiontext"]


def test_moodle_questions_are_the_quiz_exporters_own_and_id_numbers_unique(lesson):
    identity = {"set_identity": "quiz-7-1700000000"}
    lesson_data = export_lesson(lesson, "moodle-xml", quiz_title=TITLE, **identity).data
    quiz_data = export(lesson, "moodle-xml", quiz_title=TITLE, **identity).data
    imported = _moodle_import(lesson_data)
    by_idnumber = {q["idnumber"]: q["element"] for q in _moodle_import(quiz_data)}
    checks = [q for q in imported if q["qtype"] != "description"]
    assert len(checks) == len(lesson["questions"])
    for question in checks:
        assert ET.tostring(question["element"]) == ET.tostring(by_idnumber[question["idnumber"]])
    idnumbers = [q["idnumber"] for q in imported]
    assert len(set(idnumbers)) == len(idnumbers)


# ---------------------------------------------------------------- bad input


def test_a_document_that_is_no_lesson_or_names_missing_items_is_refused(document):
    with pytest.raises(ValueError, match="not a lesson"):
        module_sections(document)
    document["lesson"] = {"sections": [{"paragraphs": ["x"], "items": ["q1", "q99"]}]}
    with pytest.raises(ValueError, match="does not hold: q99"):
        export_lesson(document, "qti")
    with pytest.raises(ValueError, match="exports as qti, qti-canvas, moodle-xml, not 'gift'"):
        export_lesson(document, "gift")
    assert LESSON_FORMATS == ("qti", "qti-canvas", "moodle-xml")
