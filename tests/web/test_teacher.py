"""Teacher pages: login required, 404 for others, quiz page, publish, settings, results."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest

from quizapp.models import Quiz, QuizStatus, db
from tests.factories import make_article, make_attempt, make_quiz, make_teacher


def _teacher_urls(app: Any, quiz: Quiz) -> list[tuple[str, str]]:
    """(method, url) of every teacher route, filled with the given quiz's ids."""
    values = {
        "quiz_id": quiz.id,
        "article_id": quiz.article_id,
        "question_id": quiz.questions[0].id,
        # No class of this id belongs to the logged-in teacher either.
        "class_id": quiz.id,
        "student_id": quiz.id,
        # Review and regrade routes: ids that exist in no quiz of the teacher (404 once in).
        "attempt_id": 1,
        "change_id": 1,
    }
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if not rule.endpoint.startswith("teacher."):
                continue
            method = "GET" if "GET" in rule.methods else "POST"
            path = rule.build({k: v for k, v in values.items() if k in rule.arguments})[1]
            urls.append((method, path))
    return urls


def _detached(quiz: Quiz) -> Quiz:
    """The quiz and its questions loaded and detached, to read ids outside the app context."""
    db.session.refresh(quiz)
    for question in quiz.questions:
        db.session.refresh(question)
    db.session.expunge_all()
    return quiz


@pytest.fixture
def other_quiz(app: Any) -> Quiz:
    """Someone else's draft quiz."""
    with app.app_context():
        return _detached(make_quiz())


def test_every_teacher_page_needs_login(app: Any, client: Any, other_quiz: Quiz) -> None:
    urls = _teacher_urls(app, other_quiz)
    assert len(urls) >= 15
    for method, url in urls:
        response = client.open(url, method=method)
        assert response.status_code == 302, url
        assert "/auth/login" in response.headers["Location"], url


def test_another_teachers_objects_are_not_found(
    app: Any, client: Any, auth: Any, other_quiz: Quiz
) -> None:
    auth.login()
    for method, url in _teacher_urls(app, other_quiz):
        # Pages about the teacher's own account, not about an object: tests/security covers them.
        own_pages = ("/teacher", "/articles/new", "/account/data.zip", "/classes", "/classes/new")
        if url.rstrip("/").endswith(own_pages):
            continue
        response = client.open(url, method=method, data={"version": "1", "direction": "up"})
        assert response.status_code == 404, url
        assert "Page not found" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Quiz, other_quiz.id).status is QuizStatus.DRAFT


@pytest.fixture
def own_quiz(app: Any, auth: Any) -> Quiz:
    teacher = auth.login()
    with app.app_context():
        return _detached(make_quiz(owner=db.session.merge(teacher)))


def test_quiz_page_shows_answers_quotes_and_coverage(client: Any, own_quiz: Quiz) -> None:
    page = client.get(f"/teacher/quizzes/{own_quiz.id}").get_data(as_text=True)
    assert "How many books does the Reading Tide carry?" in page
    assert "carries <mark>4,200</mark> books" in page
    assert "(correct answer)" in page
    assert "as of 4 May 2024" in page
    assert "3 questions from 3 of 4 paragraphs" in page
    assert 'href="#para-4"' in page and "uncovered" in page
    assert "Publish" in page


def test_dashboard_lists_status_and_counts(client: Any, own_quiz: Quiz) -> None:
    page = client.get("/teacher/").get_data(as_text=True)
    assert own_quiz.title in page
    assert "Draft" in page


def test_publish_shows_a_join_code_and_makes_questions_read_only(
    app: Any, client: Any, own_quiz: Quiz
) -> None:
    response = client.post(f"/teacher/quizzes/{own_quiz.id}/publish", data={"version": 1})
    assert response.status_code == 302
    with app.app_context():
        quiz = db.session.get(Quiz, own_quiz.id)
        code = quiz.join_code
        assert quiz.status is QuizStatus.PUBLISHED and len(code) == 6
        version = quiz.version
        question_id = quiz.questions[0].id
    page = client.get(f"/teacher/quizzes/{own_quiz.id}").get_data(as_text=True)
    assert code in page
    assert "Copy to edit" in page
    assert "/edit" not in page
    response = client.post(
        f"/teacher/quizzes/{own_quiz.id}/questions/{question_id}/delete",
        data={"version": version},
        follow_redirects=True,
    )
    assert "read-only" in response.get_data(as_text=True)
    response = client.post(f"/teacher/quizzes/{own_quiz.id}/copy")
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 2


