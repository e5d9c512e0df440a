"""Issue 13, lessons: a teacher makes a lesson from a quiz and publishes it; a student on a
phone reads section by section, answers the checks by keyboard, gets feedback, finishes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seed import SERVER_WORK_MS, log_in, seed_river_quiz

from quizapp.models import Article, Question, Quiz, db
from tests.factories import make_teacher

PASSWORD = "correct horse battery"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _seed(live_server: Any) -> int:
    """A teacher who can log in, owning the Danube quiz; its id."""

    def seed() -> int:
        teacher = make_teacher(email="lesson-e2e@school.example", password=PASSWORD)
        seeded = seed_river_quiz(join_code="LESS0N")
        quiz = db.session.get(Quiz, seeded.quiz_id)
        quiz.owner_id = teacher.id
        db.session.get(Article, quiz.article_id).owner_id = teacher.id
        db.session.commit()
        return seeded.quiz_id

    return live_server.run(seed)


def _question(live_server: Any, question_id: int) -> tuple[str, str]:
    """The kind and answer of a question, read on the server (the page never has it)."""

    def read() -> tuple[str, str]:
        question = db.session.get(Question, question_id)
        assert question is not None
        return question.kind, question.answer or ""

    return live_server.run(read)


def _wrong(kind: str, answer: str) -> str:
    """A wrong answer of the right shape."""
    if kind == "true_false":
        return "False" if answer == "True" else "True"
    return "999999" if kind == "numeric" else "nothing like it"


def _answer_by_keyboard(page: Any, value: str, answer: str) -> None:
    """Answer the open check with the keyboard only: type, or arrow to the option; then Enter.

    For choices, ``value`` is chosen if offered, else the first option that is not ``answer``.
    """
    form = page.locator("form.lesson-check")
    radios = form.locator("input[type=radio]")
    if radios.count():
        values = [radios.nth(i).get_attribute("value") for i in range(radios.count())]
        target = (
            values.index(value)
            if value in values
            else next(i for i, v in enumerate(values) if v != answer)
        )
        radios.first.focus()
        page.keyboard.press("Space")
        for _ in range(target):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")  # to "Check my answer"
    else:
        form.locator("input[type=text]").focus()
        page.keyboard.type(value)
    page.keyboard.press("Enter")


def _fits_the_screen(page: Any) -> bool:
    """No sideways scrolling on the phone."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_teacher_makes_a_lesson_and_a_student_takes_it_section_by_section(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    """Make, review, publish; read, check, feedback with the quote, next section, final quiz."""
    quiz_id = _seed(live_server)
    teacher = new_page()
    log_in(teacher, live_server.url, "lesson-e2e@school.example", PASSWORD)
    teacher.goto(f"{live_server.url}/teacher/quizzes/{quiz_id}")
    teacher.get_by_role("button", name="Make a lesson from this article").click(
        timeout=SERVER_WORK_MS
    )
    teacher.get_by_text("Lesson drafted").wait_for()
    sections = teacher.locator(".lesson-section-result")
    section_count = sections.count()
    assert section_count >= 2
    check_a11y(teacher, "lesson overview (draft)")
    shot(teacher, "lesson-01-teacher-sections")
    teacher.get_by_role("link", name="Review, edit and publish the questions").click()
    teacher.wait_for_url(re.compile(r"/teacher/quizzes/\d+$"))
    check_a11y(teacher, "lesson review")
    teacher.get_by_role("button", name="Publish").first.click()
    code = teacher.locator(".join-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4,12}", code)

    student = new_page(**PHONE)
    student.goto(f"{live_server.url}/join/{code}")
    student.get_by_label("Your name").fill("Grace")
    student.get_by_role("button", name="Start the quiz").click()
    student.wait_for_url(re.compile(r"/lesson/[\w-]+/section/1$"))
    assert student.get_by_role("heading", name=re.compile(r"Section 1 of \d+")).is_visible()
    total = int(
        re.search(r"of (\d+)", student.locator("#reading-heading").inner_text()).group(1)  # type: ignore[union-attr]
    )
    assert total == section_count
    assert _fits_the_screen(student)
    check_a11y(student, "lesson section")
    shot(student, "lesson-02-section-phone")

    first = True
    for number in range(1, total + 1):
        assert student.locator("#reading-heading").inner_text().startswith(f"Section {number} ")
        while student.locator("form.lesson-check").count():
            question_id = int(
                student.locator("form.lesson-check input[name=question]").get_attribute("value")
            )
            kind, answer = _question(live_server, question_id)
            assert answer not in student.locator("form.lesson-check").inner_text() or (
                kind in ("multiple_choice", "true_false")
            )
            _answer_by_keyboard(student, _wrong(kind, answer) if first else answer, answer)
            student.wait_for_url(re.compile(rf"#feedback-{question_id}$"))
            feedback = student.locator(f"#feedback-{question_id}")
            if first:
                assert "Not quite" in feedback.inner_text()
                assert answer in feedback.locator(".q-correct").inner_text()
                assert feedback.locator("blockquote, .source-quote, q").count() >= 1
                check_a11y(student, "lesson feedback")
                shot(student, "lesson-03-feedback-phone")
                first = False
            else:
                assert "Right!" in feedback.inner_text()
        if number < total:
            student.get_by_role("link", name=f"Next: section {number + 1}").focus()
            student.keyboard.press("Enter")
            student.wait_for_url(re.compile(rf"/section/{number + 1}$"))
    student.get_by_role("link", name="Go to the final quiz").click()
    student.get_by_role("heading", name=re.compile("final quiz")).wait_for()
    assert _fits_the_screen(student)
    check_a11y(student, "lesson final quiz")
    shot(student, "lesson-04-final-phone")
    student.get_by_role("button", name="Finish the lesson").click()
    student.wait_for_url(re.compile(r"/attempt/[\w-]+/result$"))

    teacher.goto(f"{live_server.url}/teacher/quizzes/{quiz_id + 1}")
    teacher.get_by_role("link", name="Lesson sections and results").click()
    teacher.wait_for_url(re.compile(r"/teacher/lessons/\d+$"))
    assert "1 student started, 1 finished" in teacher.locator("main").inner_text()
    assert sections.first.get_by_text("1 student answered every check").is_visible()
    check_a11y(teacher, "lesson results")
    shot(teacher, "lesson-05-teacher-results")
