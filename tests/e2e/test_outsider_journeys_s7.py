"""An outside tester's pass in Chromium, session 7: a teacher's own explanation reaches the
student's result, and a question the teacher drops afterwards reads "Not counted" there."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from werkzeug.security import generate_password_hash

from quizapp.models import Quiz, QuizStatus, db
from tests.e2e.seed import seed_river_quiz

PASSWORD = "correct horse"
NOTE = "Remember the <b>figure</b> & the map on page 2."


def _seed(join_code: str) -> dict[str, Any]:
    """The river quiz as a draft its teacher can log in to and edit."""
    seeded = seed_river_quiz(join_code=join_code)
    quiz = db.session.get(Quiz, seeded.quiz_id)
    quiz.status = QuizStatus.DRAFT
    quiz.owner.password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
    db.session.commit()
    by_kind = {q.kind: q for q in quiz.questions}
    return {
        "quiz": quiz.id,
        "email": quiz.owner.email,
        "fill": by_kind["fill_in"].id,
        "fill_prompt": by_kind["fill_in"].prompt.split("_____")[0].strip(),
        "choice": by_kind["multiple_choice"].id,
        "choice_prompt": by_kind["multiple_choice"].prompt,
    }


def _question_block(page: Any, prompt_start: str) -> Any:
    """The result page's block of the question whose prompt starts so."""
    return page.locator("div.question").filter(has_text=prompt_start)


def test_teacher_note_and_dropped_question_on_the_students_result(
    live_server: Any, new_page: Callable[..., Any]
) -> None:
    seeded = live_server.run(lambda: _seed("NOTE71"))
    quiz_url = f"{live_server.url}/teacher/quizzes/{seeded['quiz']}"

    teacher = new_page()
    teacher.goto(f"{live_server.url}/auth/login")
    teacher.get_by_label("E-mail").fill(seeded["email"])
    teacher.get_by_label("Password").fill(PASSWORD)
    teacher.get_by_role("button", name="Log in").click()
    teacher.wait_for_url(re.compile(r"/teacher"))
    teacher.goto(f"{quiz_url}/questions/{seeded['fill']}/edit")
    teacher.get_by_label("Explanation").fill(NOTE)
    teacher.get_by_role("button", name="Save question").click()
    teacher.wait_for_url(re.compile(r"/teacher/quizzes/\d+#item-"))
    # The teacher's preview shows the note as text, above the quoted sentence.
    assert teacher.get_by_text(NOTE, exact=True).count() == 1
    teacher.locator("form[action$='/publish'] button").click()
    teacher.wait_for_load_state()

    student = new_page()
    student.on("dialog", lambda dialog: dialog.accept())
    student.goto(f"{live_server.url}/join/NOTE71")
    student.get_by_label("Your name").fill("Robin")
    student.get_by_role("button", name="Start the quiz").click()
    student.wait_for_url(re.compile(r"/attempt/"))
    student.locator(f"#q{seeded['fill']}-input").fill("no idea")
    student.get_by_role("button", name="Submit answers").click()
    student.wait_for_url(re.compile(r"/result$"))
    fill = _question_block(student, seeded["fill_prompt"])
    assert fill.locator(".q-explanation").inner_text() == NOTE
    assert fill.locator("b").count() == 0  # the teacher's markup is shown as text
    assert fill.locator("figure.q-source blockquote").count() == 1  # the quote stays
    assert "Not quite" in _question_block(student, seeded["choice_prompt"]).inner_text()

    teacher.goto(f"{quiz_url}/questions/{seeded['choice']}/answers")
    teacher.on("dialog", lambda dialog: dialog.accept())
    teacher.get_by_role("button", name="Drop the question").click()
    teacher.wait_for_load_state()
    assert teacher.get_by_text("Dropped the question").count() >= 1

    student.reload()
    dropped = _question_block(student, seeded["choice_prompt"]).inner_text()
    assert "Not counted: your teacher dropped this question" in dropped
    assert "Not quite" not in dropped
