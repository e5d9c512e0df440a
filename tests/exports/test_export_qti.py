"""QTI 2.1 package: well-formed XML, a manifest listing every item, answers in correctResponse."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from quizapp.exports import export

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


@pytest.fixture
def package(document) -> dict[str, ET.Element]:
    """Every XML file of the package, parsed (parsing fails on any malformed file)."""
    archive = zipfile.ZipFile(io.BytesIO(export(document, "qti").data))
    return {name: ET.fromstring(archive.read(name)) for name in archive.namelist()}


def _items(package: dict[str, ET.Element]) -> list[ET.Element]:
    return [root for name, root in sorted(package.items()) if name.startswith("items/")]


def test_manifest_lists_every_item_file_and_the_test(document, package):
    manifest = package["imsmanifest.xml"]
    assert manifest.tag == f"{CP}manifest"
    hrefs = {r.get("href") for r in manifest.iter(f"{CP}resource")}
    item_files = {name for name in package if name.startswith("items/")}
    assert len(item_files) == len(document["questions"])
    assert hrefs == item_files | {"assessment.xml"}
    types = {r.get("href"): r.get("type") for r in manifest.iter(f"{CP}resource")}
    assert all(types[f] == "imsqti_item_xmlv2p1" for f in item_files)
    test_resource = next(
        r for r in manifest.iter(f"{CP}resource") if r.get("href") == "assessment.xml"
    )
    dependencies = {d.get("identifierref") for d in test_resource.iter(f"{CP}dependency")}
    resource_ids = {r.get("identifier") for r in manifest.iter(f"{CP}resource")}
    assert dependencies <= resource_ids and len(dependencies) == len(item_files)


def test_identifiers_are_valid_and_consistent(document, package):
    refs = [r.get("identifier") for r in package["assessment.xml"].iter(f"{QTI}assessmentItemRef")]
    idents = []
    for name, root in sorted(package.items()):
        if not name.startswith("items/"):
            continue
        assert root.tag == f"{QTI}assessmentItem"
        assert name == f"items/{root.get('identifier')}.xml"
        idents.append(root.get("identifier"))
        for element in root.iter():
            for attr in ("identifier", "responseIdentifier", "outcomeIdentifier"):
                if element.get(attr):
                    assert IDENTIFIER.fullmatch(element.get(attr)), element.get(attr)
    assert sorted(refs) == sorted(idents)
    assert refs == [item["id"] for item in document["questions"]]


def _by_ident(package: dict[str, ET.Element]) -> dict[str, ET.Element]:
    return {root.get("identifier"): root for root in _items(package)}


def _correct(root: ET.Element) -> list[str]:
    return [v.text for v in root.iter(f"{QTI}correctResponse") for v in v.iter(f"{QTI}value")]


def _choices(root: ET.Element) -> dict[str, str]:
    return {c.get("identifier"): c.text for c in root.iter(f"{QTI}simpleChoice")}


def test_correct_response_matches_every_answer(document, package):
    items = _by_ident(package)
    for item in document["questions"]:
        root = items[item["id"]]
        correct = _correct(root)
        kind = item["kind"]
        if kind in ("multiple_choice", "true_false"):
            assert [_choices(root)[c] for c in correct] == [item["answer"]]
            if kind == "multiple_choice":
                assert list(_choices(root).values()) == item["options"]
        elif kind in ("fill_in", "short_answer"):
            # One correct value for a single-cardinality response (TAO refuses more); the
            # mapping, which scores it, holds every accepted answer.
            everything = list(dict.fromkeys([item["answer"], *item["accepted"]]))
            assert correct == [item["answer"]]
            keys = [e.get("mapKey") for e in root.iter(f"{QTI}mapEntry")]
            assert keys == everything
        elif kind == "numeric":
            assert float(correct[0]) == item["value"]
            bounds = [
                next(root.iter(f"{QTI}{op}")).find(f"{QTI}baseValue").text for op in ("gte", "lte")
            ]
            assert bounds == ["1350", "1370"]
            declaration = next(root.iter(f"{QTI}responseDeclaration"))
            assert declaration.get("baseType") == "float"
        elif kind == "matching":
            sets = list(root.iter(f"{QTI}simpleMatchSet"))
            left = {c.get("identifier"): c.text for c in sets[0]}
            right = {c.get("identifier"): c.text for c in sets[1]}
            pairs = [[left[v.split()[0]], right[v.split()[1]]] for v in correct]
            assert pairs == item["pairs"]


def test_interactions_feedback_and_processing(document, package):
    items = _by_ident(package)
    expected = {
        "multiple_choice": "choiceInteraction",
        "true_false": "choiceInteraction",
        "fill_in": "textEntryInteraction",
        "short_answer": "textEntryInteraction",
        "numeric": "textEntryInteraction",
        "matching": "matchInteraction",
    }
    for item in document["questions"]:
        root = items[item["id"]]
        assert next(root.iter(f"{QTI}{expected[item['kind']]}"), None) is not None
        # Own rules only: a player following a named template would drop tolerance and feedback.
        processing = root.find(f"{QTI}responseProcessing")
        assert processing.get("template") is None and len(processing)
        modal = root.find(f"{QTI}modalFeedback")
        assert item["source"]["quote"] in "".join(modal.itertext())
        # Canvas classic imports feedback whose identifier has "general_" as the comment.
        assert "general_" in modal.get("identifier")
        set_feedback = [
            e.find(f"{QTI}baseValue").text
            for e in processing.iter(f"{QTI}setOutcomeValue")
            if e.get("identifier") == "FEEDBACK"
        ]
        assert set_feedback == [modal.get("identifier")]
        # Points as Canvas New Quizzes reads them.
        outcomes = {o.get("identifier"): o for o in root.iter(f"{QTI}outcomeDeclaration")}
        points = str(len(item["pairs"])) if item["kind"] == "matching" else "1"
        assert outcomes["SCORE"].get("normalMaximum") == points
        assert outcomes["MAXSCORE"].find(f"{QTI}defaultValue/{QTI}value").text == points
        # Hostile markup is text content, never elements.
        tags = {element.tag for element in root.iter()}
        assert f"{QTI}script" not in tags and f"{QTI}img" not in tags and f"{QTI}i" not in tags
    # The blank stays visible as text: Canvas New Quizzes strips interaction elements from the
    # question text, so the sentence must carry it, the box coming on its own line.
    fill = items["q3"]
    sentence = next(fill.iter(f"{QTI}p"))
    assert sentence.text == document["questions"][2]["prompt"]
    assert "open in _____ – two years" in sentence.text
    assert sentence.find(f"{QTI}textEntryInteraction") is None
    assert next(fill.iter(f"{QTI}textEntryInteraction")) is not None


def test_item_titles_are_the_first_words_of_the_stem(package):
    titles = {root.get("identifier"): root.get("title") for root in _items(package)}
    assert titles["q3"] == "Mayor Zoë Müller said the project would open …"
    assert titles["q6"].startswith("How many km of cable")


def test_canvas_flavour_lists_every_accepted_answer_as_correct(document):
    """Canvas (classic and New Quizzes) reads only correctResponse values."""
    archive = zipfile.ZipFile(io.BytesIO(export(document, "qti-canvas").data))
    roots = {
        name: ET.fromstring(archive.read(name))
        for name in archive.namelist()
        if name.startswith("items/")
    }
    for item in document["questions"]:
        root = roots[f"items/{item['id']}.xml"]
        if item["kind"] in ("fill_in", "short_answer"):
            everything = list(dict.fromkeys([item["answer"], *item["accepted"]]))
            assert _correct(root) == everything
            assert [e.get("mapKey") for e in root.iter(f"{QTI}mapEntry")] == everything
    assert export(document, "qti-canvas").filename.endswith(".canvas.qti.zip")
