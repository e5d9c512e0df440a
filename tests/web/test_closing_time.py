"""A quiz's automatic closing time: set in the teacher's own time zone, enforced by the server on
every join, answer and results page, with the same effects as "Close the quiz"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from quizapp.models import Attempt, AttemptEnd, ExplanationPolicy, Quiz, QuizStatus, db
from quizapp.services import publishing, taking
from tests.factories import make_quiz

KINDS = ("multiple_choice", "fill_in", "true_false")


def _settings_form(version: int, **fields: str) -> dict[str, str]:
    return {
        "version": str(version),
        "title": "Boats",
        "attempts_allowed": "1",
        "explanations": "after_submit",
        **fields,
    }


def test_closing_time_is_typed_in_the_teachers_zone_and_shown_back(
    app: Any, client: Any, auth: Any
) -> None:
    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(db.session.merge(teacher), kinds=KINDS, status=QuizStatus.PUBLISHED)
        quiz_id, version = quiz.id, quiz.version
    url = f"/teacher/quizzes/{quiz_id}/settings"
    response = client.post(
        url,
        data=_settings_form(version, closes_at="2031-05-01T09:00", time_zone="Europe/Zurich"),
    )
    assert response.status_code == 302
    with app.app_context():
        stored = taking.as_utc(db.session.get(Quiz, quiz_id).closes_at)
    assert stored == datetime(2031, 5, 1, 7, 0, tzinfo=UTC)  # 09:00 in Zurich (summer time)
    page = client.get(url).get_data(as_text=True)
    # The page holds it in UTC, marked for the script to show in the browser's zone.
    assert 'value="2031-05-01T07:00"' in page and "data-utc" in page
    quiz_page = client.get(f"/teacher/quizzes/{quiz_id}").get_data(as_text=True)
    assert "Closes automatically on" in quiz_page


def test_a_closing_time_already_past_is_refused(app: Any, client: Any, auth: Any) -> None:
    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(db.session.merge(teacher), kinds=KINDS, status=QuizStatus.PUBLISHED)
        quiz_id, version = quiz.id, quiz.version
    page = client.post(
        f"/teacher/quizzes/{quiz_id}/settings",
        data=_settings_form(version, closes_at="2020-01-01T09:00", time_zone="UTC"),
    ).get_data(as_text=True)
    assert "Choose a closing time in the future" in page
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).closes_at is None


def test_past_the_closing_time_the_server_closes_the_quiz(app: Any, client: Any) -> None:
    with app.app_context():
        quiz = make_quiz(
            kinds=KINDS,
            status=QuizStatus.PUBLISHED,
            join_code="CLOSE5",
            show_score=ExplanationPolicy.AFTER_CLOSE,
            explanations=ExplanationPolicy.AFTER_CLOSE,
        )
        fill = next(q for q in quiz.questions if q.kind == "fill_in")
        attempt = taking.join_quiz("CLOSE5", "Ada")
        taking.save_answers(attempt, {f"q{fill.id}": fill.answer})
        # The closing time passes (set directly: the form only takes future times).
        quiz.closes_at = datetime.now(UTC) - taking.GRACE - timedelta(seconds=1)
        db.session.commit()
        token, quiz_id, fill_id = attempt.token, quiz.id, fill.id
    # Her page's next autosave is refused and her saved answer is scored, as on closing by hand.
    refused = client.post(f"/attempt/{token}/save", data={f"q{fill_id}": "something else"})
    assert refused.status_code == 409
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.status is QuizStatus.CLOSED
        assert taking.as_utc(quiz.closed_at) == taking.as_utc(quiz.closes_at)
        ended = db.session.scalars(db.select(Attempt).where(Attempt.token == token)).one()
        assert ended.end_reason is AttemptEnd.QUIZ_CLOSED and ended.score == 1
    # Feedback held "until the quiz closes" is now shown; nobody new can join.
    result = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "Your score" in result and "Why, paragraph" in result
    assert client.get("/join/CLOSE5").status_code == 410


def test_a_join_after_the_closing_time_is_refused_even_within_the_grace(app: Any) -> None:
    with app.app_context():
        quiz = make_quiz(kinds=KINDS, status=QuizStatus.PUBLISHED, join_code="GRACE5")
        quiz.closes_at = datetime.now(UTC) - timedelta(seconds=5)
        db.session.commit()
        try:
            taking.join_quiz("GRACE5", "Late Larry")
        except taking.QuizClosed:
            pass
        else:
            raise AssertionError("a student joined after the closing time")


def test_the_page_clock_counts_down_to_the_closing_time(app: Any, client: Any) -> None:
    with app.app_context():
        quiz = make_quiz(kinds=KINDS, status=QuizStatus.PUBLISHED, join_code="CLOCK5")
        quiz.closes_at = datetime.now(UTC) + timedelta(minutes=10)
        db.session.commit()
        attempt = taking.join_quiz("CLOCK5", "Bo")
        assert taking.deadline_of(attempt) == taking.as_utc(quiz.closes_at)
        quiz.time_limit_minutes = 5
        db.session.commit()
        assert taking.deadline_of(attempt) < taking.as_utc(quiz.closes_at)
        token = attempt.token
    assert "Time left" in client.get(f"/attempt/{token}").get_data(as_text=True)


def test_a_closing_time_days_away_reads_in_days_and_hours(app: Any, client: Any) -> None:
    with app.app_context():
        quiz = make_quiz(kinds=KINDS, status=QuizStatus.PUBLISHED, join_code="DAYS55")
        quiz.closes_at = datetime.now(UTC) + timedelta(days=3, hours=5, minutes=30)
        db.session.commit()
        token = taking.join_quiz("DAYS55", "Di").token
    page = client.get(f"/attempt/{token}").get_data(as_text=True)
    assert "<span data-clock>3 d 5 h</span>" in page


def test_copies_and_reopened_quizzes_do_not_close_at_a_past_time(app: Any) -> None:
    with app.app_context():
        quiz = make_quiz(kinds=KINDS, status=QuizStatus.PUBLISHED, join_code="COPY55")
        quiz.closes_at = datetime.now(UTC) + timedelta(days=1)
        db.session.commit()
        assert publishing.copy_quiz(quiz).closes_at is None
        quiz.closes_at = datetime.now(UTC) - timedelta(minutes=5)
        db.session.commit()
        assert taking.close_if_due(quiz)
        publishing.reopen_quiz(quiz)
        assert quiz.status is QuizStatus.PUBLISHED and quiz.closes_at is None


def test_the_dashboard_shows_a_quiz_past_its_closing_time_as_closed(
    app: Any, client: Any, auth: Any
) -> None:
    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(
            db.session.merge(teacher), kinds=KINDS, status=QuizStatus.PUBLISHED, join_code="DASH55"
        )
        taking.join_quiz("DASH55", "Cy")
        quiz.closes_at = datetime.now(UTC) - timedelta(minutes=2)
        db.session.commit()
        quiz_id = quiz.id
    client.get("/teacher/")
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.status is QuizStatus.CLOSED
        assert (
            db.session.scalars(
                db.select(Attempt).where(Attempt.quiz_id == quiz_id, Attempt.submitted_at.is_(None))
            ).all()
            == []
        )
