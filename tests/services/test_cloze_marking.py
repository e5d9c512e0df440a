"""Cloze passages: one mark per gap, saved and resumed per gap, answers kept off the page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from quizapp.models import ExplanationPolicy, QuizStatus, Response, db
from quizapp.services import attempt_pages, practice, regrading, taking
from quizapp.services.scoring import (
    Marking,
    gap_marks,
    mark_answer,
    points_possible,
    score_item,
)
from tests.factories import cloze_item, make_question, make_quiz

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BANK = cloze_item()
TYPED = cloze_item(distractors=None)


def test_the_factory_follows_the_contract() -> None:
    """Five-underscore gaps match the blanks, the bank is sorted and holds every answer once."""
    assert BANK["prompt"].count("_____") == len(BANK["blanks"]) == 3
    assert BANK["bank"] == sorted(BANK["bank"], key=str.casefold)
    assert {b["answer"] for b in BANK["blanks"]} <= set(BANK["bank"])
    assert BANK["answer"] == BANK["blanks"][0]["answer"]
    assert "bank" not in TYPED


@pytest.mark.parametrize(
    ("chosen", "marks", "credit"),
    [
        ({"1": "3 May 2024", "2": "4,200", "3": "12"}, (True, True, True), 3.0),
        ({"1": "3 May 2024", "2": "6,300", "3": "12"}, (True, False, True), 2.0),
        ({"1": "4,200", "2": "4,200", "3": "4,200"}, (False, True, False), 1.0),
        ({"2": "4,200"}, (False, True, False), 1.0),
        ({}, (False, False, False), 0.0),
    ],
)
def test_bank_gaps_are_marked_one_by_one(
    chosen: dict[str, str], marks: tuple[bool, ...], credit: float
) -> None:
    """Each gap earns its own mark; an entry chosen for several gaps counts only where it fits."""
    assert gap_marks(BANK, chosen) == marks
    mark = score_item(BANK, None, chosen)
    assert mark.credit == credit
    assert mark.correct is all(marks)


def test_bank_gaps_need_the_entry_itself() -> None:
    """From a bank the student picks an entry: a variant typed in by hand is not an entry."""
    assert gap_marks(BANK, {"2": "4200"}) == (False, False, False)


@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("4200", True),
        ("4 200", True),
        ("  4,200. ", True),
        ("4,300", False),
        ("", False),
    ],
)
def test_typed_gaps_are_marked_like_fill_in(typed: str, right: bool) -> None:
    """Without a bank each gap is typed and marked as leniently as a fill-in answer."""
    assert gap_marks(TYPED, {"2": typed})[1] is right


def test_typed_gap_takes_number_words_and_accepted_variants() -> None:
    """ "twelve" for 12 and "3 May" (a listed variant) for the date are right."""
    assert gap_marks(TYPED, {"1": "3 may", "3": "twelve"}) == (True, False, True)


def test_cloze_is_worth_one_point_per_gap() -> None:
    """The item adds its number of gaps to the total; a point for everyone gives them all."""
    assert points_possible(Marking.NORMAL, BANK) == 3.0
    assert points_possible(Marking.DROPPED, BANK) == 0.0
    assert mark_answer(BANK, None, {}, Marking.FULL_CREDIT).credit == 3.0


def _published_cloze_quiz(**settings: Any) -> Any:
    quiz = make_quiz(kinds=("multiple_choice",), status=QuizStatus.PUBLISHED, **settings)
    make_question(quiz, "cloze")
    return quiz


def test_student_page_holds_the_bank_but_not_which_entry_fills_which_gap(ctx: None) -> None:
    """The answer page's item has the passage, the gap count and the bank, never the blanks."""
    quiz = _published_cloze_quiz()
    attempt = taking.join_quiz(quiz.join_code, "Ada", now=START)
    view = attempt_pages.take_view(attempt, now=START)
    item = view.items[1]
    assert item["gaps"] == 3
    assert item["bank"] == BANK["bank"]
    assert set(item) == {"id", "kind", "prompt", "gaps", "bank"}


