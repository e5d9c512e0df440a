"""Issue 13, spaced review: a rostered student answers on day 0; the clock moves; the due
items come back on the review page and are scheduled again; two browsers store one review."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from seed import SERVER_WORK_MS, log_in, seed_river_quiz

from quizapp.models import Article, Quiz, ReviewCard, ReviewLog, db
from quizapp.services import spaced_review
from tests.factories import make_class, make_teacher

PASSWORD = "correct horse battery"


@pytest.fixture
def moved_clock(live_server: Any) -> Iterator[Callable[[timedelta], None]]:
    """Move the served app's clock ahead by a timedelta; the real clock again afterwards."""

    def move(ahead: timedelta) -> None:
        live_server.app.config["CLOCK"] = lambda: datetime.now(UTC) + ahead

    yield move
    live_server.app.config["CLOCK"] = None


def _seed(live_server: Any) -> dict[str, Any]:
    """A teacher who can log in, a class, and the Danube quiz assigned to it."""

    def seed() -> dict[str, Any]:
        teacher = make_teacher(email="review-e2e@school.example", password=PASSWORD)
        school_class = make_class(teacher, names=("Ada Lovelace", "Bo Chen"), name="8C Science")
        seeded = seed_river_quiz(join_code="REV1EW")
        quiz = db.session.get(Quiz, seeded.quiz_id)
        quiz.owner_id = teacher.id
        quiz.class_id = school_class.id
        db.session.get(Article, quiz.article_id).owner_id = teacher.id
        db.session.commit()
        ada = school_class.current_students[0]
        return {"class_id": school_class.id, "code": ada.personal_code, "student_id": ada.id}

    return live_server.run(seed)


def _right_answer(live_server: Any, card_id: int) -> str:
    """The answer to a card in the form it is asked now (read on the server)."""

    def read() -> str:
        card = db.session.get(ReviewCard, card_id)
        item = spaced_review._asked_item(card, spaced_review._uses_other_form(card))
        return str(item.get("answer"))

    return live_server.run(read)


def _answer(page: Any, value: str) -> None:
    """Answer the review item shown: choose the option or type, then check."""
    form = page.locator("form.review-form")
    radios = form.locator("input[type=radio]")
    if radios.count():
        form.get_by_role("radio", name=value, exact=True).check()
    else:
        form.locator("input[type=text]").fill(value)
    form.get_by_role("button", name="Check my answer").click()


def _due(page: Any) -> int:
    """The number on "n items due today"."""
    return int(page.locator("#review-due").inner_text().split()[0])


