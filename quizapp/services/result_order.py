"""The order of the results page's students: by submission, name, score or time taken."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.services.results import StudentResult

# Each column a teacher can sort by, and whether its first click puts the largest first
# (best score first, as a mark book does; names A to Z, quickest and earliest first).
SORTABLE = {"submitted": False, "name": False, "score": True, "time": False}
DEFAULT_SORT = "submitted"


@dataclass(frozen=True, slots=True)
class StudentOrder:
    """A column and a direction, read from the page's ?sort= ("score", or "-score" reversed)."""

    column: str = DEFAULT_SORT
    descending: bool = False

    @classmethod
    def parse(cls, text: str | None) -> StudentOrder:
        """The order a ?sort= value asks for; anything else is the default order."""
        text = (text or "").strip()
        reverse = text.startswith("-")
        column = text.removeprefix("-")
        if column not in SORTABLE:
            return cls()
        return cls(column, SORTABLE[column] != reverse)

    def link(self, column: str) -> str:
        """The ?sort= value of a column's header link: its usual direction, or the other one
        when the page is already sorted that way."""
        first = SORTABLE[column]
        descending = (not self.descending) if column == self.column else first
        return column if descending == first else f"-{column}"

    def aria_sort(self, column: str) -> str | None:
        """The header's aria-sort value: "ascending"/"descending" on the sorted column."""
        if column != self.column:
            return None
        return "descending" if self.descending else "ascending"


def name_key(name: str) -> list[tuple[int, Any]]:
    """A name as people sort it: case and accents ignored, numbers by value ("Student 2"
    before "Student 10")."""
    folded = unicodedata.normalize("NFKD", " ".join(name.split())).casefold()
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", plain)]


def _column_key(column: str) -> Callable[[StudentResult], Any]:
    """What a column sorts by; None for a row without that value (kept at the end)."""
    if column == "name":
        return lambda row: name_key(row.name)
    if column == "score":
        return lambda row: (
            None if row.score is None or not row.max_score else row.score / row.max_score
        )
    if column == "time":
        return lambda row: row.duration
    return lambda row: None if row.submitted_at is None else _utc(row.submitted_at)


def _utc(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def order_students(rows: Iterable[StudentResult], order: StudentOrder) -> list[StudentResult]:
    """The rows in that order; ties keep their submission order, and rows without the value
    (attempts still open have no score or time) come last either way."""
    key = _column_key(order.column)
    rows = list(rows)
    present = [row for row in rows if key(row) is not None]
    missing = [row for row in rows if key(row) is None]
    return sorted(present, key=key, reverse=order.descending) + missing
