"""Rate limits: guessing join codes is stopped; a whole class joining from one address is not."""

from __future__ import annotations

from typing import Any

import pytest

from quizapp.models import QuizStatus
from tests.factories import make_quiz, make_teacher

CODE = "RATE22"


@pytest.fixture
def limited_app(make_app: Any) -> Any:
    """An app with rate limits on (the test default is off) and one published quiz."""
    app = make_app(RATELIMIT_ENABLED=True, JOIN_RATE_LIMIT="20 per minute")
    with app.app_context():
        make_quiz(make_teacher(), status=QuizStatus.PUBLISHED, join_code=CODE, attempts_allowed=5)
    return app


def _from(address: str) -> dict[str, Any]:
    return {"environ_base": {"REMOTE_ADDR": address}}


def test_wrong_codes_are_limited_per_address_with_a_friendly_page(limited_app: Any) -> None:
    client = limited_app.test_client()
    for n in range(20):
        response = client.post("/join", data={"code": f"ZZZ{n:03d}", "name": "Eve"})
        assert response.status_code == 200
        assert "no quiz with that code" in response.get_data(as_text=True)
    blocked = client.post("/join", data={"code": "ZZZ999", "name": "Eve"}, **_from("127.0.0.1"))
    assert blocked.status_code == 429
    page = blocked.get_data(as_text=True)
    assert "Too many wrong codes" in page and "check the code with your teacher" in page
    assert "Traceback" not in page
    # The join link is limited too; a right code is never stopped (issue 10, failure 7: one
    # prankster must not lock a whole school network out of its quiz).
    assert client.get("/join/ZZZ998").status_code == 429
    assert client.get(f"/join/{CODE}").status_code == 200
    assert client.post("/join", data={"code": CODE, "name": "Eve"}).status_code == 302
    assert client.get("/join").status_code == 200  # the empty form tries no code
    # Another address is not affected.
    other = limited_app.test_client()
    ok = other.post("/join", data={"code": CODE, "name": "Ada"}, **_from("192.0.2.10"))
    assert ok.status_code == 302


def test_join_links_with_wrong_codes_count_too(limited_app: Any) -> None:
    client = limited_app.test_client()
    codes = [client.get(f"/join/YYY{n:03d}").status_code for n in range(20)]
    assert codes == [404] * 20
    assert client.get("/join/YYY999").status_code == 429


def test_a_class_joining_from_one_school_address_is_never_limited(limited_app: Any) -> None:
    """Forty students behind one NAT address, each with the right code, all get in."""
    for n in range(40):
        student = limited_app.test_client()
        response = student.post("/join", data={"code": CODE, "name": f"Student {n}"})
        assert response.status_code == 302, n
        assert student.get(f"/join/{CODE}").status_code == 200


def test_a_closed_quiz_is_not_a_wrong_code(limited_app: Any) -> None:
    with limited_app.app_context():
        make_quiz(make_teacher(), status=QuizStatus.CLOSED, join_code="SHUT22")
    client = limited_app.test_client()
    assert {client.get("/join/SHUT22").status_code for _ in range(25)} == {410}


def test_registration_is_rate_limited(make_app: Any) -> None:
    """Accounts created (or addresses found taken) count; forms with typos do not."""
    client = make_app(RATELIMIT_ENABLED=True).test_client()
    typo = {"display_name": "X", "email": "bad", "password": "short", "confirm": "short"}
    assert {client.post("/auth/register", data=typo).status_code for _ in range(8)} == {200}
    codes = []
    for n in range(6):
        client.post("/auth/logout")
        data = {
            "display_name": f"Teacher {n}",
            "email": f"t{n}@school.example",
            "password": "long enough",
            "confirm": "long enough",
        }
        codes.append(client.post("/auth/register", data=data).status_code)
    assert codes == [302] * 5 + [429]


