"""An outside tester's pass in Chromium: every teacher and student page fits a phone, even when a
student typed one long unbroken answer, and scrolled tables stay reachable by keyboard."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from werkzeug.security import generate_password_hash

from quizapp.models import Quiz, db
from quizapp.services import taking
from tests.e2e.seed import seed_river_quiz

PASSWORD = "correct horse"
PHONE = {"width": 375, "height": 800}
# What a student pastes by mistake: a link or a word with no place to break.
UNBROKEN = "https://example.org/" + "x" * 300


def _seed(join_code: str) -> dict[str, Any]:
    """The river quiz, its teacher able to log in, and two students who submitted."""
    seeded = seed_river_quiz(join_code=join_code)
    quiz = db.session.get(Quiz, seeded.quiz_id)
    quiz.owner.password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
    db.session.commit()
    by_kind = {q.kind: q for q in quiz.questions}
    fill = by_kind["fill_in"]
    tokens, attempt_ids = {}, {}
    for name, typed in (("Ada", "European Union"), ("Bo", UNBROKEN)):
        attempt = taking.join_quiz(join_code, name)
        taking.submit_attempt(attempt, {f"q{fill.id}": typed})
        tokens[name] = attempt.token
        attempt_ids[name] = attempt.id
    return {
        "quiz": quiz.id,
        "email": quiz.owner.email,
        "fill": fill.id,
        "tokens": tokens,
        "bo": attempt_ids["Bo"],
    }


def _log_in(page: Any, url: str, email: str) -> None:
    page.goto(f"{url}/auth/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/teacher"))


def _page_width(page: Any) -> int:
    """How wide the document is: more than the screen means the whole page scrolls sideways."""
    return int(page.evaluate("document.documentElement.scrollWidth"))


def test_teacher_pages_fit_a_phone_with_a_long_typed_answer(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
) -> None:
    seeded = live_server.run(lambda: _seed("OUTS51"))
    page = new_page(viewport=PHONE)
    _log_in(page, live_server.url, seeded["email"])
    quiz = f"{live_server.url}/teacher/quizzes/{seeded['quiz']}"
    pages = {
        "dashboard": f"{live_server.url}/teacher/",
        "results": f"{quiz}/results",
        "item analysis": f"{quiz}/analysis",
        "one student's answers": f"{quiz}/attempts/{seeded['bo']}",
        "one question's answers": f"{quiz}/questions/{seeded['fill']}/answers",
        "new matching question": f"{quiz}/questions/new?kind=matching",
        "new unit": f"{live_server.url}/teacher/units/new",
    }
    too_wide = {}
    for what, url in pages.items():
        page.goto(url)
        if _page_width(page) > PHONE["width"]:
            too_wide[what] = _page_width(page)
            shot(page, f"outsider-too-wide-{what.replace(' ', '-')}")
    assert not too_wide, f"pages wider than a {PHONE['width']} px phone: {too_wide}"


def test_student_result_fits_a_phone_with_a_long_typed_answer(
    live_server: Any, new_page: Callable[..., Any]
) -> None:
    seeded = live_server.run(lambda: _seed("OUTS52"))
    page = new_page(viewport=PHONE)
    page.goto(f"{live_server.url}/attempt/{seeded['tokens']['Bo']}/result")
    page.get_by_text("Your answers").first.wait_for()
    assert UNBROKEN[:40] in page.inner_text("main")
    assert _page_width(page) <= PHONE["width"]


def test_a_wide_answers_table_can_be_scrolled_by_keyboard(
    live_server: Any,
    new_page: Callable[..., Any],
    check_a11y: Callable[[Any, str], None],
) -> None:
    seeded = live_server.run(lambda: _seed("OUTS53"))
    page = new_page(viewport=PHONE)
    _log_in(page, live_server.url, seeded["email"])
    page.goto(f"{live_server.url}/teacher/quizzes/{seeded['quiz']}/analysis")
    check_a11y(page, "item analysis on a phone")
    page.goto(f"{live_server.url}/teacher/quizzes/{seeded['quiz']}/results")
    check_a11y(page, "results on a phone")
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.table-wrap')]
            .filter(box => box.scrollWidth > box.clientWidth + 1)
            .map(box => [box.getAttribute('tabindex'), box.getAttribute('aria-label') || ''])"""
    )
    assert boxes, "on a phone the results tables scroll sideways"
    assert all(tab == "0" for tab, _ in boxes), boxes
    assert ("By student: table, scroll sideways for more") in [label for _, label in boxes]
    box = page.get_by_role("region", name="By student: table, scroll sideways for more")
    box.focus()
    page.keyboard.press("ArrowRight")
    assert box.evaluate("box => box.scrollLeft") > 0
