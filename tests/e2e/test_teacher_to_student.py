"""Issue 3's whole flow: a teacher makes and publishes a quiz, a student takes it, the teacher sees."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizapp.models import Question, db
from quizapp.paths import SAMPLES_DIR
from tests.e2e.seed import SERVER_WORK_MS, register


def _answer_right(page: Any, question: dict[str, Any]) -> None:
    """Give the correct answer to one question on the student's page."""
    name = f"q{question['id']}"
    if question["kind"] in ("multiple_choice", "true_false"):
        page.locator(f"input[name='{name}'][value='{question['answer']}']").check()
    elif question["kind"] == "matching":
        for row, (_left, right) in enumerate(question["pairs"], 1):
            page.locator(f"select[name='{name}-{row}']").select_option(right)
    else:
        page.locator(f"input[name='{name}']").fill(question["answer"])


def _answer_wrong(page: Any, question: dict[str, Any]) -> None:
    """Give a wrong answer (or, for matching, leave it) to one question."""
    name = f"q{question['id']}"
    if question["kind"] in ("multiple_choice", "true_false"):
        page.locator(f"input[name='{name}']:not([value='{question['answer']}'])").first.check()
    elif question["kind"] != "matching":
        page.locator(f"input[name='{name}']").fill("I do not know")


def test_teacher_publishes_student_answers_teacher_downloads(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    """Register, paste, generate, edit, publish; join, answer, reload, submit; results and CSV."""
    teacher = new_page()
    register(
        teacher, live_server.url, "Ms Rivera", "rivera@school.example", "correct horse battery"
    )
    teacher.get_by_role("link", name="New quiz").first.click()
    article = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
    teacher.get_by_label("Paste the article's text").fill(article)
    shot(teacher, "teacher-01-paste")
    teacher.get_by_role("button", name="Continue").click(timeout=SERVER_WORK_MS)
    teacher.get_by_role("button", name="Make the questions").click(timeout=SERVER_WORK_MS)
    teacher.get_by_role("link", name="Edit question 1", exact=True).click()
    # The first item may be of any kind, so its prompt field carries a kind-specific label.
    prompt = teacher.locator("textarea[name=prompt]")
    prompt.fill(prompt.input_value().rstrip() + " (edited)")
    teacher.get_by_role("button", name="Save question").click()
    teacher.get_by_text("(edited)").first.wait_for()
    shot(teacher, "teacher-02-draft")
    teacher.get_by_role("button", name="Publish").click()
    teacher.locator("#join-url").wait_for()
    join_url = teacher.locator("#join-url").input_value()
    quiz_url = teacher.url
    shot(teacher, "teacher-03-published")

    code = join_url.rstrip("/").rsplit("/", 1)[1]
    questions = live_server.run(
        lambda: [
            {"id": q.id, "kind": q.kind, "answer": q.answer, "pairs": (q.data or {}).get("pairs")}
            for q in db.session.scalars(
                db.select(Question)
                .join(Question.quiz)
                .where(Question.deleted.is_(False))
                .filter_by(join_code=code)
                .order_by(Question.position)
            )
        ]
    )
    assert len(questions) >= 4
    edited = [q for q in questions if q["kind"] != "matching"]
    right, wrong = edited[: len(edited) // 2], edited[len(edited) // 2 :]

    student = new_page()
    student.on("dialog", lambda dialog: dialog.accept())
    student.goto(join_url.replace("http://localhost", live_server.url))
    student.get_by_label("Your name").fill("Sam Student")
    student.get_by_role("button", name="Start the quiz").click()
    student.wait_for_url(re.compile(r"/attempt/"))
    student.get_by_text("(edited)").wait_for()
    for question in right[:2]:
        _answer_right(student, question)
    student.locator("#play-saved[data-state=saved]").wait_for()
    student.reload()
    for question in right[2:]:
        _answer_right(student, question)
    for question in wrong:
        _answer_wrong(student, question)
    student.locator("#play-saved[data-state=saved]").wait_for()
    shot(student, "flow-04-student-answers")
    student.get_by_role("button", name="Submit answers").click()
    student.wait_for_url(re.compile(r"/result$"))
    assert student.get_by_text(f"{len(right):g} of {len(questions)}").is_visible()
    assert student.locator("blockquote mark").count() >= len(questions) - 1
    check_a11y(student, "result after generation")
    shot(student, "flow-05-student-result")

    teacher.goto(quiz_url)
    teacher.get_by_role("link", name="Results").click()
    teacher.get_by_text("Sam Student").first.wait_for()
    shot(teacher, "teacher-06-results")
    with teacher.expect_download() as download_info:
        teacher.get_by_role("link", name="Download CSV").click()
    csv_text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    assert "Sam Student" in csv_text