def test_edit_question_validates_and_keeps_input(app: Any, client: Any, own_quiz: Quiz) -> None:
    question_id = own_quiz.questions[0].id
    url = f"/teacher/quizzes/{own_quiz.id}/questions/{question_id}/edit"
    assert "4,200" in client.get(url).get_data(as_text=True)
    data = {
        "version": "1",
        "prompt": "How many villages?",
        "options-0": "12",
        "options-1": "12 ",
        "options-2": "",
        "options-3": "",
        "options-4": "",
        "correct": "0",
    }
    page = client.post(url, data=data).get_data(as_text=True)
    assert "Each option must be different." in page
    assert "How many villages?" in page
    data["options-1"] = "24"
    response = client.post(url, data=data)
    assert response.status_code == 302
    with app.app_context():
        quiz = db.session.get(Quiz, own_quiz.id)
        question = quiz.questions[0]
        assert (question.prompt, question.answer, question.edited) == (
            "How many villages?",
            "12",
            True,
        )
        assert question.data["options"] == ["12", "24"]


def test_stale_page_gets_the_other_tab_message(client: Any, own_quiz: Quiz) -> None:
    question_id = own_quiz.questions[2].id
    url = f"/teacher/quizzes/{own_quiz.id}/questions/{question_id}/edit"
    data = {"version": "1", "prompt": "First", "truth": "True"}
    assert client.post(url, data=data).status_code == 302
    page = client.post(url, data={**data, "prompt": "Second"}).get_data(as_text=True)
    assert "changed in another tab" in page
    assert "Second</textarea>" in page
    # The form now carries the current version: saving again after checking works.
    assert client.post(url, data={**data, "prompt": "Second", "version": "2"}).status_code == 302
    moved = client.post(
        f"/teacher/quizzes/{own_quiz.id}/questions/{question_id}/move",
        data={"version": "1", "direction": "up"},
        follow_redirects=True,
    )
    assert "changed in another tab" in moved.get_data(as_text=True)


def test_add_matching_question(app: Any, client: Any, own_quiz: Quiz) -> None:
    url = f"/teacher/quizzes/{own_quiz.id}/questions/new?kind=matching"
    data = {
        "version": "1",
        "prompt": "Match each person to their role.",
        "pairs-0-left": "Ingrid Salo",
        "pairs-0-right": "Mayor",
        "pairs-1-left": "Tomas Berg",
        "pairs-1-right": "",
    }
    page = client.post(url, data=data).get_data(as_text=True)
    assert "Fill in both sides of every pair." in page
    assert 'value="Ingrid Salo"' in page
    data["pairs-1-right"] = "Librarian"
    assert client.post(url, data=data).status_code == 302
    with app.app_context():
        question = db.session.get(Quiz, own_quiz.id).questions[-1]
        assert question.kind == "matching" and question.created_by_teacher
        assert question.data["pairs"] == [["Ingrid Salo", "Mayor"], ["Tomas Berg", "Librarian"]]