def test_due_items_come_back_after_the_clock_moves_and_two_browsers_store_one_review(
    live_server: Any,
    new_page: Callable[..., Any],
    moved_clock: Callable[[timedelta], None],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    """Day 0: answer (one right, three wrong); day 1: three due, reviewed, none left."""
    seeded = _seed(live_server)
    code = seeded["code"]

    student = new_page()
    student.on("dialog", lambda dialog: dialog.accept())
    student.goto(f"{live_server.url}/join/REV1EW")
    student.get_by_label("Your personal code").fill(code)
    student.get_by_role("button", name="Start the quiz").click()
    student.wait_for_url(re.compile(r"/attempt/[\w-]{40,}$"))
    student.get_by_role("radio", name="68").check()
    texts = student.locator("form#attempt-form input[type=text]")
    for n in range(texts.count()):
        texts.nth(n).fill("nothing like it")
    student.get_by_role("button", name="Submit answers").click()
    student.wait_for_url(re.compile(r"/result$"))

    # Day 0: everything was just answered; nothing is due yet.
    student.goto(f"{live_server.url}/review")
    student.get_by_label("Your personal code").fill(code.lower())
    student.get_by_role("button", name="Show my review").click()
    student.wait_for_url(re.compile(rf"/review/{code}$"))
    assert _due(student) == 0
    assert "4 items in your review" in student.locator("main").inner_text()
    check_a11y(student, "review (nothing due)")

    # Day 1: the three missed items are due.
    moved_clock(timedelta(days=1, minutes=5))
    student.reload()
    assert _due(student) == 3
    check_a11y(student, "review (items due)")
    shot(student, "review-01-due")

    # The same student on a phone opens the same page: both show the same due item.
    phone = new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone.goto(f"{live_server.url}/review/{code}")
    card_id = int(student.locator("form.review-form input[name=card]").get_attribute("value"))
    assert int(phone.locator("form.review-form input[name=card]").get_attribute("value")) == card_id
    answer = _right_answer(live_server, card_id)
    _answer(student, answer)
    student.wait_for_url(re.compile(r"#feedback$"))
    assert "Right!" in student.locator("#feedback").inner_text()
    assert _due(student) == 2
    check_a11y(student, "review feedback")
    shot(student, "review-02-feedback")
    _answer(phone, answer)
    phone.get_by_text("already reviewed").wait_for()
    assert _due(phone) == 2
    logs = live_server.run(
        lambda: db.session.scalar(
            db.select(db.func.count(ReviewLog.id)).where(
                ReviewLog.card_id == card_id, ReviewLog.card_version > 0
            )
        )
    )
    assert logs == 1

    # Review the rest: each is scheduled again, beyond today.
    while student.locator("form.review-form").count():
        next_id = int(student.locator("form.review-form input[name=card]").get_attribute("value"))
        # The page already shows the last answer's #feedback: wait for the new page instead.
        with student.expect_navigation(url=re.compile(r"#feedback$")):
            _answer(student, _right_answer(live_server, next_id))
    assert _due(student) == 0
    assert student.get_by_role("heading", name="Nothing more due today").is_visible()

    def schedule() -> list[tuple[datetime, int]]:
        cards = db.session.scalars(
            db.select(ReviewCard).where(ReviewCard.student_id == seeded["student_id"])
        )
        return [(spaced_review.as_utc(c.due), c.reviews) for c in cards]

    tomorrow_end = spaced_review.day_end(datetime.now(UTC) + timedelta(days=1, minutes=5))
    cards = live_server.run(schedule)
    assert len(cards) == 4
    assert all(due >= tomorrow_end for due, _ in cards)
    assert sorted(reviews for _, reviews in cards) == [0, 1, 1, 1]

    teacher = new_page()
    log_in(teacher, live_server.url, "review-e2e@school.example", PASSWORD)
    teacher.goto(f"{live_server.url}/teacher/classes/{seeded['class_id']}")
    teacher.get_by_role("link", name="Review and retention").click()
    row = (
        teacher.locator("#by-student")
        .locator("xpath=..")
        .get_by_role("row", name=re.compile("Ada"))
    )
    assert re.search(r"Ada Lovelace\s+4\s+0\s+3\s+100 %", row.inner_text(), re.IGNORECASE)
    check_a11y(teacher, "class retention")
    shot(teacher, "review-03-teacher-retention")


def test_teacher_builds_a_unit_and_the_student_sees_the_path(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    """New unit with the class quiz first; a unit test drafted; the path on the review page."""

    def seed() -> dict[str, Any]:
        teacher = make_teacher(email="unit-e2e@school.example", password=PASSWORD)
        school_class = make_class(teacher, names=("Cy Okafor",), name="9A Geography")
        seeded = seed_river_quiz(join_code="UN1TQZ")
        quiz = db.session.get(Quiz, seeded.quiz_id)
        quiz.owner_id = teacher.id
        quiz.class_id = school_class.id
        db.session.get(Article, quiz.article_id).owner_id = teacher.id
        db.session.commit()
        return {"quiz_id": quiz.id, "code": school_class.current_students[0].personal_code}

    seeded = live_server.run(seed)
    teacher = new_page()
    log_in(teacher, live_server.url, "unit-e2e@school.example", PASSWORD)
    teacher.get_by_role("link", name="My units").click()
    teacher.get_by_role("link", name="New unit").click()
    teacher.get_by_label("Unit title").fill("Rivers")
    teacher.get_by_label("Class").select_option(label="9A Geography")
    teacher.get_by_role("textbox", name="Plastic in the Danube (published) place").fill("1")
    check_a11y(teacher, "new unit")
    teacher.get_by_role("button", name="Create the unit").click()
    teacher.get_by_text("Unit created.").wait_for()
    assert (
        teacher.get_by_role("row", name=re.compile("Cy Okafor")).inner_text().count("not started")
        == 1
    )
    check_a11y(teacher, "unit")
    shot(teacher, "unit-01-teacher")
    teacher.get_by_role("button", name="Make the unit test").click(timeout=SERVER_WORK_MS)
    teacher.get_by_text("Unit test drafted").wait_for()

    student = new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    student.goto(f"{live_server.url}/review/{seeded['code']}")
    path = student.locator(".unit-card")
    assert path.get_by_role("heading", name="Rivers").is_visible()
    assert "0 of 1 done" in path.inner_text()  # the unpublished unit test is not shown
    path.get_by_role("link", name="Plastic in the Danube").click()
    student.wait_for_url(re.compile(r"/join/UN1TQZ$"))
    check_a11y(student, "join from the unit path")
    student.goto(f"{live_server.url}/review/{seeded['code']}")
    check_a11y(student, "review with a unit")
    shot(student, "unit-02-student-path")
