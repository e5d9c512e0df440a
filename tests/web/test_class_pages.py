"""Teacher class pages and the join page of a class's quiz: paste, CSV, slips, codes, status."""

from __future__ import annotations

import io
from typing import Any

from quizapp.models import Attempt, QuizStatus, SchoolClass, Student, db
from tests.factories import make_class, make_quiz


def _own_class(app: Any, teacher: Any, **overrides: Any) -> tuple[int, list[tuple[int, str, str]]]:
    """A class of the logged-in teacher: its id and its students (id, name, code)."""
    with app.app_context():
        school_class = make_class(db.session.merge(teacher), **overrides)
        return school_class.id, [(s.id, s.name, s.personal_code) for s in school_class.students]


def test_teacher_creates_a_class_by_pasting_names(app: Any, client: Any, auth: Any) -> None:
    auth.login()
    assert "New class" in client.get("/teacher/classes").get_data(as_text=True)
    response = client.post(
        "/teacher/classes/new",
        data={"class_name": "9A History", "names": "Ada Lovelace\n\nBo Chen\nBo Chen\n"},
    )
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert "Class created with 3 students." in page
    with app.app_context():
        school_class = db.session.scalars(db.select(SchoolClass)).one()
        codes = [s.personal_code for s in school_class.students]
        assert [s.name for s in school_class.students] == ["Ada Lovelace", "Bo Chen", "Bo Chen (2)"]
    for code in codes:
        assert f"{code[:3]}-{code[3:]}" in page
    assert "9A History" in client.get("/teacher/classes").get_data(as_text=True)


def test_teacher_imports_a_csv_and_bad_input_is_explained(app: Any, client: Any, auth: Any) -> None:
    auth.login()
    csv_file = (io.BytesIO(b"First name,Last name\nAda,Lovelace\nBo,Chen\n"), "class.csv")
    response = client.post(
        "/teacher/classes/new",
        data={"class_name": "9B", "names": "", "csv_file": csv_file},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    with app.app_context():
        names = [s.name for s in db.session.scalars(db.select(Student).order_by(Student.id))]
    assert names == ["Ada Lovelace", "Bo Chen"]
    bad = client.post(
        "/teacher/classes/new",
        data={"class_name": "9C", "csv_file": (io.BytesIO("Zoë".encode("latin-1")), "c.csv")},
        content_type="multipart/form-data",
    )
    assert bad.status_code == 200
    assert "Save the class list as CSV in UTF-8" in bad.get_data(as_text=True)
    no_name = client.post("/teacher/classes/new", data={"class_name": "", "names": "Ada"})
    assert "Give the class a name." in no_name.get_data(as_text=True)


def test_slips_show_name_class_code_and_join_address(app: Any, client: Any, auth: Any) -> None:
    class_id, students = _own_class(app, auth.login())
    page = client.get(f"/teacher/classes/{class_id}/slips").get_data(as_text=True)
    assert page.count('class="slip"') == 3
    for _id, name, code in students:
        assert name in page and f"{code[:3]}-{code[3:]}" in page
    assert "7B Geography" in page and "http://localhost/join" in page


def test_rename_new_code_remove_and_archive(app: Any, client: Any, auth: Any) -> None:
    class_id, students = _own_class(app, auth.login())
    (ada_id, _, ada_code), (bo_id, _, _), _ = students
    base = f"/teacher/classes/{class_id}/students"
    assert client.post(f"{base}/{ada_id}/rename", data={"name": " Ada  King "}).status_code == 302
    assert client.post(f"{base}/{ada_id}/new-code").status_code == 302
    assert client.post(f"{base}/{bo_id}/remove").status_code == 302
    renamed = client.post(f"{base}/{ada_id}/rename", data={"name": "\u200b"})
    assert "Please type the name." in renamed.get_data(as_text=True)
    with app.app_context():
        ada = db.session.get(Student, ada_id)
        assert ada.name == "Ada King" and ada.personal_code != ada_code
        assert db.session.get(Student, bo_id).removed_at is not None
    # A removed student has no pages any more.
    assert client.post(f"{base}/{bo_id}/new-code").status_code == 404
    client.post(f"/teacher/classes/{class_id}/archive")
    page = client.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    assert "This class is archived" in page and "Add students" not in page
    client.post(f"/teacher/classes/{class_id}/restore")
    assert "Add students" in client.get(f"/teacher/classes/{class_id}").get_data(as_text=True)


def test_settings_assign_a_class_and_results_show_who_has_started(
    app: Any, client: Any, auth: Any
) -> None:
    teacher = auth.login()
    class_id, students = _own_class(app, teacher)
    with app.app_context():
        quiz = make_quiz(db.session.merge(teacher), status=QuizStatus.PUBLISHED, join_code="CLS777")
        quiz_id = quiz.id
    settings_page = client.get(f"/teacher/quizzes/{quiz_id}/settings").get_data(as_text=True)
    assert "Class 7B Geography (students type their personal code)" in settings_page
    response = client.post(
        f"/teacher/quizzes/{quiz_id}/settings",
        data={
            "version": "1",
            "title": "Rivers",
            "attempts_allowed": "1",
            "explanations": "after_submit",
            "study_access": "after_submit",
            "class_id": str(class_id),
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    quiz_page = client.get(f"/teacher/quizzes/{quiz_id}").get_data(as_text=True)
    assert "students join with their personal code" in quiz_page
    student = app.test_client()
    joined = student.post("/join", data={"code": "CLS777", "personal_code": students[0][2]})
    assert joined.status_code == 302 and "/attempt/" in joined.location
    page = client.get(f"/teacher/quizzes/{quiz_id}/results").get_data(as_text=True)
    assert "Class 7B Geography" in page
    assert "2 not started" in page and "1 in progress" in page and "0 submitted" in page


def test_join_page_of_a_class_quiz_asks_for_the_personal_code(app: Any, client: Any) -> None:
    with app.app_context():
        school_class = make_class()
        make_quiz(
            school_class.owner,
            status=QuizStatus.PUBLISHED,
            join_code="CLS888",
            class_id=school_class.id,
        )
        code = school_class.students[0].personal_code
    page = client.get("/join/CLS888").get_data(as_text=True)
    assert "Your personal code" in page and "Your name" not in page
    named = client.post("/join", data={"code": "CLS888", "name": "Ada Lovelace"})
    text = named.get_data(as_text=True)
    assert named.status_code == 200 and "type the personal code from your slip" in text
    assert "Your personal code" in text
    wrong = client.post("/join", data={"code": "CLS888", "personal_code": "AAA-AAA"})
    assert "not on this class&#39;s list" in wrong.get_data(as_text=True)
    right = client.post("/join", data={"code": "cls-888", "personal_code": code.lower()})
    assert right.status_code == 302
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt)).one()
        assert attempt.student_name == "Ada Lovelace" and attempt.student_id is not None
