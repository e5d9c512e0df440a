"""GIFT export (Moodle's text format): every kind, escaped, with the quote as general feedback."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from quizapp.exports.base import (
    ExportOptions,
    ExportResult,
    document_title,
    items_of,
    moodle_short_label,
    moodle_typed_answer,
    numeric_text,
    question_name,
    slugify,
    teacher_note,
    typed_answers,
)
from quizapp.nlp.model import BLANK

Item = dict[str, Any]
# GIFT's own markup characters; a backslash before each makes it literal.
_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """Text made literal for GIFT: backslash before ~ = # { } : and \\, on one line.

    "->" is kept as written: it is only markup between "=" answers, which _short and
    _matching handle where it can occur.
    """
    flat = " ".join(str(text).split())
    return "".join("\\" + char if char in _SPECIAL else char for char in flat)


def _no_arrow(text: str) -> str:
    """Text where "->" would be read as a matching pair: its arrow made typographic."""
    return text.replace("->", "→")


def escape_html(text: str) -> str:
    """Text shown as HTML by Moodle (the [html] format): HTML-escaped, then GIFT-escaped."""
    return escape(html.escape(" ".join(str(text).split()), quote=False))


def _feedback(item: Item) -> str:
    """The general feedback: the teacher's own explanation, the quoted source sentence and its
    paragraph number."""
    source = item.get("source") or {}
    quote = source.get("quote") or ""
    paragraph = source.get("paragraph")
    cited = f"{quote} (¶{paragraph})" if quote and paragraph else quote
    text = " ".join(part for part in (teacher_note(item), cited) if part)
    return f"####{escape_html(text)}" if text else ""


def _multiple_choice(item: Item) -> str:
    """One "=" right option, "~" for the others."""
    lines = [
        ("=" if option == item.get("answer") else "~") + escape_html(option)
        for option in item.get("options") or []
    ]
    return "[html]" + escape_html(item["prompt"]) + " {\n" + "\n".join(lines) + _tail(item)


def _true_false(item: Item) -> str:
    """{T} or {F}."""
    flag = "T" if str(item.get("answer")).strip().lower() == "true" else "F"
    return "[html]" + escape_html(item["prompt"]) + " {" + flag + _feedback(item) + "}"


def _short(item: Item) -> str:
    """Any of the accepted answers, typed (plain text: they are compared, not shown as HTML).

    Answers in "=" form that also hold "->" read as a matching question in Moodle, so a
    single answer with "->" is written bare ({A->B}, a short answer to every parser); among
    several, "->" has no escape in GIFT and becomes "→". A "*" is written "\\*", which Moodle's
    shortanswer reads as a star, not its wildcard.
    """
    accepted = [moodle_typed_answer(value) for value in typed_answers(item)]
    if len(accepted) == 1 and "->" in accepted[0]:
        answers = escape(accepted[0])
    else:
        answers = " ".join("=" + escape(_no_arrow(value)) for value in accepted)
    return "{" + answers + _feedback(item) + "}"


def _fill_in(item: Item) -> str:
    """A missing-word question: the answer braces stand where the blank was.

    A blank that starts the sentence cannot be written that way (gift-pegjs needs text before
    the braces), so the sentence keeps "_____" and the answers follow it.
    """
    before, found, after = item["prompt"].partition(BLANK)
    if not found or not before.strip():
        return "[html]" + escape_html(item["prompt"]) + " " + _short(item)
    text = escape_html(before) + (" " if before[-1:].isspace() else "") + _short(item)
    if after.strip():
        text += (" " if after[:1].isspace() else "") + escape_html(after)
    return "[html]" + text


def _short_answer(item: Item) -> str:
    """The prompt, then the accepted answers."""
    return "[html]" + escape_html(item["prompt"]) + " " + _short(item)


def _matching(item: Item) -> str:
    """ "=left -> right" for each pair."""
    lines = [
        # Moodle keeps the right-hand texts in a 255-character column (the app allows 300).
        "=" + escape_html(_no_arrow(left)) + " -> " + escape(moodle_short_label(right))
        for left, right in item.get("pairs") or []
    ]
    return "[html]" + escape_html(item["prompt"]) + " {\n" + "\n".join(lines) + _tail(item)


def _numeric(item: Item) -> str:
    """{#value:tolerance}, the unit said in the prompt when there is one."""
    prompt = item["prompt"]
    if item.get("unit"):
        prompt = f"{prompt} ({item['unit']})"
    value = numeric_text(item.get("value"))
    tolerance = numeric_text(item.get("tolerance") or 0)
    return "[html]" + escape_html(prompt) + " {#" + value + ":" + tolerance + _feedback(item) + "}"


def _tail(item: Item) -> str:
    """The closing of a multi-line answer block, with the feedback on its own line."""
    feedback = _feedback(item)
    return ("\n" + feedback if feedback else "") + "\n}"


def _other_gaps(item: Item, gap: int) -> str:
    """The passage with gap ``gap`` as "_____" and every other gap as its number: "(2) ___"."""
    parts = str(item["prompt"]).split(BLANK)
    out = [parts[0]]
    for number in range(1, len(parts)):
        out.append(f"({number}) " + (BLANK if number == gap else "___"))
        out.append(parts[number])
    return "".join(out)


def _gap_question(item: Item, gap: int) -> str:
    """One gap of a cloze passage as a missing-word question: the bank as choices ("=" the
    gap's answer, "~" the other entries), or the gap's accepted answers typed."""
    blank = (item.get("blanks") or [])[gap - 1]
    bank = [str(entry) for entry in item.get("bank") or []]
    if bank:
        choices = " ".join(
            ("=" if entry == blank.get("answer") else "~") + escape_html(entry) for entry in bank
        )
        braces = "{" + choices + _feedback(item) + "}"
    else:
        braces = _short(
            {**blank, "source": item.get("source"), "explanation": item.get("explanation")}
        )
    before, _found, after = _other_gaps(item, gap).partition(BLANK)
    text = escape_html(before) + " " + braces
    if after.strip():
        text += (" " if after[:1].isspace() else "") + escape_html(after)
    return "[html]" + text


def gift_cloze_questions(item: Item) -> list[str]:
    """A cloze passage as one GIFT question per gap (GIFT has no multi-gap question): each shows
    the passage with its own gap to fill and the others numbered, worth a mark as in the app."""
    name = question_name(item).replace("<", "").replace(">", "")
    count = len(item.get("blanks") or [])
    return [
        f"::{escape(f'{name} (gap {gap} of {count})')}:: " + _gap_question(item, gap)
        for gap in range(1, count + 1)
    ]


WRITERS: dict[str, Callable[[Item], str]] = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "fill_in": _fill_in,
    "short_answer": _short_answer,
    "matching": _matching,
    "numeric": _numeric,
}


def gift_question(item: Item, number: int) -> str:
    """One item as a GIFT question named after the first words of its stem."""
    writer = WRITERS.get(item.get("kind", ""))
    if writer is None:
        raise ValueError(f"unknown question kind: {item.get('kind')!r}")
    # Names are labels, shown as text by Moodle but maybe as HTML by other GIFT readers: no tags.
    name = question_name(item).replace("<", "").replace(">", "")
    return f"::{escape(name)}:: " + writer(item)


def export_gift(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The whole set as a GIFT file, questions separated by blank lines."""
    title = document_title(document, options)
    blocks = [f"// {' '.join(title.split())}"]
    for n, item in enumerate(items_of(document), 1):
        if item.get("kind") == "cloze":
            blocks += gift_cloze_questions(item)
        else:
            blocks.append(gift_question(item, n))
    return ExportResult(
        data=("\n\n".join(blocks) + "\n").encode("utf-8"),
        filename=f"{slugify(title)}.gift.txt",
        # No charset here: the download adds "; charset=utf-8" to text types (as for CSV), and a
        # second one made the header "text/plain; charset=utf-8; charset=utf-8".
        mimetype="text/plain",
    )
