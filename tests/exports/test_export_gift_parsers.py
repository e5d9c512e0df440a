"""GIFT files read by the maintained parsers: gift-pegjs (via Node), pygiftparser, Moodle's rules."""

from __future__ import annotations

import copy
import html
import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from quizapp.exports import export

GIFT_PEGJS = Path(__file__).parent / "gift_pegjs"
# gift-pegjs's question types for each of our kinds.
PEGJS_TYPES = {
    "multiple_choice": "MC",
    "true_false": "TF",
    "fill_in": "Short",
    "short_answer": "Short",
    "numeric": "Numerical",
    "matching": "Matching",
}


def _edge_items() -> list[dict[str, Any]]:
    """Items that broke parsers: a blank that starts the sentence, "->" in answers and options."""
    source = {"quote": "Several ministers -> resigned.", "start": 0, "end": 30, "paragraph": 1}
    return [
        {
            "id": "e1",
            "kind": "fill_in",
            "prompt": "_____ ministers resigned after the vote.",
            "answer": "Several",
            "accepted": ["Several", "Some"],
            "source": source,
        },
        {
            "id": "e2",
            "kind": "short_answer",
            "prompt": "Which arrow did the engineer type?",
            "answer": "->",
            "accepted": ["->"],
            "source": source,
        },
        {
            "id": "e3",
            "kind": "multiple_choice",
            "prompt": "Which route -> which city?",
            "answer": "Paris -> Lyon",
            "options": ["Paris -> Lyon", "Lyon -> Nice"],
            "source": source,
        },
        {
            "id": "e4",
            "kind": "matching",
            "prompt": "Match the flows.",
            "pairs": [["Rail", "north -> south"], ["Road", "east -> west"]],
            "source": source,
        },
    ]


@pytest.fixture
def full_document(document) -> dict[str, Any]:
    """The hand-built set plus the edge items."""
    doc = copy.deepcopy(document)
    doc["questions"] += _edge_items()
    return doc


@pytest.fixture(scope="session")
def pegjs_parse():
    """Parse GIFT text with gift-pegjs under Node; skips when Node or the package is missing.

    `make test` installs it (npm ci in tests/exports/gift_pegjs); CI turns a skip into a failure.
    """
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (apt-get install nodejs npm)")
    if not (GIFT_PEGJS / "node_modules" / "gift-pegjs").is_dir():
        pytest.skip("gift-pegjs is not installed: npm ci --prefix tests/exports/gift_pegjs")

    def parse(text: str) -> list[dict[str, Any]]:
        run = subprocess.run(
            [node, str(GIFT_PEGJS / "parse.js")],
            input=text,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert run.returncode == 0, f"gift-pegjs rejected the file: {run.stderr}"
        return json.loads(run.stdout)

    return parse


def _gift(document: dict[str, Any]) -> str:
    return export(document, "gift").data.decode("utf-8")


def test_gift_pegjs_reads_every_question_as_its_kind(full_document, pegjs_parse):
    questions = pegjs_parse(_gift(full_document))
    items = full_document["questions"]
    assert [q["type"] for q in questions] == [PEGJS_TYPES[item["kind"]] for item in items]
    by_id = {item["id"]: q for item, q in zip(items, questions, strict=True)}
    # A blank at the start of the sentence stays visible, answers after it.
    assert by_id["e1"]["stem"]["text"].startswith("_____ ministers resigned")
    assert [c["text"]["text"] for c in by_id["e1"]["choices"]] == ["Several", "Some"]
    # "->" round-trips wherever it was written.
    assert [c["text"]["text"] for c in by_id["e2"]["choices"]] == ["->"]
    # Options are shown as HTML ([html]), so "->" is written "-&gt;" and displays as "->".
    options = [html.unescape(c["text"]["text"]) for c in by_id["e3"]["choices"]]
    assert options == ["Paris -> Lyon", "Lyon -> Nice"]
    assert [p["subanswer"] for p in by_id["e4"]["matchPairs"]] == ["north -> south", "east -> west"]
    # Escaped markup characters come back as written.
    assert [c["text"]["text"] for c in by_id["q7"]["choices"]] == [
        "€2.5 million",
        "2.5 million euros",
        "=2.5M",
    ]
    numeric = by_id["q6"]["choices"]
    assert (numeric["number"], numeric["range"]) == (1360, 10)
    assert by_id["q6"]["globalFeedback"]["text"].startswith("About 1,360 km of cable =")


def test_pygiftparser_reads_every_question_as_its_kind(full_document):
    parser = pytest.importorskip("pygiftparser.parser", reason="pygiftparser is not installed")
    # pygiftparser reads "{=...->...}" as matching and rejects a bare "{->}", so a typed "->"
    # answer has no form it reads right; that one item is left to Moodle and gift-pegjs.
    full_document["questions"] = [q for q in full_document["questions"] if q["id"] != "e2"]
    questions = parser.parseFile(io.StringIO(_gift(full_document)))
    items = full_document["questions"]
    assert len(questions) == len(items)
    expected = {
        "multiple_choice": "SelectSet",
        "true_false": "TrueFalseSet",
        "fill_in": "ShortSet",
        "short_answer": "ShortSet",
        "numeric": "NumericAnswerSet",
        "matching": "MatchingSet",
    }
    for item, question in zip(items, questions, strict=True):
        assert question.valid, item["id"]
        assert type(question.answers).__name__ == expected[item["kind"]], item["id"]
        if item["kind"] in ("fill_in", "short_answer"):
            answers = [a.answer for a in question.answers.answers]
            assert len(answers) == len(dict.fromkeys([item["answer"], *item["accepted"]]))
        if item["kind"] == "multiple_choice":
            right = [a for a in question.answers.answers if a.fraction == 100]
            assert len(right) == 1 and len(question.answers.answers) == len(item["options"])


def _moodle_type(block: str) -> str:
    """The question type Moodle's GIFT importer gives a block (qformat_gift::readquestion's rules).

    Escaped characters are set aside first; the answer text is what lies between the first
    "{" and the first "}", less the general feedback after "####".
    """
    text = re.sub(r"\\[\\:#={}~n]", "", block)
    answer = text[text.index("{") + 1 : text.index("}")]
    answer = answer.rsplit("####", 1)[0].strip()
    if answer.startswith("#"):
        return "numerical"
    if "~" in answer:
        return "multichoice"
    if "=" in answer and "->" in answer:
        return "match"
    if answer.split("#")[0].strip() in ("T", "TRUE", "F", "FALSE"):
        return "truefalse"
    return "shortanswer"


def test_moodle_reads_every_question_as_its_kind(full_document):
    blocks = [b for b in _gift(full_document).split("\n\n") if b.startswith("::")]
    moodle = {
        "multiple_choice": "multichoice",
        "true_false": "truefalse",
        "fill_in": "shortanswer",
        "short_answer": "shortanswer",
        "numeric": "numerical",
        "matching": "match",
    }
    items = full_document["questions"]
    assert [_moodle_type(b) for b in blocks] == [moodle[item["kind"]] for item in items]
