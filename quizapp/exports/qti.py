"""IMS QTI 2.1 content package: a manifest, one assessmentItem per question and a test.

Two flavours, both valid against the IMS schemas. "qti" follows the standard to the letter:
one correctResponse value for a single-cardinality response (TAO's engine refuses more) and
every accepted answer in the mapping, which scores it. "qti-canvas" also lists every accepted
answer as a correctResponse value, because Canvas (classic and New Quizzes) reads only those.
This module packs the zip; each question's assessmentItem is written by exports/qti_items.py.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

from quizapp.exports.base import (
    ExportOptions,
    ExportResult,
    document_title,
    items_of,
    slugify,
)
from quizapp.exports.qti_items import assessment_item
from quizapp.exports.qti_xml import QTI_NS, QTI_XSD, XSI_NS, _sub, identifier

CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
# A fixed time stamp keeps the zip byte-identical for the same questions.
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def empty_assessment_test(
    test_ident: str, title: str, *, total: bool = True
) -> tuple[ET.Element, ET.Element]:
    """An empty assessmentTest and its one linear testPart, for the caller's sections; with
    ``total``, the test's SCORE and MAXSCORE are the sums of its items' (see _test_total)."""
    root = ET.Element(
        "assessmentTest",
        {
            "xmlns": QTI_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{QTI_NS} {QTI_XSD}",
            "identifier": test_ident,
            "title": title,
        },
    )
    if total:
        for name in _TOTALS:
            declaration = _sub(
                root,
                "outcomeDeclaration",
                {"identifier": name, "cardinality": "single", "baseType": "float"},
            )
            _sub(_sub(declaration, "defaultValue"), "value", text="0")
    part = _sub(
        root,
        "testPart",
        {"identifier": "PART_1", "navigationMode": "linear", "submissionMode": "individual"},
    )
    if total:
        _test_total(root)
    return root, part


# Without outcome processing a test has no total: TAO's engine (qti-sdk) scored every item of
# our packages but left the test with no score to report. Canvas reads neither, and its
# flavour stays as Canvas was tested with.
_TOTALS = ("SCORE", "MAXSCORE")


def _test_total(root: ET.Element) -> None:
    """outcomeProcessing: the test's SCORE and MAXSCORE are the sums of the items' own (a
    reading item has neither and counts for nothing)."""
    processing = _sub(root, "outcomeProcessing")
    for name in _TOTALS:
        setter = _sub(processing, "setOutcomeValue", {"identifier": name})
        _sub(_sub(setter, "sum"), "testVariables", {"variableIdentifier": name})


def _test(
    test_ident: str, title: str, item_files: list[tuple[str, str]], *, total: bool
) -> ET.Element:
    """An assessmentTest holding every item in order, in one part and one section."""
    root, part = empty_assessment_test(test_ident, title, total=total)
    section = _sub(
        part, "assessmentSection", {"identifier": "SECTION_1", "title": title, "visible": "true"}
    )
    for item_ident, href in item_files:
        _sub(section, "assessmentItemRef", {"identifier": item_ident, "href": href})
    return root


def content_package(manifest: ET.Element, files: dict[str, bytes]) -> bytes:
    """The IMS content package zip: the manifest first, then the files by name, with fixed
    times so the same quiz gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [("imsmanifest.xml", _xml_bytes(manifest)), *sorted(files.items())]:
            archive.writestr(zipfile.ZipInfo(name, date_time=_ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _manifest(test_ident: str, item_files: list[tuple[str, str]]) -> ET.Element:
    """imsmanifest.xml: one resource per item file and the test depending on them all."""
    root = ET.Element(
        "manifest",
        {
            "xmlns": CP_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{CP_NS} {CP_XSD}",
            "identifier": "MANIFEST_" + test_ident,
        },
    )
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", text="QTIv2.1 Package")
    _sub(metadata, "schemaversion", text="1.0.0")
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    test_resource = _sub(
        resources,
        "resource",
        {
            "identifier": "RES_" + test_ident,
            "type": "imsqti_test_xmlv2p1",
            "href": "assessment.xml",
        },
    )
    _sub(test_resource, "file", {"href": "assessment.xml"})
    for item_ident, href in item_files:
        resource = _sub(
            resources,
            "resource",
            {"identifier": "RES_" + item_ident, "type": "imsqti_item_xmlv2p1", "href": href},
        )
        _sub(resource, "file", {"href": href})
        _sub(test_resource, "dependency", {"identifierref": "RES_" + item_ident})
    return root


def _xml_bytes(root: ET.Element) -> bytes:
    """An element as an indented UTF-8 XML document."""
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def export_qti(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The set as a standard QTI 2.1 zip: imsmanifest.xml, assessment.xml, items/<id>.xml."""
    return _package(document, options, canvas=False)


def export_qti_canvas(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The set as a QTI 2.1 zip for Canvas: every accepted answer a correctResponse value."""
    return _package(document, options, canvas=True)


def _package(document: dict[str, Any], options: ExportOptions, *, canvas: bool) -> ExportResult:
    """The zip of either flavour."""
    title = document_title(document, options)
    test_ident = identifier(slugify(title, fallback="quiz"), prefix="TEST_")
    files: dict[str, bytes] = {}
    item_files: list[tuple[str, str]] = []
    used: set[str] = set()
    for number, item in enumerate(items_of(document), 1):
        item_ident = identifier(str(item.get("id") or f"q{number}"), prefix="ITEM_")
        while item_ident in used:
            item_ident += "_"
        used.add(item_ident)
        href = f"items/{item_ident}.xml"
        files[href] = _xml_bytes(assessment_item(item, item_ident, number, canvas=canvas))
        item_files.append((item_ident, href))
    files["assessment.xml"] = _xml_bytes(_test(test_ident, title, item_files, total=not canvas))
    return ExportResult(
        data=content_package(_manifest(test_ident, item_files), files),
        filename=f"{slugify(title)}.{'canvas.' if canvas else ''}qti.zip",
        mimetype="application/zip",
    )
