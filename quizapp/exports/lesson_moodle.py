"""A lesson as Moodle XML: one question category per section, its text first, then its checks.

Moodle's importer switches category at every ``<question type="category">``, creating the
path below the course's "top" category, so each section lands in
``$course$/top/<Lesson>/<Section n: opening words>`` and the end-of-lesson quiz in
``…/<Lesson>/End-of-lesson quiz``. A category opens with a "description" question holding the
section's paragraphs (no grade, no answer), so the reading travels with its questions and a
teacher can add it to a quiz page above them. Questions are written by quizapp.exports.moodle_xml.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from typing import Any

from quizapp.exports.base import (
    ExportOptions,
    ExportResult,
    document_title,
    set_key,
    slugify,
    stable_digest,
)
from quizapp.exports.lesson_module import ModuleSection, module_sections
from quizapp.exports.moodle_xml import category_name, quiz_file_bytes, write_questions

__all__ = ["category_path", "export_lesson_moodle_xml", "lesson_quiz"]


def _category_name(text: str) -> str:
    """One name of a category path, escaped as Moodle's assemble_category_path does: a "/" in
    the name doubles, and a name may not start or end with one (a space goes in between); a
    long name is cut to fit Moodle's column."""
    name = category_name(text).replace("/", "//")
    if name.startswith("/"):
        name = " " + name
    if name.endswith("/"):
        name += " "
    return name


def category_path(lesson_title: str, section_title: str) -> str:
    """``$course$/top/<lesson>/<section>`` with each name escaped for Moodle."""
    return "/".join(
        ["$course$", "top", _category_name(lesson_title), _category_name(section_title)]
    )


def _category(quiz: ET.Element, path: str, info: str) -> None:
    """A category switch: the questions that follow go into this path (created if missing)."""
    question = ET.SubElement(quiz, "question", {"type": "category"})
    ET.SubElement(ET.SubElement(question, "category"), "text").text = path
    ET.SubElement(ET.SubElement(question, "info", {"format": "html"}), "text").text = html.escape(
        info, quote=False
    )


def _description(
    quiz: ET.Element, section: ModuleSection, document: dict[str, Any], options: ExportOptions
) -> None:
    """The section's text as a "description" question: shown, never graded."""
    question = ET.SubElement(quiz, "question", {"type": "description"})
    ET.SubElement(ET.SubElement(question, "name"), "text").text = section.title
    text = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in section.paragraphs)
    ET.SubElement(ET.SubElement(question, "questiontext", {"format": "html"}), "text").text = text
    ET.SubElement(ET.SubElement(question, "generalfeedback", {"format": "html"}), "text").text = ""
    ET.SubElement(question, "defaultgrade").text = "0"
    ET.SubElement(question, "penalty").text = "0"
    ET.SubElement(question, "hidden").text = "0"
    key = stable_digest(set_key(document, options), f"section-{section.number}")
    ET.SubElement(question, "idnumber").text = f"quizapp-{key}"


def lesson_quiz(document: dict[str, Any], options: ExportOptions) -> ET.Element:
    """The <quiz> element: per section a category, its description, then its questions."""
    title = document_title(document, options)
    quiz = ET.Element("quiz")
    for section in module_sections(document):
        where = f"Section {section.number}" if section.number else "The end-of-lesson quiz"
        _category(quiz, category_path(title, section.title), f"{where} of the lesson “{title}”.")
        if section.paragraphs:
            _description(quiz, section, document, options)
        write_questions(quiz, list(section.items), document, options)
    return quiz


def export_lesson_moodle_xml(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The lesson as a Moodle XML question file with a category per section."""
    title = document_title(document, options)
    data = quiz_file_bytes(lesson_quiz(document, options))
    return ExportResult(
        data=data,
        filename=f"{slugify(title, fallback='lesson')}.lesson.moodle.xml",
        mimetype="application/xml",
    )
