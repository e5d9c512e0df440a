"""What a printed paper and its key show: the items with their blank widths and matching
columns, the instructions for the kinds on the paper, each key line, the article appendix
(rendered to PDF by exports/pdf.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from quizapp.exports.base import (
    ExportOptions,
    QuotePart,
    accepted_answers,
    article_paragraphs,
    document_title,
    items_of,
    numeric_range,
    numeric_text,
    quote_parts,
    teacher_note,
)
from quizapp.exports.versions import matching_right_column
from quizapp.nlp.model import BLANK

__all__ = [
    "BLANK_MAX_EM",
    "BLANK_MIN_EM",
    "KeyEntry",
    "Paper",
    "blank_em",
    "build_paper",
    "key_entry",
    "paper_size",
]

Item = dict[str, Any]
LETTERS = "ABCDEFGHIJ"
PAPER_SIZES = {"A4": "A4", "LETTER": "letter"}
# Width of a written-in blank, in em of the paper's text: handwriting takes about 0.75em a
# character; never so short a name cannot fit, never longer than fits beside the text.
BLANK_EM_PER_CHAR = 0.75
BLANK_MIN_EM = 7
BLANK_MAX_EM = 30


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """One question's line in the answer key."""

    number: int
    kind: str
    prompt: str
    answers: tuple[str, ...]
    accepted: tuple[str, ...] = ()
    quote: tuple[QuotePart, ...] = ()
    paragraph: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Paper:
    """Everything a print template shows, computed here so templates only loop and branch."""

    title: str
    article_title: str | None
    article_date: str | None
    version: str | None
    items: tuple[tuple[int, Item], ...]
    instructions: tuple[str, ...]
    keys: tuple[KeyEntry, ...] = ()
    appendix: tuple[tuple[int | None, str], ...] = ()
    paper_size: str = "A4"


def paper_size(name: str) -> str:
    """The CSS page size for "A4" or "Letter" (any case)."""
    size = PAPER_SIZES.get(str(name).strip().upper())
    if size is None:
        raise ValueError(f"unknown paper size: {name!r}")
    return size


def _date_label(value: str | None) -> str | None:
    """An ISO date as "12 March 2024"; other text as given."""
    if not value:
        return None
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day.day} {day:%B %Y}"


def _instructions(items: list[Item]) -> tuple[str, ...]:
    """How to answer, only for the kinds on this paper."""
    kinds = {item.get("kind") for item in items}
    lines = ["Answer every question. Use a pen and write clearly."]
    if kinds & {"multiple_choice", "true_false"}:
        lines.append("Multiple choice and true/false: tick one box.")
    if kinds & {"fill_in", "short_answer", "numeric"}:
        lines.append(
            "Write your answer on the line; give numbers with their unit where one is shown."
        )
    if "matching" in kinds:
        lines.append("Matching: write the letter of the right-hand item beside each numbered item.")
    if "cloze" in kinds:
        lines.append(
            "Passages: write a word or phrase in each numbered gap (from the box if given)."
        )
    return tuple(lines)


def _accepted_extra(item: Item) -> tuple[str, ...]:
    """Accepted variants other than the answer itself."""
    answer = item.get("answer")
    seen: list[str] = []
    for value in item.get("accepted") or []:
        if value and value != answer and value not in seen:
            seen.append(value)
    return tuple(seen)


def _key_answers(item: Item) -> tuple[str, ...]:
    """The answer lines: "C — text" for choices, "1 → B (text)" for matching."""
    kind = item.get("kind")
    if kind == "multiple_choice":
        options = list(item.get("options") or [])
        if item.get("answer") in options:
            return (f"{LETTERS[options.index(item['answer'])]} — {item['answer']}",)
    if kind == "matching":
        rights = list(item.get("right_options") or [])
        lines = []
        for n, (left, right) in enumerate(item.get("pairs") or [], 1):
            letter = LETTERS[rights.index(right)] if right in rights else "?"
            lines.append(f"{n}. {left} → {letter} ({right})")
        return tuple(lines)
    if kind == "cloze":
        return tuple(_gap_key_line(n, blank, item) for n, blank in enumerate(item["blanks"], 1))
    if kind == "numeric":
        answer = str(item.get("answer") or numeric_text(item.get("value")))
        if item.get("unit") and item["unit"] not in answer:
            answer = f"{answer} {item['unit']}"
        bounds = numeric_range(item)
        if bounds and bounds[0] != bounds[1]:
            answer += f" (accept {bounds[0]} to {bounds[1]})"
        return (answer,)
    return (str(item.get("answer") or ""),)


