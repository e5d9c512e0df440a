"""In Chromium: a question dropped before a student starts
is not on their phone's answer page, and an answer holding a NUL character comes back to them
saved and explained instead of a "Bad request" page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.e2e.seed import log_in, seed_teachers_river_quiz

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def test_a_dropped_question_is_not_asked_and_a_nul_answer_is_explained(
    live_server: Any, new_page: Callable[..., Any]
) -> None:
    seeded = live_server.run(lambda: seed_teachers_river_quiz("DROP81"))
    fill, choice = seeded.by_kind["fill_in"], seeded.by_kind["multiple_choice"]
    teacher = new_page()
    log_in(teacher, live_server.url, seeded.email)
    teacher.goto(
        f"{live_server.url}/teacher/quizzes/{seeded.quiz_id}/questions/{choice.id}/answers"
    )
    teacher.on("dialog", lambda dialog: dialog.accept())
    teacher.get_by_role("button", name="Drop the question").click()
    teacher.get_by_text("it applies to every attempt").wait_for()

    student = new_page(**PHONE)
    student.on("dialog", lambda dialog: dialog.accept())
    student.goto(f"{live_server.url}/join/DROP81")
    student.get_by_label("Your name").fill("Robin")
    student.get_by_role("button", name="Start the quiz").click()
    student.wait_for_url(re.compile(r"/attempt/"))
    asked = len(seeded.by_kind) - 1
    assert student.get_by_text(f"0 of {asked} answered").count() == 1
    assert student.locator(f"[name=q{choice.id}]").count() == 0
    assert choice.prompt[:30] not in student.locator("main").inner_text()

    typed = student.locator(f"#q{fill.id}-input")
    typed.fill(f"{fill.answer}\x00")
    student.get_by_role("button", name="Submit answers").click()
    student.get_by_text("cannot be saved").wait_for()
    assert "/result" not in student.url
    assert typed.input_value() == fill.answer
    student.get_by_role("button", name="Submit answers").click()
    student.wait_for_url(re.compile(r"/result$"))
    assert choice.prompt[:30] not in student.locator("main").inner_text()
    assert re.search(rf"\d+ of {asked}\b", student.locator("main").inner_text())
