"""GIFT export: read back with a small GIFT reader, every kind and escaped character survives."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from quizapp.exports import export
from quizapp.exports.base import question_name
from quizapp.exports.gift import escape

# A small GIFT reader: enough of Moodle's grammar to read our exports back.
Chars = list[tuple[str, bool]]  # (character, was it backslash-escaped)


@dataclass
class GiftQuestion:
    """One question read back: title, text around the braces, answers and feedback."""

    title: str
    before: str
    after: str
    answers: list[tuple[str, str]] = field(default_factory=list)  # (mark, text); mark "=", "~", "#"
    feedback: str = ""
    flag: str | None = None  # "T"/"F" for true/false

    @property
    def text(self) -> str:
        """The question text, without the format marker, HTML-unescaped."""
        return html.unescape(self.before.removeprefix("[html]"))


def _scan(text: str) -> Chars:
    """Resolve backslash escapes, remembering which characters were escaped."""
    out: Chars = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append((text[i + 1], True))
            i += 2
        else:
            out.append((text[i], False))
            i += 1
    return out


def _text(chars: Chars) -> str:
    return "".join(c for c, _ in chars)


def _find(chars: Chars, needle: str, start: int = 0) -> int:
    """Index of an unescaped occurrence of needle, or -1."""
    for i in range(start, len(chars) - len(needle) + 1):
        if all(chars[i + k] == (needle[k], False) for k in range(len(needle))):
            return i
    return -1


def read_question(block: str) -> GiftQuestion:
    """Parse one question block (title, text, one answer set in braces)."""
    chars = _scan(block.strip())
    assert _find(chars, "::") == 0, block
    end = _find(chars, "::", 2)
    title = _text(chars[2:end])
    rest = chars[end + 2 :]
    open_at = _find(rest, "{")
    close_at = max(i for i, (c, esc) in enumerate(rest) if c == "}" and not esc)
    before, inner, after = rest[:open_at], rest[open_at + 1 : close_at], rest[close_at + 1 :]
    question = GiftQuestion(title=title, before=_text(before).strip(), after=_text(after).strip())
    fb = _find(inner, "####")
    if fb >= 0:
        question.feedback = _text(inner[fb + 4 :]).strip()
        inner = inner[:fb]
    body = _text(inner).strip()
    if body in ("T", "F", "TRUE", "FALSE"):
        question.flag = body[0]
        return question
    starts = [i for i, (c, esc) in enumerate(inner) if c in "=~#" and not esc]
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(inner)
        question.answers.append((inner[start][0], _text(inner[start + 1 : stop]).strip()))
    return question


def read_gift(text: str) -> list[GiftQuestion]:
    """Every question of a GIFT file (blocks separated by blank lines; // comments skipped)."""
    blocks = [b for b in text.split("\n\n") if b.strip() and not b.lstrip().startswith("//")]
    return [read_question(b) for b in blocks]


def _read(document: dict) -> dict:
    """The questions read back, by position: "Q1", "Q2", ..."""
    questions = read_gift(export(document, "gift").data.decode("utf-8"))
    return {f"Q{n}": q for n, q in enumerate(questions, 1)}


def test_every_item_becomes_a_question_named_after_its_stem(document):
    questions = _read(document)
    assert len(questions) == len(document["questions"])
    assert [q.title for q in questions.values()] == [
        question_name(item).replace("<", "").replace(">", "") for item in document["questions"]
    ]
    assert questions["Q3"].title == "Mayor Zoë Müller said the project would open …"
    assert questions["Q1"].title.startswith("How much will Saint-Étienne spend {on}")


def test_multiple_choice_keeps_options_order_and_right_answer(document):
    item = document["questions"][1]
    question = _read(document)["Q2"]
    assert question.text == item["prompt"]
    assert [html.unescape(text) for _, text in question.answers] == item["options"]
    assert [html.unescape(text) for mark, text in question.answers if mark == "="] == [
        item["answer"]
    ]


def test_fill_in_is_a_missing_word_question_with_every_accepted_answer(document):
    item = document["questions"][2]
    question = _read(document)["Q3"]
    before, _, after = item["prompt"].partition("_____")
    assert question.text == before.strip()
    assert html.unescape(question.after) == after.strip()
    assert [text for _, text in question.answers] == ["2026", "in 2026"]
    assert all(mark == "=" for mark, _ in question.answers)


def test_true_false_and_numeric_and_short_answer(document):
    questions = _read(document)
    assert questions["Q4"].flag == "T"
    assert questions["Q8"].flag == "F"
    assert questions["Q6"].answers == [("#", "1360:10")]
    assert questions["Q6"].text.endswith("(km)")
    # Typed answers stay plain text, with GIFT's own characters escaped and read back.
    assert [text for _, text in questions["Q7"].answers] == [
        "€2.5 million",
        "2.5 million euros",
        "=2.5M",
    ]


def test_matching_pairs_survive_escaping(document):
    item = document["questions"][4]
    question = _read(document)["Q5"]
    pairs = [tuple(part.strip() for part in text.split("->")) for _, text in question.answers]
    assert [(html.unescape(left), right) for left, right in pairs] == [
        tuple(p) for p in item["pairs"]
    ]


def test_quote_is_the_general_feedback(document):
    for n, item in enumerate(document["questions"], 1):
        feedback = html.unescape(_read(document)[f"Q{n}"].feedback)
        assert feedback == f"{item['source']['quote']} (¶{item['source']['paragraph']})"


def test_markup_is_escaped_never_live(document):
    text = export(document, "gift").data.decode("utf-8")
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text


def test_escape_covers_gift_specials():
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert escape("x -> y\nz") == "x -> y z"
