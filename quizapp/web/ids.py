"""Numbers from URLs and forms that name rows: only those a database column can hold."""

from __future__ import annotations

from typing import Any

from werkzeug.routing import IntegerConverter

# The largest value a 64-bit integer column holds; SQLite's driver raises on any larger one
# (a 500 for "/teacher/quizzes/99999999999999999999" instead of a 404).
MAX_ROW_ID = 2**63 - 1


class RowIdConverter(IntegerConverter):
    """``<int:...>`` in every route: a number out of a column's range matches no route (404)."""

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ROW_ID)
        super().__init__(map, *args, **kwargs)


def row_number(text: str) -> int:
    """A whole number a column can hold, for ``request.args.get(..., type=row_number)``: a
    larger one raises ValueError, so the argument reads as missing (None)."""
    value = int(text)
    if abs(value) > MAX_ROW_ID:
        raise ValueError(f"{text!r} is out of range")
    return value
