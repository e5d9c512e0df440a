"""Moodle XML export: multichoice, shortanswer, truefalse, matching and numerical questions."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from quizapp.exports.base import (
    ExportOptions,
    ExportResult,
    document_title,
    item_key,
    items_of,
    moodle_label,
    moodle_short_label,
    moodle_short_text,
    moodle_typed_answer,
    numeric_text,
    question_name,
    set_key,
    slugify,
    stable_digest,
    teacher_note,
    typed_answers,
)
from quizapp.nlp.model import BLANK

Item = dict[str, Any]


def _html(text: str) -> str:
    """Text for a format="html" field: shown as written, never run as markup."""
    return html.escape(text, quote=False)


def _text_field(parent: ET.Element, tag: str, text: str, *, as_html: bool = True) -> ET.Element:
    """<tag format="html"><text>...</text></tag> (ElementTree escapes it for XML)."""
    element = ET.SubElement(parent, tag, {"format": "html"} if as_html else {})
    ET.SubElement(element, "text").text = _html(text) if as_html else text
    return element


def _feedback_text(item: Item) -> str:
    """The general feedback: the teacher's own explanation, the quoted source sentence and its
    paragraph number."""
    source = item.get("source") or {}
    quote = source.get("quote") or ""
    paragraph = source.get("paragraph")
    cited = f"{quote} (¶{paragraph})" if quote and paragraph else quote
    return " ".join(part for part in (teacher_note(item), cited) if part)


def idnumber(document: dict[str, Any], options: ExportOptions, item: Item) -> str:
    """A Moodle id number from the quiz (or article) and the item: the same on every export,
    different for every question of every quiz, so re-imports never clash over it."""
    return "quizapp-" + stable_digest(set_key(document, options), item_key(item, options))


def _question(parent: ET.Element, kind: str, item: Item, idnum: str, prompt: str) -> ET.Element:
    """The common head of a question: name (the stem's first words), text, feedback, grade."""
    question = ET.SubElement(parent, "question", {"type": kind})
    name = ET.SubElement(question, "name")
    ET.SubElement(name, "text").text = question_name(item)
    _text_field(question, "questiontext", prompt)
    _text_field(question, "generalfeedback", _feedback_text(item))
    ET.SubElement(question, "defaultgrade").text = "1"
    ET.SubElement(question, "penalty").text = "0.3333333"
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = idnum
    return question


def _answer(
    question: ET.Element, text: str, fraction: int, *, as_html: bool, feedback: str = ""
) -> ET.Element:
    """One <answer> with its fraction and (possibly empty) feedback."""
    attrs = {"fraction": str(fraction)}
    if as_html:
        attrs["format"] = "html"
    answer = ET.SubElement(question, "answer", attrs)
    ET.SubElement(answer, "text").text = _html(text) if as_html else text
    _text_field(answer, "feedback", feedback)
    return answer


def _multiple_choice(parent: ET.Element, item: Item, idnum: str) -> None:
    """multichoice, one right answer."""
    question = _question(parent, "multichoice", item, idnum, item["prompt"])
    ET.SubElement(question, "single").text = "true"
    ET.SubElement(question, "shuffleanswers").text = "true"
    ET.SubElement(question, "answernumbering").text = "ABCD"
    for option in item.get("options") or []:
        right = option == item.get("answer")
        _answer(question, option, 100 if right else 0, as_html=True)


def _true_false(parent: ET.Element, item: Item, idnum: str) -> None:
    """truefalse: the answers are the words "true" and "false"."""
    question = _question(parent, "truefalse", item, idnum, item["prompt"])
    truth = str(item.get("answer")).strip().lower() == "true"
    _answer(question, "true", 100 if truth else 0, as_html=False)
    _answer(question, "false", 0 if truth else 100, as_html=False)


def _short_answer(parent: ET.Element, item: Item, idnum: str) -> None:
    """shortanswer, every accepted variant worth full marks; fill-in shows a blank line."""
    question = _question(parent, "shortanswer", item, idnum, item["prompt"])
    ET.SubElement(question, "usecase").text = "0"
    for value in typed_answers(item):
        # Typed answers are compared as plain text, so they are not HTML-escaped; a "*" is
        # escaped, else Moodle reads it as a wildcard and accepts any text in its place.
        _answer(question, moodle_typed_answer(value), 100, as_html=False)


def _matching(parent: ET.Element, item: Item, idnum: str) -> None:
    """matching: one subquestion per pair."""
    question = _question(parent, "matching", item, idnum, item["prompt"])
    ET.SubElement(question, "shuffleanswers").text = "true"
    for left, right in item.get("pairs") or []:
        sub = _text_field(question, "subquestion", left)
        answer = ET.SubElement(sub, "answer")
        # The answers are kept in a 255-character column (the app allows 300).
        ET.SubElement(answer, "text").text = moodle_short_label(right)


def _numeric(parent: ET.Element, item: Item, idnum: str) -> None:
    """numerical with an absolute tolerance; the unit goes in the prompt, not graded."""
    prompt = item["prompt"]
    if item.get("unit"):
        prompt = f"{prompt} ({item['unit']})"
    question = _question(parent, "numerical", item, idnum, prompt)
    answer = _answer(question, numeric_text(item.get("value")), 100, as_html=False)
    ET.SubElement(answer, "tolerance").text = numeric_text(item.get("tolerance") or 0)
    ET.SubElement(question, "unitgradingtype").text = "0"
    ET.SubElement(question, "unitpenalty").text = "0"
    ET.SubElement(question, "showunits").text = "3"
    ET.SubElement(question, "unitsleft").text = "0"


# Cloze (multianswer) answers end at "~", "#" or "}" unless escaped; Moodle's import turns "\}"
# and "\#" back into the characters, and "\*" keeps a shortanswer "*" from being a wildcard.
_CLOZE_ESCAPES = str.maketrans({"}": "\\}", "#": "\\#", "*": "\\*"})


def _cloze_answer(text: str) -> str | None:
    """An answer as Moodle's Cloze syntax reads it back, or None when it cannot ("~" has no
    escape that Moodle's import undoes)."""
    if "~" in text or not text.strip():
        return None
    return _html(text).translate(_CLOZE_ESCAPES)


def _passage(item: Item, gaps: list[str]) -> str:
    """The passage as HTML with each "_____" replaced by its gap's markup."""
    parts = str(item["prompt"]).split(BLANK)
    out = [_html(parts[0])]
    for number, gap in enumerate(gaps, 1):
        out.append(gap)
        out.append(_html(parts[number]) if number < len(parts) else "")
    return "".join(out)


def _gap_fill(parent: ET.Element, item: Item, idnum: str) -> None:
    """cloze: "Select missing words" (gapselect) from the word bank, else an embedded-answers
    (Cloze) question with a SHORTANSWER per gap; either way a mark per gap."""
    blanks = list(item.get("blanks") or [])
    bank = [str(entry) for entry in item.get("bank") or []]
    if bank:
        # [[n]] names the n-th choice: the gap's answer in the bank; every choice is in
        # group 1, so each gap's drop-down lists the whole bank.
        gaps = [f"[[{bank.index(str(blank['answer'])) + 1}]]" for blank in blanks]
        question = _question(parent, "gapselect", item, idnum, "")
        question.find("questiontext/text").text = _passage(item, gaps)
        ET.SubElement(question, "shuffleanswers").text = "0"
        for entry in bank:
            option = ET.SubElement(question, "selectoption")
            ET.SubElement(option, "text").text = moodle_label(entry)
            ET.SubElement(option, "group").text = "1"
    else:
        gaps = []
        for number, blank in enumerate(blanks, 1):
            answers = [a for a in map(_cloze_answer, typed_answers(blank)) if a]
            alternatives = "~".join(f"={answer}" for answer in dict.fromkeys(answers))
            gaps.append(f"{{1:SHORTANSWER:{alternatives or '=' + str(number)}}}")
        question = _question(parent, "cloze", item, idnum, "")
        question.find("questiontext/text").text = _passage(item, gaps)
    question.find("defaultgrade").text = str(len(blanks))


WRITERS: dict[str, Callable[[ET.Element, Item, str], None]] = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "fill_in": _short_answer,
    "short_answer": _short_answer,
    "matching": _matching,
    "numeric": _numeric,
    "cloze": _gap_fill,
}


