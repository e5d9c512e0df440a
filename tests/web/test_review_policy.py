"""Spaced review never shows a quiz's answers before its teacher lets students see them: a
rostered student who submitted cannot read the key on /review while the quiz still hides it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from quizapp.models import ExplanationPolicy, Quiz, QuizStatus, db
from quizapp.services import joining, taking
from tests.factories import make_class, make_quiz


def _submitted_with_a_wrong_answer(app: Any, policy: ExplanationPolicy) -> tuple[str, int, str]:
    """A class quiz (two attempts allowed) whose answers show per ``policy``; a student submits
    a wrong fill-in. Returns the student's personal code, the quiz id and the right answer."""
    with app.app_context():
        school_class = make_class()
        quiz = make_quiz(
            kinds=("fill_in",),
            status=QuizStatus.PUBLISHED,
            join_code="HIDE42",
            class_id=school_class.id,
            attempts_allowed=2,
            show_answers=policy,
            explanations=policy,
        )
        fill = quiz.questions[0]
        code = school_class.current_students[0].personal_code
        attempt = joining.join_quiz("HIDE42", personal_code=code)
        taking.submit_attempt(attempt, {f"q{fill.id}": "no idea"})
        result = code, quiz.id, fill.answer
    # Two days on, the missed item is due for review.
    later = datetime.now(UTC) + timedelta(days=2)
    app.config["CLOCK"] = lambda: later
    return result


def _review_answer(client: Any, code: str) -> tuple[str, str]:
    """The review page before and after answering whatever it asks (an empty page: no form)."""
    page = client.get(f"/review/{code}").get_data(as_text=True)
    if 'name="card"' not in page:
        return page, ""
    card = page.split('name="card" value="', 1)[1].split('"', 1)[0]
    field = re.search(r'name="(r\d+)', page).group(1)  # type: ignore[union-attr]
    answered = client.post(
        f"/review/{code}",
        data={"card": card, "version": "1", field: "still no idea"},
        follow_redirects=True,
    )
    return page, answered.get_data(as_text=True)


def test_review_waits_until_the_quiz_shows_its_answers(app: Any, client: Any) -> None:
    code, quiz_id, answer = _submitted_with_a_wrong_answer(app, ExplanationPolicy.AFTER_CLOSE)
    before, answered = _review_answer(client, code)
    assert "0 items due today" in before and answer not in before
    assert answered == ""  # nothing to answer, so no feedback with the key
    # Closing the quiz shows its answers, and the item comes up for review.
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        quiz.status = QuizStatus.CLOSED
        db.session.commit()
    after, answered = _review_answer(client, code)
    assert "1 item due today" in after
    assert answer in answered  # once the quiz is closed, review gives the answer as feedback


def test_review_never_shows_what_the_teacher_never_shows(app: Any, client: Any) -> None:
    code, quiz_id, _answer = _submitted_with_a_wrong_answer(app, ExplanationPolicy.NEVER)
    with app.app_context():
        db.session.get(Quiz, quiz_id).status = QuizStatus.CLOSED
        db.session.commit()
    page, answered = _review_answer(client, code)
    assert "0 items due today" in page and answered == ""
    assert "1 item in your review" in page


def test_review_asks_at_once_when_answers_show_after_submitting(app: Any, client: Any) -> None:
    code, _quiz_id, answer = _submitted_with_a_wrong_answer(app, ExplanationPolicy.AFTER_SUBMIT)
    page, answered = _review_answer(client, code)
    assert "1 item due today" in page and answer in answered


def test_review_asks_once_the_closing_time_has_passed(app: Any, client: Any) -> None:
    """No one need open the quiz after its closing time: review closes it and asks the item."""
    code, quiz_id, answer = _submitted_with_a_wrong_answer(app, ExplanationPolicy.AFTER_CLOSE)
    with app.app_context():
        db.session.get(Quiz, quiz_id).closes_at = datetime.now(UTC) - timedelta(minutes=5)
        db.session.commit()
    page, answered = _review_answer(client, code)
    assert "1 item due today" in page and answer in answered
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).status is QuizStatus.CLOSED
