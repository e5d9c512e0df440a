"""Issue 10, who a student is: a class from pasted names, slips, a quiz for the class, and a
student who joins with their personal code in one browser and resumes in another."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from seed import log_in, seed_river_quiz

from quizapp.models import Article, Attempt, Quiz, db
from quizapp.services import taking
from tests.factories import make_teacher

PASSWORD = "correct horse battery"


def _seed(live_server: Any) -> dict[str, Any]:
    """A teacher who can log in, owning a published 30-minute quiz on the Danube sample."""

    def seed() -> dict[str, Any]:
        teacher = make_teacher(email="roster-e2e@school.example", password=PASSWORD)
        seeded = seed_river_quiz(join_code="ROS7ER", time_limit_minutes=30)
        quiz = db.session.get(Quiz, seeded.quiz_id)
        quiz.owner_id = teacher.id
        db.session.get(Article, quiz.article_id).owner_id = teacher.id
        db.session.commit()
        return {"quiz_id": seeded.quiz_id, "code": seeded.join_code}

    return live_server.run(seed)


def _seconds_left(page: Any) -> int:
    """The seconds left the answer page's timer starts from."""
    return int(page.locator("#play-timer").get_attribute("data-seconds-left"))


def test_class_slips_assignment_and_resuming_with_a_personal_code(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    """Paste names, print slips, assign the quiz; join with a code, resume it in a new browser."""
    seeded = _seed(live_server)
    teacher = new_page()
    log_in(teacher, live_server.url, "roster-e2e@school.example", PASSWORD)

    teacher.get_by_role("link", name="My classes").click()
    teacher.wait_for_url("**/teacher/classes")
    check_a11y(teacher, "classes (empty)")
    teacher.get_by_role("link", name="Add your first class").click()
    teacher.get_by_label("Class name").fill("7B Geography")
    teacher.get_by_label("Student names").fill("Ada Lovelace\nBo Chen\n\nCy Okafor\n")
    check_a11y(teacher, "new class")
    teacher.get_by_role("button", name="Create the class").click()
    teacher.get_by_text("Class created with 3 students.").wait_for()
    check_a11y(teacher, "class roster")
    shot(teacher, "roster-01-class")

    teacher.get_by_role("link", name="Print the slips").click()
    teacher.wait_for_url(re.compile(r"/teacher/classes/\d+/slips$"))
    slips = teacher.locator(".slip")
    assert slips.count() == 3
    ada_slip = slips.filter(has_text="Ada Lovelace")
    ada_code = ada_slip.locator(".slip-code .code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{3}-[A-Z2-9]{3}", ada_code)
    assert (
        "7B Geography" in ada_slip.inner_text()
        and f"{live_server.url}/join" in ada_slip.inner_text()
    )
    check_a11y(teacher, "slips")
    teacher.emulate_media(media="print")
    shot(teacher, "roster-02-slips-print")
    teacher.emulate_media(media="screen")

    teacher.goto(f"{live_server.url}/teacher/quizzes/{seeded['quiz_id']}/settings")
    teacher.get_by_label("Who takes the quiz").select_option(
        label="Class 7B Geography (students type their personal code)"
    )
    check_a11y(teacher, "settings")
    teacher.get_by_role("button", name="Save settings").click()
    teacher.get_by_text("Settings saved.").wait_for()

    # Ada joins on the classroom computer and answers one question.
    first = new_page()
    first.goto(f"{live_server.url}/join/{seeded['code']}")
    assert first.get_by_label("Your name").count() == 0
    check_a11y(first, "join with a personal code")
    first.get_by_label("Your personal code").fill(ada_code)
    first.get_by_role("button", name="Start the quiz").click()
    first.wait_for_url(re.compile(r"/attempt/[\w-]{40,}$"))
    token = first.url.rsplit("/", 1)[1]
    first.get_by_role("radio", name="68").check()
    first.locator("#play-saved[data-state=saved]").wait_for()
    assert _seconds_left(first) > 25 * 60

    # Ten minutes pass (moved in the database, not waited for).
    def age_attempt() -> None:
        attempt = taking.find_attempt(token)
        attempt.started_at = taking.as_utc(attempt.started_at) - timedelta(minutes=10)
        db.session.commit()

    live_server.run(age_attempt)

    # A wrong code is refused, in its own browser.
    stranger = new_page()
    stranger.goto(f"{live_server.url}/join/{seeded['code']}")
    stranger.get_by_label("Your personal code").fill("AAA-AAA")
    stranger.get_by_role("button", name="Start the quiz").click()
    stranger.get_by_text("That personal code is not on this class's list").wait_for()
    assert "/attempt/" not in stranger.url

    # Ada, on her phone (a fresh browser), types her code loosely: same attempt, same clock.
    second = new_page(viewport={"width": 390, "height": 844})
    second.goto(f"{live_server.url}/join")
    second.get_by_label("Quiz code").fill(seeded["code"].lower())
    second.get_by_label("Your name").fill("Ada")
    second.get_by_role("button", name="Start the quiz").click()
    second.get_by_text("type the personal code from your slip").wait_for()
    second.get_by_label("Your personal code").fill(ada_code.replace("-", " ").lower())
    second.get_by_role("button", name="Start the quiz").click()
    second.wait_for_url(re.compile(r"/attempt/[\w-]{40,}$"))
    assert second.url.rsplit("/", 1)[1] == token
    assert second.get_by_role("radio", name="68").is_checked()
    assert _seconds_left(second) <= 20 * 60
    shot(second, "roster-03-resumed-on-phone")

    counts = live_server.run(
        lambda: db.session.scalar(
            db.select(db.func.count(Attempt.id)).where(Attempt.quiz_id == seeded["quiz_id"])
        )
    )
    assert counts == 1

    teacher.goto(f"{live_server.url}/teacher/quizzes/{seeded['quiz_id']}/results")
    status = teacher.locator(".roster-status").text_content() or ""
    assert "1 in progress" in status and "2 not started" in status
    assert teacher.get_by_role("row", name=re.compile("Ada Lovelace in progress")).is_visible()
    check_a11y(teacher, "results with the class")
    shot(teacher, "roster-04-results")
