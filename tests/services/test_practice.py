"""Practice scheduling (pure) and the practice service on the database."""

from __future__ import annotations

from typing import Any

import pytest

from quizapp.models import (
    Attempt,
    ExplanationPolicy,
    PracticeForm,
    PracticeItem,
    QuizStatus,
    Response,
    db,
)
from quizapp.services import practice
from quizapp.services.practice import (
    GAP,
    ItemState,
    after_answer,
    form_for,
    initial_states,
    interleave,
    next_item,
    progress,
)
from tests.factories import make_attempt, make_quiz

# ---------------------------------------------------------------- the pure scheduler


def _run(states: list[ItemState], answers: dict[int, list[bool]], turns: int) -> list[int]:
    """Ask items in the scheduler's order; each key answers from its list (then right)."""
    by_key = {s.key: s for s in states}
    asked: list[int] = []
    for turn in range(turns):
        key = next_item(list(by_key.values()), turn)
        if key is None:
            break
        queue = answers.setdefault(key, [])
        correct = queue.pop(0) if queue else True
        by_key[key] = after_answer(by_key[key], correct, turn)
        asked.append(key)
    return asked


def test_interleave_spreads_review_items_among_missed_ones() -> None:
    assert interleave([1, 2, 3, 4], [8, 9]) == [1, 2, 8, 3, 4, 9]
    assert interleave([1], [8]) == [1, 8]
    assert interleave([1, 2], []) == [1, 2]


def test_initial_states_count_the_graded_right_answer_for_review_items() -> None:
    states = {s.key: s for s in initial_states([1, 2], [9])}
    assert states[1].streak == 0 and not states[1].review
    assert states[9].streak == 1 and states[9].review
    assert [s.key for s in sorted(states.values(), key=lambda s: s.due)] == [1, 9, 2]


def test_item_retires_only_after_two_correct_answers_in_a_row() -> None:
    state = ItemState(key=1, position=0)
    state = after_answer(state, True, 0)
    assert not state.retired and state.streak == 1
    state = after_answer(state, False, 1)
    assert not state.retired and state.streak == 0 and state.misses == 1
    state = after_answer(state, True, 2)
    assert not state.retired
    state = after_answer(state, True, 3)
    assert state.retired and state.times_seen == 4


def test_missed_item_comes_back_only_after_three_others() -> None:
    states = initial_states([1, 2, 3, 4, 5], [])
    asked = _run(states, {1: [False, True, True]}, turns=40)
    first, again = [n for n, key in enumerate(asked) if key == 1][:2]
    assert again - first - 1 >= GAP
    assert asked.count(1) == 3  # wrong, then right twice


def test_fewer_items_than_the_gap_shrink_the_gap() -> None:
    states = initial_states([1, 2], [])
    asked = _run(states, {1: [False], 2: [False]}, turns=20)
    # Two items alternate instead of stalling; each needs two right answers after its miss.
    assert asked == [1, 2, 1, 2, 1, 2]
    lone = _run(initial_states([7], []), {7: [False, False]}, turns=20)
    assert lone == [7, 7, 7, 7]


def test_review_items_are_interleaved_with_missed_ones() -> None:
    states = initial_states([1, 2, 3, 4], [8, 9])
    asked = _run(states, {}, turns=30)
    assert asked[:6] == [1, 2, 8, 3, 4, 9]
    assert all(asked.count(key) == 1 for key in (8, 9))  # a right review answer retires it


def test_form_switches_after_a_miss_in_the_same_form() -> None:
    state = ItemState(key=1, position=0)
    assert form_for(state, has_other=True) is PracticeForm.SAME
    state = after_answer(state, False, 0)  # the second miss (the graded one was the first)
    assert form_for(state, has_other=True) is PracticeForm.OTHER
    state = after_answer(state, True, 4)
    assert form_for(state, has_other=True) is PracticeForm.SAME
    assert form_for(after_answer(state, True, 8), has_other=False) is PracticeForm.SAME


def test_review_items_start_in_their_other_form() -> None:
    review = initial_states([1], [9])[1]
    assert review.review and form_for(review, has_other=True) is PracticeForm.OTHER


def test_progress_counts_retired_items() -> None:
    states = [
        ItemState(key=1, position=0, retired=True),
        ItemState(key=2, position=1),
        ItemState(key=3, position=2, retired=True),
    ]
    assert progress(states) == (2, 3)
    assert next_item([s for s in states if s.retired], 5) is None


# ---------------------------------------------------------------- the database layer


@pytest.fixture
def graded(ctx: None) -> Attempt:
    """A published quiz (multiple choice, fill-in, true/false) and an attempt missing two."""
    quiz = make_quiz(status=QuizStatus.PUBLISHED)
    mc, fill, tf = quiz.questions
    return make_attempt(
        quiz, answers={mc: ("2,100", False), fill: ("Coastal Arts Fund", True), tf: ("True", False)}
    )


