"""A lesson as a QTI 2.1 content package: a test with one assessmentSection per lesson section.

Each section carries its reading text as a rubricBlock for candidates, which QTI test players
(TAO, OAT's qti-sdk runner) show above every item of the section, then its check items; the
end-of-lesson quiz is the last section. The items are written by quizapp.exports.qti, as in
a quiz's package.

A player shows a rubric only beside an item, and Canvas reads no rubrics at all, so the text
also goes out as a reading item (an assessmentItem with no interaction, only the paragraphs)
where it would otherwise be lost: first in every section of the "qti-canvas" flavour, and in
a section without check items in either flavour.

Canvas's importer (its qti_exporter plugin) turns a visible section's title into a text-only
question and takes an item's type from the interaction it finds; an item with none fails to
import unless the manifest names its type, so the Canvas flavour's manifest says
``interactionType`` "text_only_question" for each reading item.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from quizapp.exports.base import ExportOptions, ExportResult, document_title, slugify
from quizapp.exports.lesson_module import ModuleSection, module_sections
from quizapp.exports.qti import _manifest, _xml_bytes, content_package, empty_assessment_test
from quizapp.exports.qti_items import assessment_item
from quizapp.exports.qti_xml import QTI_NS, _item_root, _sub, identifier

__all__ = ["export_lesson_qti", "export_lesson_qti_canvas", "lesson_test"]


def reading_item(section: ModuleSection, item_ident: str) -> ET.Element:
    """An assessmentItem that only shows the section's text: a heading and its paragraphs."""
    root = _item_root(item_ident, section.title)
    body = _sub(root, "itemBody")
    _sub(body, "h2", text=section.title)
    for paragraph in section.paragraphs:
        _sub(body, "p", text=paragraph)
    return root


def _mark_text_only(manifest: ET.Element, item_idents: list[str]) -> None:
    """Name the reading items' type where Canvas looks for it: resource metadata holding an
    ``interactionType`` in the QTI 2.1 namespace (ignored by other players)."""
    wanted = {"RES_" + ident for ident in item_idents}
    for resource in manifest.iter("resource"):
        if resource.get("identifier") in wanted:
            metadata = ET.Element("metadata")
            qti = ET.SubElement(metadata, "qtiMetadata", {"xmlns": QTI_NS})
            ET.SubElement(qti, "interactionType").text = "text_only_question"
            resource.insert(0, metadata)


def lesson_test(
    test_ident: str,
    title: str,
    sections: list[tuple[ModuleSection, list[str]]],
    *,
    total: bool = True,
) -> ET.Element:
    """The assessmentTest: one linear part, a section per lesson section with its rubric text
    and the identifiers of its items (reading item first, where there is one); with ``total``
    the test scores the sum of its items."""
    root, part = empty_assessment_test(test_ident, title, total=total)
    for section, item_idents in sections:
        ident = f"SECTION_{section.number}" if section.number is not None else "SECTION_FINAL"
        element = _sub(
            part,
            "assessmentSection",
            {"identifier": ident, "title": section.title, "visible": "true"},
        )
        if section.paragraphs:
            rubric = _sub(element, "rubricBlock", {"view": "candidate"})
            for paragraph in section.paragraphs:
                _sub(rubric, "p", text=paragraph)
        for item_ident in item_idents:
            href = f"items/{item_ident}.xml"
            _sub(element, "assessmentItemRef", {"identifier": item_ident, "href": href})
    return root


def export_lesson_qti(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The lesson as a standard QTI 2.1 zip: manifest, assessment.xml with sections, items."""
    return _lesson_package(document, options, canvas=False)


def export_lesson_qti_canvas(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The lesson as a QTI 2.1 zip for Canvas: every section opens with its reading item."""
    return _lesson_package(document, options, canvas=True)


def _lesson_package(
    document: dict[str, Any], options: ExportOptions, *, canvas: bool
) -> ExportResult:
    """The zip of either flavour; items keep their quiz identifiers, reading items are READ_n."""
    title = document_title(document, options)
    test_ident = identifier(slugify(title, fallback="lesson"), prefix="TEST_")
    files: dict[str, bytes] = {}
    item_files: list[tuple[str, str]] = []
    used: set[str] = set()
    layout: list[tuple[ModuleSection, list[str]]] = []
    number = 0

    def add(element_of: Any, wanted: str) -> str:
        item_ident = wanted
        while item_ident in used:
            item_ident += "_"
        used.add(item_ident)
        href = f"items/{item_ident}.xml"
        files[href] = _xml_bytes(element_of(item_ident))
        item_files.append((item_ident, href))
        return item_ident

    for section in module_sections(document):
        idents = []
        if section.paragraphs and (canvas or not section.items):
            idents.append(
                add(lambda ident, s=section: reading_item(s, ident), f"READ_{section.number}")
            )
        for item in section.items:
            number += 1
            wanted = identifier(str(item.get("id") or f"q{number}"), prefix="ITEM_")
            idents.append(
                add(
                    lambda ident, i=item, n=number: assessment_item(i, ident, n, canvas=canvas),
                    wanted,
                )
            )
        layout.append((section, idents))
    files["assessment.xml"] = _xml_bytes(lesson_test(test_ident, title, layout, total=not canvas))
    manifest_root = _manifest(test_ident, item_files)
    if canvas:
        _mark_text_only(manifest_root, [i for i, _ in item_files if i.startswith("READ_")])
    return ExportResult(
        data=content_package(manifest_root, files),
        filename=f"{slugify(title, fallback='lesson')}.lesson.{'canvas.' if canvas else ''}qti.zip",
        mimetype="application/zip",
    )