def test_study_links_with_wrong_codes_count_too(limited_app: Any) -> None:
    """The study view also takes a join code: guessing there is limited like on /join."""
    client = limited_app.test_client()
    codes = [client.get(f"/study/XXX{n:03d}").status_code for n in range(20)]
    assert codes == [404] * 20
    assert client.get("/study/XXX999").status_code == 429
    assert client.get("/join/XXX998").status_code == 429


def test_wrong_codes_never_block_a_right_code(limited_app: Any) -> None:
    """Failure 7: once a prankster spent the address's limit, every classmate behind the same
    school address got 429 on the right join link, for up to an hour."""
    prankster = limited_app.test_client()
    for n in range(20):
        prankster.get(f"/join/BAD{n:03d}")
    assert prankster.get("/join/BAD999").status_code == 429
    for n in range(5):
        classmate = limited_app.test_client()
        assert classmate.get(f"/join/{CODE}").status_code == 200
        joined = classmate.post(f"/join/{CODE}", data={"code": CODE, "name": f"Kid {n}"})
        assert joined.status_code == 302
        typed = classmate.post("/join", data={"code": CODE.lower(), "name": f"Kid {n}b"})
        assert typed.status_code == 302
    assert prankster.post("/join", data={"code": "BAD998", "name": "Eve"}).status_code == 429


def _login(client: Any, email: str, password: str, address: str) -> int:
    data = {"email": email, "password": password}
    return client.post("/auth/login", data=data, **_from(address)).status_code


def test_login_failures_count_per_account_from_any_address(make_app: Any) -> None:
    app = make_app(RATELIMIT_ENABLED=True)
    with app.app_context():
        target = make_teacher(password="correct horse").email
        other = make_teacher(password="correct horse").email
    client = app.test_client()
    codes = [_login(client, target, "guess", f"203.0.113.{n}") for n in range(10)]
    assert codes == [200] * 10
    assert _login(client, target, "guess", "203.0.113.77") == 429
    # The address itself has tried only once: another account logs in from it.
    assert _login(app.test_client(), other, "correct horse", "203.0.113.77") == 302


def test_a_typo_prone_teacher_is_not_locked_out(make_app: Any) -> None:
    """Successful logins and forms refused before any password check never count."""
    app = make_app(RATELIMIT_ENABLED=True)
    with app.app_context():
        email = make_teacher(password="correct horse").email
    for _ in range(15):  # an empty password is a form error, not a wrong password
        assert _login(app.test_client(), email, "", "198.51.100.1") == 200
    for _ in range(9):
        assert _login(app.test_client(), email, "corect horse", "198.51.100.1") == 200
    for _ in range(15):
        assert _login(app.test_client(), email, "correct horse", "198.51.100.1") == 302


def test_a_right_code_in_the_link_does_not_cover_wrong_codes_in_the_form(
    limited_app: Any,
) -> None:
    """The code counted is the one tried: posting guesses to a real quiz's join link counts."""
    client = limited_app.test_client()
    for n in range(20):
        client.post(f"/join/{CODE}", data={"code": f"GSS{n:03d}", "name": "Eve"})
    assert client.post(f"/join/{CODE}", data={"code": "GSS999", "name": "Eve"}).status_code == 429
    assert client.post(f"/join/{CODE}", data={"code": CODE, "name": "Eve"}).status_code == 302


def test_each_app_counts_in_its_own_database(make_app: Any) -> None:
    """One process serving two apps (a test run, a script next to a server): wrong codes sent to
    the first are counted in its database even after the second app started."""
    first = make_app(RATELIMIT_ENABLED=True, JOIN_RATE_LIMIT="3 per minute")
    second = make_app(RATELIMIT_ENABLED=True, JOIN_RATE_LIMIT="3 per minute")
    client = first.test_client()
    for n in range(3):
        assert client.post("/join", data={"code": f"ZZZ{n:03d}", "name": "Eve"}).status_code == 200
    assert client.post("/join", data={"code": "ZZZ999", "name": "Eve"}).status_code == 429
    # The second app's database holds none of the first app's counts: its limit is untouched.
    other = second.test_client()
    assert other.post("/join", data={"code": "ZZZ000", "name": "Eve"}).status_code == 200
