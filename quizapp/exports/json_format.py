"""JSON export: the question-set document itself, pretty-printed UTF-8."""

from __future__ import annotations

import json
from typing import Any

from quizapp.exports.base import ExportOptions, ExportResult, document_title, slugify


def export_json(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The document as given (keys and items in their order), indented, UTF-8, newline-ended."""
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return ExportResult(
        data=text.encode("utf-8"),
        filename=f"{slugify(document_title(document, options))}.json",
        mimetype="application/json",
    )
