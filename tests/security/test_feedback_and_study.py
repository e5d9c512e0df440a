"""Issue 10 attacks on feedback and the study view: "never" gives nothing away, per item or in
the article, and a closed-book attempt cannot open the highlighted article."""

from __future__ import annotations

import re
from typing import Any

import pytest

from quizapp.models import ExplanationPolicy, QuizStatus, StudyAccess
from tests.factories import make_attempt, make_quiz, make_teacher
from tests.security.conftest import PASSWORD, login

VERDICTS = ("is-right", "is-wrong", "✓", "✗", "Correct answer", "Not quite")


def _submitted(app: Any, **settings: Any) -> str:
    """A submitted attempt (one right, one wrong answer) at a quiz with these settings."""
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, **settings)
        first, second = quiz.questions[:2]
        return make_attempt(
            quiz, "Ada", {first: ("4,200", True), second: ("Wrong Fund", False)}
        ).token


def _open_attempt(app: Any, **settings: Any) -> tuple[str, str]:
    """An attempt still in progress, and the quiz's join code."""
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, **settings)
        return make_attempt(quiz, "Bo", submitted=False).token, quiz.join_code or ""


def test_explanations_never_shows_no_right_or_wrong_per_item(app: Any, client: Any) -> None:
    """Failure 4: with explanations "never" the result page still marked each item ✓/✗, so five
    throwaway attempts recovered the whole key."""
    token = _submitted(app, explanations=ExplanationPolicy.NEVER)
    page = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "1 of 3" in page  # the score still shows
    for verdict in VERDICTS:
        assert verdict not in page, verdict
    assert "Coastal Arts Fund" not in page and "12 villages" not in page


def test_each_feedback_part_shows_only_when_its_setting_says(app: Any, client: Any) -> None:
    marks_only = _submitted(
        app,
        explanations=ExplanationPolicy.NEVER,
        show_answers=ExplanationPolicy.NEVER,
        show_marks=ExplanationPolicy.AFTER_SUBMIT,
    )
    page = client.get(f"/attempt/{marks_only}/result").get_data(as_text=True)
    assert "is-right" in page and "is-wrong" in page
    assert "Correct answer" not in page and "Coastal Arts Fund" not in page
    answers_no_quotes = _submitted(
        app, explanations=ExplanationPolicy.NEVER, show_answers=ExplanationPolicy.AFTER_SUBMIT
    )
    page = client.get(f"/attempt/{answers_no_quotes}/result").get_data(as_text=True)
    assert "Correct answer" in page and "Coastal Arts Fund" in page
    assert "12 villages" not in page  # the quoted sentence is the explanation
    nothing = _submitted(
        app, explanations=ExplanationPolicy.NEVER, show_score=ExplanationPolicy.NEVER
    )
    page = client.get(f"/attempt/{nothing}/result").get_data(as_text=True)
    assert "1 of 3" not in page and "%" not in page.split('id="score-heading"')[1][:400]
    for verdict in VERDICTS:
        assert verdict not in page, verdict


def test_after_close_means_after_close(app: Any, client: Any) -> None:
    token = _submitted(app, explanations=ExplanationPolicy.AFTER_CLOSE)
    page = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "Correct answer" not in page and "is-wrong" not in page
    assert "when the quiz closes" in page


def test_study_view_refused_mid_attempt_by_default(app: Any, client: Any) -> None:
    """Failure 5: by default a student in a closed-book quiz opened /attempt/<token>/study and
    read the article with most answers highlighted."""
    token, code = _open_attempt(app)
    assert client.get(f"/attempt/{token}/study").status_code == 404
    assert client.get(f"/attempt/{token}/study/at/0").status_code == 404
    assert client.get(f"/study/{code}").status_code == 404  # default: only after submitting
    page = client.get(f"/attempt/{token}").get_data(as_text=True)
    assert "/study" not in page


@pytest.mark.parametrize("access", list(StudyAccess))
def test_study_view_mid_attempt_only_when_open_book(app: Any, client: Any, access: Any) -> None:
    closed_book, _ = _open_attempt(app, study_access=access)
    assert client.get(f"/attempt/{closed_book}/study").status_code == 404
    open_book, _ = _open_attempt(app, study_access=access, open_book=True)
    assert client.get(f"/attempt/{open_book}/study").status_code == 200


def test_study_view_after_submitting_refused_while_answers_are_hidden(
    app: Any, client: Any
) -> None:
    """Failure 5: the study view opened after submitting even with explanations "never"."""
    hidden = _submitted(
        app, explanations=ExplanationPolicy.NEVER, study_access=StudyAccess.BEFORE_AND_AFTER
    )
    assert client.get(f"/attempt/{hidden}/study").status_code == 404
    later = _submitted(app, explanations=ExplanationPolicy.AFTER_CLOSE)
    assert client.get(f"/attempt/{later}/study").status_code == 404
    shown = _submitted(app)
    assert client.get(f"/attempt/{shown}/study").status_code == 200


def test_new_quizzes_default_to_study_after_submitting(app: Any) -> None:
    with app.app_context():
        teacher = make_teacher(password=PASSWORD)
        quiz = make_quiz(teacher)
        assert quiz.study_access is StudyAccess.AFTER_SUBMIT
        quiz_id, email = quiz.id, teacher.email
    page = login(app, email).get(f"/teacher/quizzes/{quiz_id}/settings").get_data(as_text=True)
    radios = re.findall(r"<input[^>]*name=\"study_access\"[^>]*>", page)
    assert [r for r in radios if "checked" in r] == [
        r for r in radios if 'value="after_submit"' in r
    ]


def test_settings_save_each_feedback_part(app: Any) -> None:
    with app.app_context():
        teacher = make_teacher(password=PASSWORD)
        quiz = make_quiz(teacher, explanations=ExplanationPolicy.NEVER)
        quiz_id, email = quiz.id, teacher.email
    client = login(app, email)
    page = client.get(f"/teacher/quizzes/{quiz_id}/settings").get_data(as_text=True)
    # Unset parts show what they follow: the explanations' "never".
    checked = re.findall(r"<input[^>]*checked[^>]*>", page)
    assert any('name="show_marks"' in c and 'value="never"' in c for c in checked)
    response = client.post(
        f"/teacher/quizzes/{quiz_id}/settings",
        data={
            "version": "1",
            "title": "Boats",
            "attempts_allowed": "1",
            "show_score": "after_close",
            "show_marks": "after_close",
            "show_answers": "never",
            "explanations": "never",
            "study_access": "after_submit",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        from quizapp.models import Quiz, db

        saved = db.session.get(Quiz, quiz_id)
        assert (saved.show_score, saved.show_marks, saved.show_answers, saved.explanations) == (
            ExplanationPolicy.AFTER_CLOSE,
            ExplanationPolicy.AFTER_CLOSE,
            ExplanationPolicy.NEVER,
            ExplanationPolicy.NEVER,
        )
