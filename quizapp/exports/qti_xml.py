"""QTI 2.1 building blocks shared by every item writer: identifiers, the item root, outcome
and response declarations, response processing and the feedback (exports/qti_items.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from quizapp.exports.base import teacher_note

Item = dict[str, Any]
QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
# Canvas classic imports a modalFeedback whose identifier contains "general_" as the question's
# general comment; the same identifier is what FEEDBACK is set to, so QTI players show it too.
FEEDBACK_ID = "general_fb"
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def identifier(text: str, *, prefix: str = "ID_") -> str:
    """A QTI identifier from any text: invalid characters become "_", a letter goes first."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]", "_", text)
    return cleaned if IDENTIFIER.fullmatch(cleaned) else prefix + cleaned


def _sub(
    parent: ET.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None
) -> ET.Element:
    """A child element; its text is escaped by ElementTree, never parsed as markup."""
    element = ET.SubElement(parent, tag, attrs or {})
    if text is not None:
        element.text = text
    return element


def _item_root(item_ident: str, title: str) -> ET.Element:
    """An empty assessmentItem with namespaces and schema location."""
    return ET.Element(
        "assessmentItem",
        {
            "xmlns": QTI_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{QTI_NS} {QTI_XSD}",
            "identifier": item_ident,
            "title": title,
            "adaptive": "false",
            "timeDependent": "false",
        },
    )


def _outcomes(root: ET.Element, points: int = 1) -> None:
    """SCORE, MAXSCORE (the points, as Canvas New Quizzes reads them) and FEEDBACK."""
    score = _sub(
        root,
        "outcomeDeclaration",
        {
            "identifier": "SCORE",
            "cardinality": "single",
            "baseType": "float",
            "normalMinimum": "0",
            "normalMaximum": str(points),
        },
    )
    _sub(_sub(score, "defaultValue"), "value", text="0")
    maximum = _sub(
        root,
        "outcomeDeclaration",
        {"identifier": "MAXSCORE", "cardinality": "single", "baseType": "float"},
    )
    _sub(_sub(maximum, "defaultValue"), "value", text=str(points))
    _sub(
        root,
        "outcomeDeclaration",
        {"identifier": "FEEDBACK", "cardinality": "single", "baseType": "identifier"},
    )


def _response(root: ET.Element, cardinality: str, base: str, values: list[str]) -> ET.Element:
    """The RESPONSE declaration with its correct response."""
    attrs = {"identifier": "RESPONSE", "cardinality": cardinality, "baseType": base}
    declaration = _sub(root, "responseDeclaration", attrs)
    correct = _sub(declaration, "correctResponse")
    for value in values:
        _sub(correct, "value", text=value)
    return declaration


def _set_score(parent: ET.Element, value: str) -> None:
    """<setOutcomeValue identifier="SCORE"> with a float constant."""
    outcome = _sub(parent, "setOutcomeValue", {"identifier": "SCORE"})
    _sub(outcome, "baseValue", {"baseType": "float"}, "1" if value == "1" else "0")


def _processing(root: ET.Element, condition: ET.Element | None) -> None:
    """Response processing written out in full, naming no standard template.

    A player that follows a named template instead of the rules would lose the numeric
    tolerance and the feedback, so there is only one way to read these rules.
    """
    processing = _sub(root, "responseProcessing")
    if condition is not None:
        processing.append(condition)
    else:  # map_response
        block = _sub(processing, "responseCondition")
        branch = _sub(block, "responseIf")
        _sub(_sub(branch, "isNull"), "variable", {"identifier": "RESPONSE"})
        _set_score(branch, "0")
        outcome = _sub(_sub(block, "responseElse"), "setOutcomeValue", {"identifier": "SCORE"})
        _sub(outcome, "mapResponse", {"identifier": "RESPONSE"})
    feedback = _sub(processing, "setOutcomeValue", {"identifier": "FEEDBACK"})
    _sub(feedback, "baseValue", {"baseType": "identifier"}, FEEDBACK_ID)


def _match_correct(test: ET.Element) -> ET.Element:
    """A responseCondition: SCORE 0 with no answer, 1 if the test holds, else 0."""
    block = ET.Element("responseCondition")
    empty = _sub(block, "responseIf")
    _sub(_sub(empty, "isNull"), "variable", {"identifier": "RESPONSE"})
    _set_score(empty, "0")
    branch = _sub(block, "responseElseIf")
    branch.append(test)
    _set_score(branch, "1")
    _set_score(_sub(block, "responseElse"), "0")
    return block


def _matches_correct() -> ET.Element:
    """<match> of the response and the correct response."""
    match = ET.Element("match")
    _sub(match, "variable", {"identifier": "RESPONSE"})
    _sub(match, "correct", {"identifier": "RESPONSE"})
    return match


def _feedback(root: ET.Element, item: Item) -> None:
    """A modal feedback with the teacher's own explanation, the quoted source sentence and its
    paragraph number."""
    source = item.get("source") or {}
    quote = source.get("quote") or ""
    note = teacher_note(item)
    if not quote and not note:
        return
    attrs = {"outcomeIdentifier": "FEEDBACK", "identifier": FEEDBACK_ID, "showHide": "show"}
    modal = _sub(root, "modalFeedback", {**attrs, "title": "From the article"})
    if note:
        _sub(modal, "p", text=note)
    if quote:
        paragraph = source.get("paragraph")
        _sub(modal, "p", text=f"“{quote}”" + (f" (¶{paragraph})" if paragraph else ""))
