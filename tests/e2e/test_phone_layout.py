"""In Chromium: every teacher and student page fits a phone, even when a
student typed one long unbroken answer, and scrolled tables stay reachable by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.e2e.seed import log_in, seed_teachers_river_quiz, submit_class

PHONE = {"width": 375, "height": 800}
# What a student pastes by mistake: a link or a word with no place to break.
UNBROKEN = "https://example.org/" + "x" * 300


def _seed(join_code: str) -> dict[str, Any]:
    """The river quiz, its teacher able to log in, and two students who submitted."""
    seeded = seed_teachers_river_quiz(join_code)
    fill = seeded.by_kind["fill_in"]
    attempts = submit_class(
        join_code, {"Ada": {f"q{fill.id}": "European Union"}, "Bo": {f"q{fill.id}": UNBROKEN}}
    )
    return {
        "quiz": seeded.quiz_id,
        "email": seeded.email,
        "fill": fill.id,
        "bo_token": attempts["Bo"].token,
        "bo": attempts["Bo"].id,
    }


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
    log_in(page, live_server.url, seeded["email"])
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
    page.goto(f"{live_server.url}/attempt/{seeded['bo_token']}/result")
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
    log_in(page, live_server.url, seeded["email"])
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
    # Chromium animates keyboard scrolling: wait for the box to move rather than read it at once
    # (as long as any other wait here: on a loaded machine the animation's frames come late).
    page.wait_for_function("box => box.scrollLeft > 0", arg=box.element_handle())
