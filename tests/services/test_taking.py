"""Taking a quiz: join, resume, autosave, submit once, attempts allowed, closed quiz, time limit."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func

from quizapp.models import (
    Article,
    Attempt,
    ExplanationPolicy,
    Question,
    Quiz,
    QuizStatus,
    Response,
    User,
    db,
)
from quizapp.services import attempt_pages, taking

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def make_quiz(**settings: Any) -> Quiz:
    """A published quiz: a multiple choice, a fill-in and a matching question."""
    teacher = User(
        email=f"{secrets.token_hex(4)}@school.example", display_name="T", password_hash="!"
    )
    db.session.add(teacher)
    db.session.flush()
    article = Article(
        owner_id=teacher.id, title="Danube", text="The Danube is 2,850 km long.", sha256="0" * 64
    )
    db.session.add(article)
    db.session.flush()
    quiz = Quiz(
        article_id=article.id,
        owner_id=teacher.id,
        title="Rivers",
        status=settings.pop("status", QuizStatus.PUBLISHED),
        join_code=settings.pop("join_code", "K7Q4ZP"),
        **settings,
    )
    quiz.questions = [
        Question(
            position=1,
            kind="multiple_choice",
            prompt="How long is the Danube?",
            answer="2,850 km",
            data={"options": ["950 km", "2,850 km", "4,100 km", "6,650 km"]},
        ),
        Question(
            position=2,
            kind="fill_in",
            prompt="The _____ flows into the Black Sea.",
            answer="Danube",
            data={"accepted": ["Danube", "River Danube"]},
        ),
        Question(
            position=3,
            kind="matching",
            prompt="Match the capitals.",
            data={
                "pairs": [["Austria", "Vienna"], ["Hungary", "Budapest"], ["Serbia", "Belgrade"]]
            },
        ),
        Question(position=4, kind="short_answer", prompt="Deleted", answer="x", deleted=True),
    ]
    db.session.add(quiz)
    db.session.commit()
    return quiz


def field(quiz: Quiz, position: int, row: int | None = None) -> str:
    """The form name of a question (and matching row) as the question macro names it."""
    question = next(q for q in quiz.questions if q.position == position)
    return f"q{question.id}" + (f"-{row}" if row else "")


def right_answers(quiz: Quiz) -> dict[str, str]:
    """Form fields answering every question right."""
    return {
        field(quiz, 1): "2,850 km",
        field(quiz, 2): "the danube",
        field(quiz, 3, 1): "Vienna",
        field(quiz, 3, 2): "Budapest",
        field(quiz, 3, 3): "Belgrade",
    }


def test_join_accepts_code_in_any_case_with_spaces_and_dashes(ctx: None) -> None:
    """Students type codes loosely; the attempt gets a long secret token and a seed."""
    make_quiz()
    attempt = taking.join_quiz(" k7q-4 zp ", "  Ada   Lovelace ", now=START)
    assert attempt.student_name == "Ada Lovelace"
    assert len(attempt.token) >= 40
    assert attempt.submitted_at is None
    assert taking.find_attempt(attempt.token) is attempt


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_join_needs_a_name_of_1_to_80_characters(ctx: None, name: str) -> None:
    """An empty or overlong display name is refused with a message."""
    make_quiz()
    with pytest.raises(taking.InvalidName):
        taking.join_quiz("K7Q4ZP", name)


def test_unknown_and_draft_codes_are_not_found(ctx: None) -> None:
    """A draft quiz is as invisible as a code that does not exist."""
    make_quiz(status=QuizStatus.DRAFT)
    for code in ("K7Q4ZP", "NOPE99", ""):
        with pytest.raises(taking.QuizNotFound):
            taking.join_quiz(code, "Ada")


def test_closed_quiz_says_it_is_closed(ctx: None) -> None:
    """A closed quiz explains itself instead of pretending the code is wrong."""
    make_quiz(status=QuizStatus.CLOSED)
    with pytest.raises(taking.QuizClosed, match="closed"):
        taking.join_quiz("K7Q4ZP", "Ada")


def test_joining_again_from_the_same_browser_resumes(ctx: None) -> None:
    """The same name in the same browser gets its unfinished attempt back, not a new one."""
    make_quiz()
    first = taking.join_quiz("K7Q4ZP", "Ada", now=START)
    again = taking.join_quiz("k7q4zp", "ada", known_tokens=[first.token], now=START)
    other_browser = taking.join_quiz("K7Q4ZP", "Ada", now=START)
    assert again.id == first.id
    assert other_browser.id != first.id


def test_attempts_allowed_counts_finished_attempts_per_name_and_browser(ctx: None) -> None:
    """With two attempts allowed, a third join from that browser and name is refused."""
    quiz = make_quiz(attempts_allowed=2)
    tokens: list[str] = []
    for _ in range(2):
        attempt = taking.join_quiz("K7Q4ZP", "Ada", known_tokens=tokens, now=START)
        taking.submit_attempt(attempt, {}, now=START)
        tokens.insert(0, attempt.token)
    with pytest.raises(taking.NoAttemptsLeft) as refused:
        taking.join_quiz("K7Q4ZP", "Ada", known_tokens=tokens, now=START)
    assert refused.value.last_token in tokens
    assert taking.join_quiz("K7Q4ZP", "Bo", known_tokens=tokens, now=START).quiz_id == quiz.id


def test_save_keeps_answers_and_counts_them(ctx: None) -> None:
    """Saved answers come back on the page; blanks clear; other quizzes' fields are ignored."""
    quiz = make_quiz()
    attempt = taking.join_quiz("K7Q4ZP", "Ada", now=START)
    outcome = taking.save_answers(
        attempt,
        {field(quiz, 1): "950 km", field(quiz, 3, 2): "Budapest", "q999999": "x"},
        now=START,
    )
    assert (outcome.answered, outcome.total) == (2, 3)
    outcome = taking.save_answers(
        attempt, {field(quiz, 1): "", field(quiz, 2): "Danube"}, now=START
    )
    assert (outcome.answered, outcome.total) == (2, 3)
    view = attempt_pages.take_view(attempt, now=START)
    assert view.given[field(quiz, 1)] is None
    assert view.given[field(quiz, 2)] == "Danube"
    assert view.given[field(quiz, 3)] == {"2": "Budapest"}
    assert view.answered == 2


