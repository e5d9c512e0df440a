"""Shared types and small helpers of the exporters: results, options, names, quotes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from quizapp.nlp.model import BLANK

__all__ = [
    "ExportOptions",
    "ExportResult",
    "QuotePart",
    "accepted_answers",
    "article_paragraphs",
    "document_title",
    "item_key",
    "items_of",
    "numeric_range",
    "numeric_text",
    "question_name",
    "quote_parts",
    "set_key",
    "slugify",
    "stable_digest",
    "typed_answers",
    "without_accents",
    "without_control_characters",
]

Item = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An exported file: its bytes, a suggested file name and its MIME type.

    ``warnings`` say what the file could not hold (items a game's template has no place for),
    one line each, for the teacher to read; empty when everything went in.
    """

    data: bytes
    filename: str
    mimetype: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What every exporter may use besides the question-set document."""

    article_text: str | None = None
    versions: int = 1
    paper: str = "A4"
    seed: int = 0
    quiz_title: str | None = None
    # Who the set is (a stored quiz: "quiz-<id>-<created>"); None for a freshly generated set.
    set_identity: str | None = None
    # When the set last changed (seconds since 1970): a stored quiz's last edit; None if unknown.
    modified: int | None = None
    # Per item id, when that item last changed, where known (edited items of a stored quiz).
    item_modified: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class QuotePart:
    """A run of a quoted sentence; ``hit`` marks the answer span to highlight."""

    text: str
    hit: bool = False


# What XML 1.0 forbids, and spreadsheets (openpyxl) refuse: C0 control characters but tab,
# newline and carriage return, lone surrogates and the two non-characters. A teacher can paste
# one into a question (a vertical tab is Word's line break); one such character made a whole
# Moodle XML or QTI file unreadable to the importer, and the Kahoot! export fail.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]+")


def without_control_characters(value: Any) -> Any:
    """The value (a document, or any string, list or dict in it) with each run of characters
    XML cannot hold replaced by a space."""
    if isinstance(value, str):
        return _NOT_IN_XML.sub(" ", value)
    if isinstance(value, dict):
        return {key: without_control_characters(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(without_control_characters(item) for item in value)
    return value


def items_of(document: dict[str, Any]) -> list[Item]:
    """The question items of a question-set document, in order."""
    return list(document.get("questions") or [])


def document_title(document: dict[str, Any], options: ExportOptions) -> str:
    """The title to print or export under: the quiz title, else the article title, else "Quiz"."""
    article = document.get("article") or {}
    return (options.quiz_title or article.get("title") or "Quiz").strip() or "Quiz"


def slugify(text: str, *, fallback: str = "quiz", limit: int = 120) -> str:
    """An ASCII file-name stem from a title ("Élan – 2024!" -> "elan-2024").

    A long title is cut at a word boundary, never inside a word ("…tensio.pdf").
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:limit]
    return slug.strip("-") or fallback


def _decimal(value: float | int | str | Decimal) -> Decimal:
    """A number as the shortest Decimal that prints it (0.1 stays 0.1, not 0.1000000000000000055)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value))


def numeric_text(value: float | int | str | Decimal | None) -> str:
    """A number in plain decimal notation: no ".0", no exponent, no float noise.

    1360.0 -> "1360", 2.5 -> "2.5", 1e-05 -> "0.00001", 2.3 - 0.1 -> computed exactly as "2.2".
    """
    if value is None or value == "":
        return ""
    try:
        number = _decimal(value)
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    text = format(number.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def numeric_range(item: Item) -> tuple[str, str] | None:
    """(low, high) of a numeric item's accepted range, computed in decimal; None without one."""
    value, tolerance = item.get("value"), item.get("tolerance") or 0
    if value is None:
        return None
    try:
        centre, spread = _decimal(value), abs(_decimal(tolerance))
    except (InvalidOperation, ValueError):
        return None
    return numeric_text(centre - spread), numeric_text(centre + spread)


