"""Typed answers holding "*" match only themselves in Moodle, whose shortanswer reads "*" as a
wildcard: checked with Moodle's own matching rule on the Moodle XML and GIFT exports."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET

import pytest

from quizapp.exports import export
from tests.exports.test_export_gift import read_gift

ACCEPTED = ["E*Trade", "E*TRADE Financial", "5 * 3"]
NOT_ACCEPTED = ["ETrade", "E-Z Trade", "Eagle Trade", "5 times 3", "5 ** 3"]


def moodle_matches(response: str, answer: str) -> bool:
    """qtype_shortanswer_question::compare_string_with_wildcard (Moodle 4.5), case-insensitive
    as our exports ask (usecase 0): runs of unescaped "*" match any text, "\\*" is a star."""
    answer = unicodedata.normalize("NFC", answer)
    response = unicodedata.normalize("NFC", response)
    bits = re.split(r"(?<!\\)\*+", answer)
    pattern = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.fullmatch(pattern, response.strip(), re.IGNORECASE | re.DOTALL) is not None


@pytest.fixture
def starred(document):
    """The hand-built set whose short-answer item accepts answers holding "*"."""
    item = document["questions"][6]
    item["answer"], item["accepted"] = ACCEPTED[0], ACCEPTED
    return document


def _moodle_xml_answers(document) -> list[str]:
    root = ET.fromstring(export(document, "moodle-xml").data)
    question = [q for q in root.findall("question") if q.get("type") == "shortanswer"][1]
    return [answer.findtext("text") or "" for answer in question.findall("answer")]


def _gift_answers(document) -> list[str]:
    questions = read_gift(export(document, "gift").data.decode("utf-8"))
    return [text for mark, text in questions[6].answers if mark == "="]


@pytest.mark.parametrize("read", [_moodle_xml_answers, _gift_answers], ids=["xml", "gift"])
def test_a_star_in_an_accepted_answer_is_a_star_not_a_wildcard(starred, read):
    answers = read(starred)
    assert len(answers) == len(ACCEPTED)
    for response in ACCEPTED:
        assert any(moodle_matches(response, answer) for answer in answers), response
    for response in NOT_ACCEPTED:
        assert not any(moodle_matches(response, answer) for answer in answers), response


def test_the_rule_is_moodles_wildcard():
    """The stand-in reads an unescaped star as Moodle does, so the test above can fail."""
    assert moodle_matches("E-Z Trade", "E*Trade")
    assert moodle_matches("anything at all", "*")
    assert not moodle_matches("E-Z Trade", "E\\*Trade")
