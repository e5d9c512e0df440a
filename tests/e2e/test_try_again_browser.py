"""A student with attempts left tries again from the result page, on a phone, by keyboard."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import Any

from tests.e2e.seed import seed_river_quiz


def _submit(page: Any) -> str:
    """Submit the open attempt, accepting the question about blank answers; its text."""
    asked: list[str] = []

    def accept(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept()

    # The question comes from play.js, a deferred script: a click before it has
    # run would submit without asking, as the bare form does.
    page.wait_for_load_state("domcontentloaded")
    page.once("dialog", accept)
    page.get_by_role("button", name="Submit answers").click()
    page.wait_for_url(re.compile(r"/result$"))
    return asked[0]


def test_try_again_starts_a_fresh_attempt_until_none_are_left(
    live_server: Any, new_page: Callable[..., Any], check_a11y: Callable[[Any, str], None]
) -> None:
    seeded = live_server.run(
        lambda: seed_river_quiz(join_code=secrets.token_hex(3).upper(), attempts_allowed=2)
    )
    page = new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{live_server.url}/join/{seeded.join_code}")
    page.get_by_label("Your name").fill("Lea")
    page.get_by_role("button", name="Start the quiz").click()
    stations = page.get_by_role("group", name=re.compile("At how many stations"))
    stations.get_by_label("68", exact=True).check()
    assert _submit(page) == "5 questions have no answer. Submit anyway?"
    first_result = page.url
    assert "You may take this quiz again: 1 attempt left." in page.inner_text("main")
    check_a11y(page, "result with Try again")

    page.get_by_role("button", name="Try again").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/attempt/[^/]+$"))
    assert page.url != first_result.removesuffix("/result")
    assert page.locator("input:checked").count() == 0  # a new attempt starts blank
    _submit(page)
    assert page.get_by_role("button", name="Try again").count() == 0
    assert "Lea" in page.inner_text("main")
