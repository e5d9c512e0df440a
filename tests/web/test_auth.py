"""Accounts: register, log in, log out, closed registration, rate limit, CSRF."""

from __future__ import annotations

from typing import Any

from quizapp.services.accounts import find_user
from tests.factories import make_teacher


def _register(client: Any, **overrides: str) -> Any:
    data = {
        "display_name": "Ms Rivera",
        "email": "Rivera@School.example",
        "password": "long enough",
        "confirm": "long enough",
    }
    data.update(overrides)
    return client.post("/auth/register", data=data)


def test_register_logs_in_and_stores_a_hash(app: Any, client: Any) -> None:
    response = _register(client)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/teacher/articles/new")
    assert client.get("/teacher/").status_code == 200
    with app.app_context():
        user = find_user("rivera@school.example")
        assert user is not None
        assert user.password_hash.startswith("scrypt:")
        assert "long enough" not in user.password_hash


def test_register_errors_keep_the_input(client: Any) -> None:
    _register(client)
    client.post("/auth/logout")
    page = _register(client, display_name="Someone Else").get_data(as_text=True)
    assert "already an account" in page
    assert 'value="Someone Else"' in page
    page = _register(client, email="new@school.example", confirm="different").get_data(as_text=True)
    assert "do not match" in page


def test_login_wrong_password_and_logout(app: Any, client: Any) -> None:
    with app.app_context():
        make_teacher(email="t@school.example")
    bad = client.post("/auth/login", data={"email": "t@school.example", "password": "nope"})
    assert bad.status_code == 200
    assert "do not match" in bad.get_data(as_text=True)
    ok = client.post(
        "/auth/login", data={"email": "T@school.example ", "password": "correct horse"}
    )
    assert ok.status_code == 302
    assert client.get("/teacher/").status_code == 200
    assert client.post("/auth/logout").status_code == 302
    assert client.get("/teacher/").status_code == 302


def test_login_next_only_goes_to_this_site(app: Any, client: Any) -> None:
    with app.app_context():
        make_teacher(email="t@school.example")
    data = {"email": "t@school.example", "password": "correct horse"}
    response = client.post("/auth/login?next=//evil.example/x", data=data)
    assert response.headers["Location"] == "/teacher/"
    client.post("/auth/logout")
    response = client.post("/auth/login?next=/teacher/articles/new", data=data)
    assert response.headers["Location"] == "/teacher/articles/new"


def test_registration_can_be_closed(make_app: Any) -> None:
    client = make_app(REGISTRATION_OPEN=False).test_client()
    assert client.get("/auth/register").status_code == 404
    assert "Create a teacher account" not in client.get("/auth/login").get_data(as_text=True)


def test_login_is_rate_limited(make_app: Any) -> None:
    client = make_app(RATELIMIT_ENABLED=True).test_client()
    data = {"email": "x@y.example", "password": "nope"}
    codes = [client.post("/auth/login", data=data).status_code for _ in range(10)]
    assert codes == [200] * 10
    blocked = client.post("/auth/login", data=data)
    assert blocked.status_code == 429
    assert "Too many wrong passwords" in blocked.get_data(as_text=True)
    assert client.get("/auth/login").status_code == 200


def test_csrf_is_enforced(make_app: Any) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    with app.app_context():
        make_teacher(email="t@school.example")
    response = client.post(
        "/auth/login", data={"email": "t@school.example", "password": "correct horse"}
    )
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)
    page = client.get("/auth/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post(
        "/auth/login",
        data={"email": "t@school.example", "password": "correct horse", "csrf_token": token},
    )
    assert response.status_code == 302
