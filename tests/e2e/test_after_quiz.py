"""After the quiz in Chromium: review a student, regrade (accept an answer, drop a question),
the results CSV, print buttons twice in a row, game files, and the student page's timer on a
phone."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from quizapp.models import Attempt, db
from quizapp.services import taking
from tests.e2e.seed import (
    SERVER_WORK_MS,
    log_in,
    seed_river_quiz,
    seed_teachers_river_quiz,
    submit_class,
)

# Typed answers to the fill-in ("funded by the _____": European Union, EU accepted).
CLASS = {
    "Ada": "European Union",
    "Bo": "Europe Union",
    "Cy": "",
    "Di": "europe union!",
    "Ed": "the Commission",
}


def _seed_class(join_code: str) -> dict[str, Any]:
    """The river quiz, its teacher able to log in, and five students who submitted."""
    seeded = seed_teachers_river_quiz(join_code, time_limit_minutes=30)
    mc, fill = seeded.by_kind["multiple_choice"], seeded.by_kind["fill_in"]
    answers = {
        name: {f"q{mc.id}": mc.answer if name in ("Ada", "Bo") else "34", f"q{fill.id}": typed}
        for name, typed in CLASS.items()
    }
    attempts = submit_class(join_code, answers)
    return {
        "quiz": seeded.quiz_id,
        "email": seeded.email,
        "mc": mc.id,
        "fill": fill.id,
        "tokens": {name: attempt.token for name, attempt in attempts.items()},
        "code": join_code,
    }


def _scores(quiz_id: int) -> dict[str, tuple[float, float]]:
    """Every student's score and total as stored."""
    db.session.expire_all()
    rows = db.session.execute(
        db.select(Attempt.student_name, Attempt.score, Attempt.max_score).where(
            Attempt.quiz_id == quiz_id
        )
    )
    return {name: (score, out_of) for name, score, out_of in rows}


def test_teacher_reviews_each_student_and_each_question(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    seeded = live_server.run(lambda: _seed_class("REVW01"))
    page = new_page()
    log_in(page, live_server.url, seeded["email"])
    page.goto(f"{live_server.url}/teacher/quizzes/{seeded['quiz']}/results")
    page.get_by_role("link", name="Review Bo’s answers").click()
    page.get_by_role("heading", name="Bo", exact=True).wait_for()
    answers = page.locator("table.review-table tbody tr")
    assert answers.count() == 6
    row = answers.filter(has_text="funded by")
    assert "Europe Union" in row.inner_text() and "wrong" in row.inner_text()
    assert "(blank)" in answers.filter(has_text="Which professor").inner_text()
    check_a11y(page, "student review")
    shot(page, "after-01-student-review")
    page.get_by_role("link", name="Next student").click()
    page.get_by_role("heading", name="Cy", exact=True).wait_for()
    page.get_by_role("link", name="Previous student").click()
    page.get_by_role("heading", name="Bo", exact=True).wait_for()
    page.get_by_role("link", name=re.compile("funded by")).click()
    page.get_by_role("heading", name=re.compile("Question 2: answers")).wait_for()
    students = page.locator("section[aria-labelledby=students-heading] tbody tr")
    assert students.count() == 5
    check_a11y(page, "question answers")
    shot(page, "after-02-question-answers")


def test_accepting_an_answer_changes_exactly_the_students_who_gave_it(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    seeded = live_server.run(lambda: _seed_class("REGR01"))
    before = live_server.run(lambda: _scores(seeded["quiz"]))
    page = new_page()
    log_in(page, live_server.url, seeded["email"])
    page.goto(f"{live_server.url}/teacher/quizzes/{seeded['quiz']}/analysis")
    typed = page.locator(f"#q{seeded['fill']}-typed + .table-wrap")
    group = typed.locator("tr", has_text=re.compile("europe union", re.I))
    assert group.locator("td.num").inner_text() == "2"  # "Europe Union" and "europe union!"
    group.get_by_role("button", name=re.compile("Accept this answer")).click()
    page.get_by_text("2 of 5 scores changed").wait_for()
    after = live_server.run(lambda: _scores(seeded["quiz"]))
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"Bo", "Di"}
    assert after["Bo"][0] == before["Bo"][0] + 1 and after["Di"][0] == before["Di"][0] + 1
    check_a11y(page, "question answers after a regrade")
    shot(page, "after-03-regraded")

    student = new_page()
    student.goto(f"{live_server.url}/attempt/{seeded['tokens']['Bo']}/result")
    note = student.locator(".play-regraded")
    assert "your score changed from 1 of 6 to 2 of 6" in note.inner_text()

    page.get_by_role("button", name=re.compile("Undo")).click()
    page.locator(".flash", has_text="Undid: Accepted").wait_for()
    assert live_server.run(lambda: _scores(seeded["quiz"])) == before


def test_dropping_a_question_and_the_csv_tells_blank_from_wrong(
    live_server: Any, new_page: Callable[..., Any]
) -> None:
    seeded = live_server.run(lambda: _seed_class("DROP01"))
    page = new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, live_server.url, seeded["email"])
    page.goto(f"{live_server.url}/teacher/quizzes/{seeded['quiz']}/results")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV (one row per student)").click()
    rows = list(
        csv.reader(io.StringIO(Path(download_info.value.path()).read_text(encoding="utf-8-sig")))
    )
    header = rows[0]
    fill_result = header.index("Q2 result")
    assert header[fill_result - 1].startswith("Q2 answer: The survey was funded by")
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Cy"][fill_result - 1 : fill_result + 2] == ["", "blank", "0"]
    assert by_name["Ed"][fill_result - 1 : fill_result + 2] == ["the Commission", "wrong", "0"]
    assert by_name["Ada"][fill_result - 1 : fill_result + 2] == ["European Union", "right", "1"]

    page.goto(
        f"{live_server.url}/teacher/quizzes/{seeded['quiz']}/questions/{seeded['mc']}/answers"
    )
    page.get_by_role("button", name="Drop the question").click()
    page.get_by_text("5 of 5 scores changed").wait_for()
    scores = live_server.run(lambda: _scores(seeded["quiz"]))
    assert {total for _score, total in scores.values()} == {5.0}
    assert scores["Ada"][0] == 1.0  # her right multiple-choice answer no longer counts


