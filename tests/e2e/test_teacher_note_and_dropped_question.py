"""In Chromium: a teacher's own explanation reaches the student's result, and a question the
teacher drops afterwards reads "Not counted" there."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.e2e.seed import log_in, seed_teachers_river_quiz

NOTE = "Remember the <b>figure</b> & the map on page 2."


def _question_block(page: Any, prompt_start: str) -> Any:
    """The result page's block of the question whose prompt starts so."""
    return page.locator("div.question").filter(has_text=prompt_start)


def test_teacher_note_and_dropped_question_on_the_students_result(
    live_server: Any, new_page: Callable[..., Any]
) -> None:
    seeded = live_server.run(lambda: seed_teachers_river_quiz("NOTE71", draft=True))
    fill, choice = seeded.by_kind["fill_in"], seeded.by_kind["multiple_choice"]
    fill_prompt = fill.prompt.split("_____")[0].strip()
    quiz_url = f"{live_server.url}/teacher/quizzes/{seeded.quiz_id}"

    teacher = new_page()
    log_in(teacher, live_server.url, seeded.email)
    teacher.goto(f"{quiz_url}/questions/{fill.id}/edit")
    teacher.get_by_label("Explanation").fill(NOTE)
    teacher.get_by_role("button", name="Save question").click()
    teacher.wait_for_url(re.compile(r"/teacher/quizzes/\d+#item-"))
    # The teacher's preview shows the note as text, above the quoted sentence.
    assert teacher.get_by_text(NOTE, exact=True).count() == 1
    teacher.locator("form[action$='/publish'] button").click()
    # The published quiz's page shows its join link: only then may the student join.
    teacher.locator("#join-url").wait_for()

    student = new_page()
    student.on("dialog", lambda dialog: dialog.accept())
    student.goto(f"{live_server.url}/join/NOTE71")
    student.get_by_label("Your name").fill("Robin")
    student.get_by_role("button", name="Start the quiz").click()
    student.wait_for_url(re.compile(r"/attempt/"))
    student.locator(f"#q{fill.id}-input").fill("no idea")
    student.get_by_role("button", name="Submit answers").click()
    student.wait_for_url(re.compile(r"/result$"))
    fill_block = _question_block(student, fill_prompt)
    assert fill_block.locator(".q-explanation").inner_text() == NOTE
    assert fill_block.locator("b").count() == 0  # the teacher's markup is shown as text
    assert fill_block.locator("figure.q-source blockquote").count() == 1  # the quote stays
    assert "Not quite" in _question_block(student, choice.prompt).inner_text()

    teacher.goto(f"{quiz_url}/questions/{choice.id}/answers")
    teacher.on("dialog", lambda dialog: dialog.accept())
    teacher.get_by_role("button", name="Drop the question").click()
    # Wait for the page that says so (the click returns before it loads), then reload the
    # student's result.
    teacher.get_by_text("Dropped the question").first.wait_for()

    student.reload()
    dropped = _question_block(student, choice.prompt).inner_text()
    assert "Not counted: your teacher dropped this question" in dropped
    assert "Not quite" not in dropped
