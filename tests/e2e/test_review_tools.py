"""The review page's item tools in a real browser: change kind only to what can be made."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.e2e.seed import SERVER_WORK_MS, register

ARTICLE = (
    "Brantwick Opens Its New Harbour\n\n"
    "Mayor Clara Voss opened the new harbour in Brantwick on Monday with 300 moorings.\n\n"
    "Port manager Jonas Wick said the harbour would bring 45 new jobs to the town by 2026.\n\n"
    "Finance director Lena Dahl said the quays had cost 12 million euros to build.\n\n"
    "Council leader Erik Holm thanked the builders from Ostby for finishing two months early."
)


def test_change_kind_lists_only_possible_kinds_and_says_why_not(
    live_server: Any, new_page: Callable[..., Any], check_a11y: Callable[[Any, str], None]
) -> None:
    teacher = new_page()
    register(teacher, live_server.url, "Mr Lind", "lind@school.example", "correct horse battery")
    teacher.get_by_role("link", name="New quiz").first.click()
    teacher.get_by_label("Paste the article's text").fill(ARTICLE)
    teacher.get_by_role("button", name="Continue").click(timeout=SERVER_WORK_MS)
    teacher.get_by_role("button", name="Make the questions").click(timeout=SERVER_WORK_MS)
    teacher.locator(".convert-form").first.wait_for()
    check_a11y(teacher, "review page with change-kind reasons")
    # Every offered kind really converts: pick the first item's first offered kind.
    select = teacher.locator(".convert-form select").first
    offered = select.locator("option").all_inner_texts()
    assert offered
    for options in teacher.locator(".convert-form select").all():
        values = options.locator("option").evaluate_all("els => els.map(e => e.value)")
        assert len(values) == len(set(values))
    select.select_option(label=offered[0])
    teacher.locator(".convert-form").first.get_by_role("button", name="Change kind").click(
        timeout=SERVER_WORK_MS
    )
    teacher.get_by_text(f"Changed to “{offered[0]}”.").wait_for()
    # Kinds that cannot be made are explained, not offered.
    reasons = teacher.locator(".kind-reasons")
    assert reasons.count() > 0
    reasons.first.locator("summary").click()
    assert ": " in reasons.first.inner_text()
