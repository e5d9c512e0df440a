"""A student who submitted finds their result again from the quiz's link, even once it closes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from flask.testing import FlaskClient

from quizapp.models import Attempt, ExplanationPolicy, Quiz, QuizStatus, db
from quizapp.services import publishing
from tests.factories import make_class, make_quiz

CODE = "BACK42"


def _csrf(html: str) -> str:
    """The CSRF token a page carries (empty when the app has CSRF off for tests)."""
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    return found.group(1) if found else ""


def _join_and_submit(client: FlaskClient, name: str, code: str = CODE) -> str:
    """Join through the form and submit with no answers; returns the attempt token."""
    page = client.get("/join").get_data(as_text=True)
    joined = client.post("/join", data={"code": code, "name": name, "csrf_token": _csrf(page)})
    assert joined.status_code == 302, joined.get_data(as_text=True)
    token = joined.location.rsplit("/", 1)[1]
    form = client.get(f"/attempt/{token}").get_data(as_text=True)
    sent = client.post(f"/attempt/{token}", data={"action": "submit", "csrf_token": _csrf(form)})
    assert sent.location.endswith(f"/attempt/{token}/result")
    return token


def _later_quiz(**overrides: object) -> Quiz:
    """A published quiz that shows the answers only when it closes, two attempts each."""
    return make_quiz(
        status=QuizStatus.PUBLISHED,
        join_code=CODE,
        attempts_allowed=2,
        show_answers=ExplanationPolicy.AFTER_CLOSE,
        explanations=ExplanationPolicy.AFTER_CLOSE,
        **overrides,
    )


def test_the_join_link_leads_back_to_each_submitted_result(app, client) -> None:
    with app.app_context():
        _later_quiz()
    first = _join_and_submit(client, "Rae")
    second = _join_and_submit(client, "Rae")
    result = client.get(f"/attempt/{first}/result").get_data(as_text=True)
    assert "open the quiz's link again in this browser" in result

    page = client.get(f"/join/{CODE.lower()}").get_data(as_text=True)
    assert "See the result of Rae" in page
    # Newest first.
    assert page.index(f"/attempt/{second}/result") < page.index(f"/attempt/{first}/result")


def test_a_closed_quiz_still_leads_back_to_the_result(app, client) -> None:
    with app.app_context():
        quiz = _later_quiz()
        quiz_id = quiz.id
    token = _join_and_submit(client, "Rae")
    with app.app_context():
        publishing.close_quiz(db.session.get(Quiz, quiz_id))
    page = client.get(f"/join/{CODE}")
    assert page.status_code == 410
    html = page.get_data(as_text=True)
    assert "is closed" in html and f"/attempt/{token}/result" in html


def test_other_browsers_and_other_quizzes_are_not_listed(app, client) -> None:
    with app.app_context():
        _later_quiz()
        make_quiz(status=QuizStatus.PUBLISHED, join_code="OTHER7")
    _join_and_submit(client, "Rae", code="OTHER7")
    assert "See the result of" not in client.get(f"/join/{CODE}").get_data(as_text=True)
    _join_and_submit(client, "Rae")
    stranger = app.test_client()
    assert "See the result of" not in stranger.get(f"/join/{CODE}").get_data(as_text=True)


def test_a_class_quiz_never_lists_a_result_on_a_shared_computer(app, client) -> None:
    with app.app_context():
        school_class = make_class(names=("Rae Lin",))
        quiz = _later_quiz(owner=school_class.owner, class_id=school_class.id)
        code = school_class.students[0].personal_code
        assert quiz.class_id is not None
    page = client.get("/join").get_data(as_text=True)
    joined = client.post(
        "/join", data={"code": CODE, "personal_code": code, "csrf_token": _csrf(page)}
    )
    token = joined.location.rsplit("/", 1)[1]
    form = client.get(f"/attempt/{token}").get_data(as_text=True)
    client.post(f"/attempt/{token}", data={"action": "submit", "csrf_token": _csrf(form)})
    assert "See the result of" not in client.get(f"/join/{CODE}").get_data(as_text=True)


def test_an_attempt_whose_time_ran_out_while_away_is_a_result_not_one_to_continue(
    app, client
) -> None:
    with app.app_context():
        _later_quiz(time_limit_minutes=5)
    page = client.get("/join").get_data(as_text=True)
    joined = client.post("/join", data={"code": CODE, "name": "Rae", "csrf_token": _csrf(page)})
    token = joined.location.rsplit("/", 1)[1]
    assert "Continue as Rae" in client.get(f"/join/{CODE}").get_data(as_text=True)
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).filter_by(token=token)).one()
        attempt.started_at = datetime.now(UTC) - timedelta(hours=1)
        db.session.commit()
    page = client.get(f"/join/{CODE}").get_data(as_text=True)
    assert "Continue as Rae" not in page
    assert f"/attempt/{token}/result" in page
