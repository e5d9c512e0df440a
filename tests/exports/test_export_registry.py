"""The export entry point: format registry, option checks, and sparse or empty question sets."""

from __future__ import annotations

import pytest

from quizapp.exports import FORMATS, ExportResult, export

SPARSE_ITEMS = [
    # What a teacher may write by hand: no fact, no source, no explanation.
    {"id": "t1", "kind": "multiple_choice", "prompt": "Pick", "answer": "b", "options": ["a", "b"]},
    {"id": "t2", "kind": "short_answer", "prompt": "Name it", "answer": "x"},
    {"id": "t3", "kind": "numeric", "prompt": "N?", "answer": "3", "value": 3, "tolerance": 0.5},
    {"id": "t4", "kind": "matching", "prompt": "Match", "pairs": [["a", "1"], ["b", "2"]]},
    {"id": "t5", "kind": "fill_in", "prompt": "_____ first", "answer": "x", "accepted": ["x"]},
    {"id": "t6", "kind": "true_false", "prompt": "Y?", "answer": "True", "options": ["True", "F"]},
]


def test_formats_are_the_documented_ones():
    assert set(FORMATS) == {
        "pdf",
        "key",
        "gift",
        "moodle-xml",
        "qti",
        "qti-canvas",
        "csv",
        "json",
        "anki",
        "kahoot",
        "quizizz",
        "blooket",
    }


def test_unknown_format_is_a_value_error(document):
    with pytest.raises(ValueError, match=r"unknown export format: 'docx'"):
        export(document, "docx")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"paper": "A3"}, "unknown paper size: 'A3'"),
        ({"versions": 0}, "versions must be between 1 and 26"),
        ({"versions": 27}, "versions must be between 1 and 26"),
    ],
)
def test_bad_options_are_value_errors(document, options, message):
    with pytest.raises(ValueError, match=message):
        export(document, "pdf", **options)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_takes_sparse_and_empty_sets(fmt):
    sparse = {"schema": "quizapp/question-set@1", "article": {"title": None}}
    sparse["questions"] = SPARSE_ITEMS
    result = export(sparse, fmt)
    assert isinstance(result, ExportResult) and result.data
    assert result.filename.startswith("quiz")
    empty = {"schema": "quizapp/question-set@1", "article": {"title": "Empty"}, "questions": []}
    assert export(empty, fmt, quiz_title="Nothing yet").filename.startswith("nothing-yet")


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "qti"])
def test_unknown_kind_is_a_value_error(fmt):
    odd = {"article": {}, "questions": [{"id": "x", "kind": "essay", "prompt": "Discuss."}]}
    with pytest.raises(ValueError, match="unknown question kind: 'essay'"):
        export(odd, fmt)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in ("pdf", "key", "anki")])
def test_text_formats_are_deterministic(document, fmt):
    assert export(document, fmt).data == export(document, fmt).data