def _answer(attempt: Attempt, right: bool) -> practice.PracticeOutcome:
    """Answer the item now due, right or wrong (reading the answer on the server side)."""
    view = practice.practice_view(attempt)
    row = db.session.get(PracticeItem, view.key)
    assert row is not None
    item = practice._asked_item(row, practice._current_form(row))
    given = item["answer"] if right else "certainly not this"
    return practice.answer_practice(attempt, {item["id"]: given}, key=view.key, seen=view.seen)


def test_practice_starts_with_missed_items_and_a_right_one_interleaved(graded: Attempt) -> None:
    rows = practice.start_practice(graded)
    kinds = [(row.question.kind, row.review) for row in rows]
    assert kinds == [("multiple_choice", False), ("fill_in", True), ("true_false", False)]
    assert practice.start_practice(graded) == rows  # idempotent


def test_the_count_says_how_many_were_missed(graded: Attempt) -> None:
    """ "0 of 3 mastered" is explained: 2 missed and 1 right answer asked again."""
    view = practice.practice_view(graded)
    assert (view.mastered, view.total, view.missed) == (0, 3, 2)


def test_student_item_carries_no_answer(graded: Attempt) -> None:
    view = practice.practice_view(graded)
    assert view.item is not None
    assert set(view.item) <= {"id", "kind", "prompt", "options", "unit"}
    assert "4,200" in view.item["options"]  # the options, shuffled, but no marked answer


def test_missed_multiple_choice_comes_back_as_fill_in(graded: Attempt) -> None:
    assert _answer(graded, right=False).correct is False  # 1st practice showing: same form
    for _ in range(2):
        _answer(graded, right=True)
    view = practice.practice_view(graded)
    row = db.session.get(PracticeItem, view.key)
    assert row is not None and row.question.kind == "multiple_choice"
    assert view.other_form and view.item is not None and view.item["kind"] == "fill_in"
    assert "_____" in view.item["prompt"]


def test_practising_until_done_masters_everything_and_keeps_the_score(graded: Attempt) -> None:
    before = [(r.question_id, r.given, r.correct, r.credit) for r in graded.responses]
    _answer(graded, right=False)
    for _ in range(20):
        if practice.practice_view(graded).item is None:
            break
        _answer(graded, right=True)
    view = practice.practice_view(graded)
    assert view.item is None and (view.mastered, view.total) == (3, 3)
    db.session.expire_all()
    attempt = db.session.get(Attempt, graded.id)
    assert attempt is not None and attempt.score == 1.0
    after = [
        (r.question_id, r.given, r.correct, r.credit)
        for r in db.session.scalars(db.select(Response).where(Response.attempt_id == graded.id))
    ]
    assert sorted(after) == sorted(before)


def test_a_repeated_or_stale_post_is_ignored(graded: Attempt) -> None:
    view = practice.practice_view(graded)
    row = db.session.get(PracticeItem, view.key)
    assert row is not None
    item: dict[str, Any] = practice._asked_item(row, PracticeForm.SAME)
    fields = {item["id"]: item["answer"]}
    assert practice.answer_practice(graded, fields, key=view.key, seen=view.seen).accepted
    again = practice.answer_practice(graded, fields, key=view.key, seen=view.seen)
    assert not again.accepted
    assert db.session.get(PracticeItem, view.key).times_seen == 1


def test_feedback_shows_the_answered_item_with_its_quote(graded: Attempt) -> None:
    outcome = _answer(graded, right=False)
    view = practice.practice_view(graded, after=outcome.key)
    assert view.feedback is not None and view.feedback.correct is False
    assert view.feedback.item["answer"] == "4,200"
    assert "carries 4,200 books" in view.feedback.item["source"]["quote"]


@pytest.mark.parametrize("policy", [ExplanationPolicy.NEVER, ExplanationPolicy.AFTER_CLOSE])
def test_no_practice_while_answers_are_hidden(ctx: None, policy: ExplanationPolicy) -> None:
    quiz = make_quiz(status=QuizStatus.PUBLISHED, explanations=policy)
    attempt = make_attempt(quiz, answers={quiz.questions[0]: ("2,100", False)})
    assert not practice.practice_available(attempt)
    assert practice.start_practice(attempt) == []


def test_no_practice_before_submitting(ctx: None) -> None:
    quiz = make_quiz(status=QuizStatus.PUBLISHED)
    assert not practice.practice_available(make_attempt(quiz, submitted=False))


def test_nothing_to_practise_after_a_perfect_score(ctx: None) -> None:
    quiz = make_quiz(status=QuizStatus.PUBLISHED, kinds=("multiple_choice",))
    attempt = make_attempt(quiz, answers={quiz.questions[0]: ("4,200", True)})
    view = practice.practice_view(attempt)
    assert view.item is None and view.total == 0


def test_deleting_the_quiz_deletes_its_practice(graded: Attempt) -> None:
    from quizapp.services.publishing import delete_quiz

    assert practice.start_practice(graded)
    delete_quiz(graded.quiz)
    assert db.session.scalars(db.select(PracticeItem)).all() == []
