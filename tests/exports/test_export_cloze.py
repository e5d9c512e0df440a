"""Cloze passages in every export, read back by the consumers the other export tests use."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

import pypdf
import pytest
from lxml import etree

from quizapp.exports import export
from tests.exports.conftest import ARTICLE, S1, S2, S4, S5
from tests.exports.test_export_anki import Anki
from tests.exports.test_export_gift_parsers import pegjs_parse  # noqa: F401 (a fixture)
from tests.exports.test_export_qti_schema import _assert_valid, _schema
from tests.factories import cloze_item

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"

# A word-bank passage over two sentences of one paragraph, and a typed one with GIFT's and
# Moodle's markup characters ({ } # ~ =) in the passage and the answers.
BANKED = cloze_item(
    text=ARTICLE,
    sentences=f"{S4}\n{S5}",
    gaps=(
        ("45,000", ("45,000", "45000"), "quantity"),
        ("€2.5 million", ("€2.5 million",), "quantity"),
        ("Nîmes", ("Nîmes", "Nimes"), "place"),
    ),
    distractors=("Łódź ~ {x}", "#1 = 60,000"),
    item_id="c1",
)
TYPED = cloze_item(
    text=ARTICLE,
    sentences=f"{S1}\n{S2}",
    gaps=(
        ("Tuesday", ("Tuesday", "on Tuesday"), "date"),
        ("£5 million", ("£5 million", "5 million pounds", "£5m #1", "£5 {m}"), "quantity"),
        ("2026", ("2026", "in 2026", "~2026"), "date"),
    ),
    distractors=None,
    item_id="c2",
)


@pytest.fixture
def cloze_document() -> dict[str, Any]:
    """A question set holding the two passages."""
    return {
        "schema": "quizapp/question-set@1",
        "article": {"title": "Café Society", "sha256": "0" * 64, "published": "2024-03-12"},
        "questions": [json.loads(json.dumps(BANKED)), json.loads(json.dumps(TYPED))],
    }


def _passage_parts(item: dict[str, Any]) -> list[str]:
    return item["prompt"].split("_____")


# ---------------------------------------------------------------- Moodle XML


def _moodle(document: dict[str, Any]) -> list[ET.Element]:
    root = ET.fromstring(export(document, "moodle-xml").data)
    return [q for q in root.findall("question") if q.get("type") != "category"]


def test_moodle_gapselect_places_each_gap_on_its_bank_entry(cloze_document):
    """As qtype_gapselect imports it: [[n]] names the n-th selectoption, all in group 1."""
    question = _moodle(cloze_document)[0]
    assert question.get("type") == "gapselect"
    choices = [(o.findtext("text"), o.findtext("group")) for o in question.findall("selectoption")]
    assert choices == [(entry, "1") for entry in BANKED["bank"]]
    text = question.findtext("questiontext/text")
    places = [int(n) for n in re.findall(r"\[\[(\d+)\]\]", text)]
    assert [choices[n - 1][0] for n in places] == [b["answer"] for b in BANKED["blanks"]]
    shown = html.unescape(re.sub(r"\[\[\d+\]\]", "_____", text))
    assert shown == BANKED["prompt"]
    assert question.findtext("defaultgrade") == "3"


# Moodle's qtype_multianswer_extract_question regexes (question/type/multianswer/
# questiontype.php), SHORTANSWER only; Python needs the variable-width look-behind split up.
_ALTERNATIVE = (
    r"(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)?"
    r"(.+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$))"
    r"(#(.*?(?<!\\)(?=[~}]|$)))?"
)
_ANSWER = r"\{([0-9]*):(SHORTANSWER|SA|MW):(" + _ALTERNATIVE + r"(~" + _ALTERNATIVE + r")*)\}"


def _moodle_cloze_subquestions(text: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """(text with {#n} placeholders, [(mark, right answers)]) as Moodle's import reads them."""
    subquestions = []
    position = 1
    while match := re.search(_ANSWER, text, re.S):
        rest = match.group(3)
        answers = []
        while alt := re.match("~?" + _ALTERNATIVE, rest, re.S):
            if alt.group(1) == "=":
                answer = html.unescape(alt.group(3)).replace("\\}", "}").replace("\\#", "#")
                answers.append(answer)
            rest = rest[len(alt.group(0)) :]
        subquestions.append((match.group(1) or "1", answers))
        text = text.replace(match.group(0), f"{{#{position}}}", 1)
        position += 1
    return text, subquestions


def test_moodle_cloze_has_a_shortanswer_per_gap_with_every_variant(cloze_document):
    """As qtype_multianswer imports it: one SHORTANSWER worth 1 per gap, variants unescaped."""
    question = _moodle(cloze_document)[1]
    assert question.get("type") == "cloze"
    text, subquestions = _moodle_cloze_subquestions(question.findtext("questiontext/text"))
    assert len(subquestions) == 3 and all(mark == "1" for mark, _ in subquestions)
    # "~2026" has no escape Moodle's Cloze import undoes: it is left out, the others kept;
    # "*" is escaped for shortanswer matching, so the literal variants read back with it.
    expected = [
        ["Tuesday", "on Tuesday"],
        ["£5 million", "5 million pounds", "£5m #1", "£5 {m}"],
        ["2026", "in 2026"],
    ]
    assert [answers for _mark, answers in subquestions] == expected
    parts = _passage_parts(TYPED)
    assert html.unescape(text) == "".join(
        part + (f"{{#{n}}}" if n <= 3 else "") for n, part in enumerate(parts, 1)
    )


# ---------------------------------------------------------------- QTI 2.1


def _qti_items(document: dict[str, Any], fmt: str) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(export(document, fmt).data))
    return {n: archive.read(n) for n in archive.namelist() if n.startswith("items/")}


@pytest.mark.parametrize("fmt", ["qti", "qti-canvas"])
def test_qti_passages_validate_and_mark_each_gap(cloze_document, fmt):
    """One item per passage, valid against the IMS XSD, a response and a point per gap."""
    files = _qti_items(cloze_document, fmt)
    assert sorted(files) == ["items/c1.xml", "items/c2.xml"]
    schema = _schema("qtiv2p1/imsqti_v2p1.xsd")
    for name, data in files.items():
        _assert_valid(schema, name, data)
    banked = ET.fromstring(files["items/c1.xml"])
    if fmt == "qti-canvas":
        _assert_canvas_word_bank(banked)
    interactions = list(banked.iter(f"{QTI}inlineChoiceInteraction"))
    assert len(interactions) == (0 if fmt == "qti-canvas" else 3)
    for number, (interaction, blank) in enumerate(
        zip(interactions, BANKED["blanks"] if interactions else [], strict=True), 1
    ):
        assert interaction.get("responseIdentifier") == f"RESPONSE_{number}"
        labels = {c.get("identifier"): c.text for c in interaction}
        assert list(labels.values()) == BANKED["bank"]
        declaration = next(
            d
            for d in banked.iter(f"{QTI}responseDeclaration")
            if d.get("identifier") == f"RESPONSE_{number}"
        )
        correct = [v.text for v in declaration.iter(f"{QTI}value")]
        assert [labels[c] for c in correct] == [blank["answer"]]
    typed = ET.fromstring(files["items/c2.xml"])
    entries = list(typed.iter(f"{QTI}textEntryInteraction"))
    assert len(entries) == 3
    declarations = [
        d for d in typed.iter(f"{QTI}responseDeclaration") if d.get("baseType") == "string"
    ]
    for declaration, blank in zip(declarations, TYPED["blanks"], strict=True):
        keys = [e.get("mapKey") for e in declaration.iter(f"{QTI}mapEntry")]
        assert keys == blank["accepted"]
        correct = [v.text for v in declaration.find(f"{QTI}correctResponse")]
        # Canvas reads only correct values; the standard flavour keeps one (TAO refuses more).
        assert correct == (blank["accepted"] if fmt == "qti-canvas" else blank["accepted"][:1])
    for root in (banked, typed):
        outcomes = {o.get("identifier"): o for o in root.iter(f"{QTI}outcomeDeclaration")}
        assert outcomes["SCORE"].get("normalMaximum") == "3"
        assert outcomes["MAXSCORE"].find(f"{QTI}defaultValue/{QTI}value").text == "3"
        if root is banked and fmt == "qti-canvas":
            continue
        summed = [e.get("identifier") for e in root.iter(f"{QTI}mapResponse")]
        assert summed == ["RESPONSE_1", "RESPONSE_2", "RESPONSE_3"]
        # The passage reads in order with the interactions in place of the gaps.
        passage = root.find(f"{QTI}itemBody/{QTI}p")
        text = "".join(passage.itertext())
        assert "_____" not in text
        assert text.replace("\n", " ").startswith(
            _passage_parts(TYPED if root is typed else BANKED)[0].replace("\n", " ").strip()[:20]
        )
        assert "general_" in root.find(f"{QTI}modalFeedback").get("identifier")


def _assert_canvas_word_bank(root: ET.Element) -> None:
    """The word-bank passage as Canvas New Quizzes' importer (instructure/qti's
    GapMatchInteraction) reads it: gapText choices, a <gap> per blank in the passage's <p>,
    each gap's right choice from the correct "choice gap" pairs; a point per gap."""
    interaction = root.find(f"{QTI}itemBody/{QTI}gapMatchInteraction")
    choices = {c.get("identifier"): c.text for c in interaction.findall(f"{QTI}gapText")}
    assert list(choices.values()) == BANKED["bank"]
    passage = interaction.find(f"{QTI}p")
    assert [c.tag for c in passage] == [f"{QTI}gap"] * 3
    pairs = dict(reversed(v.text.split()) for v in root.iter(f"{QTI}value") if " " in v.text)
    blanks = [choices[pairs[gap.get("identifier")]] for gap in passage]
    assert blanks == [b["answer"] for b in BANKED["blanks"]]
    assert "".join(passage.itertext()) == "".join(_passage_parts(BANKED))
    declaration = root.find(f"{QTI}responseDeclaration")
    assert declaration.find(f"{QTI}mapping").get("upperBound") == "3"


@pytest.mark.parametrize("fmt", ["qti", "qti-canvas"])
def test_qti_manifest_still_validates_with_passages(cloze_document, fmt):
    archive = zipfile.ZipFile(io.BytesIO(export(cloze_document, fmt).data))
    _assert_valid(_schema("imscp_v1p1.xsd"), "imsmanifest.xml", archive.read("imsmanifest.xml"))
    tree = etree.fromstring(archive.read("assessment.xml"))
    assert len(tree.findall(f".//{QTI}assessmentItemRef")) == 2


# ---------------------------------------------------------------- GIFT


def _gift(document: dict[str, Any]) -> str:
    return export(document, "gift").data.decode("utf-8")


def test_gift_writes_a_question_per_gap_that_pygiftparser_reads(cloze_document):
    """GIFT has no multi-gap question: each gap is a question, the others numbered."""
    parser = pytest.importorskip("pygiftparser.parser", reason="pygiftparser is not installed")
    # pygiftparser cuts an option at an escaped "\}" (Moodle and gift-pegjs read it right, see
    # below), so for it the bank loses its "{x}" entry.
    banked = cloze_document["questions"][0]
    banked["bank"] = [e.replace(" ~ {x}", " ~ x") for e in banked["bank"]]
    questions = parser.parseFile(io.StringIO(_gift(cloze_document)))
    assert len(questions) == 6
    assert all(q.valid for q in questions)
    kinds = [type(q.answers).__name__ for q in questions]
    assert kinds == ["SelectSet"] * 3 + ["ShortSet"] * 3
    for question, blank in zip(questions[:3], BANKED["blanks"], strict=True):
        right = [html.unescape(a.answer) for a in question.answers.answers if a.fraction == 100]
        assert right == [blank["answer"]]
        assert len(question.answers.answers) == len(BANKED["bank"])
    for question, blank in zip(questions[3:], TYPED["blanks"], strict=True):
        # pygiftparser hands answers back still GIFT-escaped.
        typed = [re.sub(r"\\(.)", r"\1", a.answer) for a in question.answers.answers]
        assert typed == blank["accepted"]


def test_gift_passage_gaps_read_by_gift_pegjs(cloze_document, pegjs_parse):  # noqa: F811
    questions = pegjs_parse(_gift(cloze_document))
    assert [q["type"] for q in questions] == ["MC"] * 3 + ["Short"] * 3
    assert questions[0]["title"].endswith("(gap 1 of 3)")
    # The stem shows the other gaps by number around this gap's place.
    stem = html.unescape(questions[1]["stem"]["text"])
    assert "(1) ___" in stem and "(2) " in stem and "(3) ___" in stem
    right = [c for c in questions[1]["choices"] if c["isCorrect"]]
    assert [html.unescape(c["text"]["text"]) for c in right] == ["€2.5 million"]
    typed = [c["text"]["text"] for c in questions[4]["choices"]]
    assert typed == TYPED["blanks"][1]["accepted"]


# ---------------------------------------------------------------- Anki


def test_anki_imports_a_cloze_note_with_a_card_per_gap(cloze_document, tmp_path):
    """Anki's own Cloze note type: {{c1::..}} .. {{c3::..}}, three cards per passage."""
    pytest.importorskip("anki.collection", reason="the anki package is not installed")
    anki = Anki(tmp_path)
    try:
        assert anki.load(export(cloze_document, "anki").data)["new"] == 2
        notes = [anki.col.get_note(nid) for nid in anki.col.find_notes("")]
        assert {n.note_type()["type"] for n in notes} == {1}  # MODEL_CLOZE
        assert sorted(len(n.cards()) for n in notes) == [3, 3]
        banked = next(n for n in notes if "Word bank" in n["Text"])
        assert "{{c2::€2.5 million}}" in banked["Text"]
        assert "#1 = 60,000" in html.unescape(banked["Text"])
        # The quote on the back highlights every gap's answer, not only the first.
        assert {"<b>45,000</b>", "<b>€2.5 million</b>", "<b>Nîmes</b>"} <= set(
            re.findall(r"<b>[^<]*</b>", html.unescape(banked["Back Extra"]))
        )
        answers = [html.unescape(c.answer()) for c in banked.cards()]
        assert any("Nîmes" in a for a in answers)
    finally:
        anki.col.close()


# ---------------------------------------------------------------- CSV, JSON, PDF


def test_csv_and_json_keep_every_gap_and_the_bank(cloze_document):
    text = export(cloze_document, "csv").data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["answer"] == "(1) 45,000 | (2) €2.5 million | (3) Nîmes"
    assert rows[0]["bank"].split(" | ") == BANKED["bank"]
    assert rows[1]["accepted"].startswith("(1) Tuesday; on Tuesday | (2) £5 million")
    back = json.loads(export(cloze_document, "json").data)
    assert back["questions"][0]["blanks"] == BANKED["blanks"]
    assert back["questions"][0]["bank"] == BANKED["bank"]


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def test_paper_numbers_gaps_and_boxes_the_bank_and_the_key_lists_each_gap(cloze_document):
    paper = _pdf_text(export(cloze_document, "pdf").data)
    assert "(1)" in paper and "(2)" in paper and "(3)" in paper
    assert "Wordbank:" in paper
    for entry in BANKED["bank"]:
        assert re.sub(r"\s+", "", entry) in paper
    assert "Tuesday" not in paper.replace("onTuesday", "")  # no typed answer printed
    key = _pdf_text(export(cloze_document, "key").data)
    for line in ("(1)45,000", "(2)€2.5million", "(3)Nîmes", "(2)£5million(also5millionpounds"):
        assert line in key
