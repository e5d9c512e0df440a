"""A database error in the middle of a request: rolled back, a calm 500 page, nothing half-written.

The fault is real, not a mock: a trigger in the test database refuses any response whose
answer is "BREAK", so the submit's first write (claiming the attempt) succeeds and a later
one (storing the responses) violates a constraint inside the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from quizapp.models import Attempt, QuizStatus, Response, db
from quizapp.services import taking
from tests.factories import make_quiz

SQLITE_TRIGGERS = [
    """CREATE TRIGGER fault_insert BEFORE INSERT ON response WHEN NEW.given = 'BREAK'
       BEGIN SELECT RAISE(ABORT, 'fault injected by the test'); END""",
    """CREATE TRIGGER fault_update BEFORE UPDATE ON response WHEN NEW.given = 'BREAK'
       BEGIN SELECT RAISE(ABORT, 'fault injected by the test'); END""",
]
POSTGRES_TRIGGERS = [
    """CREATE FUNCTION fault_response() RETURNS trigger AS $$
       BEGIN
         IF NEW.given = 'BREAK' THEN
           RAISE EXCEPTION 'fault injected by the test' USING ERRCODE = 'check_violation';
         END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER fault_response BEFORE INSERT OR UPDATE ON response
       FOR EACH ROW EXECUTE FUNCTION fault_response()""",
]


@pytest.fixture
def faulty_app(make_app: Any) -> Iterator[Any]:
    """An app served as in production (errors become pages), on a database with the trigger."""
    app = make_app(TESTING=False, PROPAGATE_EXCEPTIONS=False)
    with app.app_context():
        statements = SQLITE_TRIGGERS if db.engine.dialect.name == "sqlite" else POSTGRES_TRIGGERS
        with db.engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    yield app


def _quiz_and_attempt(app: Any) -> tuple[int, str, list[int]]:
    """A published quiz with a fill-in question, and a student's fresh attempt."""
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, kinds=("true_false", "fill_in"))
        attempt = taking.join_quiz(quiz.join_code, "Ada")
        return quiz.id, attempt.token, [q.id for q in quiz.questions]


def _stored(app: Any, token: str) -> tuple[Any, Any, int]:
    """(submitted_at, score, number of responses) as the database has them now."""
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).where(Attempt.token == token)).one()
        count = db.session.scalar(
            db.select(db.func.count(Response.id)).where(Response.attempt_id == attempt.id)
        )
        return attempt.submitted_at, attempt.score, count


def test_a_failing_submit_is_rolled_back_and_shows_the_error_page(faulty_app: Any) -> None:
    _quiz_id, token, (truth, blank) = _quiz_and_attempt(faulty_app)
    client = faulty_app.test_client()
    response = client.post(
        f"/attempt/{token}", data={f"q{truth}": "True", f"q{blank}": "BREAK", "action": "submit"}
    )
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Something went wrong" in page and "Nothing was half-saved" in page
    assert "Traceback" not in page and "fault injected" not in page
    # Not submitted, no score, no responses: the claim of the attempt was undone with the rest.
    assert _stored(faulty_app, token) == (None, None, 0)
    # The student can carry on: the same attempt submits once the answer is storable.
    fixed = client.post(
        f"/attempt/{token}", data={f"q{truth}": "True", f"q{blank}": "ok", "action": "submit"}
    )
    assert fixed.status_code == 302
    submitted_at, score, count = _stored(faulty_app, token)
    assert submitted_at is not None and score is not None and count == 2


def test_a_failing_autosave_keeps_the_earlier_answers_and_stores_none_of_the_batch(
    faulty_app: Any,
) -> None:
    _quiz_id, token, (truth, blank) = _quiz_and_attempt(faulty_app)
    client = faulty_app.test_client()
    assert client.post(f"/attempt/{token}/save", data={f"q{truth}": "True"}).status_code == 200
    broken = client.post(
        f"/attempt/{token}/save", data={f"q{truth}": "False", f"q{blank}": "BREAK"}
    )
    assert broken.status_code == 500
    with faulty_app.app_context():
        attempt = taking.find_attempt(token)
        given = {r.question_id: r.given for r in attempt.responses}
    # The batch is all or nothing: the first answer's change was not kept either.
    assert given == {truth: "True"}
    # The server is fine afterwards: the next request on the same worker works.
    assert client.post(f"/attempt/{token}/save", data={f"q{blank}": "Reading"}).status_code == 200
