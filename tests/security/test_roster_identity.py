"""Attacks on who a student is: a fresh browser, a shared computer, guessing personal codes.

Each reproduces a finding of issue 10 (attempts allowed and the time limit were per browser;
a shared computer offered the last student's attempt) against a quiz assigned to a class.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from quizapp.models import Attempt, QuizStatus, db
from quizapp.services import taking
from tests.factories import make_class, make_quiz, make_teacher

CODE = "IDNT42"


@pytest.fixture
def roster(app: Any) -> dict[str, str]:
    """A published ten-minute quiz, one attempt allowed, assigned to a class of two."""
    with app.app_context():
        teacher = make_teacher()
        school_class = make_class(teacher, names=("Xavier Quill", "Yara Bloom"))
        make_quiz(
            teacher,
            status=QuizStatus.PUBLISHED,
            join_code=CODE,
            class_id=school_class.id,
            time_limit_minutes=10,
            attempts_allowed=1,
        )
        xavier, yara = school_class.students
        return {"xavier": xavier.personal_code, "yara": yara.personal_code}


def _join(client: Any, personal_code: str) -> Any:
    """Post the join form with the quiz code and a personal code."""
    return client.post("/join", data={"code": CODE, "personal_code": personal_code})


def _token(response: Any) -> str:
    """The attempt token a join redirected to."""
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    return response.location.rstrip("/").split("/attempt/")[1].split("/")[0]


def test_fresh_cookie_jar_cannot_retake_a_rostered_quiz(app: Any, roster: dict[str, str]) -> None:
    """Issue 10 #4: "Bob Brown" in a new browser started another attempt. Not with a code."""
    first_browser = app.test_client()
    token = _token(_join(first_browser, roster["xavier"]))
    assert first_browser.post(f"/attempt/{token}", data={"action": "submit"}).status_code == 302
    for _ in range(5):  # five throwaway browsers
        fresh = app.test_client()
        response = _join(fresh, roster["xavier"])
        assert response.status_code == 302
        assert response.location.endswith(f"/attempt/{token}/result")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 1


def test_time_limit_holds_across_a_new_browser(app: Any, roster: dict[str, str]) -> None:
    """A new browser with the same code gets the same attempt and clock, never a fresh one."""
    token = _token(_join(app.test_client(), roster["xavier"]))
    with app.app_context():
        attempt = taking.find_attempt(token)
        deadline = taking.deadline_of(attempt)
        # Seven minutes pass.
        attempt.started_at = taking.as_utc(attempt.started_at) - timedelta(minutes=7)
        db.session.commit()
    resumed = _token(_join(app.test_client(), roster["xavier"]))
    assert resumed == token
    with app.app_context():
        assert taking.deadline_of(taking.find_attempt(token)) == deadline - timedelta(minutes=7)
        # And once the time (with its grace) is over, a new browser cannot start again.
        attempt = taking.find_attempt(token)
        attempt.started_at = taking.as_utc(attempt.started_at) - timedelta(minutes=4)
        db.session.commit()
    late = _join(app.test_client(), roster["xavier"])
    assert late.status_code == 302 and late.location.endswith(f"/attempt/{token}/result")
    with app.app_context():
        assert taking.find_attempt(token).submitted_at is not None
        assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 1


def test_a_shared_computer_never_offers_the_last_students_attempt(
    app: Any, roster: dict[str, str]
) -> None:
    """Issue 10 #10: the next student was offered "Continue as Xavier"."""
    shared = app.test_client()
    token = _token(_join(shared, roster["xavier"]))
    page = shared.get(f"/join/{CODE}").get_data(as_text=True)
    assert "Xavier" not in page and token not in page
    assert "Your personal code" in page
    # Yara, on the same computer, gets her own attempt with her own code.
    assert _token(_join(shared, roster["yara"])) != token
    # With no code at all, nobody's attempt opens.
    refused = shared.post("/join", data={"code": CODE, "name": "Xavier Quill"})
    assert refused.status_code == 200 and token not in refused.get_data(as_text=True)


def test_name_only_quiz_lets_the_next_student_start_as_someone_else(app: Any) -> None:
    with app.app_context():
        make_quiz(make_teacher(), status=QuizStatus.PUBLISHED, join_code="OPEN42")
    shared = app.test_client()
    token = _token(shared.post("/join", data={"code": "OPEN42", "name": "Xavier"}))
    page = shared.get("/join/OPEN42").get_data(as_text=True)
    assert "Continue as Xavier" in page and "Not you? Start as someone else" in page
    assert shared.post("/join/OPEN42/someone-else").status_code == 302
    page = shared.get("/join/OPEN42").get_data(as_text=True)
    assert "Xavier" not in page and token not in page
    # The next student typing Xavier's name on a fresh start is a namesake, not Xavier.
    other = _token(shared.post("/join", data={"code": "OPEN42", "name": "Xavier"}))
    assert other != token
    with app.app_context():
        assert taking.find_attempt(other).student_name == "Xavier (2)"


@pytest.mark.parametrize(
    "name",
    ["Xa\u200bvier", "Xavier\u202e", "\u0007Xavier", "Ｘａｖｉｅｒ", "  Xavier \t"],
)
def test_invisible_and_lookalike_characters_do_not_make_a_second_xavier(
    app: Any, name: str
) -> None:
    with app.app_context():
        make_quiz(make_teacher(), status=QuizStatus.PUBLISHED, join_code="OPEN43")
    _token(app.test_client().post("/join", data={"code": "OPEN43", "name": "Xavier"}))
    token = _token(app.test_client().post("/join", data={"code": "OPEN43", "name": name}))
    with app.app_context():
        assert taking.find_attempt(token).student_name == "Xavier (2)"


@pytest.mark.parametrize("name", ["\u0425avier", "Xavi\u0435r", "\u03a7avier"])
def test_a_name_mixing_lookalike_alphabets_is_refused(app: Any, name: str) -> None:
    """Cyrillic Х or е, or Greek Χ, inside a Latin name: a spoof of a classmate, not a name."""
    with app.app_context():
        make_quiz(make_teacher(), status=QuizStatus.PUBLISHED, join_code="OPEN44")
    response = app.test_client().post("/join", data={"code": "OPEN44", "name": name})
    assert response.status_code == 200
    assert "mixes letters of different alphabets" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 0


def test_guessing_personal_codes_is_rate_limited_per_address(
    make_app: Any,
) -> None:
    app = make_app(RATELIMIT_ENABLED=True, JOIN_RATE_LIMIT="20 per minute")
    with app.app_context():
        teacher = make_teacher()
        school_class = make_class(teacher, names=("Xavier Quill",))
        make_quiz(teacher, status=QuizStatus.PUBLISHED, join_code=CODE, class_id=school_class.id)
        real = school_class.students[0].personal_code
    guesser = app.test_client()
    for n in range(20):
        response = _join(guesser, f"ZZZ{n:03d}")
        assert response.status_code == 200
        assert "not on this class" in response.get_data(as_text=True)
    blocked = _join(guesser, "ZZZ999")
    assert blocked.status_code == 429
    page = blocked.get_data(as_text=True)
    assert "Too many wrong personal codes" in page and not re.search(r"Traceback", page)
    # The classmate behind the same school address, with the code on her slip, still gets in.
    assert _join(app.test_client(), real).status_code == 302
