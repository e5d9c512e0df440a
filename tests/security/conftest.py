"""Security-test fixtures: teacher A's quiz with results, and clients for every kind of visitor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from quizapp.models import QuizStatus, db
from quizapp.services.rosters import create_class
from tests.factories import make_article, make_attempt, make_quiz, make_teacher

PASSWORD = "correct horse"
# Strings only teacher A (and A's students, after submitting) may ever see.
A_QUIZ_TITLE = "Quokka Harbour Private Quiz"
A_ARTICLE_TITLE = "Quokka Harbour Private Article"
A_STUDENT = "Zephyrine Confidential"
B_ARTICLE = "Teacher B's Own Article\n\nThe school garden grew 40 kg of beans in June 2025."
A_CLASS = "Wombat Form Confidential"
A_ROSTERED = "Quillon Rostered-Pupil"
A_MARKERS = (
    A_QUIZ_TITLE,
    A_ARTICLE_TITLE,
    A_STUDENT,
    "Coastal Arts Fund",
    "Reading Tide",
    A_CLASS,
    A_ROSTERED,
)


@dataclass(frozen=True)
class World:
    """Ids and credentials of teacher A's data, and teacher B's login."""

    a_email: str
    b_email: str
    article_id: int
    quiz_id: int
    question_id: int
    join_code: str
    attempt_token: str
    class_id: int
    student_id: int
    personal_code: str
    unit_id: int
    attempt_id: int = 0


@pytest.fixture
def world(app: Any) -> World:
    """Teacher A: an article, a published quiz with three questions and a submitted attempt.
    Teacher B: an account with a quiz of their own."""
    with app.app_context():
        a = make_teacher(password=PASSWORD)
        b = make_teacher(password=PASSWORD)
        article = make_article(a, title=A_ARTICLE_TITLE)
        quiz = make_quiz(
            a, article, title=A_QUIZ_TITLE, status=QuizStatus.PUBLISHED, join_code="QKH7WZ"
        )
        first = quiz.questions[0]
        attempt = make_attempt(
            quiz,
            A_STUDENT,
            {first: ("4,200", True), quiz.questions[1]: ("Coastal Arts Fund", True)},
        )
        roster = create_class(a, A_CLASS, pasted=A_ROSTERED)
        make_quiz(b, make_article(b, title="B's article", text=B_ARTICLE), kinds=())
        from quizapp.services.units import StepChoice, create_unit

        unit = create_unit(a, "A's unit", roster.id, [StepChoice(quiz.id, 1)])
        result = World(
            a_email=a.email,
            b_email=b.email,
            article_id=article.id,
            quiz_id=quiz.id,
            question_id=first.id,
            join_code="QKH7WZ",
            attempt_token=attempt.token,
            class_id=roster.id,
            student_id=roster.students[0].id,
            personal_code=roster.students[0].personal_code,
            unit_id=unit.id,
            attempt_id=attempt.id,
        )
        db.session.remove()
    return result


def login(app: Any, email: str) -> Any:
    """A test client logged in as this teacher through the real form."""
    client = app.test_client()
    response = client.post("/auth/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return client


@pytest.fixture
def client_a(app: Any, world: World) -> Any:
    """Teacher A, the owner."""
    return login(app, world.a_email)


@pytest.fixture
def client_b(app: Any, world: World) -> Any:
    """Teacher B, another teacher."""
    return login(app, world.b_email)


@pytest.fixture
def student(app: Any, world: World) -> Any:
    """A student who joined A's quiz: holds a valid attempt token in the signed cookie."""
    client = app.test_client()
    response = client.post("/join", data={"code": world.join_code, "name": "Curious Student"})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    assert "/attempt/" in response.headers["Location"]
    return client