def test_gaps_autosave_resume_and_score_per_gap(ctx: None) -> None:
    """Each gap saves on its own, comes back on reload, and the submit scores 2 of 3 gaps."""
    quiz = _published_cloze_quiz()
    cloze = quiz.questions[1]
    attempt = taking.join_quiz(quiz.join_code, "Ada", now=START)
    taking.save_answers(attempt, {f"q{cloze.id}-1": "3 May 2024"}, now=START)
    outcome = taking.save_answers(
        attempt, {f"q{cloze.id}-3": "4,200", f"q{cloze.id}-9": "x"}, now=START
    )
    assert (outcome.answered, outcome.total) == (1, 2)
    view = attempt_pages.take_view(attempt, now=START)
    assert view.given[f"q{cloze.id}"] == {"1": "3 May 2024", "3": "4,200"}
    taking.submit_attempt(attempt, {f"q{cloze.id}-2": "4,200"}, now=START + timedelta(minutes=3))
    assert attempt.max_score == 4.0  # one multiple choice + three gaps
    assert attempt.score == 2.0
    response = db.session.scalars(db.select(Response).where(Response.question_id == cloze.id)).one()
    assert (response.correct, response.credit) == (False, 2.0)


def test_result_shows_per_gap_marks_even_when_answers_wait(ctx: None) -> None:
    """Marks per gap show after submit; the right entries stay hidden until answers may show."""
    quiz = _published_cloze_quiz(
        show_marks=ExplanationPolicy.AFTER_SUBMIT,
        show_answers=ExplanationPolicy.AFTER_CLOSE,
        explanations=ExplanationPolicy.AFTER_CLOSE,
    )
    cloze = quiz.questions[1]
    attempt = taking.join_quiz(quiz.join_code, "Ada", now=START)
    taking.submit_attempt(
        attempt, {f"q{cloze.id}-1": "3 May 2024", f"q{cloze.id}-2": "12"}, now=START
    )
    row = attempt_pages.result_view(attempt).items[1]
    assert row.item["gap_marks"] == [True, False, False]
    assert "blanks" not in row.item
    assert row.credit == 1.0


def test_regrade_keeps_the_gap_total(ctx: None) -> None:
    """Rescoring after an edit keeps a cloze worth its gaps in the total."""
    quiz = _published_cloze_quiz()
    cloze = quiz.questions[1]
    attempt = taking.join_quiz(quiz.join_code, "Ada", now=START)
    taking.submit_attempt(attempt, {f"q{cloze.id}-3": "12"}, now=START)
    regrading.rescore_quiz(quiz, START + timedelta(hours=1))
    assert (attempt.score, attempt.max_score) == (1.0, 4.0)


def test_practice_asks_a_missed_passage_again_as_itself(ctx: None) -> None:
    """Practice shows the passage and bank (no key), marks each gap, and says which were right."""
    quiz = make_quiz(kinds=(), status=QuizStatus.PUBLISHED)
    cloze = make_question(quiz, "cloze")
    attempt = taking.join_quiz(quiz.join_code, "Ada", now=START)
    taking.submit_attempt(attempt, {f"q{cloze.id}-1": "12"}, now=START)
    view = practice.practice_view(attempt)
    assert view.item is not None and view.item["kind"] == "cloze"
    assert set(view.item) == {"id", "kind", "prompt", "gaps", "bank"}
    pid = view.item["id"]
    outcome = practice.answer_practice(
        attempt,
        {f"{pid}-1": "3 May 2024", f"{pid}-2": "4,200", f"{pid}-3": "6,300"},
        key=view.key,
        seen=view.seen,
    )
    assert outcome.accepted and outcome.correct is False
    feedback = practice.practice_view(attempt, after=outcome.key).feedback
    assert feedback is not None
    assert feedback.given == {"1": "3 May 2024", "2": "4,200", "3": "6,300"}
    assert feedback.item["gap_marks"] == [True, True, False]
