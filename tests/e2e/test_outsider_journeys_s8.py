"""An outside tester's pass in Chromium, session 8: a question dropped before a student starts
is not on their phone's answer page, and an answer holding a NUL character comes back to them
saved and explained instead of a "Bad request" page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from werkzeug.security import generate_password_hash

from quizapp.models import Quiz, db
from tests.e2e.seed import seed_river_quiz

PASSWORD = "correct horse"
PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def _seed(join_code: str) -> dict[str, Any]:
    """The published river quiz, its teacher able to log in; a fill-in and a choice item."""
    seeded = seed_river_quiz(join_code=join_code)
    quiz = db.session.get(Quiz, seeded.quiz_id)
    quiz.owner.password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
    db.session.commit()
    by_kind = {q.kind: q for q in quiz.questions}
    return {
        "quiz": quiz.id,
        "email": quiz.owner.email,
        "total": len(quiz.questions),
        "fill": by_kind["fill_in"].id,
        "fill_answer": by_kind["fill_in"].answer,
        "choice": by_kind["multiple_choice"].id,
        "choice_prompt": by_kind["multiple_choice"].prompt,
    }


def test_a_dropped_question_is_not_asked_and_a_nul_answer_is_explained(
    live_server: Any, new_page: Callable[..., Any]
) -> None:
    seeded = live_server.run(lambda: _seed("DROP81"))
    teacher = new_page()
    teacher.goto(f"{live_server.url}/auth/login")
    teacher.get_by_label("E-mail").fill(seeded["email"])
    teacher.get_by_label("Password").fill(PASSWORD)
    teacher.get_by_role("button", name="Log in").click()
    teacher.wait_for_url(re.compile(r"/teacher"))
    teacher.goto(
        f"{live_server.url}/teacher/quizzes/{seeded['quiz']}/questions/{seeded['choice']}/answers"
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
    asked = seeded["total"] - 1
    assert student.get_by_text(f"0 of {asked} answered").count() == 1
    assert student.locator(f"[name=q{seeded['choice']}]").count() == 0
    assert seeded["choice_prompt"][:30] not in student.locator("main").inner_text()

    typed = student.locator(f"#q{seeded['fill']}-input")
    typed.fill(f"{seeded['fill_answer']}\x00")
    student.get_by_role("button", name="Submit answers").click()
    student.get_by_text("cannot be saved").wait_for()
    assert "/result" not in student.url
    assert typed.input_value() == seeded["fill_answer"]
    student.get_by_role("button", name="Submit answers").click()
    student.wait_for_url(re.compile(r"/result$"))
    assert seeded["choice_prompt"][:30] not in student.locator("main").inner_text()
    assert re.search(rf"\d+ of {asked}\b", student.locator("main").inner_text())
