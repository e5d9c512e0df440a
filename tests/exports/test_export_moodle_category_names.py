"""Moodle XML category names fit Moodle's 255-character column, for any quiz title the app
accepts: Moodle's importer does not shorten them and failed the whole import on a longer one."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from quizapp.exports import export
from quizapp.exports.lesson_module import export_lesson
from quizapp.web.teacher.forms import TITLE_LENGTH
from tests.exports.test_export_lesson_module import _moodle_split_category_path
from tests.exports.test_export_lesson_module import lesson as lesson  # a fixture

MOODLE_CATEGORY_NAME = 255  # question_categories.name, char(255) in lib/db/install.xml


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
    assert len(title) > MOODLE_CATEGORY_NAME
    [path] = _category_names(export(document, "moodle-xml", quiz_title=title).data)
    assert path[:2] == ["$course$", "top"]
    name = path[2]
    assert len(name) <= MOODLE_CATEGORY_NAME
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
        assert all(len(name) <= MOODLE_CATEGORY_NAME for name in path)
        assert title.startswith(path[2].removesuffix("…"))
