"""Security headers on every response; cookie flags; HTTPS and reverse-proxy settings."""

from __future__ import annotations

from http.cookies import SimpleCookie
from typing import Any

import pytest

from quizapp.web.security import CONTENT_SECURITY_POLICY
from tests.security.conftest import A_STUDENT, PASSWORD, World, login

EXPECTED = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def _cookies(response: Any) -> dict[str, Any]:
    """The Set-Cookie headers of a response, by cookie name (morsels keep the flags)."""
    cookies: dict[str, Any] = {}
    for header in response.headers.getlist("Set-Cookie"):
        parsed = SimpleCookie()
        parsed.load(header)
        for name, morsel in parsed.items():
            cookies[name] = (morsel, header)
    return cookies


def _assert_headers(response: Any, where: str) -> None:
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, (where, name, response.headers.get(name))
    assert "camera=()" in response.headers["Permissions-Policy"], where


def test_csp_forbids_inline_script_and_framing() -> None:
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_every_kind_of_response_has_the_headers(
    app: Any, world: World, client_a: Any, student: Any
) -> None:
    anonymous = app.test_client()
    join = {"code": world.join_code, "name": "Curious Student"}
    responses = {
        "front page": anonymous.get("/"),
        "login": anonymous.get("/auth/login"),
        "join": anonymous.get("/join"),
        "health": anonymous.get("/healthz"),
        "static css": anonymous.get("/static/css/app.css"),
        "static js": anonymous.get("/static/js/app.js"),
        "404": anonymous.get("/no/such/page"),
        "405": anonymous.post("/"),
        "login redirect": anonymous.get("/teacher/"),
        "dashboard": client_a.get("/teacher/"),
        "quiz page": client_a.get(f"/teacher/quizzes/{world.quiz_id}"),
        "results csv": client_a.get(f"/teacher/quizzes/{world.quiz_id}/results.csv"),
        "gift export": client_a.get(f"/teacher/quizzes/{world.quiz_id}/export/gift"),
        "data archive": client_a.get("/teacher/account/data.zip"),
        "student take": student.get(student.post("/join", data=join).headers["Location"]),
        "student result": student.get(f"/attempt/{world.attempt_token}/result"),
        "autosave": student.post(f"/attempt/{world.attempt_token}/save", data={}),
    }
    for where, response in responses.items():
        _assert_headers(response, where)


def test_teacher_pages_are_never_stored_in_shared_caches(
    app: Any, world: World, client_a: Any
) -> None:
    assert client_a.get(f"/teacher/quizzes/{world.quiz_id}").headers["Cache-Control"] == "private"
    download = client_a.get(f"/teacher/quizzes/{world.quiz_id}/export/json")
    assert download.headers["Cache-Control"] == "private, no-store"
    # Students' names and scores (issue 10: it was sent "private" only).
    results = client_a.get(f"/teacher/quizzes/{world.quiz_id}/results.csv")
    assert results.status_code == 200 and A_STUDENT in results.get_data(as_text=True)
    assert results.headers["Cache-Control"] == "private, no-store"
    assert "private" not in app.test_client().get("/auth/login").headers.get("Cache-Control", "")


def test_plain_http_cookies_are_httponly_and_samesite_lax(app: Any, world: World) -> None:
    client = app.test_client()
    response = client.post(
        "/auth/login", data={"email": world.a_email, "password": PASSWORD, "remember": "y"}
    )
    cookies = _cookies(response)
    assert {"session", "remember_token"} <= set(cookies)
    for name in ("session", "remember_token"):
        morsel, header = cookies[name]
        assert morsel["httponly"], header
        assert morsel["samesite"] == "Lax", header
        assert not morsel["secure"], header  # plain http on a laptop must still work
    joined = client.post("/join", data={"code": world.join_code, "name": "Ada"})
    morsel, header = _cookies(joined)["quizapp_attempts"]
    assert morsel["httponly"] and morsel["samesite"] == "Lax", header
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize(
    ("env", "overrides"),
    [
        ({}, {"PREFERRED_URL_SCHEME": "https"}),
        ({"QUIZAPP_PREFERRED_URL_SCHEME": "https"}, {}),
        ({"QUIZAPP_SESSION_COOKIE_SECURE": "true"}, {}),
    ],
)
def test_https_deployments_get_secure_cookies(
    make_app: Any, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], overrides: dict[str, Any]
) -> None:
    from quizapp.models import QuizStatus
    from tests.factories import make_quiz, make_teacher

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = make_app(**overrides)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    with app.app_context():
        teacher = make_teacher(password=PASSWORD)
        email = teacher.email
        make_quiz(teacher, status=QuizStatus.PUBLISHED, join_code="SECURE")
    client = app.test_client()
    response = client.post(
        "/auth/login",
        data={"email": email, "password": PASSWORD, "remember": "y"},
        base_url="https://school.example",
    )
    joined = client.post(
        "/join", data={"code": "SECURE", "name": "Ada"}, base_url="https://school.example"
    )
    cookies = {**_cookies(response), **_cookies(joined)}
    for name in ("session", "remember_token", "quizapp_attempts"):
        morsel, header = cookies[name]
        assert morsel["secure"] and morsel["httponly"], header
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_an_explicit_false_wins_over_the_https_scheme(make_app: Any) -> None:
    app = make_app(PREFERRED_URL_SCHEME="https", SESSION_COOKIE_SECURE=False)
    assert app.config["SESSION_COOKIE_SECURE"] is False
    assert app.config["REMEMBER_COOKIE_SECURE"] is False


FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}


def test_forwarded_headers_are_ignored_unless_the_proxy_is_trusted(make_app: Any) -> None:
    client = make_app().test_client()
    response = client.get("/auth/login", headers=FORWARDED)
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize("setting", ["1", "true"])
def test_trusted_proxy_headers_give_https_and_the_client_address(
    make_app: Any, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    monkeypatch.setenv("QUIZAPP_TRUST_PROXY", setting)
    app = make_app(RATELIMIT_ENABLED=True)
    assert app.config["TRUST_PROXY"] == 1
    client = app.test_client()
    response = client.get("/auth/login", headers=FORWARDED)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    # The login limit counts per student/teacher address, not per proxy.
    data = {"email": "x@y.example", "password": "nope"}
    for _ in range(10):
        assert client.post("/auth/login", data=data, headers=FORWARDED).status_code == 200
    assert client.post("/auth/login", data=data, headers=FORWARDED).status_code == 429
    other = {**FORWARDED, "X-Forwarded-For": "198.51.100.9"}
    other_account = {"email": "z@y.example", "password": "nope"}
    assert client.post("/auth/login", data=other_account, headers=other).status_code == 200


def test_trusting_a_proxy_makes_join_links_https(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.models import QuizStatus
    from tests.factories import make_quiz, make_teacher

    app = make_app(TRUST_PROXY=1)
    with app.app_context():
        teacher = make_teacher(password=PASSWORD)
        quiz = make_quiz(teacher, status=QuizStatus.PUBLISHED, join_code="PRXY22")
        quiz_id, email = quiz.id, teacher.email
    client = login(app, email)
    page = client.get(
        f"/teacher/quizzes/{quiz_id}",
        headers={**FORWARDED, "X-Forwarded-Host": "quiz.school.example"},
    ).get_data(as_text=True)
    assert "https://quiz.school.example/join/PRXY22" in page
