"""Lesson and review pages over HTTP: no answer before answering, first answer counts."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

from quizapp.models import Question, QuizStatus, db
from quizapp.paths import SAMPLES_DIR
from quizapp.services import lessons, publishing
from tests.factories import make_article, make_class, make_quiz

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


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


def test_the_owner_downloads_the_lesson_as_moodle_and_qti_modules(app: Any, auth: Any) -> None:
    """The lesson page's export buttons give a Moodle file with a category per section and a
    QTI package with a test section per lesson section; other formats and teachers get 404."""
    teacher = auth.login()
    client = auth._client
    with app.app_context():
        text = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
        source = make_quiz(db.session.merge(teacher), article=make_article(text=text))
        quiz = lessons.create_lesson(source)
        quiz_id, sections = quiz.id, len(lessons.lesson_for_quiz(quiz.id).sections)
    page = client.get(f"/teacher/lessons/{quiz_id}").get_data(as_text=True)
    assert f"/teacher/lessons/{quiz_id}/module/moodle-xml" in page
    moodle = client.get(f"/teacher/lessons/{quiz_id}/module/moodle-xml")
    assert moodle.status_code == 200 and moodle.mimetype == "application/xml"
    assert moodle.headers["Content-Disposition"].startswith("attachment;")
    root = ET.fromstring(moodle.data)
    categories = [
        q.findtext("category/text") for q in root.iter("question") if q.get("type") == "category"
    ]
    assert len(categories) == sections + 1
    assert categories[0].startswith("$course$/top/") and "/Section 1: " in categories[0]
    assert len([q for q in root.iter("question") if q.get("type") == "description"]) == sections
    qti = client.get(f"/teacher/lessons/{quiz_id}/module/qti")
    assert qti.status_code == 200 and qti.mimetype == "application/zip"
    test = ET.fromstring(zipfile.ZipFile(io.BytesIO(qti.data)).read("assessment.xml"))
    titles = [s.get("title") for s in test.iter(f"{QTI}assessmentSection")]
    assert titles[0].startswith("Section 1: ") and titles[-1] == "End-of-lesson quiz"
    assert len(titles) == sections + 1
    assert client.get(f"/teacher/lessons/{quiz_id}/module/gift").status_code == 404
    auth.logout()
    auth.login()
    assert client.get(f"/teacher/lessons/{quiz_id}/module/qti").status_code == 404
