"""The result page offers "Try again" while the student has attempts left (Moodle's
"Re-attempt quiz"), says how many, and the join form it sends still enforces the limit."""

from __future__ import annotations

import re
from typing import Any

from quizapp.models import Attempt, Quiz, QuizStatus, db
from tests.factories import make_class, make_quiz

CODE = "AGAIN7"


def _quiz(app: Any, **settings: Any) -> int:
    with app.app_context():
        quiz = make_quiz(
            kinds=("fill_in",), status=QuizStatus.PUBLISHED, join_code=CODE, **settings
        )
        return quiz.id


def _join_and_submit(client: Any, name: str = "Ana") -> str:
    """Join by the real form, submit a blank answer; the result page's HTML."""
    joined = client.post("/join", data={"code": CODE, "name": name})
    token = joined.headers["Location"].rsplit("/", 1)[1]
    submitted = client.post(f"/attempt/{token}", data={"action": "submit"})
    return client.get(submitted.headers["Location"]).get_data(as_text=True)


def _try_again(client: Any, page: str) -> Any:
    """Send the result page's "Try again" form as the browser would."""
    form = page.split('class="play-again"', 1)[1].split("</form>", 1)[0]
    fields = dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', form))
    return client.post("/join", data=fields)


def test_try_again_until_the_attempts_are_used(app: Any, client: Any) -> None:
    quiz_id = _quiz(app, attempts_allowed=2)
    first = _join_and_submit(client)
    assert "You may take this quiz again: 1 attempt left." in first
    again = _try_again(client, first)
    assert again.status_code == 302 and "/attempt/" in again.headers["Location"]
    take = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "Submit answers" in take
    token = again.headers["Location"].rsplit("/", 1)[1]
    done = client.post(f"/attempt/{token}", data={"action": "submit"})
    second = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "play-again" not in second and "Try again" not in second
    # Sending the form anyway (an old tab) is refused by the limit and shows the last result.
    refused = _try_again(client, first)
    assert refused.headers["Location"].endswith(f"/attempt/{token}/result")
    with app.app_context():
        attempts = db.session.scalars(db.select(Attempt).where(Attempt.quiz_id == quiz_id)).all()
        assert [a.student_name for a in attempts] == ["Ana", "Ana"]


def test_without_a_limit_it_does_not_count(app: Any, client: Any) -> None:
    _quiz(app, attempts_allowed=0)
    page = _join_and_submit(client)
    assert "You may take this quiz again. A new attempt starts with no answers." in page


def test_a_closed_quiz_offers_no_new_attempt(app: Any, client: Any) -> None:
    quiz_id = _quiz(app, attempts_allowed=0)
    page = _join_and_submit(client)
    assert "Try again" in page
    with app.app_context():
        db.session.get(Quiz, quiz_id).status = QuizStatus.CLOSED
        db.session.commit()
    token = page.split("/attempt/", 1)[1].split("/", 1)[0]
    assert "Try again" not in client.get(f"/attempt/{token}/result").get_data(as_text=True)


def test_a_class_quiz_asks_for_the_personal_code_on_the_join_page_instead(
    app: Any, client: Any
) -> None:
    from quizapp.services import joining, taking

    with app.app_context():
        school_class = make_class()
        quiz = make_quiz(
            kinds=("fill_in",),
            status=QuizStatus.PUBLISHED,
            join_code=CODE,
            class_id=school_class.id,
            attempts_allowed=0,
        )
        attempt = joining.join_quiz(
            CODE, personal_code=school_class.current_students[0].personal_code
        )
        taking.submit_attempt(attempt, {})
        token = attempt.token
        assert quiz.id
    page = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "Try again" not in page
    assert "Back to the quiz's join page" in page