def accepted_answers(item: Item) -> list[str]:
    """The answer and its accepted variants, each once, answer first."""
    seen: list[str] = []
    for value in [item.get("answer"), *(item.get("accepted") or [])]:
        if value and value not in seen:
            seen.append(value)
    return seen


def without_accents(text: str) -> str:
    """ "Zoë Müller" -> "Zoe Muller" (letters that do not decompose, such as "Ł", stay)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def typed_answers(item: Item) -> list[str]:
    """The accepted answers an LMS compares a typed answer with: accepted_answers, each also
    without its accents. The app marks "Zoe Muller" right for "Zoë Müller"; Moodle's short
    answer and QTI mappings compare letters exactly (case aside), so the plain form is listed."""
    answers = accepted_answers(item)
    known = {value.casefold() for value in answers}
    for value in list(answers):
        plain = without_accents(value)
        if plain.casefold() not in known:
            known.add(plain.casefold())
            answers.append(plain)
    return answers


# Moodle keeps category names and a matching question's answers (the right-hand texts) in
# 255-character columns and its importer does not shorten them: one longer text failed the
# whole import with "Error writing to database" in Moodle 4.5.
MOODLE_SHORT_TEXT = 255


def moodle_short_text(text: str, limit: int = MOODLE_SHORT_TEXT) -> str:
    """Text for a 255-character Moodle column: spaces collapsed, a longer text cut at a word
    with "…"."""
    short = " ".join(str(text).split())
    if len(short) <= limit:
        return short
    cut = short[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


def moodle_label(text: str) -> str:
    """Plain text that Moodle shows through format_string (a matching answer, a word-bank
    entry), with "<" as an entity: format_string strips tags, so an answer "<x>" was an empty
    option in the real Moodle; "&lt;" shows as "<", and without a "<" nothing is a tag (a lone
    ">", as in "north -> south", is kept as it is, for GIFT's other readers too)."""
    return str(text).replace("<", "&lt;")


def moodle_short_label(text: str) -> str:
    """A label (see moodle_label) for a 255-character column: cut so that it fits with its
    entities."""
    limit = MOODLE_SHORT_TEXT
    while len(label := moodle_label(moodle_short_text(text, limit))) > MOODLE_SHORT_TEXT:
        # A character cut takes away 1 to 4 of the label's ("<" is "&lt;"): a quarter of the
        # excess at least, so the label is cut no shorter than it must be.
        limit -= -(-(len(label) - MOODLE_SHORT_TEXT) // 4)
    return label


def moodle_typed_answer(text: str) -> str:
    """A typed answer as Moodle's shortanswer must store it to match it literally: "*" is
    Moodle's wildcard (any text), "\\*" a literal star."""
    return text.replace("*", "\\*")


def question_name(item: Item, *, words: int = 8, limit: int = 60) -> str:
    """A question's name from the first words of its stem ("Mayor Zoë Müller said the …")."""
    stem = " ".join(str(item.get("prompt") or "").replace(BLANK, "…").split())
    chosen = stem.split()[:words]
    name = " ".join(chosen)
    if len(name) > limit:
        name = name[:limit].rsplit(" ", 1)[0]
    if name != stem:
        name = name.rstrip(" ,;:.") + " …"
    return name or str(item.get("id") or "Question")


def set_key(document: dict[str, Any], options: ExportOptions) -> str:
    """Who the question set is: the stored quiz, else the article it was generated from."""
    article = document.get("article") or {}
    article_part = article.get("sha256") or article.get("title") or "article"
    return f"{article_part}:{options.set_identity or 'generated'}"


def item_key(item: Item, options: ExportOptions) -> str:
    """Who an item is within its set, unchanged when its wording is edited.

    A stored quiz's items have database ids. A generated set's ids restart at q1 in every set,
    so there the item is known by its kind and the article span it asks about: the same
    question in a 20- and a 40-item set of one article is one item, different ones never meet.
    """
    if options.set_identity:
        return str(item.get("id") or "")
    fact = item.get("fact") or {}
    source = item.get("source") or {}
    span = f"{fact.get('start')}-{fact.get('end')}:{source.get('start')}"
    return f"{item.get('kind')}:{span}:{item.get('id') if fact.get('start') is None else ''}"


def stable_digest(*parts: str, length: int = 16) -> str:
    """A hex digest of some identity parts, the same in every run and process."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:length]


def teacher_note(item: Item) -> str:
    """The teacher's own explanation of an item, or "" when it has none.

    The generator's explanation ("The article says: “...”") only repeats the quoted source
    sentence that every page and export shows beside the answer; a teacher's edit replaces it
    with words of their own, which must show too (on the result page, in the key and in every
    LMS export), not only where the item has no quote.
    """
    explanation = str(item.get("explanation") or "").strip()
    quote = " ".join(str((item.get("source") or {}).get("quote") or "").split())
    # Exactly the generator's wording (quizapp/nlp/questions/base.py, cloze.py): a teacher who
    # adds a remark to it has written a note.
    if not explanation or " ".join(explanation.split()) == f"The article says: “{quote}”":
        return ""
    return explanation


def quote_parts(item: Item) -> list[QuotePart]:
    """The source quote split around the answer span, so it can be highlighted.

    Uses the fact offsets when they sit inside the quote; otherwise looks for the fact text or
    the answer in the quote; otherwise returns the quote whole.
    """
    source = item.get("source") or {}
    quote = source.get("quote") or ""
    if not quote:
        return []
    if item.get("kind") == "cloze" and item.get("blanks"):
        return _gap_parts(item, quote)
    fact = item.get("fact") or {}
    start, end = fact.get("start"), fact.get("end")
    q_start = source.get("start")
    if isinstance(start, int) and isinstance(end, int) and isinstance(q_start, int):
        a, b = start - q_start, end - q_start
        if 0 <= a < b <= len(quote) and quote[a:b] == fact.get("text", quote[a:b]):
            return _split(quote, a, b)
    for needle in (fact.get("text"), item.get("answer")):
        if needle and needle in quote:
            a = quote.index(needle)
            return _split(quote, a, a + len(needle))
    return [QuotePart(quote)]


def _gap_parts(item: Item, quote: str) -> list[QuotePart]:
    """A passage's quote with every gap's answer a hit (facts inside the quote, in order)."""
    q_start = (item.get("source") or {}).get("start")
    parts: list[QuotePart] = []
    at = 0
    for blank in item.get("blanks") or []:
        fact = blank.get("fact") or {}
        start, end = fact.get("start"), fact.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(q_start, int)):
            continue
        a, b = start - q_start, end - q_start
        if at <= a < b <= len(quote):
            parts += [QuotePart(quote[at:a]), QuotePart(quote[a:b], hit=True)]
            at = b
    parts.append(QuotePart(quote[at:]))
    return [part for part in parts if part.text]


def _split(quote: str, a: int, b: int) -> list[QuotePart]:
    """Three parts (empty ones dropped): before, the hit, after."""
    parts = [QuotePart(quote[:a]), QuotePart(quote[a:b], hit=True), QuotePart(quote[b:])]
    return [part for part in parts if part.text]


def article_paragraphs(text: str) -> list[tuple[int | None, str]]:
    """The article's non-blank lines, body paragraphs numbered as the items' "¶" refer to them.

    The numbers come from the generator's own reader, which leaves a headline, standfirst or
    date line out of the count wherever it stands (on top or, in some exports, at the end);
    those lines are returned without a number.
    """
    body = {start: number for number, (start, _) in enumerate(_body_paragraphs(text), 1)}
    lines: list[tuple[int | None, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            start = offset + len(line) - len(line.lstrip())
            lines.append((body.get(start), line.strip()))
        offset += len(line)
    return lines


@lru_cache(maxsize=8)
def _body_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the body paragraphs as the generator reads the article (cached: the
    versions of one paper share the article)."""
    from quizapp.nlp import read_document

    return tuple(read_document(text).paragraphs)
