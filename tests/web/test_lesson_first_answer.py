"""A lesson's first answer to a check counts: the quiz page's save and submit routes cannot
rewrite it once the feedback has shown the right answer."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from quizapp.models import Attempt, AttemptEnd, Question, Quiz, QuizStatus, Response, db
from quizapp.paths import SAMPLES_DIR
from quizapp.services import lessons, publishing, taking
from tests.factories import make_article, make_quiz


def _lesson_check_answered_wrong(app: Any) -> tuple[Any, str, int, str]:
    """A student joins a published lesson and answers its first check wrong; returns their
    client, attempt token, the check's id and its right answer."""
    with app.app_context():
        text = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
        lesson = lessons.create_lesson(make_quiz(article=make_article(text=text)))
        code = publishing.publish_quiz(lesson)
    student = app.test_client()
    joined = student.post("/join", data={"code": code, "name": "Ada"})
    token = joined.headers["Location"].rsplit("/", 1)[1]
    section = student.get(f"/lesson/{token}/section/1").get_data(as_text=True)
    check = int(re.search(r'name="question" value="(\d+)"', section).group(1))  # type: ignore[union-attr]
    posted = student.post(
        f"/lesson/{token}/section/1", data={"question": check, f"q{check}": "no idea"}
    )
    assert "#feedback" in posted.headers["Location"]
    with app.app_context():
        answer = db.session.get(Question, check).answer
    feedback = student.get(posted.headers["Location"]).get_data(as_text=True)
    assert answer in feedback  # the feedback gives the right answer
    return student, token, check, answer


def _stored(app: Any, token: str, question_id: int) -> tuple[str | None, bool | None]:
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).filter_by(token=token)).one()
        response = db.session.scalars(
            db.select(Response).filter_by(attempt_id=attempt.id, question_id=question_id)
        ).one()
        return response.given, response.correct


def test_autosave_cannot_rewrite_a_checked_answer(app: Any) -> None:
    student, token, check, answer = _lesson_check_answered_wrong(app)
    saved = student.post(f"/attempt/{token}/save", data={f"q{check}": answer})
    assert saved.status_code == 409 and saved.get_json()["saved"] is False
    assert _stored(app, token, check) == ("no idea", False)


def test_the_quiz_pages_submit_cannot_score_a_lesson(app: Any) -> None:
    student, token, check, answer = _lesson_check_answered_wrong(app)
    posted = student.post(f"/attempt/{token}", data={f"q{check}": answer, "action": "submit"})
    assert posted.status_code == 302 and f"/lesson/{token}" in posted.headers["Location"]
    assert _stored(app, token, check) == ("no idea", False)
    with app.app_context():
        assert db.session.scalars(db.select(Attempt).filter_by(token=token)).one().score is None


def test_a_lesson_past_its_closing_time_takes_no_more_checks(app: Any) -> None:
    """The closing time is enforced on the lesson's own pages, as on a quiz's."""
    with app.app_context():
        text = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
        lesson = lessons.create_lesson(make_quiz(article=make_article(text=text)))
        code = publishing.publish_quiz(lesson)
        quiz_id = lesson.id
    student = app.test_client()
    token = student.post("/join", data={"code": code, "name": "Bo"}).headers["Location"]
    token = token.rsplit("/", 1)[1]
    section = student.get(f"/lesson/{token}/section/1").get_data(as_text=True)
    check = int(re.search(r'name="question" value="(\d+)"', section).group(1))  # type: ignore[union-attr]
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        # The closing time passes (set directly: the form only takes future times).
        quiz.closes_at = datetime.now(UTC) - taking.GRACE - timedelta(seconds=1)
        db.session.commit()
        answer = db.session.get(Question, check).answer
    posted = student.post(
        f"/lesson/{token}/section/1", data={"question": check, f"q{check}": answer}
    )
    assert "#feedback" not in posted.headers["Location"]
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).filter_by(token=token)).one()
        assert attempt.submitted_at is not None and attempt.end_reason is AttemptEnd.QUIZ_CLOSED
        assert not any(r.given for r in attempt.responses)
        assert db.session.get(Quiz, quiz_id).status is QuizStatus.CLOSED
    for path in (f"/lesson/{token}/section/1", f"/lesson/{token}", f"/lesson/{token}/quiz"):
        moved = student.get(path)
        assert moved.status_code == 302 and moved.headers["Location"].endswith("/result"), path


def test_a_lesson_out_of_time_takes_no_more_checks(app: Any) -> None:
    """A lesson's time limit ends the attempt on its section pages too."""
    with app.app_context():
        text = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
        lesson = lessons.create_lesson(make_quiz(article=make_article(text=text)))
        lesson.time_limit_minutes = 10
        code = publishing.publish_quiz(lesson)
    student = app.test_client()
    token = student.post("/join", data={"code": code, "name": "Cy"}).headers["Location"]
    token = token.rsplit("/", 1)[1]
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).filter_by(token=token)).one()
        attempt.started_at = datetime.now(UTC) - timedelta(minutes=11)
        db.session.commit()
    moved = student.get(f"/lesson/{token}/section/1")
    assert moved.status_code == 302 and moved.headers["Location"].endswith("/result")
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).filter_by(token=token)).one()
        assert attempt.end_reason is AttemptEnd.TIME_UP
