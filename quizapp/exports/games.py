"""Kahoot!, Quizizz (Wayground) and Blooket import files: each tool's template, filled in.

Each file holds the choice questions its tool can take; the others are left out and named in
the result's warnings. The layouts are the vendors' published import templates (Kahoot's
"Quiz template" .xlsx, Quizizz's "Create a Quiz" .xlsx, Blooket's "Blooket Import Template"
CSV) as reproduced, identically, by several independent public generators and readers of
them; README ("Kahoot!, Quizizz and Blooket") lists what goes in and what is left out.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.exports.base import ExportOptions, ExportResult, document_title, items_of, slugify
from quizapp.exports.csv_format import safe_cell

__all__ = [
    "BLOOKET_HEADER",
    "GAME_FORMATS",
    "KAHOOT_HEADER",
    "KAHOOT_HEADER_ROW",
    "QUIZIZZ_HEADER",
    "GameFit",
    "export_blooket",
    "export_kahoot",
    "export_quizizz",
    "game_fit",
]

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# --- Kahoot!: instructions in B2.., the header on row 8 (column A numbers the questions),
# questions from row 9; 2-4 answers, the correct one(s) by number.
KAHOOT_HEADER_ROW = 8
KAHOOT_QUESTION_MAX = 120
KAHOOT_ANSWER_MAX = 75
KAHOOT_TIMES = (5, 10, 20, 30, 60, 90, 120, 240)
KAHOOT_SECONDS = 30
KAHOOT_HEADER = (
    "",
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)

# --- Quizizz (now Wayground): header on row 1, the template's own instruction row 2,
# questions from row 3; up to 5 options, the correct one by number (1-5).
QUIZIZZ_SHEET = "Create a Quiz"
QUIZIZZ_SECONDS = 30
QUIZIZZ_HEADER = (
    "Question Text",
    "Question Type",
    "Option 1",
    "Option 2",
    "Option 3",
    "Option 4",
    "Option 5",
    "Correct Answer",
    "Time in seconds",
    "Image Link",
    "Answer explanation",
)
QUIZIZZ_INSTRUCTIONS = (
    "Text of the question\n\n(required)\n\n\n",
    "Question Type\n\n(default is Multiple Choice)\n\n",
    "Text for option 1\n\n(required in all cases except open-ended & draw questions)",
    "Text for option 2\n\n(required in all cases except open-ended & draw questions)",
    "Text for option 3\n\n(optional)\n\n\n",
    "Text for option 4\n\n(optional)\n\n\n",
    "Text for option 5\n\n(optional)\n\n\n",
    'The correct option choice (between 1-5).\n\nLeave blank for "Open-Ended", "Poll", '
    '"Draw" and "Fill-in-the-Blank".',
    "Time in seconds\n\n(optional, default value is 30 seconds)\n",
    "Link of the image\n\n(optional)\n\n\n",
    "Explanation for the answer\n(optional)\n\n\n",
)

# --- Blooket: a title row of eight fields (its importer guesses the delimiter from the first
# line), the header, then one question per row; CRLF line ends, UTF-8 without a BOM.
BLOOKET_SECONDS = 20
BLOOKET_TITLE = ("Blooket Import Template", "", "", "", "", "", "", "")
BLOOKET_HEADER = (
    "Question #",
    "Question Text",
    "Answer 1",
    "Answer 2",
    "Answer 3 (Optional)",
    "Answer 4 (Optional)",
    "Time Limit (sec) (Max: 300 seconds)",
    "Correct Answer(s) (Only include Answer #)",
)


@dataclass(frozen=True, slots=True)
class _Game:
    """What one tool's template holds: its name, answers per question and length limits."""

    name: str
    max_options: int
    question_max: int | None = None
    answer_max: int | None = None


GAMES: dict[str, _Game] = {
    "kahoot": _Game("Kahoot!", 4, KAHOOT_QUESTION_MAX, KAHOOT_ANSWER_MAX),
    "quizizz": _Game("Quizizz", 5),
    "blooket": _Game("Blooket", 4),
}
GAME_FORMATS: tuple[str, ...] = tuple(GAMES)

