"""Anki export (.apkg via genanki): a note per item (a Cloze note for a passage), quote on the back."""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import itertools
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from quizapp.exports.base import (
    ExportOptions,
    ExportResult,
    document_title,
    item_key,
    items_of,
    quote_parts,
    set_key,
    slugify,
    teacher_note,
)
from quizapp.nlp.model import BLANK

Item = dict[str, Any]
LETTERS = "ABCDEFGHIJ"
# Notes and cards carry time stamps. Anki updates a note on re-import only when the incoming
# one is newer, so notes carry the set's last edit; without one (a freshly generated set) a
# fixed time keeps the deck byte-identical for the same questions.
_TIMESTAMP = 1_700_000_000
# One note type for every quizapp deck, so importing many quizzes does not multiply them.
MODEL_NAME = "quizapp question"
_CSS = """.card { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 20px; text-align: left;
  color: #111; background: #fff; }
.options { margin: .5em 0 0 0; }
.answer { font-weight: bold; }
.quote { margin-top: .8em; color: #333; }
.quote b { text-decoration: underline; }
.para { color: #666; font-size: 80%; }"""


def stable_id(identity: str, purpose: str) -> int:
    """A 31-bit id from an identity's hash, so re-exports update the same deck and model."""
    digest = hashlib.sha256(f"quizapp:{purpose}:{identity}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def _e(text: object) -> str:
    """HTML-escaped text (Anki fields are HTML)."""
    return html.escape("" if text is None else str(text))


def _front(item: Item) -> str:
    """The prompt, then lettered options, matching columns or a true/false hint."""
    parts = [f'<div class="prompt">{_e(item.get("prompt"))}</div>']
    kind = item.get("kind")
    if kind == "multiple_choice":
        options = "".join(
            f"<div>{LETTERS[n]}. {_e(option)}</div>"
            for n, option in enumerate(item.get("options") or [])
        )
        parts.append(f'<div class="options">{options}</div>')
    elif kind == "true_false":
        parts.append('<div class="options">True or false?</div>')
    elif kind == "matching":
        lefts = "".join(f"<li>{_e(left)}</li>" for left, _ in item.get("pairs") or [])
        rights = sorted(right for _, right in item.get("pairs") or [])
        parts.append(f'<ol class="options">{lefts}</ol>')
        parts.append(f'<div class="options">Choose from: {_e(" · ".join(rights))}</div>')
    elif kind == "numeric" and item.get("unit"):
        parts.append(f'<div class="options">({_e(item["unit"])})</div>')
    return "".join(parts)


def _back(item: Item) -> str:
    """The answer (letter and text for multiple choice), then the highlighted quote and ¶."""
    kind = item.get("kind")
    if kind == "matching":
        answer = "<br>".join(f"{_e(left)} → {_e(right)}" for left, right in item.get("pairs") or [])
    elif kind == "multiple_choice" and item.get("answer") in (item.get("options") or []):
        letter = LETTERS[list(item["options"]).index(item["answer"])]
        answer = f"{letter}. {_e(item['answer'])}"
    else:
        answer = _e(item.get("answer"))
    parts = [f'<div class="answer">{answer}</div>']
    note = teacher_note(item)
    if note:
        parts.append(f'<div class="note">{_e(note)}</div>')
    quote = "".join(f"<b>{_e(p.text)}</b>" if p.hit else _e(p.text) for p in quote_parts(item))
    if quote:
        paragraph = (item.get("source") or {}).get("paragraph")
        mark = f' <span class="para">¶{_e(paragraph)}</span>' if paragraph else ""
        parts.append(f'<div class="quote">“{quote}”{mark}</div>')
    return "".join(parts)


CLOZE_MODEL_NAME = "quizapp passage"


def _cloze_safe(text: str) -> str:
    """Escaped text that cannot close a cloze deletion or start its hint ("}}", "::")."""
    return _e(text).replace("}", "&#125;").replace(":", "&#58;")


def _cloze_text(item: Item) -> str:
    """The passage with each gap a cloze deletion {{cN::answer}} (one card per gap), then the
    word bank when there is one (shown on every card, as students had it)."""
    parts = str(item.get("prompt") or "").split(BLANK)
    blanks = list(item.get("blanks") or [])
    text = [_cloze_safe(parts[0])]
    for number, blank in enumerate(blanks, 1):
        text.append(f"{{{{c{number}::{_cloze_safe(str(blank.get('answer') or ''))}}}}}")
        text.append(_cloze_safe(parts[number]) if number < len(parts) else "")
    out = f'<div class="prompt">{"".join(text)}</div>'
    if item.get("bank"):
        bank = " · ".join(_cloze_safe(str(entry)) for entry in item["bank"])
        out += f'<div class="options">Word bank: {bank}</div>'
    return out


def _cloze_extra(item: Item) -> str:
    """The back's extra: the highlighted quote and its paragraph, as on other cards."""
    quote = "".join(f"<b>{_e(p.text)}</b>" if p.hit else _e(p.text) for p in quote_parts(item))
    if not quote:
        return ""
    paragraph = (item.get("source") or {}).get("paragraph")
    mark = f' <span class="para">¶{_e(paragraph)}</span>' if paragraph else ""
    return f'<div class="quote">“{quote}”{mark}</div>'


def _cloze_model():
    """Anki's Cloze note type for passages: one card per gap, the quote on the back."""
    import genanki

    return genanki.Model(
        stable_id(CLOZE_MODEL_NAME, "model"),
        CLOZE_MODEL_NAME,
        fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Id"}],
        templates=[
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Text}}",
                "afmt": '{{cloze:Text}}<hr id="answer">{{Back Extra}}',
            }
        ],
        css=_CSS,
        model_type=genanki.Model.CLOZE,
        sort_field_index=2,
    )