def category_name(text: str) -> str:
    """A category name that fits Moodle's column (the app allows 300-character quiz titles)."""
    return moodle_short_text(text)


def moodle_quiz(document: dict[str, Any], options: ExportOptions) -> ET.Element:
    """The <quiz> element: a category named after the title, then one question per item."""
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    name = ET.SubElement(category, "category")
    title = document_title(document, options)
    ET.SubElement(name, "text").text = "$course$/top/" + category_name(title.replace("/", "-"))
    write_questions(quiz, items_of(document), document, options)
    return quiz


def write_questions(
    quiz: ET.Element, items: list[Item], document: dict[str, Any], options: ExportOptions
) -> None:
    """Append each item to the <quiz> as a question of its kind, with its stable id number."""
    for item in items:
        writer = WRITERS.get(item.get("kind", ""))
        if writer is None:
            raise ValueError(f"unknown question kind: {item.get('kind')!r}")
        writer(quiz, item, idnumber(document, options, item))


def quiz_file_bytes(quiz: ET.Element) -> bytes:
    """A <quiz> element as the indented UTF-8 file Moodle imports."""
    tree = ET.ElementTree(quiz)
    ET.indent(tree)
    return ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True) + b"\n"


def export_moodle_xml(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The whole set as a Moodle XML question file."""
    title = document_title(document, options)
    data = quiz_file_bytes(moodle_quiz(document, options))
    return ExportResult(
        data=data,
        filename=f"{slugify(title)}.moodle.xml",
        mimetype="application/xml",
    )