def test_print_buttons_work_twice_in_a_row(live_server: Any, new_page: Callable[..., Any]) -> None:
    seeded = live_server.run(lambda: _seed_class("PRNT01"))
    page = new_page()
    log_in(page, live_server.url, seeded["email"])
    page.goto(f"{live_server.url}/teacher/quizzes/{seeded['quiz']}")
    for name in ("Student paper (PDF)", "Student paper (PDF)", "Answer key (PDF)"):
        button = page.get_by_role("button", name=name)
        with page.expect_download(timeout=SERVER_WORK_MS) as download_info:
            button.click(timeout=SERVER_WORK_MS)
        assert Path(download_info.value.path()).read_bytes().startswith(b"%PDF")
        assert button.is_enabled()


def test_game_files_download_and_say_what_they_leave_out(
    live_server: Any, new_page: Callable[..., Any], check_a11y: Callable[[Any, str], None]
) -> None:
    from openpyxl import load_workbook

    seeded = live_server.run(lambda: _seed_class("GAME02"))
    page = new_page()
    log_in(page, live_server.url, seeded["email"])
    page.goto(f"{live_server.url}/teacher/quizzes/{seeded['quiz']}")
    kahoot = page.locator("#game-kahoot")
    note = kahoot.locator(".game-fit").inner_text()
    kept, total = map(int, re.match(r"(\d+) of (\d+) questions", note).groups())
    assert kept < total  # the river quiz's fill-in has no place in Kahoot!
    kahoot.get_by_text("Left out of Kahoot!").click()
    assert "fill-in (takes only multiple-choice and true/false questions)" in kahoot.inner_text()
    check_a11y(page, "quiz page with the game downloads")
    with page.expect_download() as download_info:
        kahoot.get_by_role("link", name="Kahoot! spreadsheet (.xlsx)").click()
    assert download_info.value.suggested_filename.endswith("-kahoot.xlsx")
    sheet = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes())).active
    rows = [list(row) for row in sheet.iter_rows(min_row=9, values_only=True)]
    assert len(rows) == kept and [row[0] for row in rows] == list(range(1, kept + 1))
    assert sheet["B8"].value == "Question - max 120 characters"


def test_timer_and_progress_stay_visible_at_submit_on_a_phone(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    live_server.run(lambda: seed_river_quiz(join_code="PHONE1", time_limit_minutes=20))
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}/join/PHONE1")
    page.get_by_label("Your name").fill("Fay")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempt/"))
    submit = page.get_by_role("button", name="Submit answers")
    submit.scroll_into_view_if_needed()
    timer = page.locator("#play-timer")
    progress = page.locator("#play-progress")
    assert submit.is_visible()
    for element in (timer, progress, submit):
        box = element.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 844
    assert page.evaluate("window.scrollY") > 400  # the page did scroll down to Submit
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "after-04-phone-submit-with-timer")
    check_a11y(page, "quiz page on a phone")


def test_open_book_article_folds_away_on_a_phone(
    live_server: Any, new_page: Callable[..., Any]
) -> None:
    live_server.run(lambda: seed_river_quiz(join_code="OPEN01", open_book=True))
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}/join/OPEN01")
    page.get_by_label("Your name").fill("Gil")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempt/"))
    first = page.locator(".question").first.bounding_box()
    assert first is not None and first["y"] < 844  # the first question is on the first screen
    page.get_by_text("The article (open book)").click()
    assert page.locator(".open-book-article .study-article").is_visible()


def test_result_page_says_the_timer_submitted(
    live_server: Any, new_page: Callable[..., Any]
) -> None:
    """The page submits itself when the time runs out, and the result page says so."""

    def seed() -> str:
        seed_river_quiz(join_code="TIME01", time_limit_minutes=1)
        attempt = taking.join_quiz("TIME01", "Hal")
        # 4.8 s of the minute left: the page is told 4 s (rounded down), the trap to avoid.
        attempt.started_at = datetime.now(UTC) - timedelta(seconds=55.2)
        db.session.commit()
        return attempt.token

    token = live_server.run(seed)
    page = new_page()
    page.goto(f"{live_server.url}/attempt/{token}")
    page.wait_for_url(re.compile(r"/result$"), timeout=20_000)
    assert (
        "submitted automatically when the time ran out" in page.locator(".play-score").inner_text()
    )