def test_submit_scores_and_is_idempotent(ctx: None) -> None:
    """Submitting stores per-response marks and the score; a second submit changes nothing."""
    quiz = make_quiz()
    attempt = taking.join_quiz("K7Q4ZP", "Ada", now=START)
    answers = right_answers(quiz) | {field(quiz, 3, 3): "Vienna"}
    taking.submit_attempt(attempt, answers, now=START + timedelta(minutes=5))
    assert attempt.score == pytest.approx(2 + 2 / 3, abs=1e-3)
    assert attempt.max_score == 3
    submitted_at = attempt.submitted_at
    taking.submit_attempt(attempt, right_answers(quiz), now=START + timedelta(minutes=9))
    assert attempt.submitted_at == submitted_at
    assert attempt.score == pytest.approx(2 + 2 / 3, abs=1e-3)
    responses = db.session.scalars(db.select(Response).where(Response.attempt_id == attempt.id))
    marks = {r.question.position: (r.correct, round(r.credit, 2)) for r in responses}
    assert marks == {1: (True, 1.0), 2: (True, 1.0), 3: (False, 0.67)}
    assert db.session.scalar(db.select(func.count(Attempt.id))) == 1


def test_saving_after_submit_is_refused(ctx: None) -> None:
    """Answers cannot change once the attempt is in."""
    quiz = make_quiz()
    attempt = taking.join_quiz("K7Q4ZP", "Ada", now=START)
    taking.submit_attempt(attempt, {}, now=START)
    with pytest.raises(taking.AttemptLocked):
        taking.save_answers(attempt, {field(quiz, 1): "2,850 km"}, now=START)
    assert attempt.score == 0


def test_time_limit_auto_submits_what_was_saved(ctx: None) -> None:
    """After the limit plus grace the attempt is submitted with the answers saved in time."""
    quiz = make_quiz(time_limit_minutes=10)
    attempt = taking.join_quiz("K7Q4ZP", "Ada", now=START)
    taking.save_answers(attempt, {field(quiz, 1): "2,850 km"}, now=START + timedelta(minutes=9))
    assert attempt_pages.take_view(attempt, now=START + timedelta(minutes=9)).seconds_left == 60
    # Within the grace period a last save still counts.
    taking.save_answers(
        attempt, {field(quiz, 2): "Danube"}, now=START + timedelta(minutes=10, seconds=5)
    )
    late = START + timedelta(minutes=11)
    taking.submit_attempt(attempt, right_answers(quiz), now=late)
    assert taking.as_utc(attempt.submitted_at) == START + timedelta(minutes=10)
    assert attempt.score == 2  # the matching answers came too late
    view = attempt_pages.result_view(attempt)
    assert view.auto_submitted


