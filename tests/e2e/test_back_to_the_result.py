"""A student who submitted comes back to the quiz's link on a phone, after it has closed, and
reaches their result, now showing the answers the teacher held back until closing."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import Any

from quizapp.models import ExplanationPolicy, Quiz, db
from quizapp.services import publishing
from tests.e2e.seed import seed_river_quiz


def _close(quiz_id: int) -> None:
    """The teacher closes the quiz."""
    publishing.close_quiz(db.session.get(Quiz, quiz_id))


def test_the_join_link_leads_back_to_the_result_once_the_quiz_closes(
    live_server: Any, new_page: Callable[..., Any], check_a11y: Callable[[Any, str], None]
) -> None:
    seeded = live_server.run(
        lambda: seed_river_quiz(
            join_code=secrets.token_hex(3).upper(),
            show_answers=ExplanationPolicy.AFTER_CLOSE,
            explanations=ExplanationPolicy.AFTER_CLOSE,
        )
    )
    page = new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{live_server.url}/join/{seeded.join_code}")
    page.get_by_label("Your name").fill("Noor")
    page.get_by_role("button", name="Start the quiz").click()
    # The answer page loaded: play.js (deferred) asks about the blank answers on submit.
    page.wait_for_url(re.compile(r"/attempt/[^/]+$"))
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Submit answers").click()
    page.wait_for_url(re.compile(r"/result$"))
    result = page.url
    assert "open the quiz's link again in this browser" in page.inner_text("main")

    live_server.run(lambda: _close(seeded.quiz_id))
    page.goto("about:blank")
    page.goto(f"{live_server.url}/join/{seeded.join_code}")
    main = page.inner_text("main")
    assert "is closed" in main
    check_a11y(page, "closed quiz's join page with the student's result")
    page.get_by_role("link", name="See the result of Noor").click()
    page.wait_for_url(result)
    assert "Correct answer" in page.inner_text("main")
