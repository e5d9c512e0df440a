"""A student fills a word-bank passage with the keyboard alone on a phone-sized screen, submits,
and reads a mark for each gap."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizapp.models import QuizStatus
from tests.factories import make_question, make_quiz

CODE = "GAPS99"


def _seed() -> None:
    """A published quiz holding one word-bank passage (3 gaps, 2 distractors)."""
    quiz = make_quiz(kinds=(), status=QuizStatus.PUBLISHED, join_code=CODE)
    make_question(quiz, "cloze")


def test_student_fills_a_word_bank_passage_by_keyboard(
    live_server: Any,
    new_page: Callable[..., Any],
    shot: Callable[[Any, str], Path],
    check_a11y: Callable[[Any, str], None],
) -> None:
    """Tab from gap to gap, pick entries by typing, reload (kept), submit with Enter, 2 of 3."""
    live_server.run(_seed)
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server.url}/join/{CODE}")
    page.get_by_label("Your name").fill("Ada")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/attempt/[\w-]{40,}$"))

    # Every gap is a select with its own label; the bank is listed above the passage.
    gaps = [page.get_by_label(f"Gap {n} of 3, question 1") for n in (1, 2, 3)]
    assert [g.evaluate("e => e.tagName") for g in gaps] == ["SELECT"] * 3
    assert "9 June 2023" in page.get_by_label("Word bank").inner_text()
    # Nothing wider than a phone screen: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_a11y(page, "cloze passage")

    # Keyboard only: focus the first gap, then type-ahead picks an entry and Tab moves on.
    gaps[0].focus()
    page.keyboard.type("3")  # "3 May 2024": right
    page.keyboard.press("Tab")
    assert gaps[1].evaluate("e => e === document.activeElement")
    page.keyboard.type("6")  # "6,300": wrong on purpose (the answer is 4,200)
    page.keyboard.press("Tab")
    page.keyboard.type("1")  # "12": right
    page.locator("#play-saved[data-state=saved]").wait_for()
    shot(page, "cloze-01-filled-390px")

    page.reload()  # autosave kept every gap
    assert [g.input_value() for g in gaps] == ["3 May 2024", "6,300", "12"]
    assert page.locator("#play-progress").inner_text() == "1 of 1 answered"

    submit = page.get_by_role("button", name="Submit answers")
    submit.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/result$"))
    assert page.get_by_text("2 of 3 gaps right").is_visible()
    gap_list = page.locator(".q-gap-list").inner_text()
    assert "Gap 1: 3 May 2024 — right" in gap_list
    assert "Gap 2: 6,300 — wrong (answer: 4,200)" in gap_list
    assert "Gap 3: 12 — right" in gap_list
    assert page.get_by_text("2 of 3", exact=True).first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_a11y(page, "cloze result")
    shot(page, "cloze-02-result-390px")
