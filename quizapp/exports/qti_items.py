"""QTI 2.1 assessmentItems: one question of each kind as its declarations, body, response
processing and feedback (building blocks: exports/qti_xml.py; passages: exports/qti_cloze.py;
packed into a content package by exports/qti.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from quizapp.exports.base import (
    numeric_range,
    numeric_text,
    question_name,
    typed_answers,
)
from quizapp.exports.qti_cloze import _cloze
from quizapp.exports.qti_xml import (
    _feedback,
    _item_root,
    _match_correct,
    _matches_correct,
    _outcomes,
    _processing,
    _response,
    _sub,
)
from quizapp.nlp.model import BLANK

Item = dict[str, Any]


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
    accepted = typed_answers(item)
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
