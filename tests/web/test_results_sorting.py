"""The results page's student table sorts by each column's header link (for a class of 30,
a teacher looks a student up by name or reads the scores best first, as in a mark book)."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from tests.factories import make_attempt, make_quiz


def _class_results(app: Any, auth: Any) -> int:
    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(owner=teacher)
        mc, fill, tf = quiz.questions
        make_attempt(quiz, "Noor", {mc: ("4,200", True)})
        make_attempt(quiz, "ayla", {mc: ("4,200", True), fill: ("CAF", True), tf: ("False", True)})
        make_attempt(quiz, "Мария", {})
        return quiz.id


def _students(page: str) -> list[str]:
    """The names in the by-student table, top to bottom."""
    table = page.split('id="students-heading"')[1].split("</table>")[0]
    return [unescape(name) for name in re.findall(r'<td class="typed">([^<]*)</td>', table)]


def _header(page: str, label: str) -> str:
    """The by-student table's header cell whose link reads ``label``."""
    head = page.split('id="students-heading"')[1].split("</thead>")[0]
    return next(cell for cell in head.split("<th")[1:] if f">{label}<" in cell)


def test_each_header_sorts_the_students_and_says_how(app: Any, client: Any, auth: Any) -> None:
    quiz_id = _class_results(app, auth)
    base = f"/teacher/quizzes/{quiz_id}/results"
    page = client.get(base).get_data(as_text=True)
    assert _students(page) == ["Noor", "ayla", "Мария"]
    assert 'aria-sort="ascending"' in _header(page, "Submitted")
    assert f'href="{base}?sort=name#students-heading"' in _header(page, "Student")
    assert "(sort by name)" in _header(page, "Student")

    by_name = client.get(f"{base}?sort=name").get_data(as_text=True)
    assert _students(by_name) == ["ayla", "Noor", "Мария"]
    student = _header(by_name, "Student")
    assert 'aria-sort="ascending"' in student
    assert f'href="{base}?sort=-name#students-heading"' in student
    assert "sorted by name" in by_name  # the table's caption

    by_score = client.get(f"{base}?sort=score").get_data(as_text=True)
    assert _students(by_score) == ["ayla", "Noor", "Мария"]
    assert 'aria-sort="descending"' in _header(by_score, "Score")
    assert _students(client.get(f"{base}?sort=-score").get_data(as_text=True)) == [
        "Мария",
        "Noor",
        "ayla",
    ]


def test_an_unknown_sort_shows_the_usual_order(app: Any, client: Any, auth: Any) -> None:
    quiz_id = _class_results(app, auth)
    response = client.get(f"/teacher/quizzes/{quiz_id}/results?sort=%3Cscript%3E")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert _students(page) == ["Noor", "ayla", "Мария"]
    assert "<script>" not in page.split('id="students-heading"')[1]


def test_reviewing_steps_through_the_students_in_the_tables_order(
    app: Any, client: Any, auth: Any
) -> None:
    quiz_id = _class_results(app, auth)
    by_name = client.get(f"/teacher/quizzes/{quiz_id}/results?sort=name").get_data(as_text=True)
    review_links = re.findall(r'href="(/teacher/quizzes/\d+/attempts/\d+\?sort=name)"', by_name)
    assert len(review_links) == 3
    first = client.get(unescape(review_links[0])).get_data(as_text=True)
    assert "<h1>ayla</h1>" in first and "Previous student" not in first
    step = re.search(r'rel="next" href="([^"]+)"', first)
    assert step is not None and "sort=name" in step.group(1)
    second = client.get(unescape(step.group(1))).get_data(as_text=True)
    assert "<h1>Noor</h1>" in second  # by submission, Noor came first; by name, ayla
    assert f'href="/teacher/quizzes/{quiz_id}/results?sort=name"' in second
