"""Matching answers and word-bank entries show in Moodle as the teacher typed them, "<" included:
Moodle prints them through format_string, which strips tags, so "<x>" was an empty option."""

from __future__ import annotations

import copy
import html
import re
import xml.etree.ElementTree as ET

import pytest

from quizapp.exports import export
from tests.exports.test_export_cloze import BANKED
from tests.exports.test_export_moodle_short_columns import (
    MOODLE_SHORT_TEXT,
    _gift_pairs,
    _xml_pairs,
)

ANGLED = "<x> & 5 < 6 <b>bold</b>"


def moodle_shows(text: str) -> str:
    """What format_string prints of a plain-text label with Moodle's default settings
    (formatstringstriptags: PHP's strip_tags, then the entities read by the browser)."""
    return html.unescape(re.sub(r"<[^\s>][^>]*(?:>|$)", "", text))


@pytest.fixture
def angled(document):
    """The matching item with angle brackets in a right-hand text."""
    document["questions"][4]["pairs"][1][1] = ANGLED
    return document


@pytest.mark.parametrize("fmt, read", [("moodle-xml", _xml_pairs), ("gift", _gift_pairs)])
def test_a_matching_answer_with_angle_brackets_shows_whole(angled, fmt, read):
    rights = [right for _, right in read(export(angled, fmt).data)]
    assert [moodle_shows(right) for right in rights] == [
        "Saint-Étienne",
        ANGLED,
        "Łódź ~ {x}",
    ]


def test_a_long_matching_answer_with_brackets_still_fits_the_column(document):
    document["questions"][4]["pairs"][1][1] = ("<tag> " * 60)[:300]
    [_, right, _] = [r for _, r in _xml_pairs(export(document, "moodle-xml").data)]
    assert len(right) <= MOODLE_SHORT_TEXT
    assert moodle_shows(right).endswith("…")
    assert moodle_shows(right).startswith("<tag> <tag>")


def test_a_word_bank_entry_with_angle_brackets_shows_whole(document):
    banked = copy.deepcopy(BANKED)
    banked["bank"] = [*banked["bank"], ANGLED]
    document["questions"] = [banked]
    question = ET.fromstring(export(document, "moodle-xml").data).find(
        "question[@type='gapselect']"
    )
    entries = [moodle_shows(o.findtext("text")) for o in question.findall("selectoption")]
    assert entries == banked["bank"]
