"""Property tests over every form: random text, unicode, control characters and huge values
never give a 500 or a traceback, and a refused form says why."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.models import QuizStatus
from tests.factories import make_quiz, make_teacher
from tests.security.conftest import PASSWORD, login

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Each login checks a scrypt hash (on purpose slow): fewer examples.
SLOW = settings(SETTINGS, max_examples=15)
HUGE = st.sampled_from(["x" * 300_000, "é" * 50_000, "9" * 5000, "\x00" * 10, "\u202e" * 100])
VALUES = st.one_of(st.text(max_size=300), HUGE, st.sampled_from(["", " ", "-1", "1e309", "NaN"]))
NUMBERS = st.one_of(st.integers().map(str), VALUES)
UPLOAD_NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.docx", "a.pdf", "A.PDF", "x.txt"])
PREFIXES = st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><p>", b"\xef\xbb\xbf"])


def _ok(response: Any, allowed: tuple[int, ...] = (200, 302, 400, 404, 409, 410, 413)) -> str:
    """Not a server error; no traceback; a refusal on a form page explains itself."""
    body = response.data.decode("utf-8", errors="replace")
    assert response.status_code in allowed, (response.status_code, body[:300])
    assert "Traceback" not in body and "Internal Server Error" not in body
    if response.status_code == 400:
        assert "Bad request" in body or "form expired" in body
    return body


def _explains(body: str) -> None:
    """A form shown again after a POST carries a message (field or form error)."""
    assert 'class="form-errors"' in body or 'class="field-errors"' in body or "flash" in body


@pytest.fixture
def teacher_app(make_app: Any) -> tuple[Any, Any, int, int]:
    """An app, a logged-in teacher, a draft quiz and its first question."""
    app = make_app()
    with app.app_context():
        teacher = make_teacher(password=PASSWORD)
        quiz = make_quiz(teacher, kinds=("multiple_choice", "fill_in", "true_false"))
        make_quiz(teacher, status=QuizStatus.PUBLISHED, join_code="PROP22", attempts_allowed=1000)
        email, quiz_id, question_id = teacher.email, quiz.id, quiz.questions[0].id
    return app, login(app, email), quiz_id, question_id


@SLOW
@given(name=VALUES, email=VALUES, password=VALUES, confirm=VALUES)
def test_register_form(app: Any, name: str, email: str, password: str, confirm: str) -> None:
    client = app.test_client()
    data = {"display_name": name, "email": email, "password": password, "confirm": confirm}
    response = client.post("/auth/register", data=data)
    body = _ok(response)
    if response.status_code == 200:
        _explains(body)


@SLOW
@given(email=VALUES, password=VALUES, remember=VALUES, nxt=VALUES)
def test_login_form(app: Any, email: str, password: str, remember: str, nxt: str) -> None:
    client = app.test_client()
    data = {"email": email, "password": password, "remember": remember}
    response = client.post("/auth/login", query_string={"next": nxt}, data=data)
    body = _ok(response)
    if response.status_code == 200:
        _explains(body)


@SETTINGS
@given(text=VALUES, url=VALUES)
def test_new_article_paste_and_url(teacher_app: Any, text: str, url: str) -> None:
    _, client, _, _ = teacher_app
    for data in ({"text": text}, {"url": url}, {"text": text, "url": url}):
        response = client.post("/teacher/articles/new", data=data)
        body = _ok(response)
        if response.status_code == 200:
            _explains(body)


@SETTINGS
@given(prefix=PREFIXES, data=st.binary(max_size=3000), name=UPLOAD_NAMES)
def test_new_article_upload_of_every_type(
    teacher_app: Any, prefix: bytes, data: bytes, name: str
) -> None:
    _, client, _, _ = teacher_app
    response = client.post(
        "/teacher/articles/new",
        data={"upload": (io.BytesIO(prefix + data), name)},
        content_type="multipart/form-data",
    )
    body = _ok(response)
    if response.status_code == 200:
        _explains(body)


@SETTINGS
@given(title=VALUES, count=NUMBERS, kinds=st.lists(VALUES, max_size=4), published=VALUES)
def test_generate_step(
    teacher_app: Any, title: str, count: str, kinds: list[str], published: str
) -> None:
    app, client, _, _ = teacher_app
    with app.app_context():
        from quizapp.models import Article, db

        article_id = db.session.scalars(db.select(Article.id)).first()
    data = {"title": title, "count": count, "kinds": kinds, "published": published}
    response = client.post(f"/teacher/articles/{article_id}/quiz", data=data)
    body = _ok(response)
    if response.status_code == 200:
        _explains(body)


@SETTINGS
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "prompt",
                "answer",
                "correct",
                "truth",
                "accepted",
                "value",
                "tolerance",
                "unit",
                "explanation",
                "quote",
                "version",
                "options-0",
                "options-1",
                "pairs-0-left",
                "kind",
            ]
        ),
        VALUES,
        max_size=8,
    )
)
def test_question_edit_and_new_question(teacher_app: Any, fields: dict[str, str]) -> None:
    _, client, quiz_id, question_id = teacher_app
    base = f"/teacher/quizzes/{quiz_id}/questions"
    for url in (
        f"{base}/{question_id}/edit",
        f"{base}/new?kind=numeric",
        f"{base}/new?kind=matching",
    ):
        _ok(client.post(url, data=fields))
    for action in ("move", "convert", "regenerate", "delete", "restore"):
        _ok(client.post(f"{base}/{question_id}/{action}", data=fields))


@SETTINGS
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "title",
                "time_limit_minutes",
                "attempts_allowed",
                "explanations",
                "shuffle_questions",
                "version",
                "one_per_page",
                "open_book",
            ]
        ),
        NUMBERS,
        max_size=8,
    )
)
def test_quiz_settings(teacher_app: Any, fields: dict[str, str]) -> None:
    _, client, quiz_id, _ = teacher_app
    response = client.post(f"/teacher/quizzes/{quiz_id}/settings", data=fields)
    body = _ok(response)
    if response.status_code == 200:
        _explains(body)


@SETTINGS
@given(code=VALUES, name=VALUES)
def test_join_form_and_link(teacher_app: Any, code: str, name: str) -> None:
    app, _, _, _ = teacher_app
    client = app.test_client()
    response = client.post("/join", data={"code": code, "name": name})
    body = _ok(response)
    if response.status_code == 200:
        _explains(body)
    _ok(client.post("/join", data={"code": "PROP22", "name": name}))
    _ok(client.get("/join", query_string={"code": code}))


@SETTINGS
@given(
    answers=st.dictionaries(
        st.one_of(st.from_regex(r"q\d{1,6}(-\d{1,3})?", fullmatch=True), VALUES), VALUES, max_size=8
    ),
    action=st.one_of(st.sampled_from(["save", "next", "previous", "page-2", "page-x"]), VALUES),
    page=NUMBERS,
)
def test_answer_save_autosave_and_submit(
    teacher_app: Any, answers: dict[str, str], action: str, page: str
) -> None:
    app, _, _, _ = teacher_app
    client = app.test_client()
    joined = client.post("/join", data={"code": "PROP22", "name": "Prop Tester"})
    take = joined.headers["Location"]
    token = take.rsplit("/", 1)[-1]
    html = client.get(take).get_data(as_text=True)
    real = re.findall(r'name="(q\d+[^"]*)"', html)
    fields = {**dict.fromkeys(real[:2], next(iter(answers.values()), "")), **answers}
    _ok(client.post(f"/attempt/{token}/save", data=fields))
    _ok(client.post(take, data={**fields, "action": action, "page": page}))
    _ok(client.get(take, query_string={"page": page}))
    _ok(client.post(take, data={**fields, "action": "submit"}))
    _ok(client.get(f"/attempt/{token}/result"))
