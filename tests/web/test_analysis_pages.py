"""Item analysis page and replacing a distractor: owner only, flags, confirmed edit."""

from __future__ import annotations

import re
from typing import Any

from quizapp.models import Question, QuizStatus, db
from tests.factories import make_attempt, make_quiz, make_teacher


def _class(app: Any, students: int = 10) -> dict[str, Any]:
    """A published quiz nobody answers "8,400" on; ids and the owner's email."""
    with app.app_context():
        teacher = make_teacher()
        quiz = make_quiz(teacher, status=QuizStatus.PUBLISHED)
        mc = quiz.questions[0]
        for n in range(students):
            make_attempt(quiz, f"S{n}", {mc: ("4,200", True) if n % 2 else ("2,100", False)})
        return {
            "quiz": quiz.id,
            "mc": mc.id,
            "email": teacher.email,
            "position": mc.data["options"].index("8,400") + 1,
        }


def test_analysis_page_flags_a_weak_distractor(app: Any, client: Any, auth: Any) -> None:
    seeded = _class(app)
    auth.login(seeded["email"])
    page = client.get(f"/teacher/quizzes/{seeded['quiz']}/analysis").get_data(as_text=True)
    assert "10 submitted attempts" in page
    assert "Facility: <strong>0.50</strong>" in page
    assert "A distractor almost nobody chooses" in page
    assert '<svg class="chart chart-options"' in page and "chart-histogram" in page
    replace = f"/teacher/quizzes/{seeded['quiz']}/questions/{seeded['mc']}/replace-distractor?option={seeded['position']}"
    assert f'href="{replace}"' in page
    assert "style=" not in page and "<script>" not in page
    results = client.get(f"/teacher/quizzes/{seeded['quiz']}/results").get_data(as_text=True)
    assert f'href="/teacher/quizzes/{seeded["quiz"]}/analysis"' in results


def test_analysis_says_when_it_needs_more_attempts(app: Any, client: Any, auth: Any) -> None:
    seeded = _class(app, students=3)
    auth.login(seeded["email"])
    page = client.get(f"/teacher/quizzes/{seeded['quiz']}/analysis").get_data(as_text=True)
    assert "needs more attempts" in page
    assert "Replace this distractor" not in page


def test_replacing_a_distractor_needs_confirmation(app: Any, client: Any, auth: Any) -> None:
    seeded = _class(app)
    auth.login(seeded["email"])
    url = f"/teacher/quizzes/{seeded['quiz']}/questions/{seeded['mc']}/replace-distractor?option={seeded['position']}"
    page = client.get(url).get_data(as_text=True)
    assert "not rescored" in page
    chooser = client.get(url.split("?")[0]).get_data(as_text=True)
    assert f'href="{url}"' in chooser and "Which distractor" in chooser
    candidates = re.findall(r'name="replacement"[^>]* value="([^"]+)"', page)
    assert candidates
    data = {"replacement": candidates[0], "expected": "8,400"}
    refused = client.post(url, data=data).get_data(as_text=True)
    assert "Tick the box to confirm the change." in refused
    done = client.post(url, data={**data, "confirm": "y"})
    assert done.status_code == 302 and done.headers["Location"].endswith(f"#q{seeded['mc']}")
    with app.app_context():
        question = db.session.get(Question, seeded["mc"])
        assert candidates[0] in question.data["options"] and "8,400" not in question.data["options"]
        assert question.edited


def test_other_teachers_get_404(app: Any, client: Any, auth: Any) -> None:
    seeded = _class(app, students=1)
    base = f"/teacher/quizzes/{seeded['quiz']}"
    replace = f"{base}/questions/{seeded['mc']}/replace-distractor?option={seeded['position']}"
    assert client.get(f"{base}/analysis").status_code == 302  # anonymous: log in first
    auth.login()
    for url in (f"{base}/analysis", f"{base}/study", replace):
        assert client.get(url).status_code == 404
    assert client.post(replace, data={"replacement": "x", "confirm": "y"}).status_code == 404
