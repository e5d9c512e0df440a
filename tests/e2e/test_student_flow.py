"""A student joins with the code, answers, reloads without losing answers, submits, reads why."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seed import seed_river_quiz

from quizapp.models import Attempt, db


def _wait_saved(page: Any) -> None:
    """Wait until the page says the last change reached the server."""
    page.locator("#play-saved[data-state=saved]").wait_for()


def test_student_takes_the_quiz_end_to_end(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    """Join (typed code in another case, with a dash), answer, reload, submit, see the result."""
    seeded = live_server.run(lambda: seed_river_quiz(join_code="RIV4ER"))
    page = new_page()

    page.goto(f"{live_server.url}/join")
    page.get_by_label("Quiz code").fill("riv-4er")
    page.get_by_label("Your name").fill("  Ada Lovelace ")
    check_a11y(page, "join")
    shot(page, "student-01-join")
    page.get_by_role("button", name="Start the quiz").click()

    page.wait_for_url(re.compile(r"/attempt/[\w-]{40,}$"))
    assert page.get_by_role("heading", name=seeded.title).is_visible()
    progress = page.locator("#play-progress")
    assert progress.inner_text() == "0 of 6 answered"
    check_a11y(page, "quiz")
    shot(page, "student-02-quiz")

    # Numbers keep their numeric order even though options are shuffled.
    options = page.locator("input[type=radio][name^=q]").evaluate_all(
        "els => els.filter(e => e.closest('.q-multiple_choice')).map(e => e.value)"
    )
    assert options == ["34", "68", "102", "136"]

    page.get_by_role("radio", name="68").check()
    _wait_saved(page)
    page.get_by_label(re.compile("Blank in question")).fill("EU")
    _wait_saved(page)
    page.locator(".q-true_false").get_by_role("radio", name="True").check()  # wrong on purpose
    _wait_saved(page)
    assert progress.inner_text() == "3 of 6 answered"

    page.reload()  # a refresh (or a lost connection) keeps what was saved
    assert page.get_by_role("radio", name="68").is_checked()
    assert page.get_by_label(re.compile("Blank in question")).input_value() == "EU"
    assert page.locator(".q-true_false").get_by_role("radio", name="True").is_checked()
    assert progress.inner_text() == "3 of 6 answered"
    shot(page, "student-03-after-reload")

    page.locator(".q-numeric").get_by_label("Your answer (a number)").fill("1,500")
    page.locator(".q-short_answer").get_by_label("Your answer").fill("Jane Smith")  # wrong
    page.get_by_label("ICPDR").select_option(
        "International Commission for the Protection of the Danube River"
    )
    page.get_by_label("EU", exact=True).select_option("European Union")
    _wait_saved(page)
    assert progress.inner_text() == "6 of 6 answered"

    submit = page.get_by_role("button", name="Submit answers")
    submit.dblclick()  # a double click must not submit twice
    page.wait_for_url(re.compile(r"/result$"))
    assert page.get_by_text("4 of 6").is_visible()
    assert page.get_by_text("Source: Scientists Map Plastic Along the Danube").is_visible()
    assert page.get_by_text("as of 14 March 2023").is_visible()
    quotes = page.locator("blockquote")
    assert quotes.count() == 6
    assert "1,500 tonnes" in page.locator("blockquote mark").all_inner_texts()
    check_a11y(page, "result")
    shot(page, "student-04-result")

    attempts = live_server.run(
        lambda: [
            (a.student_name, a.score, a.max_score)
            for a in db.session.scalars(db.select(Attempt).where(Attempt.quiz_id == seeded.quiz_id))
        ]
    )
    assert attempts == [("Ada Lovelace", 4.0, 6.0)]

    # Coming back to the quiz page after submitting shows the result, not a new attempt.
    page.go_back()
    page.wait_for_url(re.compile(r"/result$"))


def test_one_question_per_page_on_a_phone(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
) -> None:
    """With one question per page, Next/Previous keep answers; it fits a phone screen."""
    live_server.run(lambda: seed_river_quiz(join_code="PAGE1", one_per_page=True))
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}/join/page1")
    page.get_by_label("Your name").fill("Bo")
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_role("radio", name="68").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label(re.compile("Blank in question")).fill("European Union")
    shot(page, "student-05-phone-page-2")
    page.get_by_role("button", name="Previous").click()
    assert page.get_by_role("radio", name="68").is_checked()
    assert page.locator("#play-progress").inner_text() == "2 of 6 answered"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"


def test_unknown_attempt_link_is_not_found(live_server: Any, new_page: Callable[..., Any]) -> None:
    """A made-up attempt token gets a plain 404."""
    page = new_page()
    response = page.goto(f"{live_server.url}/attempt/not-a-real-token-at-all")
    assert response is not None and response.status == 404
