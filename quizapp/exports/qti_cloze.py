"""QTI 2.1 gap-fill passages: a word bank as one inline choice per gap, or a text entry per
gap, each gap one point (the other kinds are exports/qti_items.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from quizapp.exports.base import accepted_answers, typed_answers
from quizapp.exports.qti_xml import (
    FEEDBACK_ID,
    _outcomes,
    _processing,
    _response,
    _sub,
)
from quizapp.nlp.model import BLANK

Item = dict[str, Any]


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
    accepted = typed_answers(blank)
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