def note_times(document: dict[str, Any], options: ExportOptions) -> dict[str, int]:
    """Each note's modification time by GUID: when its item last changed, as far as known.

    Anki replaces a note on re-import only when the incoming one is newer: an edited item
    carries the time of its edit, an untouched one the set's creation, so a re-export updates
    exactly the edited notes.
    """
    import genanki

    identity = set_key(document, options)
    edited = dict(options.item_modified)
    base = options.modified or _TIMESTAMP
    times = {}
    for number, item in enumerate(items_of(document), 1):
        guid = genanki.guid_for("quizapp", identity, item_key(item, options) or f"q{number}")
        times[guid] = max(edited.get(str(item.get("id")), base), _TIMESTAMP)
    return times


def build_package(document: dict[str, Any], options: ExportOptions):
    """The genanki Package: one deck named after the title, one note per item.

    The deck id and every note's GUID come from the set's identity (the stored quiz, else the
    article) and the item's identity, never from positions: a 40-item deck of an article and
    a 20-item one share only the notes that are the same question.
    """
    import genanki

    title = document_title(document, options)
    identity = set_key(document, options)
    model = genanki.Model(
        stable_id(MODEL_NAME, "model"),
        MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Id"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
        css=_CSS,
        sort_field_index=2,
    )
    deck = genanki.Deck(stable_id(identity, "deck"), " ".join(title.split()))
    cloze_model = None
    for number, item in enumerate(items_of(document), 1):
        key = item_key(item, options) or f"q{number}"
        if item.get("kind") == "cloze":
            cloze_model = cloze_model or _cloze_model()
            deck.add_note(
                genanki.Note(
                    model=cloze_model,
                    fields=[
                        _cloze_text(item),
                        _cloze_extra(item),
                        _e(item.get("id") or f"q{number}"),
                    ],
                    guid=genanki.guid_for("quizapp", identity, key),
                )
            )
            continue
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[_front(item), _back(item), _e(item.get("id") or f"q{number}")],
                guid=genanki.guid_for("quizapp", identity, key),
            )
        )
    return genanki.Package(deck)


def export_anki(document: dict[str, Any], options: ExportOptions) -> ExportResult:
    """The set as an Anki package (.apkg), built without leaving temporary files behind."""
    title = document_title(document, options)
    package = build_package(document, options)
    times = note_times(document, options)
    timestamp = max([_TIMESTAMP, *times.values()])
    buffer = io.BytesIO()
    # genanki's write_to_file leaves its temporary database in /tmp; write the database here.
    with tempfile.TemporaryDirectory(prefix="quizapp-anki-") as folder:
        path = Path(folder) / "collection.anki2"
        with contextlib.closing(sqlite3.connect(path)) as conn:
            package.write_to_db(conn.cursor(), timestamp, itertools.count(timestamp * 1000))
            conn.executemany(
                "UPDATE notes SET mod = ? WHERE guid = ?", [(t, g) for g, t in times.items()]
            )
            conn.commit()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(path, "collection.anki2")
            archive.writestr("media", json.dumps({}))
    return ExportResult(
        data=buffer.getvalue(),
        filename=f"{slugify(title)}.apkg",
        mimetype="application/octet-stream",
    )
