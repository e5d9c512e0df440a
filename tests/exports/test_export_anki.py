"""Anki decks imported by the real `anki` library: edits update notes, quizzes never collide."""

from __future__ import annotations

import copy
import html
from dataclasses import replace
from pathlib import Path

import pytest

from quizapp.exports import export
from quizapp.models import QuizStatus, db
from quizapp.services.editing import edit_from_question, update_question
from quizapp.services.exporting import export_quiz
from tests.factories import make_quiz

anki_collection = pytest.importorskip("anki.collection", reason="the anki package is not installed")


class Anki:
    """A fresh Anki collection that imports .apkg bytes the way Anki's File > Import does."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.col = anki_collection.Collection(str(folder / "collection.anki2"))
        self.imports = 0

    def load(self, data: bytes) -> dict[str, int]:
        """Import a package with Anki's default options; how many notes were new/updated/same."""
        self.imports += 1
        path = self.folder / f"import-{self.imports}.apkg"
        path.write_bytes(data)
        request = anki_collection.ImportAnkiPackageRequest(
            package_path=str(path), options=anki_collection.ImportAnkiPackageOptions()
        )
        log = self.col.import_anki_package(request).log
        return {
            "new": len(log.new),
            "updated": len(log.updated),
            "duplicate": len(log.duplicate),
            "conflicting": len(log.conflicting),
        }

    def fronts(self) -> list[str]:
        """The Front field of every note in the collection."""
        return [self.col.get_note(nid)["Front"] for nid in self.col.find_notes("")]


@pytest.fixture
def anki(tmp_path):
    collection = Anki(tmp_path)
    yield collection
    collection.col.close()


def test_an_edited_item_updates_its_note_and_nothing_else(anki, document):
    first = export(document, "anki", set_identity="quiz-7-ABC", modified=1_750_000_000)
    assert anki.load(first.data) == {"new": 8, "updated": 0, "duplicate": 0, "conflicting": 0}
    edited = copy.deepcopy(document)
    edited["questions"][2]["prompt"] = "The mayor said the library would open in _____."
    again = export(
        edited,
        "anki",
        set_identity="quiz-7-ABC",
        modified=1_750_000_000,
        item_modified=(("q3", 1_750_000_600),),
    )
    assert anki.load(again.data) == {"new": 0, "updated": 1, "duplicate": 7, "conflicting": 0}
    fronts = anki.fronts()
    assert len(fronts) == 8
    assert any("The mayor said the library would open in _____." in f for f in fronts)
    assert not any("Mayor Zoë Müller said the project would open in" in f for f in fronts)


def test_two_quizzes_of_one_article_keep_their_own_notes(anki, document):
    anki.load(export(document, "anki", set_identity="quiz-1-AAA").data)
    other = copy.deepcopy(document)
    for item in other["questions"]:
        item["prompt"] = "Other quiz: " + item["prompt"]
    log = anki.load(export(other, "anki", set_identity="quiz-2-BBB").data)
    assert log["new"] == 8 and log["updated"] == 0
    assert len(anki.fronts()) == 16


def test_generated_sets_of_one_article_share_only_the_same_questions(anki, document):
    # Generated sets number their items q1.. afresh; the 4-item set's q1..q4 are not the
    # 8-item set's q1..q4 here, so a position-based id would overwrite other questions.
    small = copy.deepcopy(document)
    small["questions"] = small["questions"][4:]
    for number, item in enumerate(small["questions"], 1):
        item["id"] = f"q{number}"
    anki.load(export(small, "anki").data)
    log = anki.load(export(document, "anki").data)
    assert log == {"new": 4, "updated": 0, "duplicate": 4, "conflicting": 0}
    fronts = anki.fronts()
    assert len(fronts) == 8
    for item in document["questions"]:
        assert sum(html.escape(item["prompt"])[:20] in front for front in fronts) == 1


def test_a_teacher_edit_in_the_app_reaches_anki_on_re_export(app, anki):
    with app.app_context():
        quiz = make_quiz(kinds=("multiple_choice", "fill_in", "true_false"))
        assert anki.load(export_quiz(quiz, "anki").data)["new"] == 3
        question = quiz.questions[1]
        edit = replace(edit_from_question(question), prompt="An edited prompt about the _____.")
        update_question(question, edit, expected_version=quiz.version)
        db.session.refresh(quiz)
        log = anki.load(export_quiz(quiz, "anki").data)
        assert log == {"new": 0, "updated": 1, "duplicate": 2, "conflicting": 0}
        # Publishing (a join code appears) keeps the quiz's identity: no second set of notes.
        quiz.status, quiz.join_code = QuizStatus.PUBLISHED, "PUB234"
        db.session.commit()
        assert anki.load(export_quiz(quiz, "anki").data)["new"] == 0
    assert sum("An edited prompt about the _____." in front for front in anki.fronts()) == 1
    assert len(anki.fronts()) == 3
