"""Editing questions: each kind's rules, soft delete, reorder, the teacher's own questions."""

from __future__ import annotations

import pytest

from quizapp.services.editing import (
    ItemInvalid,
    QuestionEdit,
    add_question,
    move_question,
    set_deleted,
    update_question,
    validate_edit,
)
from tests.factories import make_quiz

pytestmark = pytest.mark.usefixtures("ctx")

MC = ("A", "B", "C")


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (QuestionEdit("multiple_choice", "Q?", "D", MC), "answer", "one of the options"),
        (QuestionEdit("multiple_choice", "Q?", "A", ("A", "a ", "B")), "options", "different"),
        (QuestionEdit("multiple_choice", "Q?", "A", ("A", "", " ")), "options", "at least two"),
        (
            QuestionEdit("multiple_choice", "Q?", "Le Mans", ("Le Mans", "le  mans", "Paris")),
            "options",
            "different",
        ),
        (QuestionEdit("multiple_choice", "", "A", MC), "prompt", "Write the question"),
        (QuestionEdit("fill_in", "No blank here.", "x"), "prompt", "exactly one blank"),
        (QuestionEdit("fill_in", "Two _____ and _____.", "x"), "prompt", "exactly one blank"),
        (QuestionEdit("fill_in", "One _____ blank.", ""), "answer", "correct answer"),
        (QuestionEdit("numeric", "How many?", value="lots"), "value", "must be a number"),
        (QuestionEdit("numeric", "How many?", value="3", tolerance="-1"), "tolerance", "0 or more"),
        (QuestionEdit("true_false", "Sky is blue.", "Maybe"), "answer", "True or False"),
        (QuestionEdit("matching", "Match.", pairs=(("a", "1"), ("b", ""))), "pairs", "both sides"),
        (QuestionEdit("matching", "Match.", pairs=(("a", "1"),)), "pairs", "at least two"),
        (QuestionEdit("matching", "Match.", pairs=(("a", "1"), ("a", "2"))), "pairs", "different"),
    ],
)
def test_invalid_edits_name_the_field(edit: QuestionEdit, field: str, message: str) -> None:
    with pytest.raises(ItemInvalid) as caught:
        validate_edit(edit)
    assert message in caught.value.errors[field]


def test_valid_edits_normalise_their_fields() -> None:
    numeric = validate_edit(QuestionEdit("numeric", "How long?", value="1,360", unit="km"))
    assert (numeric["value"], numeric["tolerance"], numeric["answer"]) == (1360.0, 0.0, "1,360 km")
    fill = validate_edit(
        QuestionEdit("fill_in", "It is _____.", "Kelmouth", accepted=("", "K", "kelmouth", "k"))
    )
    assert fill["accepted"] == ["K"]  # blanks, the answer itself and repeats dropped
    matching = validate_edit(
        QuestionEdit("matching", "M", pairs=(("a", "1"), ("b", "2"), ("", "")))
    )
    assert matching["pairs"] == [["a", "1"], ["b", "2"]]
    assert matching["answer"] is None


def test_unknown_kind_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown question kind: 'essay'"):
        validate_edit(QuestionEdit("essay", "Why?"))


def test_update_marks_edited_and_moves_the_highlight_to_the_new_answer() -> None:
    quiz = make_quiz()
    question = quiz.questions[0]
    update_question(
        question,
        QuestionEdit(
            "multiple_choice",
            "How many villages does the boat visit?",
            "12",
            ("6", "12", "24"),
        ),
        expected_version=quiz.version,
    )
    assert question.edited
    assert question.data["options"] == ["6", "12", "24"]
    item = question.to_item()
    assert quiz.article.text[item["fact"]["start"] : item["fact"]["end"]] == "12"


def test_own_question_finds_its_quote_in_the_article() -> None:
    quiz = make_quiz(kinds=())
    question = add_question(
        quiz,
        QuestionEdit(
            "short_answer",
            "Who is the mayor?",
            "Ingrid Salo",
            quote="Mayor Ingrid Salo said the boat would reach   children who live far from a school.",
        ),
        expected_version=quiz.version,
    )
    text = quiz.article.text
    assert question.created_by_teacher and question.edited
    assert text[question.quote_start : question.quote_end] == question.quote
    assert question.paragraph == 2
    assert text[question.fact_start : question.fact_end] == "Ingrid Salo"
    with pytest.raises(ItemInvalid) as caught:
        add_question(
            quiz,
            QuestionEdit("short_answer", "Q?", "x", quote="Not in the article at all."),
            expected_version=quiz.version,
        )
    assert "not in the article" in caught.value.errors["quote"]


def test_delete_restore_and_move() -> None:
    quiz = make_quiz()
    first, second, third = quiz.questions
    move_question(third, -1, expected_version=quiz.version)
    assert [q.id for q in sorted(quiz.questions, key=lambda q: q.position)] == [
        first.id,
        third.id,
        second.id,
    ]
    move_question(first, -1, expected_version=quiz.version)  # already first: no change
    assert first.position == 1
    set_deleted(third, True, expected_version=quiz.version)
    assert third.deleted and third.edited
    move_question(second, -1, expected_version=quiz.version)
    visible = sorted((q for q in quiz.questions if not q.deleted), key=lambda q: q.position)
    assert [q.id for q in visible] == [second.id, first.id]
    set_deleted(third, False, expected_version=quiz.version)
    assert not third.deleted
