"""README screenshots of lessons, units and spaced review, taken in Debian's Chromium.

Not a test (pytest collects only test_*.py): run it by hand after a visible change,

    .venv/bin/python tests/e2e/screenshots.py [--out docs/screenshots]

It serves the app on a throwaway SQLite database, seeds a class, the Danube quiz, a lesson
made from the same article and a unit holding both, lets four students work through the
lesson (by the services), then drives a fifth student and the teacher in the browser. PNGs
are reduced to a 256-colour palette so each stays small.
"""

from __future__ import annotations

import argparse
import re
import secrets
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the browser the e2e tests use)
from seed import seed_river_quiz  # noqa: E402

PASSWORD = "correct horse battery"
TEACHER = "screens@school.example"
STUDENTS = ("Ada Lovelace", "Bo Chen", "Cy Okafor", "Dana Ruiz", "Eli Novak")
DESKTOP = {"viewport": {"width": 1000, "height": 860}, "device_scale_factor": 1}
TABLET = {"viewport": {"width": 760, "height": 900}, "device_scale_factor": 1}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 1.5,
}


@contextmanager
def served_app(database: Path) -> Iterator[tuple[Any, str]]:
    """The real app on a free port of 127.0.0.1, on a fresh migrated SQLite database."""
    from werkzeug.serving import make_server

    from quizapp import create_app
    from quizapp.cli.web import upgrade_database

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            "SECRET_KEY": secrets.token_hex(16),
            "RATELIMIT_ENABLED": False,
        }
    )
    upgrade_database(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def seed(app: Any) -> dict[str, Any]:
    """Teacher, class, the Danube quiz and its lesson (both published for the class), a unit;
    four students through the lesson with a mix of right and wrong answers."""
    from quizapp.models import Article, Question, Quiz, db
    from quizapp.services import joining, lessons, publishing, taking, units
    from quizapp.services.lessons import question_sections, section_plans
    from quizapp.services.snapshots import live_questions
    from tests.factories import make_class, make_teacher

    with app.app_context():
        teacher = make_teacher(email=TEACHER, password=PASSWORD, display_name="Ms Rivera")
        school_class = make_class(teacher, names=STUDENTS, name="8C Science")
        seeded = seed_river_quiz(join_code="DANUBE")
        quiz = db.session.get(Quiz, seeded.quiz_id)
        quiz.owner_id, quiz.class_id = teacher.id, school_class.id
        db.session.get(Article, quiz.article_id).owner_id = teacher.id
        db.session.commit()
        lesson_quiz = lessons.create_lesson(quiz)
        lesson_quiz.title = "Plastic in the Danube: a lesson"
        lesson_quiz.class_id = school_class.id
        db.session.commit()
        lesson_code = publishing.publish_quiz(lesson_quiz)
        units.create_unit(
            teacher,
            "Rivers under pressure",
            school_class.id,
            [units.StepChoice(lesson_quiz.id, 1), units.StepChoice(quiz.id, 2)],
        )
        lesson = lessons.lesson_for_quiz(lesson_quiz.id)
        roles = question_sections(lesson, live_questions(lesson_quiz))
        sections = len(section_plans(lesson))
        students = school_class.current_students
        # Bo, Cy, Dana and Eli work through the sections; every third check of theirs is wrong.
        for reach, student in enumerate(students[1:], 2):
            attempt = joining.join_quiz(lesson_code, personal_code=student.personal_code)
            for number in range(1, min(reach, sections) + 1):
                checks = [q for q, s in roles.items() if s == number]
                for n, question_id in enumerate(checks):
                    question = db.session.get(Question, question_id)
                    right = (n + reach) % 3 != 0 and question.kind != "matching"
                    given = question.answer if right else "not this one"
                    lessons.answer_check(
                        lesson, attempt, question_id, {f"q{question_id}": given or "x"}
                    )
            if reach >= 4:  # Dana and Eli finish the lesson
                finals = {
                    f"q{q}": db.session.get(Question, q).answer or ""
                    for q, s in roles.items()
                    if s is None
                }
                lessons.submit_final(lesson, attempt, finals)
        # Ada and Bo took the quiz yesterday: a choice right, the rest wrong or blank.
        for student in students[:2]:
            attempt = joining.join_quiz("DANUBE", personal_code=student.personal_code)
            fields = {
                f"q{q.id}": q.answer if q.kind == "multiple_choice" else "no idea"
                for q in live_questions(quiz)
                if q.kind in ("multiple_choice", "fill_in", "short_answer")
            }
            taking.submit_attempt(attempt, fields)
        return {
            "quiz_id": lesson_quiz.id,
            "lesson_code": lesson_code,
            "ada": students[0].personal_code,
            "class_id": school_class.id,
        }


def answer_of(app: Any, question_id: int) -> tuple[str, str]:
    """A question's kind and answer, read on the server."""
    from quizapp.models import Question, db

    with app.app_context():
        question = db.session.get(Question, question_id)
        return question.kind, question.answer or ""


def review_answer(app: Any, card_id: int) -> str:
    """The answer to a review card in the form it is asked now."""
    from quizapp.models import ReviewCard, db
    from quizapp.services import spaced_review

    with app.app_context():
        card = db.session.get(ReviewCard, card_id)
        return str(spaced_review._asked_item(card, spaced_review._uses_other_form(card))["answer"])


def answer_check(page: Any, value: str) -> None:
    """Answer the open lesson check: pick the option or type the value; then check it."""
    form = page.locator("form.lesson-check")
    radios = form.locator("input[type=radio]")
    if radios.count():
        values = [radios.nth(i).get_attribute("value") for i in range(radios.count())]
        radios.nth(values.index(value) if value in values else 0).check()
    else:
        form.locator("input[type=text]").fill(value)
    form.get_by_role("button", name="Check my answer").click()


def save(page_or_locator: Any, out: Path, name: str, **options: Any) -> Path:
    """A screenshot reduced to a 256-colour palette PNG."""
    from PIL import Image

    path = out / f"{name}.png"
    page_or_locator.screenshot(path=str(path), **options)
    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    return path


def take(app: Any, url: str, seeded: dict[str, Any], out: Path) -> None:
    """Drive the student and the teacher through the pages the README shows."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        # A student on a phone, mid-lesson: one check right, one wrong, feedback showing.
        student = browser.new_context(**TABLET).new_page()
        student.goto(f"{url}/join/{seeded['lesson_code']}")
        student.get_by_label("Your personal code").fill(seeded["ada"])
        student.get_by_role("button", name=re.compile("Start")).click()
        student.wait_for_url(re.compile(r"/section/1$"))
        for n in range(2):
            form = student.locator("form.lesson-check")
            question_id = int(form.locator("input[name=question]").get_attribute("value"))
            kind, answer = answer_of(app, question_id)
            wrong = "False" if answer == "True" else "True" if kind == "true_false" else "1912"
            answer_check(student, answer if n == 0 else wrong)
            student.wait_for_url(re.compile(rf"#feedback-{question_id}$"))
        save(student, out, "lesson-section-feedback", full_page=True)

        # The teacher's per-section results.
        teacher = browser.new_context(**DESKTOP).new_page()
        teacher.goto(f"{url}/auth/login")
        teacher.get_by_label("E-mail").fill(TEACHER)
        teacher.get_by_label("Password").fill(PASSWORD)
        teacher.get_by_role("button", name="Log in").click()
        teacher.goto(f"{url}/teacher/lessons/{seeded['quiz_id']}")
        save(teacher, out, "lesson-teacher-sections")

        # Next day: the missed check is due; the review page and the unit path.
        app.config["CLOCK"] = lambda: datetime.now(UTC) + timedelta(days=1, minutes=5)
        review = browser.new_context(**PHONE).new_page()
        review.goto(f"{url}/review/{seeded['ada']}")
        review.locator("#review-due").wait_for()
        save(review, out, "review-due")
        card_id = int(review.locator("form.review-form input[name=card]").get_attribute("value"))
        form = review.locator("form.review-form")
        value = review_answer(app, card_id)
        if form.locator("input[type=radio]").count():
            form.get_by_role("radio", name=value, exact=True).check()
        else:
            form.locator("input[type=text]").fill(value)
        form.get_by_role("button", name="Check my answer").click()
        review.locator("#feedback").wait_for()
        unit = review.locator(".unit-card").first
        unit.scroll_into_view_if_needed()
        save(unit, out, "unit-student-path")
        teacher.goto(f"{url}/teacher/units")
        teacher.get_by_role("link", name="Rivers under pressure").click()
        save(teacher, out, "unit-teacher")
        app.config["CLOCK"] = None
        browser.close()


def main() -> None:
    """Seed, serve, shoot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, served_app(Path(tmp) / "screens.db") as (app, url):
        take(app, url, seed(app), args.out)


if __name__ == "__main__":
    main()
