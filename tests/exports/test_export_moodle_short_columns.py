"""Category names and matching answers fit Moodle's 255-character columns, for any text the app
accepts (300 characters): Moodle's importer does not shorten them and failed the whole import
on a longer one."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from quizapp.exports import export
from quizapp.exports.lesson_module import export_lesson
from quizapp.web.teacher.forms import TITLE_LENGTH
from tests.exports.test_export_gift import read_gift
from tests.exports.test_export_lesson_module import _moodle_split_category_path
from tests.exports.test_export_lesson_module import lesson as lesson  # a fixture

# question_categories.name and qtype_match_subquestions.answertext: char(255) in Moodle 4.5
MOODLE_SHORT_TEXT = 255


def _longest_title() -> str:
    """A title as long as the quiz form allows, with slashes (doubled in a category path)."""
    words = "Saint-Étienne / Kraków: the twinned cities’ libraries and their “plans”"
    title = ""
    while len(title) + len(words) + 1 <= TITLE_LENGTH.max:
        title = f"{title} {words}".strip()
    return title


def _category_names(data: bytes) -> list[list[str]]:
    root = ET.fromstring(data)
    return [
        _moodle_split_category_path(q.findtext("category/text").strip())
        for q in root.findall("question")
        if q.get("type") == "category"
    ]


def test_a_long_quiz_title_gives_a_category_name_moodle_can_store(document):
    title = _longest_title()
    assert len(title) > MOODLE_SHORT_TEXT
    [path] = _category_names(export(document, "moodle-xml", quiz_title=title).data)
    assert path[:2] == ["$course$", "top"]
    name = path[2]
    assert len(name) <= MOODLE_SHORT_TEXT
    assert name.endswith("…")
    assert title.replace("/", "-").startswith(name.removesuffix("…"))


@pytest.mark.parametrize("title", ["Café Society", None])
def test_a_short_title_is_the_whole_category_name(document, title):
    [path] = _category_names(export(document, "moodle-xml", quiz_title=title).data)
    assert path[2] == (title or document["article"]["title"])


def test_every_lesson_category_fits_with_a_long_title(lesson):
    title = _longest_title()
    paths = _category_names(export_lesson(lesson, "moodle-xml", quiz_title=title).data)
    assert len(paths) == 4  # three sections and the end-of-lesson quiz
    for path in paths:
        assert all(len(name) <= MOODLE_SHORT_TEXT for name in path)
        assert title.startswith(path[2].removesuffix("…"))


LONG_MATCH = ("the twin city whose library board voted for the new reading rooms " * 5)[:300]


@pytest.fixture
def long_match(document):
    """The matching item with a right-hand text as long as the editor allows."""
    document["questions"][4]["pairs"][1][1] = LONG_MATCH
    return document


def _xml_pairs(data: bytes) -> list[tuple[str, str]]:
    question = ET.fromstring(data).find("question[@type='matching']")
    return [
        (s.findtext("text") or "", s.findtext("answer/text") or "")
        for s in question.findall("subquestion")
    ]


def _gift_pairs(data: bytes) -> list[tuple[str, str]]:
    question = read_gift(data.decode("utf-8"))[4]
    return [tuple(part.strip() for part in text.split("->", 1)) for _, text in question.answers]


@pytest.mark.parametrize("fmt, read", [("moodle-xml", _xml_pairs), ("gift", _gift_pairs)])
def test_a_long_matching_answer_fits_moodles_column(long_match, fmt, read):
    pairs = read(export(long_match, fmt).data)
    rights = [right for _, right in pairs]
    assert all(len(right) <= MOODLE_SHORT_TEXT for right in rights)
    assert rights[1].endswith("…") and LONG_MATCH.startswith(rights[1].removesuffix("…"))
    # The short answers are untouched.
    assert [rights[0], rights[2]] == ["Saint-Étienne", "Łódź ~ {x}"]
