"""A regrade while students are still submitting: no attempt keeps a score from the old key."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from quizapp.models import Attempt, Question, Quiz, QuizStatus, Response, User, db
from quizapp.services import regrading, taking
from tests.factories import make_quiz

STUDENTS = 6
ROUNDS = 3


def _at_once(actions: list[Callable[[], Any]]) -> None:
    """Run the actions in threads released together by a barrier; re-raise the first error."""
    barrier = threading.Barrier(len(actions))
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            actions[index]()
        except BaseException as exc:  # re-raised in the test thread below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def _submit(app: Any, token: str) -> Callable[[], None]:
    def action() -> None:
        with app.app_context():
            attempt = taking.find_attempt(token)
            assert attempt is not None
            taking.submit_attempt(attempt, {})

    return action


def _regrade(app: Any, quiz_id: int, question_id: int, answer: str) -> Callable[[], None]:
    def action() -> None:
        with app.app_context():
            quiz = db.session.get(Quiz, quiz_id)
            question = db.session.get(Question, question_id)
            teacher = db.session.get(User, quiz.owner_id)
            regrading.regrade_question(
                quiz,
                question,
                regrading.RegradeAction.ACCEPT_ANSWER,
                teacher=teacher,
                answer=answer,
            )

    return action


def test_accepting_an_answer_while_a_class_submits_rescores_everyone(app: Any) -> None:
    for round_number in range(ROUNDS):
        answer = f"Boat Club {round_number}"
        with app.app_context():
            quiz = make_quiz(status=QuizStatus.PUBLISHED, kinds=("fill_in",))
            quiz_id, question_id = quiz.id, quiz.questions[0].id
            tokens = []
            for n in range(STUDENTS):
                attempt = taking.join_quiz(quiz.join_code, f"Student {n}")
                taking.save_answers(attempt, {f"q{question_id}": answer})
                tokens.append(attempt.token)
            # Half the class has submitted before the regrade, half submits alongside it.
            for token in tokens[: STUDENTS // 2]:
                taking.submit_attempt(taking.find_attempt(token), {})
        actions = [_submit(app, t) for t in tokens[STUDENTS // 2 :]]
        actions.insert(len(actions) // 2, _regrade(app, quiz_id, question_id, answer))
        _at_once(actions)
        with app.app_context():
            attempts = db.session.scalars(
                db.select(Attempt).where(Attempt.quiz_id == quiz_id)
            ).all()
            assert len(attempts) == STUDENTS
            for attempt in attempts:
                assert attempt.submitted_at is not None
                assert (attempt.score, attempt.max_score) == (1.0, 1.0), attempt.student_name
            marks = db.session.scalars(
                db.select(Response.correct).where(Response.question_id == question_id)
            ).all()
            assert marks == [True] * STUDENTS
