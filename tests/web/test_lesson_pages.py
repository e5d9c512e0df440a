"""Lesson and review pages over HTTP: no answer before answering, first answer counts."""

from __future__ import annotations

import re
from typing import Any

from quizapp.models import Question, QuizStatus, db
from quizapp.paths import SAMPLES_DIR
from quizapp.services import lessons, publishing
from tests.factories import make_article, make_class, make_quiz


def _published_lesson(app: Any) -> tuple[str, int]:
    """A published lesson on the river sample; its join code and quiz id."""
    with app.app_context():
        text = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
        source = make_quiz(article=make_article(text=text))
        quiz = lessons.create_lesson(source)
        return publishing.publish_quiz(quiz), quiz.id


def test_a_check_question_page_holds_no_answer_until_it_is_answered(app: Any) -> None:
    """The section page has the prompt only; after the post, the answer and the quote."""
    code, _quiz_id = _published_lesson(app)
    client = app.test_client()
    joined = client.post("/join", data={"code": code, "name": "Ada"})
    assert joined.status_code == 302
    start = client.get(joined.headers["Location"])
    assert re.search(r"/lesson/[\w-]+$", start.headers["Location"])
    section = client.get(start.headers["Location"], follow_redirects=True)
    html = section.get_data(as_text=True)
    question_id = int(re.search(r'name="question" value="(\d+)"', html).group(1))  # type: ignore[union-attr]
    with app.app_context():
        question = db.session.get(Question, question_id)
        answer, explanation = question.answer, question.explanation
    # The explanation (the quoted sentence) is what feedback adds: never before answering.
    assert explanation and explanation not in html
    token = start.headers["Location"].rsplit("/", 1)[1]
    posted = client.post(
        f"/lesson/{token}/section/1", data={"question": question_id, f"q{question_id}": answer}
    )
    assert posted.status_code == 302 and f"#feedback-{question_id}" in posted.headers["Location"]
    after = client.get(posted.headers["Location"]).get_data(as_text=True)
    assert f'id="feedback-{question_id}"' in after and "Right!" in after
    again = client.post(
        f"/lesson/{token}/section/1", data={"question": question_id, f"q{question_id}": "x"}
    )
    assert "#feedback" not in again.headers["Location"]  # the first answer stands
    locked = client.get(f"/lesson/{token}/section/2")
    assert locked.status_code == 302  # section 2 opens after section 1's checks


def test_lesson_overview_and_worksheet_are_the_owners_only(app: Any, auth: Any) -> None:
    """Another teacher gets 404 for the lesson page and its worksheet."""
    _code, quiz_id = _published_lesson(app)
    auth.login()
    client = auth._client
    assert client.get(f"/teacher/lessons/{quiz_id}").status_code == 404
    assert client.get(f"/teacher/lessons/{quiz_id}/worksheet.pdf").status_code == 404


def test_review_page_refuses_unknown_codes_and_shows_a_students_due_count(app: Any) -> None:
    """A wrong code is 404; a rostered student's page says how many items are due."""
    with app.app_context():
        school_class = make_class()
        code = school_class.current_students[0].personal_code
        make_quiz(status=QuizStatus.PUBLISHED, class_id=school_class.id)
    client = app.test_client()
    assert client.get("/review/AAAAAA").status_code == 404
    page = client.get(f"/review/{code.lower()}").get_data(as_text=True)
    assert "0 items due today" in page and "Nothing more due today" in page
    entered = client.post("/review", data={"personal_code": f"{code[:3]}-{code[3:]}"})
    assert entered.status_code == 302 and entered.headers["Location"].endswith(f"/review/{code}")
    wrong = client.post("/review", data={"personal_code": "ZZZ-ZZZ"})
    assert "not on any class list" in wrong.get_data(as_text=True)
