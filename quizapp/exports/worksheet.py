"""A lesson as a printable worksheet: each section's text followed by its check questions (PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizapp.exports.pdf import _environment, paper_size, render_pdf

__all__ = ["Worksheet", "WorksheetSection", "worksheet_html", "worksheet_pdf"]


@dataclass(frozen=True, slots=True)
class WorksheetSection:
    """A section to read and the numbered questions that check it."""

    number: int
    paragraphs: tuple[str, ...]
    items: tuple[tuple[int, dict[str, Any]], ...]


@dataclass(frozen=True, slots=True)
class Worksheet:
    """Everything the worksheet template shows (the header reads ``title`` and friends)."""

    title: str
    article_title: str | None
    article_date: str | None
    sections: tuple[WorksheetSection, ...]
    final_items: tuple[tuple[int, dict[str, Any]], ...]
    version: str | None = None
    paper_size: str = "A4"


def worksheet_html(sheet: Worksheet) -> str:
    """The worksheet as HTML: the question macro in "print" mode, as on the student paper."""
    return _environment().get_template("print/worksheet.html").render(paper=sheet)


def worksheet_pdf(sheet: Worksheet, *, paper: str = "A4") -> bytes:
    """The worksheet as PDF bytes, with the papers' stylesheet and no access to any URL."""
    return render_pdf(worksheet_html(sheet), paper_size(paper))
