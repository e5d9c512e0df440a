"""The answer page is rendered once per state and reused: reloads still show the latest answers,
each browser gets a CSRF token of its own, and flashed messages show once."""

from __future__ import annotations

import re
from typing import Any

from tests.web.test_play import _csrf, join, make_leak_quiz


def _answer_field(html: str, name: str) -> str | None:
    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html)
    return found.group(1) if found else None


def test_a_reload_shows_the_answers_saved_since_the_last_view(make_app: Any) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        quiz = make_leak_quiz()
        field = f"q{quiz.questions[2].id}"  # the short-answer question
    client = app.test_client()
    token = join(client)
    first = client.get(f"/attempt/{token}").get_data(as_text=True)
    assert _answer_field(first, field) in (None, "")
    for typed in ("Velociraptor", "Stegosaurus"):
        saved = client.post(
            f"/attempt/{token}/save", data={"csrf_token": _csrf(first), field: typed}
        )
        assert saved.get_json() == {"saved": True}
        page = client.get(f"/attempt/{token}").get_data(as_text=True)
        assert _answer_field(page, field) == typed


def test_each_browser_gets_a_csrf_token_that_works_for_it(make_app: Any) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        quiz = make_leak_quiz()
        field = f"q{quiz.questions[2].id}"
    phone, laptop = app.test_client(), app.test_client()
    token = join(phone)
    on_phone = _csrf(phone.get(f"/attempt/{token}").get_data(as_text=True))
    on_laptop = _csrf(laptop.get(f"/attempt/{token}").get_data(as_text=True))
    assert on_phone and on_laptop and on_phone != on_laptop
    for client, csrf in ((phone, on_phone), (laptop, on_laptop)):
        saved = client.post(f"/attempt/{token}/save", data={"csrf_token": csrf, field: "T. rex"})
        assert saved.status_code == 200, saved.get_data(as_text=True)
    # A token from one browser is no good in the other.
    crossed = laptop.post(f"/attempt/{token}/save", data={"csrf_token": on_phone, field: "x"})
    assert crossed.status_code == 400


def test_a_flashed_message_shows_once_then_the_page_is_reused(make_app: Any) -> None:
    app = make_app()
    with app.app_context():
        quiz = make_leak_quiz()
        field = f"q{quiz.questions[2].id}"
    client = app.test_client()
    token = join(client)
    client.get(f"/attempt/{token}")
    saved = client.post(f"/attempt/{token}", data={field: "Iguanodon", "action": "save"})
    assert saved.status_code == 302
    after_save = client.get(f"/attempt/{token}").get_data(as_text=True)
    assert "Your answers are saved." in after_save
    reloaded = client.get(f"/attempt/{token}").get_data(as_text=True)
    assert "Your answers are saved." not in reloaded
    assert _answer_field(reloaded, field) == "Iguanodon"