def test_expired_attempt_is_submitted_when_anyone_looks(ctx: None) -> None:
    """The server enforces the limit even if the student's page never comes back."""
    make_quiz(time_limit_minutes=5)
    attempt = taking.join_quiz("K7Q4ZP", "Ada", now=START)
    assert not taking.enforce_deadline(attempt, now=START + timedelta(minutes=5))
    assert taking.enforce_deadline(attempt, now=START + timedelta(minutes=6))
    assert attempt.submitted_at is not None
    # Joining again with that browser now counts it as a finished attempt.
    with pytest.raises(taking.NoAttemptsLeft):
        taking.join_quiz(
            "K7Q4ZP", "Ada", known_tokens=[attempt.token], now=START + timedelta(hours=1)
        )


def test_shuffles_are_stable_per_attempt_and_numbers_stay_in_order(ctx: None) -> None:
    """The order seed fixes question and option order across reloads; numeric options are sorted."""
    quiz = make_quiz(shuffle_questions=True, shuffle_options=True)
    quiz.questions[0].data = {"options": ["4,100 km", "950 km", "6,650 km", "2,850 km"]}
    db.session.commit()
    attempt = taking.join_quiz("K7Q4ZP", "Ada", now=START)
    first = attempt_pages.take_view(attempt)
    again = attempt_pages.take_view(attempt)
    assert [i["id"] for i in first.items] == [i["id"] for i in again.items]
    mc = next(i for i in first.items if i["kind"] == "multiple_choice")
    assert mc["options"] == ["950 km", "2,850 km", "4,100 km", "6,650 km"]
    matching = next(i for i in first.items if i["kind"] == "matching")
    assert matching["right_options"] != ["Vienna", "Budapest", "Belgrade"]
    assert sorted(matching["right_options"]) == ["Belgrade", "Budapest", "Vienna"]
    orders = set()
    for _ in range(12):
        other = taking.join_quiz("K7Q4ZP", "Bo", now=START)
        orders.add(tuple(i["id"] for i in attempt_pages.take_view(other).items))
    assert len(orders) > 1


def test_one_per_page_shows_one_question_with_page_state(ctx: None) -> None:
    """Paged quizzes show one question and which pages are answered."""
    quiz = make_quiz(one_per_page=True)
    attempt = taking.join_quiz("K7Q4ZP", "Ada", now=START)
    taking.save_answers(attempt, {field(quiz, 2): "Danube"}, now=START)
    view = attempt_pages.take_view(attempt, page=2)
    assert [i["id"] for i in view.items] == [field(quiz, 2)]
    assert view.pages == ((1, False), (2, True), (3, False))
    assert attempt_pages.take_view(attempt, page=99).page == 3


@pytest.mark.parametrize(
    ("policy", "status", "shown"),
    [
        (ExplanationPolicy.AFTER_SUBMIT, QuizStatus.PUBLISHED, True),
        (ExplanationPolicy.AFTER_CLOSE, QuizStatus.PUBLISHED, False),
        (ExplanationPolicy.AFTER_CLOSE, QuizStatus.CLOSED, True),
        (ExplanationPolicy.NEVER, QuizStatus.CLOSED, False),
    ],
)
def test_result_respects_the_explanation_policy(
    ctx: None, policy: ExplanationPolicy, status: QuizStatus, shown: bool
) -> None:
    """Correct answers, and right/wrong (unset, it follows them), show only when allowed."""
    quiz = make_quiz(explanations=policy)
    attempt = taking.join_quiz("K7Q4ZP", "Ada", now=START)
    taking.submit_attempt(attempt, {field(quiz, 1): "950 km"}, now=START)
    quiz.status = status
    db.session.commit()
    view = attempt_pages.result_view(attempt)
    assert view.show_explanations is shown
    assert [row.correct for row in view.items] == ([False] * 3 if shown else [None] * 3)
    assert ("answer" in view.items[1].item) is shown
    if not shown:
        assert all(right == "" for _left, right in view.items[2].item["pairs"])
