"""Moodle XML export: parsed back with xml.etree, every kind matches its item."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from quizapp.exports import export


def _questions(document: dict, **options) -> dict[str, ET.Element]:
    """The questions by position ("Q1", ...), skipping the category."""
    root = ET.fromstring(export(document, "moodle-xml", **options).data)
    assert root.tag == "quiz"
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    return {f"Q{n}": q for n, q in enumerate(questions, 1)}


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


def test_names_are_the_first_words_of_the_stem(document):
    names = [q.findtext("name/text") for q in _questions(document).values()]
    assert names[2] == "Mayor Zoë Müller said the project would open …"
    assert names[5] == "How many km of cable (= enough to …"
    assert len(set(names)) == len(names)


def test_id_numbers_are_stable_and_unique_across_quizzes(document):
    def idnumbers(**options) -> list[str]:
        return [q.findtext("idnumber") for q in _questions(document, **options).values()]

    first = idnumbers(set_identity="quiz-1-AAA")
    assert first == idnumbers(set_identity="quiz-1-AAA")
    assert len(set(first)) == len(first)
    # Another quiz of the same article (same item ids) never reuses an id number.
    assert not set(first) & set(idnumbers(set_identity="quiz-2-BBB"))
    # An edit of the wording keeps the id number, so Moodle sees the same question.
    document["questions"][0]["prompt"] = "Reworded: how much will be spent?"
    assert idnumbers(set_identity="quiz-1-AAA")[0] == first[0]
    assert all(len(value) <= 100 for value in first)