def _gap_key_line(number: int, blank: Item, item: Item) -> str:
    """ "(2) 1,360 km (also 1360 km)": a passage's gap, its answer and, when typed, variants."""
    line = f"({number}) {blank.get('answer')}"
    others = [] if item.get("bank") else _accepted_extra(blank)
    return line + (f" (also {', '.join(others)})" if others else "")


def _numbered_gaps(prompt: str) -> str:
    """A passage's gaps numbered as on the paper: "(1) _____ ... (2) _____"."""
    parts = prompt.split(BLANK)
    return parts[0] + "".join(f"({n}) {BLANK}{part}" for n, part in enumerate(parts[1:], 1))


def key_entry(number: int, item: Item) -> KeyEntry:
    """The answer-key line of one item: answers, highlighted quote, paragraph."""
    parts = tuple(quote_parts(item))
    source = item.get("source") or {}
    return KeyEntry(
        number=number,
        kind=str(item.get("kind")),
        prompt=_numbered_gaps(str(item.get("prompt") or ""))
        if item.get("kind") == "cloze"
        else str(item.get("prompt") or ""),
        answers=_key_answers(item),
        accepted=_accepted_extra(item),
        quote=parts,
        paragraph=source.get("paragraph"),
        note=teacher_note(item),
    )


def blank_em(item: Item) -> float:
    """How wide to print an item's answer blank: from its longest accepted answer, in em."""
    answers = accepted_answers(item) or [str(item.get("answer") or "")]
    if item.get("kind") == "numeric":
        answers.append(numeric_text(item.get("value")))
    longest = max(len(answer) for answer in answers)
    width = longest * BLANK_EM_PER_CHAR + 2
    # Whole em: the width is a class (.p-w12) from _blank_width_rules, since the shared question
    # macro is also served under a CSP that refuses style attributes.
    return min(max(math.ceil(width), BLANK_MIN_EM), BLANK_MAX_EM)


def _blank_width_rules() -> str:
    """One CSS class per blank width blank_em can give (.p-w7 ... .p-w30)."""
    return "".join(
        f".p-w{em} {{ width: {em}em; }}\n" for em in range(BLANK_MIN_EM, BLANK_MAX_EM + 1)
    )


def _appendix_lines(text: str, title: str | None) -> tuple[tuple[int | None, str], ...]:
    """The article's lines for the appendix, without a headline that repeats its title.

    The appendix already opens with the title (and date); a pasted article usually starts with
    the same headline, which printed it twice in a row.
    """

    def same(line: str) -> bool:
        return (
            bool(title) and " ".join(line.split()).casefold() == " ".join(title.split()).casefold()
        )

    return tuple(
        (n, line) for n, line in article_paragraphs(text) if n is not None or not same(line)
    )


def build_paper(
    document: dict[str, Any], options: ExportOptions, *, label: str | None = None
) -> Paper:
    """The printable view of one version of the document (its items already in version order)."""
    article = document.get("article") or {}
    items: list[Item] = []
    for item in items_of(document):
        if item.get("kind") == "matching":
            item = {
                **item,
                "right_options": matching_right_column(item, seed=options.seed, label=label or "A"),
            }
        elif item.get("kind") in ("fill_in", "short_answer", "numeric"):
            item = {**item, "print_blank_em": blank_em(item)}
        elif item.get("kind") == "cloze":
            # One width for every gap of a passage, so no gap's size hints at its answer.
            widths = [blank_em({"kind": "fill_in", **b}) for b in item.get("blanks") or []]
            item = {**item, "print_blank_em": max(widths, default=BLANK_MIN_EM)}
        items.append(item)
    numbered = tuple(enumerate(items, 1))
    appendix = ()
    if options.article_text:
        appendix = _appendix_lines(options.article_text, article.get("title"))
    return Paper(
        title=document_title(document, options),
        article_title=article.get("title"),
        article_date=_date_label(article.get("published")),
        version=label,
        items=numbered,
        instructions=_instructions(items),
        keys=tuple(key_entry(n, item) for n, item in numbered),
        appendix=appendix,
        paper_size=paper_size(options.paper),
    )
