"""Moodle XML export: parsed back with xml.etree, every kind matches its item."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from quizapp.exports import export


def _questions(document: dict) -> dict[str, ET.Element]:
    root = ET.fromstring(export(document, "moodle-xml").data)
    assert root.tag == "quiz"
    return {
        q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"
    }


def _html_text(element: ET.Element, path: str) -> str:
    return html.unescape(element.findtext(path) or "")


def test_one_question_per_item_with_the_right_type(document):
    questions = _questions(document)
    types = [q.get("type") for q in questions.values()]
    assert types == [
        "multichoice",
        "multichoice",
        "shortanswer",
        "truefalse",
        "matching",
        "numerical",
        "shortanswer",
        "truefalse",
    ]


def test_texts_survive_escaping_and_markup_stays_text(document):
    data = export(document, "moodle-xml").data.decode("utf-8")
    assert "<script>" not in data and "<img" not in data
    for n, item in enumerate(document["questions"], 1):
        question = _questions(document)[f"Q{n}"]
        prompt = _html_text(question, "questiontext/text")
        assert prompt.startswith(item["prompt"])
        assert question.find("questiontext").get("format") == "html"
        quote = _html_text(question, "generalfeedback/text")
        assert quote == f"{item['source']['quote']} (¶{item['source']['paragraph']})"


def test_multichoice_fractions_mark_the_answer(document):
    item = document["questions"][0]
    question = _questions(document)["Q1"]
    answers = [(_html_text(a, "text"), a.get("fraction")) for a in question.findall("answer")]
    assert answers == [(o, "100" if o == item["answer"] else "0") for o in item["options"]]
    assert question.findtext("single") == "true"


def test_shortanswer_accepts_every_variant_as_plain_text(document):
    question = _questions(document)["Q7"]
    answers = [(a.findtext("text"), a.get("fraction")) for a in question.findall("answer")]
    assert answers == [("€2.5 million", "100"), ("2.5 million euros", "100"), ("=2.5M", "100")]


def test_truefalse_numerical_and_matching(document):
    questions = _questions(document)
    tf = [(a.findtext("text"), a.get("fraction")) for a in questions["Q8"].findall("answer")]
    assert tf == [("true", "0"), ("false", "100")]
    numerical = questions["Q6"].find("answer")
    assert (numerical.findtext("text"), numerical.findtext("tolerance")) == ("1360", "10")
    pairs = [
        [_html_text(sub, "text"), sub.findtext("answer/text")]
        for sub in questions["Q5"].findall("subquestion")
    ]
    assert pairs == document["questions"][4]["pairs"]
