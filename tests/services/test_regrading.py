"""Regrading a published quiz: accept an answer, change the key, a point for all, drop, undo."""

from __future__ import annotations

import pytest

from quizapp.models import Attempt, Quiz, QuizStatus, RegradeChange, Response, db
from quizapp.services import taking
from quizapp.services.attempt_pages import result_view
from quizapp.services.regrading import (
    RegradeAction,
    RegradeError,
    answer_groups,
    regrade_question,
    undo_regrade,
)
from tests.factories import make_quiz

pytestmark = pytest.mark.usefixtures("ctx")


def _class(quiz: Quiz, answers: dict[str, tuple[str, str]]) -> dict[str, Attempt]:
    """Each student joins, answers (multiple choice, typed) and submits through the service."""
    mc, fill = quiz.questions[0], quiz.questions[1]
    attempts = {}
    for name, (choice, typed) in answers.items():
        attempt = taking.join_quiz(quiz.join_code, name)
        taking.submit_attempt(attempt, {f"q{mc.id}": choice, f"q{fill.id}": typed})
        attempts[name] = attempt
    return attempts


def _scores(quiz: Quiz) -> dict[str, tuple[float | None, float | None]]:
    """Every attempt's score and total, read back from the database."""
    db.session.expire_all()
    rows = db.session.execute(
        db.select(Attempt.student_name, Attempt.score, Attempt.max_score).where(
            Attempt.quiz_id == quiz.id
        )
    )
    return {name: (score, out_of) for name, score, out_of in rows}


@pytest.fixture
def quiz() -> Quiz:
    quiz = make_quiz(status=QuizStatus.PUBLISHED, kinds=("multiple_choice", "fill_in"))
    return quiz


@pytest.fixture
def attempts(quiz: Quiz) -> dict[str, Attempt]:
    mc, fill = quiz.questions
    wrong = next(o for o in mc.data["options"] if o != mc.answer)
    return _class(
        quiz,
        {
            "Ada": (mc.answer, fill.answer),
            "Bo": (wrong, "Boat Club"),
            "Cy": (wrong, "boat club!"),
            "Di": (mc.answer, ""),
        },
    )


def test_accepting_a_typed_answer_changes_exactly_the_students_who_gave_it(
    quiz: Quiz, attempts: dict[str, Attempt]
) -> None:
    teacher = quiz.owner
    fill = quiz.questions[1]
    before = _scores(quiz)
    outcome = regrade_question(
        quiz, fill, RegradeAction.ACCEPT_ANSWER, teacher=teacher, answer="Boat Club"
    )
    after = _scores(quiz)
    assert (outcome.attempts, outcome.scores_changed) == (4, 2)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"Bo", "Cy"}
    assert after["Bo"][0] == before["Bo"][0] + 1
    log = db.session.get(RegradeChange, outcome.change_id)
    assert (log.teacher_id, log.action, log.scores_changed) == (teacher.id, "accept_answer", 2)
    assert "Boat Club" in log.summary


def test_a_student_sees_the_new_score_with_a_note(quiz: Quiz, attempts: dict[str, Attempt]) -> None:
    regrade_question(
        quiz, quiz.questions[1], RegradeAction.ACCEPT_ANSWER, teacher=quiz.owner, answer="boat club"
    )
    db.session.expire_all()
    bo = db.session.get(Attempt, attempts["Bo"].id)
    view = result_view(bo)
    assert view.score_text == "1 of 2"
    assert (bo.score_before_regrade, bo.max_before_regrade) == (0.0, 2.0)
    assert bo.regraded_at is not None
    ada = db.session.get(Attempt, attempts["Ada"].id)
    assert ada.regraded_at is None  # unchanged scores carry no note