# Kinds as a teacher reads them in a warning.
_KIND_NAMES = {
    "fill_in": "fill-in",
    "short_answer": "short answer",
    "numeric": "number",
    "matching": "matching",
    "cloze": "gap-fill passage",
}


@dataclass(frozen=True, slots=True)
class ChoiceRow:
    """One question as a game holds it: number in the quiz, text, answers, correct answer (1-based)."""

    number: int
    prompt: str
    answers: tuple[str, ...]
    correct: int
    explanation: str


@dataclass(frozen=True, slots=True)
class GameFit:
    """Which items of a set a game's template holds, and why the others are left out."""

    tool: str
    total: int
    rows: tuple[ChoiceRow, ...]
    left_out: tuple[tuple[int, str], ...]  # (question number, reason)
    fewer_options: int  # kept questions that lost distractors to the tool's answer limit

    def warnings(self) -> tuple[str, ...]:
        """A summary line, then one line per question left out."""
        lines: list[str] = []
        if self.left_out:
            reasons = Counter(reason for _, reason in self.left_out)
            detail = "; ".join(f"{count} × {reason}" for reason, count in reasons.items())
            lines.append(
                f"{self.tool}: {len(self.rows)} of {self.total} questions exported, "
                f"{len(self.left_out)} left out ({detail})."
            )
            lines += [f"  question {number}: {reason}" for number, reason in self.left_out]
        if self.fewer_options:
            lines.append(
                f"{self.tool}: {self.fewer_options} question(s) keep fewer wrong options "
                "(the correct answer is always kept)."
            )
        return tuple(lines)


def _plain(text: object) -> str:
    """One line of text: a spreadsheet cell or game card shows no line breaks."""
    return " ".join(str(text or "").split())


def _fit_item(number: int, item: dict[str, Any], game: _Game) -> ChoiceRow | str:
    """The item as a choice question the game holds, or the reason it cannot be one."""
    kind = item.get("kind")
    if kind not in ("multiple_choice", "true_false"):
        name = _KIND_NAMES.get(str(kind), str(kind or "unknown kind"))
        return f"{name} (takes only multiple-choice and true/false questions)"
    prompt = _plain(item.get("prompt"))
    options = [_plain(option) for option in item.get("options") or []]
    answer = _plain(item.get("answer"))
    if not prompt or answer not in options:
        return "no question text or no correct option"
    if game.question_max and len(prompt) > game.question_max:
        return f"question longer than {game.question_max} characters"
    if game.answer_max and len(answer) > game.answer_max:
        return f"correct answer longer than {game.answer_max} characters"
    key = options.index(answer)
    # Wrong options that do not fit are dropped, never cut; the first ones are kept, in order.
    fitting = [
        at
        for at, option in enumerate(options)
        if at != key and option and not (game.answer_max and len(option) > game.answer_max)
    ]
    kept = sorted([key, *fitting[: game.max_options - 1]])
    if len(kept) < 2:
        return f"no wrong option of at most {game.answer_max} characters"
    return ChoiceRow(
        number=number,
        prompt=prompt,
        answers=tuple(options[at] for at in kept),
        correct=kept.index(key) + 1,
        explanation=_plain(item.get("explanation")),
    )


def game_fit(document: dict[str, Any], fmt: str) -> GameFit:
    """What of the question set goes into the tool's file (fmt: kahoot, quizizz, blooket)."""
    try:
        game = GAMES[fmt]
    except KeyError:
        raise ValueError(f"unknown game format: {fmt!r}") from None
    items = items_of(document)
    rows: list[ChoiceRow] = []
    left_out: list[tuple[int, str]] = []
    fewer = 0
    for number, item in enumerate(items, 1):
        fitted = _fit_item(number, item, game)
        if isinstance(fitted, str):
            left_out.append((number, fitted))
            continue
        rows.append(fitted)
        fewer += len(fitted.answers) < len([o for o in item.get("options") or [] if o])
    return GameFit(game.name, len(items), tuple(rows), tuple(left_out), fewer)


