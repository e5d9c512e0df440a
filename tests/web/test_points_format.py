"""A partial score reads "1.33", as the student's result says, on every teacher page and CSV
(session 9: the results table said "1.3333 / 3" for a third of a matching question)."""

from __future__ import annotations

from typing import Any

from tests.factories import make_attempt, make_quiz


def _quiz_with_a_partial_score(app: Any, auth: Any) -> tuple[int, int]:
    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(owner=teacher, kinds=("multiple_choice", "matching", "fill_in"))
        attempt = make_attempt(quiz, "Mia", score=4 / 3)
        return quiz.id, attempt.id


def test_the_results_page_and_the_review_round_a_partial_score(
    app: Any, client: Any, auth: Any
) -> None:
    quiz_id, attempt_id = _quiz_with_a_partial_score(app, auth)
    results = client.get(f"/teacher/quizzes/{quiz_id}/results").get_data(as_text=True)
    assert "1.33 / 3" in results
    assert "1.3333" not in results
    review = client.get(f"/teacher/quizzes/{quiz_id}/attempts/{attempt_id}").get_data(as_text=True)
    assert "1.33 / 3" in review
    assert "1.3333" not in review


def test_the_results_csv_rounds_a_partial_score(app: Any, client: Any, auth: Any) -> None:
    quiz_id, _attempt_id = _quiz_with_a_partial_score(app, auth)
    csv_text = client.get(f"/teacher/quizzes/{quiz_id}/results.csv").get_data(as_text=True)
    row = next(line for line in csv_text.splitlines() if line.startswith("Mia,"))
    assert row.startswith("Mia,1.33,3,")