def test_dropping_a_question_takes_it_out_of_every_total_and_undo_restores(
    quiz: Quiz, attempts: dict[str, Attempt]
) -> None:
    mc = quiz.questions[0]
    before = _scores(quiz)
    outcome = regrade_question(quiz, mc, RegradeAction.DROP, teacher=quiz.owner)
    after = _scores(quiz)
    assert outcome.scores_changed == 4  # every total changed from 2 to 1
    assert after == {"Ada": (1.0, 1.0), "Bo": (0.0, 1.0), "Cy": (0.0, 1.0), "Di": (0.0, 1.0)}
    undo = undo_regrade(quiz, outcome.change_id, teacher=quiz.owner)
    assert undo.scores_changed == 4
    assert _scores(quiz) == before
    original = db.session.get(RegradeChange, outcome.change_id)
    assert original.undone_at is not None and original.undone_by_id == quiz.owner.id
    assert db.session.get(Attempt, attempts["Ada"].id).regraded_at is None
    with pytest.raises(RegradeError, match="already been undone"):
        undo_regrade(quiz, outcome.change_id, teacher=quiz.owner)


def test_full_credit_and_change_key(quiz: Quiz, attempts: dict[str, Attempt]) -> None:
    mc, fill = quiz.questions
    wrong = next(o for o in mc.data["options"] if o != mc.answer)
    outcome = regrade_question(quiz, mc, RegradeAction.CHANGE_KEY, teacher=quiz.owner, answer=wrong)
    assert outcome.scores_changed == 4  # two lose the point, two gain it
    assert _scores(quiz)["Bo"] == (1.0, 2.0)
    regrade_question(quiz, fill, RegradeAction.FULL_CREDIT, teacher=quiz.owner)
    scores = _scores(quiz)
    assert scores["Di"] == (1.0, 2.0)  # a blank gets the point too
    assert scores["Bo"] == (2.0, 2.0)


def test_undo_only_the_newest_change_of_a_question(
    quiz: Quiz, attempts: dict[str, Attempt]
) -> None:
    fill = quiz.questions[1]
    first = regrade_question(
        quiz, fill, RegradeAction.ACCEPT_ANSWER, teacher=quiz.owner, answer="Boat Club"
    )
    regrade_question(quiz, fill, RegradeAction.DROP, teacher=quiz.owner)
    with pytest.raises(RegradeError, match="undo it first"):
        undo_regrade(quiz, first.change_id, teacher=quiz.owner)


@pytest.mark.parametrize(
    ("action", "answer", "message"),
    [
        (RegradeAction.ACCEPT_ANSWER, "", "Type the answer"),
        (RegradeAction.ACCEPT_ANSWER, "CAF", "already accepted"),
    ],
)
def test_refused_regrades_say_why(
    quiz: Quiz, attempts: dict[str, Attempt], action: RegradeAction, answer: str, message: str
) -> None:
    fill = quiz.questions[1]
    fill.data = {**fill.data, "accepted": [fill.answer, "CAF"]}
    db.session.commit()
    with pytest.raises(RegradeError, match=message):
        regrade_question(quiz, fill, action, teacher=quiz.owner, answer=answer)


def test_a_draft_is_edited_not_regraded() -> None:
    draft = make_quiz()
    with pytest.raises(RegradeError, match="draft"):
        regrade_question(draft, draft.questions[0], RegradeAction.DROP, teacher=draft.owner)


def test_typed_answers_are_grouped_as_they_mark(quiz: Quiz, attempts: dict[str, Attempt]) -> None:
    fill = quiz.questions[1]
    givens = db.session.scalars(
        db.select(Response.given).where(Response.question_id == fill.id)
    ).all()
    groups = answer_groups(fill, givens)
    assert [(g.count, g.correct) for g in groups] == [(2, False), (1, True)]
    assert groups[0].text in ("Boat Club", "boat club!")


def test_a_submit_after_a_regrade_is_scored_with_the_new_key(quiz: Quiz) -> None:
    """A student still taking the quiz is marked by the regraded question when they submit."""
    fill = quiz.questions[1]
    late = taking.join_quiz(quiz.join_code, "Late")
    taking.save_answers(late, {f"q{fill.id}": "Boat Club"})
    regrade_question(
        quiz, fill, RegradeAction.ACCEPT_ANSWER, teacher=quiz.owner, answer="Boat Club"
    )
    taking.submit_attempt(late, {})
    db.session.expire_all()
    response = db.session.scalars(
        db.select(Response).where(Response.attempt_id == late.id, Response.question_id == fill.id)
    ).one()
    assert response.correct is True
