"""Spaced review: answered items become FSRS cards; due items come back; one review per version."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating

from quizapp.models import Question, Quiz, QuizStatus, ReviewCard, ReviewLog, Student, db
from quizapp.services import review_retention, spaced_review
from tests.factories import make_attempt, make_class, make_quiz

DAY0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_intervals_grow_after_right_answers_and_shrink_after_a_lapse() -> None:
    """The library's documented behaviour, with our settings: Good grows, Again shrinks."""
    card, now, intervals = Card(due=DAY0), DAY0, []
    for rating in (Rating.Good, Rating.Good, Rating.Good, Rating.Again, Rating.Good):
        card, _log = spaced_review.SCHEDULER.review_card(card, rating, now)
        intervals.append(card.due - now)
        now = card.due
    assert intervals[0] < intervals[1] < intervals[2]
    assert intervals[3] < intervals[2]  # the lapse
    assert intervals[3] >= timedelta(days=1)  # whole days: no minute-long learning steps
    assert intervals[4] > intervals[3]


@pytest.fixture
def rostered(ctx: None) -> tuple[Student, Quiz, list[Question]]:
    """Ada, on a class's roster, who submitted the class quiz on day 0: MC right, fill-in wrong."""
    school_class = make_class()
    ada = school_class.current_students[0]
    quiz = make_quiz(status=QuizStatus.PUBLISHED, class_id=school_class.id)
    mc, fill, tf = quiz.questions
    attempt = make_attempt(
        quiz, ada.name, {mc: ("4,200", True), fill: ("wrong", False)}, student_id=ada.id
    )
    for response in attempt.responses:
        response.updated_at = DAY0
    make_attempt(quiz, "Someone without a code", {tf: ("False", True)})
    db.session.commit()
    return ada, quiz, [mc, fill, tf]


def _answer(card: ReviewCard, right: bool) -> dict[str, str]:
    """The form field for this card's item as asked now, right or wrong."""
    item = spaced_review._asked_item(card, spaced_review._uses_other_form(card))
    return {item["id"]: str(item.get("answer")) if right else "nothing like it"}


def test_each_answered_item_becomes_one_card_scheduled_from_the_answer(
    rostered: tuple[Student, Quiz, list[Question]],
) -> None:
    """Right: due in days; wrong: due the next day; unanswered and name-only items: no card."""
    ada, _quiz, (mc, fill, _tf) = rostered
    assert spaced_review.sync_cards(ada) == 2
    assert spaced_review.sync_cards(ada) == 0  # idempotent
    cards = {c.question_id: c for c in db.session.scalars(db.select(ReviewCard))}
    assert set(cards) == {mc.id, fill.id}
    assert spaced_review.as_utc(cards[fill.id].due) == DAY0 + timedelta(days=1)
    assert spaced_review.as_utc(cards[mc.id].due) > DAY0 + timedelta(days=1)
    assert spaced_review.due_today(ada.id, DAY0) == 0
    assert spaced_review.due_today(ada.id, DAY0 + timedelta(days=1)) == 1
    assert spaced_review.due_today(ada.id, DAY0 + timedelta(days=30)) == 2


def test_a_due_item_is_asked_without_its_answer_and_rescheduled_after_review(
    rostered: tuple[Student, Quiz, list[Question]],
) -> None:
    """Day 1: the missed item is due; answered right, it goes days ahead and is not due today."""
    ada, _quiz, (_mc, fill, _tf) = rostered
    day1 = DAY0 + timedelta(days=1, hours=1)
    assert spaced_review.review_home(ada, day1).due == 1
    prompt = spaced_review.next_prompt(ada, day1)
    assert prompt is not None
    assert "answer" not in prompt.item and "source" not in prompt.item
    card = db.session.get(ReviewCard, prompt.card_id)
    assert card is not None and card.question_id == fill.id
    outcome = spaced_review.answer_card(ada, card.id, prompt.version, _answer(card, True), day1)
    assert outcome.accepted and outcome.correct
    db.session.refresh(card)
    assert spaced_review.as_utc(card.due) >= day1 + timedelta(days=2)
    assert card.reviews == 1 and card.version == prompt.version + 1
    assert spaced_review.due_today(ada.id, day1) == 0
    assert spaced_review.next_prompt(ada, day1) is None
    feedback = spaced_review.review_feedback(ada, card.id)
    assert feedback is not None and feedback.correct and feedback.item["answer"]


