"""A teacher logged out (in another tab, or the session cookie gone) while editing a question
does not lose the typed text: told it was not saved, they log in and find it back on the form."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import Any

from quizapp.models import Question, db
from tests.e2e.seed import PASSWORD, log_in, seed_teachers_river_quiz

NEW_PROMPT = "In how many countries did the team take samples? (مثال 😀)"
NEW_EXPLANATION = "The team sampled water in ten countries, from Germany to Romania."


def _prompt(live_server: Any, question_id: int) -> str:
    """The question's stored wording."""
    return live_server.run(lambda: db.session.get(Question, question_id).prompt)


def _log_in_here(page: Any, email: str) -> None:
    """Fill the login form the page is showing and send it."""
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_an_edit_sent_after_logging_out_in_another_tab_comes_back_after_logging_in(
    live_server: Any, new_page: Callable[..., Any], check_a11y: Callable[[Any, str], None]
) -> None:
    seeded = live_server.run(
        lambda: seed_teachers_river_quiz(secrets.token_hex(3).upper(), draft=True)
    )
    question = seeded.by_kind["multiple_choice"]
    edit_path = f"/teacher/quizzes/{seeded.quiz_id}/questions/{question.id}/edit"
    page = new_page()
    log_in(page, live_server.url, seeded.email)
    page.goto(live_server.url + edit_path)
    page.get_by_label("Question", exact=True).fill(NEW_PROMPT)
    page.get_by_label("Explanation").fill(NEW_EXPLANATION)

    other_tab = page.context.new_page()
    other_tab.goto(live_server.url + "/teacher/")
    other_tab.get_by_role("button", name="Log out").click()
    other_tab.wait_for_url(re.compile(r"/auth/login"))

    page.get_by_role("button", name=re.compile("^Save")).first.click()
    page.wait_for_url(re.compile(r"/auth/login\?next="))
    assert "so that was not saved" in page.locator(".flashes").inner_text()
    check_a11y(page, "login after an unsent edit")
    assert _prompt(live_server, question.id) == question.prompt

    # A mistyped password first: the kept text waits through it.
    page.get_by_label("E-mail").fill(seeded.email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("do not match an account").wait_for()
    _log_in_here(page, seeded.email)
    page.wait_for_url(re.compile(re.escape(edit_path) + "$"))
    page.locator("[data-unsent-restored]").wait_for()
    assert page.get_by_label("Question", exact=True).input_value() == NEW_PROMPT
    assert page.get_by_label("Explanation").input_value() == NEW_EXPLANATION
    check_a11y(page, "edit form with the unsent text put back")

    page.get_by_role("button", name=re.compile("^Save")).first.click()
    page.get_by_text("Question saved.").first.wait_for()
    assert _prompt(live_server, question.id) == NEW_PROMPT
    # Saved: opening the form again shows the stored question, with no "put back" note.
    page.goto(live_server.url + edit_path)
    assert page.locator("[data-unsent-restored]").count() == 0


def test_an_edit_sent_after_the_session_cookie_is_gone_comes_back_after_logging_in(
    live_server: Any, new_page: Callable[..., Any], check_a11y: Callable[[Any, str], None]
) -> None:
    seeded = live_server.run(
        lambda: seed_teachers_river_quiz(secrets.token_hex(3).upper(), draft=True)
    )
    question = seeded.by_kind["short_answer"]
    edit_path = f"/teacher/quizzes/{seeded.quiz_id}/questions/{question.id}/edit"
    page = new_page(viewport={"width": 360, "height": 740})
    log_in(page, live_server.url, seeded.email)
    page.goto(live_server.url + edit_path)
    page.get_by_label("Question", exact=True).fill(NEW_PROMPT)
    page.context.clear_cookies()  # the browser dropped the session (closed, timed out)

    page.get_by_role("button", name=re.compile("^Save")).first.click()
    page.get_by_role("heading", name="Not saved: you were logged out").wait_for()
    check_a11y(page, "unsent form page")
    page.get_by_role("link", name="Log in again").click()
    _log_in_here(page, seeded.email)
    page.wait_for_url(re.compile(re.escape(edit_path) + "$"))
    page.locator("[data-unsent-restored]").wait_for()
    assert page.get_by_label("Question", exact=True).input_value() == NEW_PROMPT
    page.get_by_role("button", name=re.compile("^Save")).first.click()
    page.get_by_text("Question saved.").first.wait_for()
    assert _prompt(live_server, question.id) == NEW_PROMPT
