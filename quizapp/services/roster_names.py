"""Reading a class list: names pasted one per line or from a spreadsheet's CSV, repeats told apart."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Sequence

from quizapp.services.student_names import NameRefused, name_key, normalise_student_name

__all__ = [
    "MAX_CSV_BYTES",
    "RosterError",
    "given_names",
    "names_from_csv",
    "names_from_text",
    "told_apart",
]

MAX_CSV_BYTES = 512 * 1024
_NAME_HEADERS = ("name", "full name", "student", "student name", "pupil", "display name")
_FIRST_HEADERS = ("first name", "firstname", "given name", "forename", "first")
_LAST_HEADERS = ("last name", "lastname", "surname", "family name", "last")


class RosterError(Exception):
    """A teacher-facing refusal; ``str(error)`` is the message to show."""


def _clean_names(raw_names: Iterable[str]) -> list[str]:
    """Normalised names; a name that cannot be used is reported with its line number."""
    names = []
    for line, raw in enumerate(raw_names, 1):
        if not raw.strip():
            continue
        try:
            names.append(normalise_student_name(raw))
        except NameRefused as error:
            raise RosterError(f"Name {line} (“{raw.strip()[:40]}”): {error}") from error
    return names


def names_from_text(text: str) -> list[str]:
    """Student names pasted one per line (blank lines skipped)."""
    return _clean_names((text or "").splitlines())


def _csv_text(data: bytes) -> str:
    """A class list's text as spreadsheets save it: UTF-8 (with or without a byte-order mark)
    or UTF-16 with its mark (Excel's "Unicode Text", tab-separated). Other encodings are
    refused rather than guessed: a misread "Zoë" would be printed on her slip."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise RosterError("That file is not a CSV text file.") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RosterError("Save the class list as CSV in UTF-8 and upload it again.") from error


def names_from_csv(data: bytes) -> list[str]:
    """Student names from a CSV export (a "name" column, or first + last name, or column 1).

    Spreadsheets save UTF-8 or UTF-16 (see _csv_text), separated by commas,
    semicolons or tabs; a header row is recognised by its column names.
    """
    if len(data) > MAX_CSV_BYTES:
        raise RosterError("That file is too big for a class list (at most 512 KB).")
    text = _csv_text(data)
    if "\x00" in text:
        raise RosterError("That file is not a CSV text file.")
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]
    if not rows:
        raise RosterError("The file has no names in it.")
    header = [c.strip().casefold() for c in rows[0]]
    name_col = next((i for i, h in enumerate(header) if h in _NAME_HEADERS), None)
    first_col = next((i for i, h in enumerate(header) if h in _FIRST_HEADERS), None)
    last_col = next((i for i, h in enumerate(header) if h in _LAST_HEADERS), None)
    if name_col is None and first_col is None and last_col is None:
        return _clean_names(row[0] for row in rows)

    def cell(row: Sequence[str], col: int | None) -> str:
        return row[col].strip() if col is not None and col < len(row) else ""

    if name_col is not None:
        return _clean_names(cell(row, name_col) for row in rows[1:])
    return _clean_names(f"{cell(row, first_col)} {cell(row, last_col)}" for row in rows[1:])


def told_apart(names: Sequence[str], existing: Iterable[str]) -> list[str]:
    """The names with repeats numbered ("Sam Lee", "Sam Lee (2)") so lists stay readable."""
    seen: dict[str, int] = {}
    for name in existing:
        seen[name_key(name)] = seen.get(name_key(name), 0) + 1
    result = []
    for name in names:
        key = name_key(name)
        seen[key] = seen.get(key, 0) + 1
        result.append(name if seen[key] == 1 else f"{name} ({seen[key]})"[:80])
    return result


def given_names(pasted: str = "", csv_data: bytes | None = None) -> list[str]:
    """The names a teacher pasted (one per line) followed by those in an uploaded CSV file."""
    names = names_from_text(pasted)
    if csv_data:
        names += names_from_csv(csv_data)
    return names