def test_settings_are_saved(app: Any, client: Any, own_quiz: Quiz) -> None:
    url = f"/teacher/quizzes/{own_quiz.id}/settings"
    bad = client.post(
        url,
        data={"version": "1", "title": "Boats", "attempts_allowed": "0", "explanations": "never"},
    )
    assert "Allow from 1 to 100 attempts." in bad.get_data(as_text=True)
    response = client.post(
        url,
        data={
            "version": "1",
            "title": "Boats",
            "shuffle_questions": "y",
            "time_limit_minutes": "15",
            "attempts_allowed": "2",
            "explanations": "after_close",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        quiz = db.session.get(Quiz, own_quiz.id)
        assert (quiz.title, quiz.shuffle_questions, quiz.shuffle_options) == ("Boats", True, False)
        assert (quiz.time_limit_minutes, quiz.attempts_allowed) == (15, 2)
        assert quiz.explanations.value == "after_close"


def test_new_article_errors_keep_the_pasted_text(client: Any, auth: Any) -> None:
    auth.login()
    page = client.post("/teacher/articles/new", data={"text": "A short note."}).get_data(
        as_text=True
    )
    assert "too short" in page
    assert "A short note." in page
    page = client.post("/teacher/articles/new", data={}).get_data(as_text=True)
    assert "Paste the article, upload a file or give a web address." in page


def test_pasted_article_goes_to_the_generate_step(app: Any, client: Any, auth: Any) -> None:
    auth.login()
    text = make_article.__globals__["ARTICLE_TEXT"]
    response = client.post("/teacher/articles/new", data={"text": text})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Harbour Town Opens a Floating Library" in page
    assert 'name="token"' in page
    assert 'data-busy-text="Generating…"' in page


def test_results_page_and_csv(app: Any, client: Any, own_quiz: Quiz) -> None:
    with app.app_context():
        quiz = db.session.get(Quiz, own_quiz.id)
        mc = quiz.questions[0]
        make_attempt(quiz, "Ada", {mc: ("4,200", True)})
        make_attempt(quiz, "-Bo", {mc: ("2,100", False)})
    page = client.get(f"/teacher/quizzes/{own_quiz.id}/results").get_data(as_text=True)
    assert "Ada" in page and "2,100" in page
    response = client.get(f"/teacher/quizzes/{own_quiz.id}/results.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    body = response.get_data()
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["Ada", "'-Bo"]


def test_error_pages_use_the_layout(make_app: Any) -> None:
    app = make_app(MAX_CONTENT_LENGTH=100)
    client = app.test_client()
    missing = client.get("/no/such/page")
    assert missing.status_code == 404
    assert "Skip to content" in missing.get_data(as_text=True)
    with app.app_context():
        make_teacher(email="t@school.example")
    client.post("/auth/login", data={"email": "t@school.example", "password": "correct horse"})
    big = client.post("/teacher/articles/new", data={"text": "x" * 500})
    assert big.status_code == 413
    assert "File too large" in big.get_data(as_text=True)


def test_generate_step_makes_one_quiz_even_when_submitted_twice(
    app: Any, client: Any, auth: Any
) -> None:
    auth.login()
    text = make_article.__globals__["ARTICLE_TEXT"]
    step2 = client.post("/teacher/articles/new", data={"text": text}).headers["Location"]
    data = {
        "title": "Boats",
        "published": "2024-05-04",
        "kinds": ["multiple_choice", "fill_in", "true_false"],
        "count": "20",
        "token": "same-token",
    }
    first = client.post(step2, data=data)
    second = client.post(step2, data=data)
    assert first.status_code == second.status_code == 302
    assert first.headers["Location"] == second.headers["Location"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 1
    page = client.get(first.headers["Location"]).get_data(as_text=True)
    # The quiz is titled as its article: the source line gives only the date (no repeat).
    assert "As of 4 May 2024" in page and "<mark>" in page
    bad = client.post(step2, data={**data, "kinds": [], "token": "other", "title": "Kept title"})
    assert "Choose at least one kind" in bad.get_data(as_text=True)
    assert 'value="Kept title"' in bad.get_data(as_text=True)


def test_front_door_sends_teachers_to_their_quizzes(client: Any, auth: Any) -> None:
    assert client.get("/").headers["Location"] == "/join"
    auth.login()
    assert client.get("/").headers["Location"] == "/teacher/"


def test_regenerate_distractors_keeps_the_answer(app: Any, client: Any, own_quiz: Quiz) -> None:
    question_id = own_quiz.questions[0].id
    response = client.post(
        f"/teacher/quizzes/{own_quiz.id}/questions/{question_id}/regenerate",
        data={"version": "1"},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "New wrong options made." in page or "No other wrong options" in page
    with app.app_context():
        quiz = db.session.get(Quiz, own_quiz.id)
        question = quiz.questions[0]
        assert question.answer in question.data["options"]
        assert len(set(question.data["options"])) == len(question.data["options"])
        if "New wrong options made." in page:
            assert question.edited and quiz.version == 2


def test_convert_changes_kind_or_says_why_not(app: Any, client: Any, own_quiz: Quiz) -> None:
    question_id = own_quiz.questions[0].id
    url = f"/teacher/quizzes/{own_quiz.id}/questions/{question_id}/convert"
    page = client.post(url, data={"version": "1", "kind": "fill_in"}, follow_redirects=True)
    text = page.get_data(as_text=True)
    with app.app_context():
        question = db.session.get(Quiz, own_quiz.id).questions[0]
        if "Changed to" in text:
            assert question.kind == "fill_in" and question.prompt.count("_____") == 1
            assert question.edited
        else:
            assert "cannot be made into" in text and question.kind == "multiple_choice"
    assert client.post(url, data={"version": "9", "kind": "essay"}).status_code == 400


def test_change_kind_offers_only_kinds_that_can_be_made(client: Any, own_quiz: Quiz) -> None:
    page = client.get(f"/teacher/quizzes/{own_quiz.id}").get_data(as_text=True)
    # The quiz's article names no three acronyms or people with roles: matching is never
    # offered, and the page says why instead of failing after the click.
    assert 'value="matching"' not in page
    assert "Matching: " in page
    assert "can be matched" in page or "fewer than three" in page


def test_generate_step_proposes_a_quiz_sized_to_the_article(client: Any, auth: Any) -> None:
    auth.login()
    short = (
        "The Thames is 346 km long. It rises in the Cotswolds and flows east through Oxford, "
        "Reading and London before it reaches the North Sea at the Nore, near Southend."
    )
    step2 = client.post("/teacher/articles/new", data={"text": short}).headers["Location"]
    page = client.get(step2).get_data(as_text=True)
    count = re.search(r'name="count"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="count"', page)
    assert count is not None
    assert int(count.group(1) or count.group(2)) == 1  # 30 words: one item, not 20


def test_review_page_never_lists_the_answer_as_also_accepted(client: Any, own_quiz: Quiz) -> None:
    # The factory's fill-in item was saved with its answer inside its accepted list, as quizzes
    # drafted before the generator's fix were.
    page = client.get(f"/teacher/quizzes/{own_quiz.id}").get_data(as_text=True)
    assert "Also accepted: CAF" in page
    assert "Also accepted: Coastal Arts Fund" not in page
