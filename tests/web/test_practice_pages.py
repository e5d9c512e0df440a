"""Practice pages: no answers before answering, feedback with the quote, progress, no score change."""

from __future__ import annotations

import re
from typing import Any

from quizapp.models import Attempt, ExplanationPolicy, QuizStatus, db
from tests.factories import make_attempt, make_quiz


def _attempt(app: Any, **overrides: Any) -> str:
    """A submitted attempt that missed the fill-in item only; its token."""
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, kinds=("fill_in",), **overrides)
        return make_attempt(quiz, answers={quiz.questions[0]: ("Arts Council", False)}).token


def _form(page: str) -> dict[str, str]:
    """The practice form's hidden fields and the answer field's name."""
    fields = dict(re.findall(r'<input type="hidden" name="(item|seen)" value="(\d+)">', page))
    fields["answer_name"] = re.search(r'name="(p\d+)"', page).group(1)
    return fields


def _post(client: Any, token: str, page: str, answer: str) -> Any:
    """Answer the question on this page."""
    form = _form(page)
    return client.post(
        f"/attempt/{token}/practice",
        data={"item": form["item"], "seen": form["seen"], form["answer_name"]: answer},
    )


def test_practice_page_hides_the_answer_until_answered(app: Any, client: Any) -> None:
    token = _attempt(app)
    page = client.get(f"/attempt/{token}/practice").get_data(as_text=True)
    assert "0 of 1 mastered" in page
    assert "The project was paid for by the" in page
    for secret in ("Coastal Arts Fund", "CAF", "850,000 euros", "From the article"):
        assert secret not in page
    assert client.get(f"/attempt/{token}/practice").headers["Cache-Control"] == "no-store"


def test_answering_gives_feedback_with_the_quote_and_counts_mastery(app: Any, client: Any) -> None:
    token = _attempt(app)
    page = client.get(f"/attempt/{token}/practice").get_data(as_text=True)
    wrong = _post(client, token, page, "Arts Council")
    assert wrong.status_code == 302 and "#feedback" in wrong.headers["Location"]
    page = client.get(wrong.headers["Location"]).get_data(as_text=True)
    assert "Not quite" in page and "Coastal Arts Fund" in page
    assert "paid for by the <mark>Coastal Arts Fund</mark> (CAF)" in page
    # One item only: it comes straight back (in its other form where one can be made; here
    # none can: the stem's "(CAF)" would give a multiple-choice key away).
    assert re.search(r'name="p\d+"', page)
    for _ in range(2):
        option = "Coastal Arts Fund"
        page = client.get(_post(client, token, page, option).headers["Location"]).get_data(
            as_text=True
        )
    assert "Right!" in page and "1 of 1 mastered" in page and "All 1 mastered" in page
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).where(Attempt.token == token)).one()
        assert attempt.score == 0.0
        assert [r.correct for r in attempt.responses] == [False]


def test_a_double_submit_counts_once(app: Any, client: Any) -> None:
    token = _attempt(app)
    page = client.get(f"/attempt/{token}/practice").get_data(as_text=True)
    _post(client, token, page, "Coastal Arts Fund")
    second = _post(client, token, page, "Coastal Arts Fund")
    assert second.headers["Location"].endswith(f"/attempt/{token}/practice")
    assert "0 of 1 mastered" in client.get(second.headers["Location"]).get_data(as_text=True)


def test_no_practice_without_visible_answers_or_for_strangers(app: Any, client: Any) -> None:
    hidden = _attempt(app, explanations=ExplanationPolicy.NEVER)
    assert client.get(f"/attempt/{hidden}/practice").status_code == 404
    assert client.post(f"/attempt/{hidden}/practice", data={"item": "1"}).status_code == 404
    assert client.get("/attempt/nobody/practice").status_code == 404
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED)
        open_token = make_attempt(quiz, submitted=False).token
    assert client.get(f"/attempt/{open_token}/practice").status_code == 404
