"""A lesson exported as a module: the lesson document, its sections, and the LMS formats for it.

A lesson document is a question-set document with one more key, ``lesson``:

    {"sections": [{"paragraphs": ["…", …], "items": ["q3", "q5"]}, …], "final": ["q9", …]}

each section's text (its paragraphs, in order) and the ids of the items that check it, then the
ids of the end-of-lesson quiz. Items stay in ``questions``, written by the quiz exporters' own
item writers, so a lesson's question reads in an LMS exactly as the same question of a quiz.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from quizapp.exports.base import (
    ExportOptions,
    ExportResult,
    items_of,
    without_control_characters,
)

__all__ = [
    "FINAL_TITLE",
    "LESSON_FORMATS",
    "ModuleSection",
    "export_lesson",
    "module_sections",
]

Item = dict[str, Any]
FINAL_TITLE = "End-of-lesson quiz"
# How many words of a section's opening name it (a section has no title of its own).
TITLE_WORDS = 8

# format name -> (module, function), imported on use like quizapp.exports' registry.
_LESSON_EXPORTERS: dict[str, tuple[str, str]] = {
    "qti": ("quizapp.exports.lesson_qti", "export_lesson_qti"),
    "qti-canvas": ("quizapp.exports.lesson_qti", "export_lesson_qti_canvas"),
    "moodle-xml": ("quizapp.exports.lesson_moodle", "export_lesson_moodle_xml"),
}
LESSON_FORMATS: tuple[str, ...] = tuple(_LESSON_EXPORTERS)


@dataclass(frozen=True, slots=True)
class ModuleSection:
    """A part of the exported module: its number (None: the end quiz), title, text and items."""

    number: int | None
    title: str
    paragraphs: tuple[str, ...]
    items: tuple[Item, ...]


def section_title(number: int, paragraphs: tuple[str, ...]) -> str:
    """ "Section 2: The library will hold 45,000 books and cost …" — its number and opening."""
    words = " ".join(paragraphs).split()
    opening = " ".join(words[:TITLE_WORDS])
    if len(words) > TITLE_WORDS:
        opening = opening.rstrip(" ,;:.") + " …"
    return f"Section {number}: {opening}" if opening else f"Section {number}"


def module_sections(document: dict[str, Any]) -> list[ModuleSection]:
    """The lesson's sections with their items, then the end quiz (if it has items).

    Raises ValueError when the document is no lesson or names an item it does not hold, so a
    broken document never exports as a module with questions silently missing.
    """
    lesson = document.get("lesson")
    if not isinstance(lesson, dict) or not lesson.get("sections"):
        raise ValueError("not a lesson: the document has no lesson sections")
    by_id = {str(item.get("id")): item for item in items_of(document)}

    def items(ids: list[Any]) -> tuple[Item, ...]:
        missing = [str(i) for i in ids if str(i) not in by_id]
        if missing:
            raise ValueError(f"the lesson names items it does not hold: {', '.join(missing)}")
        return tuple(by_id[str(i)] for i in ids)

    sections = []
    for number, section in enumerate(lesson["sections"], 1):
        paragraphs = tuple(
            str(p).strip() for p in section.get("paragraphs") or [] if str(p).strip()
        )
        sections.append(
            ModuleSection(
                number=number,
                title=section_title(number, paragraphs),
                paragraphs=paragraphs,
                items=items(list(section.get("items") or [])),
            )
        )
    final = items(list(lesson.get("final") or []))
    if final:
        sections.append(ModuleSection(None, FINAL_TITLE, (), final))
    return sections


def _exporter(fmt: str) -> Callable[[dict[str, Any], ExportOptions], ExportResult]:
    """The lesson export function of a format name."""
    try:
        module_name, function_name = _LESSON_EXPORTERS[fmt]
    except (KeyError, TypeError):
        known = ", ".join(LESSON_FORMATS)
        raise ValueError(f"a lesson exports as {known}, not {fmt!r}") from None
    return getattr(import_module(module_name), function_name)


def export_lesson(
    document: dict[str, Any],
    fmt: str,
    *,
    quiz_title: str | None = None,
    set_identity: str | None = None,
) -> ExportResult:
    """Export a lesson document as a module in one of LESSON_FORMATS.

    ``set_identity`` names the stored quiz, so a question keeps its Moodle id number in the
    lesson's file and the quiz's.
    """
    function = _exporter(fmt)
    options = ExportOptions(
        quiz_title=without_control_characters(quiz_title), set_identity=set_identity
    )
    return function(without_control_characters(document), options)
