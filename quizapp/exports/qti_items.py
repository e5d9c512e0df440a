"""QTI 2.1 assessmentItems: one question of each kind as its declarations, body, response
processing and feedback (packed into a content package by exports/qti.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from quizapp.exports.base import (
    accepted_answers,
    numeric_range,
    numeric_text,
    question_name,
    teacher_note,
)
from quizapp.nlp.model import BLANK

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


def _choice(root: ET.Element, body: ET.Element, item: Item, options: list[str]) -> None:
    """choiceInteraction with one right choice; options keep their order for true/false."""
    answer = item.get("answer")
    idents = [f"C{n}" for n in range(1, len(options) + 1)]
    right = [ident for ident, option in zip(idents, options, strict=True) if option == answer]
    _response(root, "single", "identifier", right[:1])
    _outcomes(root)
    shuffle = "false" if item.get("kind") == "true_false" else "true"
    interaction = _sub(
        body,
        "choiceInteraction",
        {"responseIdentifier": "RESPONSE", "shuffle": shuffle, "maxChoices": "1"},
    )
    _sub(interaction, "prompt", text=item["prompt"])
    for ident, option in zip(idents, options, strict=True):
        _sub(interaction, "simpleChoice", {"identifier": ident}, option)
    root.append(body)
    _processing(root, _match_correct(_matches_correct()))


def _multiple_choice(root: ET.Element, body: ET.Element, item: Item) -> None:
    """A single-answer choice question."""
    _choice(root, body, item, list(item.get("options") or []))


def _true_false(root: ET.Element, body: ET.Element, item: Item) -> None:
    """A choice between True and False, in that order."""
    _choice(root, body, item, ["True", "False"])


def _text_entry(root: ET.Element, body: ET.Element, item: Item, *, canvas: bool = False) -> None:
    """textEntryInteraction on its own line, under the prompt; a fill-in keeps its blank.

    Every accepted answer is a mapping entry (what scores it in QTI players); for Canvas, each
    is also a correctResponse value (all Canvas reads). The fill-in sentence keeps "_____": Canvas
    New Quizzes strips interaction elements out of the text, so an inline box would leave
    "…open in – two years…" with nothing where the blank was.
    """
    accepted = accepted_answers(item)
    declaration = _response(root, "single", "string", accepted if canvas else accepted[:1])
    mapping = _sub(
        declaration, "mapping", {"defaultValue": "0", "lowerBound": "0", "upperBound": "1"}
    )
    for value in accepted:
        _sub(mapping, "mapEntry", {"mapKey": value, "mappedValue": "1", "caseSensitive": "false"})
    _outcomes(root)
    length = str(max(10, *(len(value) + 4 for value in accepted)) if accepted else 15)
    attrs = {"responseIdentifier": "RESPONSE", "expectedLength": length}
    prompt = str(item["prompt"])
    if item.get("kind") == "fill_in" and BLANK not in prompt:
        prompt = f"{prompt} {BLANK}"
    _sub(body, "p", text=prompt)
    _sub(_sub(body, "p"), "textEntryInteraction", attrs)
    root.append(body)
    _processing(root, None)


def _numeric(root: ET.Element, body: ET.Element, item: Item) -> None:
    """A float textEntryInteraction, right from value - tolerance to value + tolerance.

    The range is two plain comparisons with decimal bounds, which every player evaluates the
    same way (no tolerance mode to interpret, no exponent notation).
    """
    _response(root, "single", "float", [numeric_text(item.get("value"))])
    _outcomes(root)
    _sub(body, "p", text=item["prompt"])
    line = _sub(body, "p")
    entry = _sub(
        line, "textEntryInteraction", {"responseIdentifier": "RESPONSE", "expectedLength": "12"}
    )
    if item.get("unit"):
        entry.tail = " " + item["unit"]
    root.append(body)
    low, high = numeric_range(item) or ("0", "0")
    within = ET.Element("and")
    for operator, bound in (("gte", low), ("lte", high)):
        comparison = _sub(within, operator)
        _sub(comparison, "variable", {"identifier": "RESPONSE"})
        _sub(comparison, "baseValue", {"baseType": "float"}, bound)
    _processing(root, _match_correct(within))


def _matching(root: ET.Element, body: ET.Element, item: Item) -> None:
    """matchInteraction: left items L1.., right items R1..; a point per right pair."""
    pairs = list(item.get("pairs") or [])
    values = [f"L{n} R{n}" for n in range(1, len(pairs) + 1)]
    declaration = _response(root, "multiple", "directedPair", values)
    bounds = {"defaultValue": "0", "lowerBound": "0", "upperBound": str(len(pairs))}
    mapping = _sub(declaration, "mapping", bounds)
    for value in values:
        _sub(mapping, "mapEntry", {"mapKey": value, "mappedValue": "1", "caseSensitive": "true"})
    _outcomes(root, points=len(pairs))
    attrs = {
        "responseIdentifier": "RESPONSE",
        "shuffle": "true",
        "maxAssociations": str(len(pairs)),
    }
    interaction = _sub(body, "matchInteraction", attrs)
    _sub(interaction, "prompt", text=item["prompt"])
    for side, column in (("L", 0), ("R", 1)):
        match_set = _sub(interaction, "simpleMatchSet")
        for n, pair in enumerate(pairs, 1):
            _sub(
                match_set,
                "simpleAssociableChoice",
                {"identifier": f"{side}{n}", "matchMax": "1"},
                pair[column],
            )
    root.append(body)
    _processing(root, None)


def _gap_declaration(
    root: ET.Element, number: int, blank: Item, bank: list[str], *, canvas: bool
) -> None:
    """RESPONSE_<n> of one gap: the bank entry's identifier, or the typed text and its variants.

    Each declaration maps its right answers to 1 (the gap's mark); the Canvas flavour lists
    every accepted text as a correct value, as for a fill-in.
    """
    ident = f"RESPONSE_{number}"
    if bank:
        key = _bank_choice(number, bank.index(str(blank.get("answer"))) + 1)
        declaration = _sub(
            root,
            "responseDeclaration",
            {"identifier": ident, "cardinality": "single", "baseType": "identifier"},
        )
        _sub(_sub(declaration, "correctResponse"), "value", text=key)
        mapping = _sub(
            declaration, "mapping", {"defaultValue": "0", "lowerBound": "0", "upperBound": "1"}
        )
        _sub(mapping, "mapEntry", {"mapKey": key, "mappedValue": "1", "caseSensitive": "true"})
        return
    accepted = accepted_answers(blank)
    declaration = _sub(
        root,
        "responseDeclaration",
        {"identifier": ident, "cardinality": "single", "baseType": "string"},
    )
    correct = _sub(declaration, "correctResponse")
    for value in accepted if canvas else accepted[:1]:
        _sub(correct, "value", text=value)
    mapping = _sub(
        declaration, "mapping", {"defaultValue": "0", "lowerBound": "0", "upperBound": "1"}
    )
    for value in accepted:
        _sub(mapping, "mapEntry", {"mapKey": value, "mappedValue": "1", "caseSensitive": "false"})


def _bank_choice(gap: int, entry: int) -> str:
    """The identifier of a bank entry in one gap's drop-down (unique in the item)."""
    return f"G{gap}_C{entry}"


def _cloze_word_bank(root: ET.Element, body: ET.Element, item: Item) -> None:
    """A word-bank passage as one gapMatchInteraction: the bank as gapText choices, a <gap> in
    place of each blank, a point per gap matched right. Canvas New Quizzes' importer reads
    this (fill in the blank with a word bank) and no inline choices."""
    blanks = list(item.get("blanks") or [])
    bank = [str(entry) for entry in item.get("bank") or []]
    answers = [str(blank.get("answer")) for blank in blanks]
    values = [f"W{bank.index(answer) + 1} GAP{n}" for n, answer in enumerate(answers, 1)]
    declaration = _response(root, "multiple", "directedPair", values)
    bounds = {"defaultValue": "0", "lowerBound": "0", "upperBound": str(len(blanks))}
    mapping = _sub(declaration, "mapping", bounds)
    for value in values:
        _sub(mapping, "mapEntry", {"mapKey": value, "mappedValue": "1", "caseSensitive": "true"})
    _outcomes(root, points=len(blanks))
    interaction = _sub(
        body, "gapMatchInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "false"}
    )
    for number, entry in enumerate(bank, 1):
        # An entry fills as many gaps as it answers (one, as the bank lists answers once).
        uses = max(1, answers.count(entry))
        _sub(interaction, "gapText", {"identifier": f"W{number}", "matchMax": str(uses)}, entry)
    parts = str(item["prompt"]).split(BLANK)
    passage = _sub(interaction, "p", text=parts[0])
    for number in range(1, len(blanks) + 1):
        gap = _sub(passage, "gap", {"identifier": f"GAP{number}"})
        gap.tail = parts[number] if number < len(parts) else ""
    root.append(body)
    _processing(root, None)


def _cloze(root: ET.Element, body: ET.Element, item: Item, *, canvas: bool = False) -> None:
    """A passage with a drop-down of the bank (inlineChoiceInteraction) or a text box
    (textEntryInteraction) in place of each gap; a point per gap, summed into SCORE.

    For Canvas a word-bank passage is a gapMatchInteraction instead (_cloze_word_bank).
    """
    blanks = list(item.get("blanks") or [])
    bank = [str(entry) for entry in item.get("bank") or []]
    if canvas and bank:
        _cloze_word_bank(root, body, item)
        return
    for number, blank in enumerate(blanks, 1):
        _gap_declaration(root, number, blank, bank, canvas=canvas)
    _outcomes(root, points=len(blanks))
    parts = str(item["prompt"]).split(BLANK)
    passage = _sub(body, "p", text=parts[0])
    for number, blank in enumerate(blanks, 1):
        attrs = {"responseIdentifier": f"RESPONSE_{number}"}
        if bank:
            interaction = _sub(passage, "inlineChoiceInteraction", {**attrs, "shuffle": "false"})
            for entry_number, entry in enumerate(bank, 1):
                _sub(
                    interaction,
                    "inlineChoice",
                    {"identifier": _bank_choice(number, entry_number)},
                    entry,
                )
        else:
            longest = max((len(v) for v in accepted_answers(blank)), default=11)
            interaction = _sub(
                passage,
                "textEntryInteraction",
                {**attrs, "expectedLength": str(max(10, longest + 4))},
            )
        interaction.tail = parts[number] if number < len(parts) else ""
    root.append(body)
    processing = _sub(root, "responseProcessing")
    for number in range(1, len(blanks) + 1):
        block = _sub(_sub(processing, "responseCondition"), "responseIf")
        not_null = _sub(block, "not")
        _sub(_sub(not_null, "isNull"), "variable", {"identifier": f"RESPONSE_{number}"})
        total = _sub(_sub(block, "setOutcomeValue", {"identifier": "SCORE"}), "sum")
        _sub(total, "variable", {"identifier": "SCORE"})
        _sub(total, "mapResponse", {"identifier": f"RESPONSE_{number}"})
    feedback = _sub(processing, "setOutcomeValue", {"identifier": "FEEDBACK"})
    _sub(feedback, "baseValue", {"baseType": "identifier"}, FEEDBACK_ID)


WRITERS: dict[str, Callable[[ET.Element, ET.Element, Item], None]] = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "fill_in": _text_entry,
    "short_answer": _text_entry,
    "numeric": _numeric,
    "matching": _matching,
    "cloze": _cloze,
}


def assessment_item(
    item: Item, item_ident: str, number: int, *, canvas: bool = False
) -> ET.Element:
    """One question as a QTI 2.1 assessmentItem element (``canvas``: Canvas's flavour)."""
    writer = WRITERS.get(item.get("kind", ""))
    if writer is None:
        raise ValueError(f"unknown question kind: {item.get('kind')!r}")
    root = _item_root(item_ident, question_name(item))
    # The writer appends declarations first, then the body, then processing (schema order).
    if writer is _text_entry:
        _text_entry(root, ET.Element("itemBody"), item, canvas=canvas)
    elif writer is _cloze:
        _cloze(root, ET.Element("itemBody"), item, canvas=canvas)
    else:
        writer(root, ET.Element("itemBody"), item)
    _feedback(root, item)
    return root
