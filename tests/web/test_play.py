"""Student pages: join, answer (plain form and autosave), submit once, result; no answer leaks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.models import (
    Attempt,
    ExplanationPolicy,
    Question,
    Quiz,
    QuizStatus,
    db,
)
from tests.factories import make_article, make_quiz, make_teacher

CODE = "LEAK42"
# Every string a student must not see before submitting. Options of a multiple-choice or
# matching question are shown by nature, so their answers are not in this list.
SECRETS = [
    "Xylophonia",
    "Xylophonia Prime",
    "XYLO-7",
    "Quetzalcoatlus",
    "Quetzal",
    "8675309",
    "8,675,309",
    "QUOTEMARK",
    "EXPLAINMARK",
    "FACTMARK",
]
ARTICLE = (
    "Leak test\n\nQUOTEMARK one says the Xylophonia FACTMARK answer is here. "
    "QUOTEMARK two names Quetzalcoatlus. QUOTEMARK three counts 8,675,309 widgets."
)


def _question(position: int, kind: str, prompt: str, answer: str | None, **data: Any) -> Question:
    """A question whose quote, fact and explanation carry the leak markers."""
    return Question(
        position=position,
        kind=kind,
        prompt=prompt,
        answer=answer,
        data=data,
        fact_type="other",
        fact_text=f"FACTMARK {answer}",
        fact_start=24,
        fact_end=24 + len(answer or ""),
        quote=f"QUOTEMARK sentence with {answer}.",
        quote_start=0,
        quote_end=25 + len(answer or ""),
        paragraph=2,
        explanation=f"EXPLAINMARK: the article says {answer}.",
    )


def make_leak_quiz(**settings: Any) -> Quiz:
    """A published quiz of every kind whose answers are distinctive strings."""
    teacher = make_teacher(display_name="T", password_hash="!")
    article = make_article(
        teacher,
        title="Leak test",
        text=ARTICLE,
        published_on=date(2021, 5, 10),
        source_url=None,
        source_name=None,
    )
    quiz = make_quiz(
        teacher,
        article,
        kinds=(),
        title="Leak test quiz",
        status=settings.pop("status", QuizStatus.PUBLISHED),
        join_code=CODE,
        **settings,
    )
    quiz.questions = [
        _question(
            1,
            "multiple_choice",
            "Which instrument?",
            "Zanzibar",
            options=["Zanzibar", "Madagascar", "Mauritius"],
        ),
        _question(
            2,
            "fill_in",
            "It is called _____.",
            "Xylophonia",
            accepted=["Xylophonia", "Xylophonia Prime", "XYLO-7"],
        ),
        _question(3, "short_answer", "Which reptile?", "Quetzalcoatlus", accepted=["Quetzal"]),
        _question(
            4,
            "numeric",
            "How many widgets?",
            "8,675,309 widgets",
            value=8675309,
            tolerance=0,
            unit="widgets",
        ),
        _question(5, "true_false", "The sky is green.", "False", options=["True", "False"]),
        _question(
            6,
            "matching",
            "Match them.",
            None,
            pairs=[["North", "Polar"], ["South", "Austral"], ["East", "Orient"]],
        ),
    ]
    db.session.commit()
    return quiz


@pytest.fixture
def quiz(app: Flask) -> Iterator[Quiz]:
    """The leak-test quiz, in an app context."""
    with app.app_context():
        yield make_leak_quiz()


def _csrf(html: str) -> str:
    """The CSRF token a page carries (empty when the app has CSRF off for tests)."""
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    return found.group(1) if found else ""


def join(client: FlaskClient, name: str = "Ada", code: str = CODE) -> str:
    """Join through the form; returns the attempt token."""
    page = client.get("/join")
    response = client.post(
        "/join", data={"code": code, "name": name, "csrf_token": _csrf(page.get_data(as_text=True))}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.location.rsplit("/", 1)[1]


def _take(client: FlaskClient, token: str, **query: Any) -> str:
    """The answer page's HTML."""
    response = client.get(f"/attempt/{token}", query_string=query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _ids(quiz: Quiz) -> list[str]:
    """Form names of the quiz's questions in order."""
    return [f"q{q.id}" for q in quiz.questions]


def assert_no_secrets(text: str, where: str) -> None:
    """None of the answers, variants, quotes or explanations appear in this text."""
    leaked = [s for s in SECRETS if s.casefold() in text.casefold()]
    assert not leaked, f"{where} leaks {leaked}"


def test_take_page_and_json_endpoints_never_carry_answers(client: FlaskClient, quiz: Quiz) -> None:
    """Before submitting, no page, script, attribute or JSON body holds an answer."""
    assert_no_secrets(client.get(f"/join/{CODE}").get_data(as_text=True), "join page")
    token = join(client)
    html = _take(client, token)
    assert_no_secrets(html, "take page")
    assert "Polar" in html  # the matching choices do show, just not which goes where
    assert "data-correct" not in html and "is-correct" not in html
    ids = _ids(quiz)
    saved = client.post(
        f"/attempt/{token}/save",
        data={"csrf_token": _csrf(html), ids[1]: "Xylo", ids[3]: "12", f"{ids[5]}-1": "Austral"},
    )
    assert saved.status_code == 200
    assert saved.get_json() == {"saved": True}
    assert_no_secrets(saved.get_data(as_text=True), "autosave response")
    assert_no_secrets(_take(client, token), "take page with saved answers")
    assert client.get(f"/attempt/{token}/result").status_code == 302
    script = client.get("/static/js/play.js").get_data(as_text=True)
    assert_no_secrets(script, "play.js")


def test_paged_take_pages_never_carry_answers(client: FlaskClient, app: Flask) -> None:
    """One question per page: no page of the attempt leaks either."""
    with app.app_context():
        make_leak_quiz(one_per_page=True, shuffle_questions=True)
    token = join(client)
    for page in range(1, 7):
        html = _take(client, token, page=page)
        assert_no_secrets(html, f"page {page}")
        assert html.count('class="question ') == 1


def test_join_form_shows_errors_for_unknown_and_closed_quizzes(
    client: FlaskClient, app: Flask
) -> None:
    """A wrong code says so; a closed quiz says it is closed (410), on the link and the form."""
    with app.app_context():
        make_leak_quiz(status=QuizStatus.CLOSED)
    page = client.get("/join")
    assert page.status_code == 200
    assert 'for="code"' in page.get_data(as_text=True)
    wrong = client.post(
        "/join",
        data={"code": "NOPE00", "name": "Ada", "csrf_token": _csrf(page.get_data(as_text=True))},
    )
    assert "no quiz with that code" in wrong.get_data(as_text=True)
    closed = client.get(f"/join/{CODE.lower()}")
    assert closed.status_code == 410
    assert "is closed" in closed.get_data(as_text=True)
    assert client.get("/join/ZZZZZZ").status_code == 404


def test_join_sets_a_cookie_that_offers_to_resume(client: FlaskClient, quiz: Quiz) -> None:
    """After joining, the join link offers to continue the unfinished attempt, or not to."""
    token = join(client, code="leak-42")
    page = client.get(f"/join/{CODE}").get_data(as_text=True)
    assert "Continue as Ada" in page and "Not you? Start as someone else" in page
    assert f"/attempt/{token}" in page
    assert join(client, name="ada") == token  # same name, same browser: same attempt


def test_plain_form_saves_and_submits_without_javascript(client: FlaskClient, quiz: Quiz) -> None:
    """The Save and Submit buttons work as a plain form post; submitting twice scores once."""
    token = join(client)
    html = _take(client, token)
    ids = _ids(quiz)
    answers = {
        "csrf_token": _csrf(html),
        ids[0]: "Zanzibar",
        ids[1]: "xylophonia prime.",
        ids[2]: "Velociraptor",
        ids[3]: "8 675 309",
        ids[4]: "False",
        f"{ids[5]}-1": "Polar",
        f"{ids[5]}-2": "Orient",
        f"{ids[5]}-3": "Orient",
    }
    saved = client.post(f"/attempt/{token}", data={**answers, "action": "save"})
    assert saved.status_code == 302
    html = _take(client, token)
    assert 'value="Zanzibar" id' in html and "checked" in html
    assert "6 of 6 answered" in re.sub(r"<[^>]+>", "", html)
    submitted = client.post(f"/attempt/{token}", data={**answers, "action": "submit"})
    assert submitted.status_code == 302 and submitted.location.endswith("/result")
    again = client.post(
        f"/attempt/{token}", data={**answers, ids[2]: "Quetzal", "action": "submit"}
    )
    assert again.location.endswith("/result")
    with client.application.app_context():
        attempts = list(db.session.scalars(db.select(Attempt)))
        assert len(attempts) == 1
        assert attempts[0].score == pytest.approx(4 + 2 / 3, abs=1e-3)
    assert client.get(f"/attempt/{token}").location.endswith("/result")
    late = client.post(
        f"/attempt/{token}/save", data={"csrf_token": _csrf(html), ids[2]: "Quetzal"}
    )
    assert late.status_code == 409 and late.get_json()["saved"] is False


def test_result_page_shows_score_answers_quotes_and_provenance(
    client: FlaskClient, quiz: Quiz
) -> None:
    """After submitting: the score, the correct answers and the quoted source, dated."""
    token = join(client)
    html = _take(client, token)
    client.post(
        f"/attempt/{token}",
        data={"csrf_token": _csrf(html), _ids(quiz)[1]: "XYLO-7", "action": "submit"},
    )
    result = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "1 of 6" in result
    assert "Quetzalcoatlus" in result  # the correct answer of a missed question
    assert "QUOTEMARK sentence with <mark>Quetzalcoatlus</mark>." in result
    assert "Source: Leak test" in result and "as of 10 May 2021" in result


def test_result_hides_answers_when_the_policy_says_never(client: FlaskClient, app: Flask) -> None:
    """With explanations never shown, the result has the score and verdicts but no answers."""
    with app.app_context():
        make_leak_quiz(explanations=ExplanationPolicy.NEVER)
    token = join(client)
    html = _take(client, token)
    client.post(f"/attempt/{token}", data={"csrf_token": _csrf(html), "action": "submit"})
    result = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "0 of 6" in result
    assert "does not show the correct answers" in result
    assert_no_secrets(result, "result page (policy never)")


def test_used_up_attempts_lead_back_to_the_result(client: FlaskClient, quiz: Quiz) -> None:
    """With one attempt allowed, joining again from the same browser shows the last result."""
    token = join(client)
    html = _take(client, token)
    client.post(f"/attempt/{token}", data={"csrf_token": _csrf(html), "action": "submit"})
    page = client.get("/join")
    again = client.post(
        "/join",
        data={"code": CODE, "name": "Ada", "csrf_token": _csrf(page.get_data(as_text=True))},
    )
    assert again.status_code == 302 and again.location.endswith(f"/attempt/{token}/result")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/attempt/{t}"),
        ("post", "/attempt/{t}"),
        ("post", "/attempt/{t}/save"),
        ("get", "/attempt/{t}/result"),
    ],
)
def test_unknown_tokens_are_404(client: FlaskClient, quiz: Quiz, method: str, path: str) -> None:
    """A made-up or truncated token finds nothing."""
    real = join(client)
    for token in ("x" * 43, real[:-1], "x" * 200):
        response = getattr(client, method)(path.format(t=token), data={})
        assert response.status_code in (404, 400), (path, response.status_code)
        if method == "get":
            assert response.status_code == 404
