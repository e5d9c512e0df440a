"""Issue 10, failure 8: logging out (or a new password) ends every session of the teacher,
including a copied session cookie and a stolen remember-me cookie."""

from __future__ import annotations

from typing import Any

from quizapp.services.accounts import find_user, set_password
from tests.factories import make_teacher
from tests.security.conftest import PASSWORD


def _logged_in(app: Any, email: str, *, remember: bool = True) -> Any:
    client = app.test_client()
    data = {"email": email, "password": PASSWORD, "remember": "y" if remember else ""}
    assert client.post("/auth/login", data=data).status_code == 302
    return client


def _copy(app: Any, source: Any, *names: str) -> Any:
    """Another browser holding copies of these cookies of the source browser."""
    thief = app.test_client()
    for name in names:
        cookie = source.get_cookie(name)
        assert cookie is not None, name
        thief.set_cookie(name, cookie.value)
    return thief


def _teacher(app: Any) -> str:
    with app.app_context():
        return make_teacher(password=PASSWORD).email


def test_logout_revokes_a_copied_session_and_remember_cookie(app: Any) -> None:
    email = _teacher(app)
    victim = _logged_in(app, email)
    session_copy = _copy(app, victim, "session")
    remember_copy = _copy(app, victim, "remember_token")
    assert session_copy.get("/teacher/").status_code == 200
    assert remember_copy.get("/teacher/").status_code == 200

    assert victim.post("/auth/logout").status_code == 302

    for thief in (session_copy, remember_copy, _copy(app, victim, "session")):
        response = thief.get("/teacher/")
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    stale = app.test_client()
    stale.set_cookie("remember_token", remember_copy.get_cookie("remember_token").value)
    assert stale.get("/teacher/").status_code == 302


def test_each_login_gets_its_own_remember_token(app: Any) -> None:
    """The old token was "<id>|hmac", the same on every login until the secret changed."""
    email = _teacher(app)
    first = _logged_in(app, email).get_cookie("remember_token").value
    second = _logged_in(app, email).get_cookie("remember_token").value
    assert first != second
    assert not first.split("|")[0].isdigit()


def test_a_new_password_ends_every_session(app: Any) -> None:
    email = _teacher(app)
    laptop = _logged_in(app, email)
    phone = _logged_in(app, email, remember=False)
    with app.app_context():
        set_password(find_user(email), "a brand new password")
    for browser in (laptop, phone, _copy(app, laptop, "remember_token")):
        assert browser.get("/teacher/").status_code == 302
    fresh = app.test_client()
    data = {"email": email, "password": "a brand new password"}
    assert fresh.post("/auth/login", data=data).status_code == 302
    assert fresh.get("/teacher/").status_code == 200


def test_a_session_from_before_the_upgrade_is_refused(app: Any) -> None:
    """Cookies of the old "<user id>" form never expired: they name no one now."""
    with app.app_context():
        user_id = find_user(_teacher(app)).id
    old = app.test_client()
    with old.session_transaction() as session:
        session["_user_id"] = str(user_id)
        session["_fresh"] = True
    assert old.get("/teacher/").status_code == 302


def test_changing_the_password_logs_out_every_other_device(app: Any) -> None:
    email = _teacher(app)
    laptop = _logged_in(app, email)
    stolen = _copy(app, laptop, "remember_token")
    phone = _logged_in(app, email)
    wrong = phone.post(
        "/auth/password",
        data={"current": "not it", "password": "new password 1", "confirm": "new password 1"},
    )
    assert wrong.status_code == 200 and "not your current password" in wrong.get_data(as_text=True)
    assert laptop.get("/teacher/").status_code == 200
    changed = phone.post(
        "/auth/password",
        data={"current": PASSWORD, "password": "new password 1", "confirm": "new password 1"},
    )
    assert changed.status_code == 302
    assert phone.get("/teacher/").status_code == 200  # the browser that changed it stays in
    for other in (laptop, stolen):
        assert other.get("/teacher/").status_code == 302
