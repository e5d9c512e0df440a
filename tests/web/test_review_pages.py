"""After the quiz in the browser: per-student review, a question's answers, regrading, CSVs."""

from __future__ import annotations

from typing import Any

from quizapp.models import Attempt, QuizStatus, RegradeChange, db
from tests.factories import make_attempt, make_quiz, make_teacher


def _class(app: Any) -> dict[str, Any]:
    """A published quiz with three submitted students (one typed a near-miss, one a blank)."""
    with app.app_context():
        teacher = make_teacher()
        quiz = make_quiz(teacher, status=QuizStatus.PUBLISHED)
        mc, fill, tf = quiz.questions
        ids = {}
        for name, answers in {
            "Ada": {mc: (mc.answer, True), fill: (fill.answer, True), tf: (tf.answer, True)},
            "Bo": {mc: ("2,100", False), fill: ("Boat Club", False), tf: (tf.answer, True)},
            "Cy": {mc: ("2,100", False), fill: ("", False), tf: (tf.answer, True)},
        }.items():
            ids[name] = make_attempt(quiz, name, answers).id
        other = make_teacher()
        return {
            "quiz": quiz.id,
            "fill": fill.id,
            "email": teacher.email,
            "other": other.email,
            "attempts": ids,
        }


def test_a_students_attempt_shows_each_answer_and_steps_to_the_next(
    app: Any, client: Any, auth: Any
) -> None:
    seeded = _class(app)
    auth.login(seeded["email"])
    quiz, ids = seeded["quiz"], seeded["attempts"]
    results = client.get(f"/teacher/quizzes/{quiz}/results").get_data(as_text=True)
    assert f'href="/teacher/quizzes/{quiz}/attempts/{ids["Bo"]}"' in results
    page = client.get(f"/teacher/quizzes/{quiz}/attempts/{ids['Bo']}").get_data(as_text=True)
    assert "<h1>Bo</h1>" in page
    assert "Boat Club" in page and "2,100" in page
    assert page.count('class="verdict verdict-wrong"') == 2
    assert "Answered after" in page
    assert 'class="verdict verdict-right"' in page
    assert f'href="/teacher/quizzes/{quiz}/attempts/{ids["Ada"]}"' in page  # previous
    assert f'href="/teacher/quizzes/{quiz}/attempts/{ids["Cy"]}"' in page  # next
    cy = client.get(f"/teacher/quizzes/{quiz}/attempts/{ids['Cy']}").get_data(as_text=True)
    assert "(blank)" in cy and 'verdict-blank">blank' in cy


def test_review_pages_are_the_owners_only(app: Any, client: Any, auth: Any) -> None:
    seeded = _class(app)
    auth.login(seeded["other"])
    quiz = seeded["quiz"]
    assert (
        client.get(f"/teacher/quizzes/{quiz}/attempts/{seeded['attempts']['Bo']}").status_code
        == 404
    )
    assert (
        client.get(f"/teacher/quizzes/{quiz}/questions/{seeded['fill']}/answers").status_code == 404
    )
    response = client.post(
        f"/teacher/quizzes/{quiz}/questions/{seeded['fill']}/regrade",
        data={"action": "drop"},
    )
    assert response.status_code == 404


def test_accepting_a_typed_answer_from_the_question_page(app: Any, client: Any, auth: Any) -> None:
    seeded = _class(app)
    auth.login(seeded["email"])
    quiz, fill = seeded["quiz"], seeded["fill"]
    url = f"/teacher/quizzes/{quiz}/questions/{fill}/answers"
    page = client.get(url).get_data(as_text=True)
    assert "Boat Club" in page and "Accept this answer" in page
    response = client.post(
        f"/teacher/quizzes/{quiz}/questions/{fill}/regrade",
        data={"action": "accept_answer", "answer": "Boat Club"},
        follow_redirects=True,
    )
    text = response.get_data(as_text=True)
    assert "Accepted “Boat Club”: 1 of 3 scores changed." in text
    with app.app_context():
        bo = db.session.get(Attempt, seeded["attempts"]["Bo"])
        assert (bo.score, bo.score_before_regrade) == (2.0, 1.0)
        change = db.session.scalars(db.select(RegradeChange)).one()
    assert "Undo" in text
    undone = client.post(
        f"/teacher/quizzes/{quiz}/regrades/{change.id}/undo", follow_redirects=True
    ).get_data(as_text=True)
    assert "Undid: Accepted “Boat Club”: 1 of 3 scores changed." in undone
    with app.app_context():
        assert db.session.get(Attempt, seeded["attempts"]["Bo"]).score == 1.0


def test_a_bad_regrade_says_why(app: Any, client: Any, auth: Any) -> None:
    seeded = _class(app)
    auth.login(seeded["email"])
    response = client.post(
        f"/teacher/quizzes/{seeded['quiz']}/questions/{seeded['fill']}/regrade",
        data={"action": "accept_answer", "answer": "  "},
        follow_redirects=True,
    )
    assert "Type the answer to accept." in response.get_data(as_text=True)


def test_csv_downloads_are_not_cached_and_use_the_zone_asked_for(
    app: Any, client: Any, auth: Any
) -> None:
    seeded = _class(app)
    auth.login(seeded["email"])
    quiz = seeded["quiz"]
    wide = client.get(f"/teacher/quizzes/{quiz}/results.csv?tz=America/New_York")
    assert wide.headers["Cache-Control"] == "private, no-store"
    assert "Submitted (America/New_York)" in wide.get_data(as_text=True)
    long = client.get(f"/teacher/quizzes/{quiz}/answers.csv")
    assert long.headers["Cache-Control"] == "private, no-store"
    assert long.headers["Content-Disposition"].endswith('-answers.csv"')
    assert ",blank," in long.get_data(as_text=True)


def test_item_analysis_counts_typed_answers_with_accept(app: Any, client: Any, auth: Any) -> None:
    seeded = _class(app)
    auth.login(seeded["email"])
    quiz, fill = seeded["quiz"], seeded["fill"]
    page = client.get(f"/teacher/quizzes/{quiz}/analysis").get_data(as_text=True)
    assert f'id="q{fill}-typed"' in page
    section = page[page.index(f'id="q{fill}-typed"') :]
    assert "Boat Club" in section and "Accept this answer" in section
    assert f'action="/teacher/quizzes/{quiz}/questions/{fill}/regrade"' in section


def test_provenance_does_not_repeat_the_heading(app: Any, client: Any, auth: Any) -> None:
    """Under a heading that is the article's title, the source line gives only site and date."""
    with app.app_context():
        teacher = make_teacher()
        quiz = make_quiz(teacher)  # titled as its article, which has a source URL and a date
        quiz_id, title, email = quiz.id, quiz.title, teacher.email
    auth.login(email)
    page = client.get(f"/teacher/quizzes/{quiz_id}").get_data(as_text=True)
    line = page[page.index('<p class="provenance">') :].split("</p>")[0]
    assert title not in line
    assert "news.example" in line and "as of 4 May 2024" in line
