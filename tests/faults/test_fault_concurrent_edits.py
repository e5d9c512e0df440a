"""Two tabs (two logged-in sessions) edit one quiz: one save wins, the other is told, none lost."""

from __future__ import annotations

import re
import threading
from typing import Any

from quizapp.models import Question, Quiz, db
from tests.conftest import AuthActions
from tests.factories import make_quiz, make_teacher


def _version(page: str) -> str:
    """The quiz version the edit form carries (its hidden "version" field)."""
    found = re.search(r'name="version"[^>]*value="(\d+)"', page) or re.search(
        r'value="(\d+)"[^>]*name="version"', page
    )
    assert found, "the edit form carries the quiz version"
    return found.group(1)


def _two_tabs(app: Any) -> tuple[Any, Any, int, list[int]]:
    """Two clients logged in as the same teacher, and that teacher's draft quiz."""
    with app.app_context():
        teacher = make_teacher()
        quiz = make_quiz(owner=teacher, kinds=("true_false", "true_false"))
        email, quiz_id = teacher.email, quiz.id
        question_ids = [q.id for q in quiz.questions]
    tabs = [app.test_client(), app.test_client()]
    for tab in tabs:
        AuthActions(app, tab).login(email)
    return tabs[0], tabs[1], quiz_id, question_ids


def _edit_url(quiz_id: int, question_id: int) -> str:
    return f"/teacher/quizzes/{quiz_id}/questions/{question_id}/edit"


def test_the_later_save_from_a_stale_tab_is_refused_and_kept_for_retry(app: Any) -> None:
    tab_a, tab_b, quiz_id, (first, _second) = _two_tabs(app)
    url = _edit_url(quiz_id, first)
    version_a = _version(tab_a.get(url).get_data(as_text=True))
    version_b = _version(tab_b.get(url).get_data(as_text=True))
    assert version_a == version_b
    saved = tab_a.post(url, data={"version": version_a, "prompt": "From tab A", "truth": "True"})
    assert saved.status_code == 302
    refused = tab_b.post(url, data={"version": version_b, "prompt": "From tab B", "truth": "False"})
    page = refused.get_data(as_text=True)
    assert "changed in another tab" in page
    assert "From tab B" in page  # the teacher's typing is not thrown away
    with app.app_context():
        question = db.session.get(Question, first)
        assert (question.prompt, question.answer) == ("From tab A", "True")
    # Saving again from the refreshed form applies tab B's edit on top of tab A's.
    again = tab_b.post(
        url, data={"version": _version(page), "prompt": "From tab B", "truth": "False"}
    )
    assert again.status_code == 302
    with app.app_context():
        assert db.session.get(Question, first).prompt == "From tab B"


def test_simultaneous_saves_to_different_questions_let_exactly_one_through(app: Any) -> None:
    tab_a, tab_b, quiz_id, (first, second) = _two_tabs(app)
    version = _version(tab_a.get(_edit_url(quiz_id, first)).get_data(as_text=True))
    barrier = threading.Barrier(2)
    pages: dict[str, tuple[int, str]] = {}

    def save(name: str, tab: Any, question_id: int) -> None:
        barrier.wait()
        response = tab.post(
            _edit_url(quiz_id, question_id),
            data={"version": version, "prompt": f"Saved by {name}", "truth": "True"},
        )
        pages[name] = (response.status_code, response.get_data(as_text=True))

    threads = [
        threading.Thread(target=save, args=("A", tab_a, first)),
        threading.Thread(target=save, args=("B", tab_b, second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(status for status, _ in pages.values())
    assert statuses == [200, 302]
    loser = next(name for name, (status, _) in pages.items() if status == 200)
    assert "changed in another tab" in pages[loser][1]
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        prompts = [q.prompt for q in quiz.questions]
        assert quiz.version == int(version) + 1
        assert sum(p.startswith("Saved by") for p in prompts) == 1
        assert f"Saved by {loser}" not in prompts
