"""Double submission: two requests submit one attempt at the same instant; it counts once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from quizapp.models import Attempt, QuizStatus, Response, db
from quizapp.services import taking
from tests.factories import make_quiz

ROUNDS = 4


def _field_answers(quiz_id: int) -> dict[str, str]:
    """The right answer to every question of the quiz, as the answer form names the fields."""
    from quizapp.models import Quiz

    quiz = db.session.get(Quiz, quiz_id)
    fields: dict[str, str] = {}
    for question in quiz.questions:
        fields[f"q{question.id}"] = question.answer or ""
    return fields


def _at_once(actions: list[Callable[[], Any]]) -> list[Any]:
    """Run the actions in threads released together by a barrier; return their results."""
    barrier = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = actions[index]()
        except BaseException as exc:  # re-raised in the test thread below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def test_two_simultaneous_submits_store_one_submission_scored_once(app: Any) -> None:
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED)
        quiz_id, code = quiz.id, quiz.join_code
        answers = _field_answers(quiz_id)
        tokens = [taking.join_quiz(code, f"Student {n}").token for n in range(ROUNDS)]
        questions = len(quiz.questions)
    for token in tokens:
        clients = [app.test_client(), app.test_client()]
        statuses = _at_once(
            [
                lambda c=c, t=token: (
                    c.post(f"/attempt/{t}", data={**answers, "action": "submit"}).status_code
                )
                for c in clients
            ]
        )
        # Both students' tabs land on the result page: the second submit is a no-op, not an error.
        assert statuses == [302, 302]
    with app.app_context():
        attempts = db.session.scalars(db.select(Attempt).where(Attempt.quiz_id == quiz_id)).all()
        assert len(attempts) == ROUNDS
        for attempt in attempts:
            assert attempt.submitted_at is not None
            assert (attempt.score, attempt.max_score) == (float(questions), float(questions))
            rows = db.session.scalars(
                db.select(Response).where(Response.attempt_id == attempt.id)
            ).all()
            assert sorted(r.question_id for r in rows) == sorted(q.id for q in quiz.questions)
            assert all(r.credit == 1.0 for r in rows)


def test_simultaneous_submits_through_the_service_claim_the_attempt_once(app: Any) -> None:
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED)
        token = taking.join_quiz(quiz.join_code, "Ada").token
        answers = _field_answers(quiz.id)

    def submit() -> Any:
        with app.app_context():
            attempt = taking.find_attempt(token)
            taking.submit_attempt(attempt, answers)
            return attempt.submitted_at

    moments = _at_once([submit, submit, submit])
    with app.app_context():
        attempt = taking.find_attempt(token)
        stored = taking.as_utc(attempt.submitted_at)
        # Every caller sees the one stored submission time, whoever won the race.
        assert {taking.as_utc(m) for m in moments} == {stored}
        assert attempt.score == float(len(attempt.quiz.questions))
        assert len(attempt.responses) == len(attempt.quiz.questions)


def test_an_autosave_racing_the_submit_never_changes_scored_answers(app: Any) -> None:
    """Whichever lands first, the stored answers are exactly the ones that were scored."""
    from quizapp.services.scoring import score_item

    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED)
        right = _field_answers(quiz.id)
        wrong = {field: "a wrong answer" for field in right}
        tokens = [taking.join_quiz(quiz.join_code, f"Racer {n}").token for n in range(8)]

    def autosave(token: str) -> str:
        with app.app_context():
            try:
                taking.save_answers(taking.find_attempt(token), wrong)
            except taking.AttemptLocked:
                return "locked"
            return "saved"

    def submit(token: str) -> str:
        with app.app_context():
            taking.submit_attempt(taking.find_attempt(token), right)
            return "submitted"

    for token in tokens:
        _at_once([lambda t=token: autosave(t), lambda t=token: submit(t)])
        with app.app_context():
            db.session.expire_all()
            attempt = taking.find_attempt(token)
            rescored = sum(
                score_item(r.question.to_item(), r.given, r.given_data).credit
                for r in attempt.responses
            )
            assert attempt.submitted_at is not None
            assert attempt.score == rescored
