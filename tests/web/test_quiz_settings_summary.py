"""The teacher's quiz page says in a line how students will take the quiz and what they see."""

from __future__ import annotations

from typing import Any

import pytest

from quizapp.models import ExplanationPolicy, QuizStatus
from quizapp.services.settings_summary import settings_summary
from tests.factories import make_quiz, make_teacher
from tests.security.conftest import PASSWORD, login


def test_the_quiz_page_shows_the_settings_at_a_glance(app: Any) -> None:
    with app.app_context():
        teacher = make_teacher(password=PASSWORD)
        quiz = make_quiz(
            teacher,
            status=QuizStatus.PUBLISHED,
            time_limit_minutes=20,
            attempts_allowed=2,
            shuffle_questions=True,
            shuffle_options=False,
            show_score=ExplanationPolicy.AFTER_SUBMIT,
            show_marks=ExplanationPolicy.AFTER_CLOSE,
            show_answers=ExplanationPolicy.AFTER_CLOSE,
            explanations=ExplanationPolicy.NEVER,
        )
        email, quiz_id = teacher.email, quiz.id
    page = login(app, email).get(f"/teacher/quizzes/{quiz_id}").get_data(as_text=True)
    assert (
        "Time limit 20 min · 2 attempts per student · questions shuffled · after submitting, "
        "students see their score · when the quiz closes, students see which answers were "
        "right and the correct answers." in page
    )


@pytest.mark.parametrize(
    ("policies", "said"),
    [
        # An explanation after submitting gives every other part away then.
        (
            ("never", "never", "never", "after_submit"),
            "after submitting, students see their score, which answers were right, the correct "
            "answers and the explanations",
        ),
        (("never", "never", "never", "never"), "students see only that they submitted"),
        (
            ("after_submit", "never", "after_close", "never"),
            "when the quiz closes, students see which answers were right and the correct answers",
        ),
    ],
)
def test_each_part_of_the_feedback_is_said_when_it_really_shows(
    app: Any, policies: tuple[str, str, str, str], said: str
) -> None:
    score, marks, answers, explanations = (ExplanationPolicy(p) for p in policies)
    with app.app_context():
        quiz = make_quiz(
            show_score=score, show_marks=marks, show_answers=answers, explanations=explanations
        )
        summary = settings_summary(quiz)
    assert summary[:2] == ("No time limit", "1 attempt per student")
    assert said in summary