# openpyxl stamps every zip entry and the "modified" property with the time of saving: fixed
# stamps keep the spreadsheet byte-identical for the same questions (as the QTI zip is).
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
_STAMP = "2024-01-01T00:00:00Z"
_CORE_TIMES = re.compile(r"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def _fixed_stamps(data: bytes) -> bytes:
    """The .xlsx with its zip entries' times and its created/modified properties fixed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                core = _CORE_TIMES.sub(rf"\g<1>{_STAMP}\g<2>", content.decode("utf-8"))
                content = core.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            target.writestr(entry, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _workbook_bytes(sheet_title: str, cells: Sequence[tuple[int, int, object]]) -> bytes:
    """An .xlsx of one sheet; text cells guarded against formulas and stored as text."""
    from openpyxl import Workbook  # loaded only when a spreadsheet is asked for

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    for row, column, value in cells:
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, int):
            cell.value = value
        else:
            cell.value = safe_cell(value)
            # openpyxl would store text starting with "=" as a formula: it stays a string.
            cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_stamps(buffer.getvalue())


def _result(
    document: dict[str, Any], options: ExportOptions, fit: GameFit, data: bytes, ext: str, mime: str
) -> ExportResult:
    """The file under "<title>-<tool>.<ext>", with the fit's warnings."""
    stem = slugify(document_title(document, options))
    tool = slugify(fit.tool)
    return ExportResult(data, f"{stem}-{tool}.{ext}", mime, warnings=fit.warnings())


def export_kahoot(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """Kahoot's quiz-template spreadsheet (Create > Import spreadsheet)."""
    fit = game_fit(document, "kahoot")
    # B2 reads "Quiz template" as in Kahoot's own file; our notes stay above the header row.
    cells: list[tuple[int, int, object]] = [
        (2, 2, "Quiz template"),
        (3, 2, document_title(document, options)),
        (4, 2, "In Kahoot!: create a kahoot, add a question, then Import spreadsheet."),
        (
            5,
            2,
            f"Questions have at most {KAHOOT_QUESTION_MAX} characters and answers "
            f"{KAHOOT_ANSWER_MAX}; the correct answer is given by its number.",
        ),
    ]
    cells += [(KAHOOT_HEADER_ROW, column, text) for column, text in enumerate(KAHOOT_HEADER, 1)]
    for offset, row in enumerate(fit.rows, 1):
        line = KAHOOT_HEADER_ROW + offset
        answers = [*row.answers, *[""] * (4 - len(row.answers))]
        values = [offset, row.prompt, *answers, KAHOOT_SECONDS, row.correct]
        cells += [(line, column, value) for column, value in enumerate(values, 1) if value != ""]
    data = _workbook_bytes("Sheet1", cells)
    return _result(document, options, fit, data, "xlsx", XLSX_MIMETYPE)


def export_quizizz(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """Quizizz's (Wayground's) "Create a Quiz" spreadsheet, explanations included."""
    fit = game_fit(document, "quizizz")
    cells: list[tuple[int, int, object]] = []
    for line, values in ((1, QUIZIZZ_HEADER), (2, QUIZIZZ_INSTRUCTIONS)):
        cells += [(line, column, text) for column, text in enumerate(values, 1)]
    for offset, row in enumerate(fit.rows):
        answers = [*row.answers, *[""] * (5 - len(row.answers))]
        values = [
            row.prompt,
            "Multiple Choice",
            *answers,
            row.correct,
            QUIZIZZ_SECONDS,
            "",
            row.explanation,
        ]
        cells += [(3 + offset, col, value) for col, value in enumerate(values, 1) if value != ""]
    data = _workbook_bytes(QUIZIZZ_SHEET, cells)
    return _result(document, options, fit, data, "xlsx", XLSX_MIMETYPE)


def export_blooket(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """Blooket's import-template CSV (Create a set > CSV import)."""
    fit = game_fit(document, "blooket")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(BLOOKET_TITLE)
    writer.writerow(BLOOKET_HEADER)
    for offset, row in enumerate(fit.rows, 1):
        answers = [*row.answers, *[""] * (4 - len(row.answers))]
        cells = [row.prompt, *answers]
        writer.writerow(
            [offset, *(safe_cell(cell) for cell in cells), BLOOKET_SECONDS, row.correct]
        )
    data = buffer.getvalue().encode("utf-8")
    return _result(document, options, fit, data, "csv", "text/csv")
