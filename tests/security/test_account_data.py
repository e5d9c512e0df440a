"""A teacher downloads all their data as one archive, and deletes a quiz with its results."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from quizapp.models import Article, Attempt, Question, Quiz, Response, db
from tests.security.conftest import A_CLASS, A_QUIZ_TITLE, A_ROSTERED, A_STUDENT, World


def _archive(response: Any) -> dict[str, str]:
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "attachment" in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        return {
            name.split("/", 1)[1]: archive.read(name).decode("utf-8") for name in archive.namelist()
        }


def test_the_archive_holds_articles_quizzes_questions_and_results(
    app: Any, world: World, client_a: Any
) -> None:
    dashboard = client_a.get("/teacher/").get_data(as_text=True)
    assert "/teacher/account/data.zip" in dashboard and "Download all my data" in dashboard
    files = _archive(client_a.get("/teacher/account/data.zip"))
    assert set(files) == {
        "README.txt",
        "account.json",
        "articles.json",
        "quizzes.json",
        "classes.json",
        "attempts.json",
        "attempts.csv",
        "responses.csv",
    }
    account = json.loads(files["account.json"])
    assert account["email"] == world.a_email and account["schema"] == "quizapp/account-data@1"
    assert "password_hash" not in files["account.json"]
    articles = json.loads(files["articles.json"])
    assert [a["id"] for a in articles] == [world.article_id]
    assert "Reading Tide" in articles[0]["text"]
    (quiz,) = json.loads(files["quizzes.json"])
    assert quiz["title"] == A_QUIZ_TITLE and quiz["join_code"] == world.join_code
    assert quiz["status"] == "published" and "creation_token" not in quiz
    assert [q["kind"] for q in quiz["questions"]] == ["multiple_choice", "fill_in", "true_false"]
    assert quiz["questions"][1]["item"]["accepted"] == ["Coastal Arts Fund", "CAF"]
    (school_class,) = json.loads(files["classes.json"])
    assert school_class["name"] == A_CLASS
    assert [s["name"] for s in school_class["students"]] == [A_ROSTERED]
    assert world.personal_code not in files["classes.json"]
    (attempt,) = json.loads(files["attempts.json"])
    assert attempt["student_name"] == A_STUDENT and "token" not in attempt
    assert {r["given"] for r in attempt["responses"]} == {"4,200", "Coastal Arts Fund"}
    assert world.attempt_token not in "".join(files.values())
    attempts = list(csv.DictReader(io.StringIO(files["attempts.csv"].lstrip("\ufeff"))))
    assert [(a["student_name"], a["score"]) for a in attempts] == [(A_STUDENT, "2.0")]
    responses = list(csv.DictReader(io.StringIO(files["responses.csv"].lstrip("\ufeff"))))
    assert sorted(r["question_position"] for r in responses) == ["1", "2"]


def _counts(app: Any, quiz_id: int) -> tuple[int, int, int, int]:
    with app.app_context():
        quizzes = db.session.scalars(db.select(Quiz.id).where(Quiz.id == quiz_id)).all()
        questions = db.session.scalars(db.select(Question.id).where(Question.quiz_id == quiz_id))
        attempts = db.session.scalars(db.select(Attempt.id).where(Attempt.quiz_id == quiz_id))
        responses = db.session.scalars(db.select(Response.id)).all()
        return len(quizzes), len(questions.all()), len(attempts.all()), len(responses)


def test_delete_asks_first_then_removes_the_quiz_with_its_results(
    app: Any, world: World, client_a: Any
) -> None:
    quiz_page = client_a.get(f"/teacher/quizzes/{world.quiz_id}").get_data(as_text=True)
    assert f"/teacher/quizzes/{world.quiz_id}/delete" in quiz_page
    confirm = client_a.get(f"/teacher/quizzes/{world.quiz_id}/delete")
    page = confirm.get_data(as_text=True)
    assert confirm.status_code == 200
    assert "3 questions" in page and "1 student attempt (1 submitted)" in page
    assert "2 answers" in page and world.join_code in page
    assert 'method="post"' in page and "csrf_token" in page
    assert _counts(app, world.quiz_id) == (1, 3, 1, 2)  # looking deletes nothing

    done = client_a.post(f"/teacher/quizzes/{world.quiz_id}/delete")
    assert done.status_code == 302
    assert _counts(app, world.quiz_id) == (0, 0, 0, 0)
    with app.app_context():
        assert db.session.get(Article, world.article_id) is not None  # the article stays
    assert app.test_client().get(f"/join/{world.join_code}").status_code == 404
    assert app.test_client().get(f"/attempt/{world.attempt_token}").status_code == 404
    assert client_a.get(f"/teacher/quizzes/{world.quiz_id}").status_code == 404


def test_another_teacher_cannot_delete_or_see_the_confirmation(
    app: Any, world: World, client_b: Any
) -> None:
    assert client_b.get(f"/teacher/quizzes/{world.quiz_id}/delete").status_code == 404
    assert client_b.post(f"/teacher/quizzes/{world.quiz_id}/delete").status_code == 404
    assert _counts(app, world.quiz_id) == (1, 3, 1, 2)


def test_delete_needs_a_csrf_token(make_app: Any) -> None:
    from quizapp.models import QuizStatus
    from tests.factories import make_quiz, make_teacher

    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        teacher = make_teacher(password="correct horse")
        quiz_id, email = make_quiz(teacher, status=QuizStatus.PUBLISHED).id, teacher.email
    client = app.test_client()
    page = client.get("/auth/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post(
        "/auth/login", data={"email": email, "password": "correct horse", "csrf_token": token}
    )
    refused = client.post(f"/teacher/quizzes/{quiz_id}/delete")
    assert refused.status_code == 400
    assert _counts(app, quiz_id)[0] == 1
    confirm = client.get(f"/teacher/quizzes/{quiz_id}/delete").get_data(as_text=True)
    form_token = confirm.split('name="csrf_token" value="')[1].split('"')[0]
    done = client.post(f"/teacher/quizzes/{quiz_id}/delete", data={"csrf_token": form_token})
    assert done.status_code == 302
    assert _counts(app, quiz_id)[0] == 0


def test_the_archive_holds_students_practice_progress(
    app: Any, world: World, client_a: Any
) -> None:
    from quizapp.services import practice

    with app.app_context():
        attempt = db.session.scalars(
            db.select(Attempt).where(Attempt.token == world.attempt_token)
        ).one()
        started = practice.start_practice(attempt)
    files = _archive(client_a.get("/teacher/account/data.zip"))
    (entry,) = json.loads(files["attempts.json"])
    assert len(entry["practice"]) == len(started) > 0
    assert {p["question_id"] for p in entry["practice"]} <= {
        q["id"] for q in json.loads(files["quizzes.json"])[0]["questions"]
    }