def test_two_devices_answering_the_same_due_item_store_one_review(
    rostered: tuple[Student, Quiz, list[Question]],
) -> None:
    """Both pages showed the same version: the first answer counts, the second is refused."""
    ada, _quiz, _questions = rostered
    day1 = DAY0 + timedelta(days=1)
    spaced_review.sync_cards(ada)
    prompt = spaced_review.next_prompt(ada, day1)
    assert prompt is not None
    card = db.session.get(ReviewCard, prompt.card_id)
    assert card is not None
    fields = _answer(card, False)
    first = spaced_review.answer_card(ada, card.id, prompt.version, fields, day1)
    second = spaced_review.answer_card(ada, card.id, prompt.version, fields, day1)
    assert first.accepted and not first.correct
    assert not second.accepted
    logs = db.session.scalars(
        db.select(ReviewLog).where(ReviewLog.card_id == card.id, ReviewLog.card_version > 0)
    ).all()
    assert len(logs) == 1
    db.session.refresh(card)
    assert card.lapses == 2 and spaced_review.as_utc(card.due) == day1 + timedelta(days=1)


def test_another_students_card_cannot_be_answered(
    rostered: tuple[Student, Quiz, list[Question]],
) -> None:
    """A card id from someone else's page is refused."""
    ada, _quiz, _questions = rostered
    spaced_review.sync_cards(ada)
    bo = ada.school_class.current_students[1]
    card = db.session.scalars(db.select(ReviewCard)).first()
    assert card is not None
    outcome = spaced_review.answer_card(bo, card.id, card.version, _answer(card, True), DAY0)
    assert not outcome.accepted
    assert spaced_review.review_feedback(bo, card.id) is None


def test_retention_per_student_and_per_fact(
    rostered: tuple[Student, Quiz, list[Question]],
) -> None:
    """The teacher's view counts reviews (not first answers) and estimates recall."""
    ada, _quiz, (mc, _fill, _tf) = rostered
    day1 = DAY0 + timedelta(days=1)
    spaced_review.sync_cards(ada)
    prompt = spaced_review.next_prompt(ada, day1)
    assert prompt is not None
    card = db.session.get(ReviewCard, prompt.card_id)
    assert card is not None
    spaced_review.answer_card(ada, card.id, prompt.version, _answer(card, True), day1)
    retention = review_retention.class_retention(ada.school_class, day1)
    lines = {line.label: line for line in retention.students}
    assert lines[ada.name].cards == 2 and lines[ada.name].reviews == 1
    assert lines[ada.name].share_right == 1.0
    assert lines[ada.name].recall is not None and 0 < lines[ada.name].recall <= 1
    others = [line for name, line in lines.items() if name != ada.name]
    assert all(line.cards == 0 and line.recall is None for line in others)
    facts = {line.label: line for line in retention.facts}
    assert facts[mc.prompt].reviews == 0 and facts[mc.prompt].cards == 1
    assert retention.weeks == (("2026-03-02", 1, 1),)


def test_personal_codes_find_current_students_only(
    rostered: tuple[Student, Quiz, list[Question]],
) -> None:
    """Dashes and case do not matter; a removed student's code finds nobody."""
    ada, _quiz, _questions = rostered
    code = ada.personal_code
    assert spaced_review.student_for_review(f"{code[:3].lower()}-{code[3:]}") == ada
    ada.removed_at = DAY0
    db.session.commit()
    assert spaced_review.student_for_review(code) is None
    assert spaced_review.student_for_review("") is None


def test_a_rostered_students_lesson_checks_become_cards_as_they_are_answered(ctx: None) -> None:
    """No submit needed: a check marked in a lesson is scheduled for review at once."""
    from quizapp.paths import SAMPLES_DIR
    from quizapp.services import joining, lessons, publishing
    from tests.factories import make_article

    school_class = make_class()
    ada = school_class.current_students[0]
    text = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
    source = make_quiz(school_class.owner, make_article(school_class.owner, text=text))
    quiz = lessons.create_lesson(source)
    quiz.class_id = school_class.id
    code = publishing.publish_quiz(quiz)
    attempt = joining.join_quiz(code, personal_code=ada.personal_code)
    lesson = lessons.lesson_for_quiz(quiz.id)
    assert lesson is not None
    step = lessons.lesson_step(lesson, attempt, 1)
    assert step is not None and step.next_check is not None
    question_id = step.next_check.question_id
    lessons.answer_check(lesson, attempt, question_id, {f"q{question_id}": "not it"})
    assert spaced_review.sync_cards(ada) == 1
    card = db.session.scalars(db.select(ReviewCard)).one()
    assert card.question_id == question_id and card.lapses == 1
