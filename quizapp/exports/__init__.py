"""Exports of a question set: one module per format behind a registry, one entry point.

    from quizapp.exports import export
    result = export(document, "gift")          # ExportResult(data, filename, mimetype)

Adding a format means one module with an ``export_<name>(document, options)`` function and one
line in ``_EXPORTERS``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from quizapp.exports.base import ExportOptions, ExportResult, without_control_characters

__all__ = ["FORMATS", "ExportOptions", "ExportResult", "export", "export_options"]

# format name -> (module, function); modules are imported on use, so WeasyPrint and genanki load
# only when a PDF or a deck is asked for (openpyxl when a game spreadsheet is).
_EXPORTERS: dict[str, tuple[str, str]] = {
    "pdf": ("quizapp.exports.pdf", "export_paper"),
    "key": ("quizapp.exports.pdf", "export_key"),
    "gift": ("quizapp.exports.gift", "export_gift"),
    "moodle-xml": ("quizapp.exports.moodle_xml", "export_moodle_xml"),
    "qti": ("quizapp.exports.qti", "export_qti"),
    "qti-canvas": ("quizapp.exports.qti", "export_qti_canvas"),
    "csv": ("quizapp.exports.csv_format", "export_csv"),
    "json": ("quizapp.exports.json_format", "export_json"),
    "anki": ("quizapp.exports.anki", "export_anki"),
    "kahoot": ("quizapp.exports.games", "export_kahoot"),
    "quizizz": ("quizapp.exports.games", "export_quizizz"),
    "blooket": ("quizapp.exports.games", "export_blooket"),
}
FORMATS: tuple[str, ...] = tuple(_EXPORTERS)
PAPERS: tuple[str, ...] = ("A4", "Letter")
MAX_VERSIONS = 26


def exporter(fmt: str) -> Callable[[dict[str, Any], ExportOptions], ExportResult]:
    """The export function of a format name."""
    try:
        module_name, function_name = _EXPORTERS[fmt]
    except (KeyError, TypeError):
        raise ValueError(f"unknown export format: {fmt!r}") from None
    return getattr(import_module(module_name), function_name)


def export_options(
    *,
    article_text: str | None = None,
    versions: int = 1,
    paper: str = "A4",
    seed: int = 0,
    quiz_title: str | None = None,
    set_identity: str | None = None,
    modified: int | None = None,
    item_modified: tuple[tuple[str, int], ...] = (),
) -> ExportOptions:
    """The options of an export, checked: ValueError for a bad number of versions or paper size."""
    if not 1 <= versions <= MAX_VERSIONS:
        raise ValueError(f"versions must be between 1 and {MAX_VERSIONS}, not {versions!r}")
    if str(paper).strip().upper() not in {name.upper() for name in PAPERS}:
        raise ValueError(f"unknown paper size: {paper!r}")
    return ExportOptions(
        article_text=article_text,
        versions=versions,
        paper=paper,
        seed=seed,
        quiz_title=quiz_title,
        set_identity=set_identity,
        modified=modified,
        item_modified=item_modified,
    )


def export(
    document: dict[str, Any],
    fmt: str,
    *,
    article_text: str | None = None,
    versions: int = 1,
    paper: str = "A4",
    seed: int = 0,
    quiz_title: str | None = None,
    set_identity: str | None = None,
    modified: int | None = None,
    item_modified: tuple[tuple[str, int], ...] = (),
) -> ExportResult:
    """Export a question-set document in one format.

    ``article_text`` adds the article as an appendix to PDFs; ``versions`` >= 2 makes pdf/key a
    zip of shuffled versions A, B, ... (deterministic from ``seed``); ``paper`` is A4 or Letter.
    ``set_identity`` names a stored quiz (stable ids in Anki, Moodle, QTI) and ``modified`` is
    its creation in seconds since 1970; ``item_modified`` gives (item id, seconds) of edited
    items, so Anki updates exactly the notes of edited items.
    """
    function = exporter(fmt)
    document = without_control_characters(document)
    options = export_options(
        article_text=article_text,
        versions=versions,
        paper=paper,
        seed=seed,
        quiz_title=without_control_characters(quiz_title),
        set_identity=set_identity,
        modified=modified,
        item_modified=item_modified,
    )
    return function(document, options)
