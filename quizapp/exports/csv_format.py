"""CSV export: one row per item, options in columns, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from quizapp.exports.base import (
    ExportOptions,
    ExportResult,
    document_title,
    items_of,
    numeric_text,
    slugify,
)

MAX_OPTIONS = 5
HEADER = [
    "number",
    "id",
    "kind",
    "prompt",
    *(f"option_{n}" for n in range(1, MAX_OPTIONS + 1)),
    "answer",
    "accepted",
    "value",
    "tolerance",
    "unit",
    "fact_type",
    "fact_text",
    "quote",
    "paragraph",
    "explanation",
    "difficulty",
    "bank",
]
# Spreadsheets run a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def safe_cell(value: object) -> str:
    """The cell text, with a leading apostrophe if a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    # Some spreadsheets skip leading spaces before deciding a cell is a formula.
    if text.lstrip(" ").startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _answer(item: dict[str, Any]) -> str:
    """The answer cell; matching items list their pairs as "left -> right"."""
    if item.get("kind") == "matching":
        return " | ".join(f"{left} -> {right}" for left, right in item.get("pairs") or [])
    if item.get("kind") == "cloze":
        return " | ".join(f"({n}) {b.get('answer')}" for n, b in enumerate(_blanks(item), 1))
    return item.get("answer") or ""


def _blanks(item: dict[str, Any]) -> list[dict[str, Any]]:
    """A cloze passage's gaps (none for other kinds)."""
    return list(item.get("blanks") or []) if item.get("kind") == "cloze" else []


def _accepted(item: dict[str, Any]) -> str:
    """The accepted cell: variants, or per gap of a passage "(1) a; b | (2) c"."""
    if _blanks(item):
        return " | ".join(
            f"({n}) " + "; ".join(b.get("accepted") or [b.get("answer") or ""])
            for n, b in enumerate(_blanks(item), 1)
        )
    return " | ".join(item.get("accepted") or [])


def _row(number: int, item: dict[str, Any]) -> list[str]:
    """One item as a CSV row, in HEADER order."""
    options = list(item.get("options") or [])[:MAX_OPTIONS]
    options += [""] * (MAX_OPTIONS - len(options))
    fact = item.get("fact") or {}
    source = item.get("source") or {}
    difficulty = item.get("difficulty")
    cells: list[object] = [
        number,
        item.get("id"),
        item.get("kind"),
        item.get("prompt"),
        *options,
        _answer(item),
        _accepted(item),
        numeric_text(item.get("value")),
        numeric_text(item.get("tolerance")),
        item.get("unit"),
        fact.get("type"),
        fact.get("text"),
        source.get("quote"),
        source.get("paragraph"),
        item.get("explanation"),
        "" if difficulty is None else difficulty,
        " | ".join(str(entry) for entry in item.get("bank") or []),
    ]
    return [safe_cell(cell) for cell in cells]


def export_csv(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """Every item as a row, UTF-8 with a byte-order mark so spreadsheets pick the encoding."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for number, item in enumerate(items_of(document), 1):
        writer.writerow(_row(number, item))
    return ExportResult(
        data=buffer.getvalue().encode("utf-8-sig"),
        filename=f"{slugify(document_title(document, options))}.csv",
        mimetype="text/csv",
    )
