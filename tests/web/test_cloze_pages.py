"""Cloze passages on the pages: a labelled control per gap, no key before submit, per-gap results,
the teacher's preview, editor and the kinds it refuses."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.models import Question, Quiz, QuizStatus, User, db
from tests.conftest import AuthActions
from tests.factories import make_attempt, make_question, make_quiz
from tests.web.test_play import _csrf, join

CODE = "GAPS42"


@pytest.fixture
def quiz(app: Flask) -> Iterator[Quiz]:
    """A published quiz: one word-bank passage and one typed passage."""
    with app.app_context():
        quiz = make_quiz(kinds=(), status=QuizStatus.PUBLISHED, join_code=CODE)
        make_question(quiz, "cloze")
        make_question(quiz, "cloze", bank=False)
        yield quiz


def _gap_fields(html: str) -> list[tuple[str, str]]:
    """(tag, name) of every gap control on the page, in order."""
    return re.findall(r'<(select|input)[^>]*name="([qp]\d+-\d)"', html)


def test_take_page_has_a_labelled_control_per_gap_and_no_key(
    client: FlaskClient, quiz: Quiz
) -> None:
    """Word-bank gaps are selects, typed gaps text inputs, each labelled "Gap n of 3"."""
    token = join(client, code=CODE)
    html = client.get(f"/attempt/{token}").get_data(as_text=True)
    banked, typed = (f"q{q.id}" for q in quiz.questions)
    fields = _gap_fields(html)
    assert fields == [("select", f"{banked}-{n}") for n in (1, 2, 3)] + [
        ("input", f"{typed}-{n}") for n in (1, 2, 3)
    ]
    for n in (1, 2, 3):
        assert re.search(rf'<label[^>]*for="{banked}-{n}">Gap {n} of 3', html)
    assert "9 June 2023" in html  # the bank shows, distractors and all
    # Which entry fills which gap, and the typed variants, stay on the server.
    assert "twelve" not in html and "May 3, 2024" not in html and "The article says" not in html
    assert "_____" not in html


def test_gaps_save_resume_submit_and_show_per_gap_marks(client: FlaskClient, quiz: Quiz) -> None:
    """Saved gaps come back selected; the result says 2 of 3 gaps right, gap by gap."""
    token = join(client, code=CODE)
    html = client.get(f"/attempt/{token}").get_data(as_text=True)
    banked, typed = (f"q{q.id}" for q in quiz.questions)
    client.post(
        f"/attempt/{token}/save",
        data={"csrf_token": _csrf(html), f"{banked}-1": "3 May 2024", f"{typed}-3": "twelve"},
    )
    html = client.get(f"/attempt/{token}").get_data(as_text=True)
    assert '<option value="3 May 2024" selected>' in html
    assert re.search(rf'name="{typed}-3" value="twelve"', html)
    done = client.post(
        f"/attempt/{token}",
        data={
            "csrf_token": _csrf(html),
            f"{banked}-2": "6,300",
            f"{banked}-3": "12",
            f"{typed}-1": "3 may",
            "action": "submit",
        },
    )
    assert done.status_code == 302
    result = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "2 of 3 gaps right" in result
    assert "Gap 2: 6,300 — wrong (answer: 4,200)" in result
    assert "4 of 6" in result
    # Practice asks a missed passage again, as itself, with a control per gap.
    practice_page = client.get(f"/attempt/{token}/practice").get_data(as_text=True)
    assert [tag for tag, _name in _gap_fields(practice_page)] in (["select"] * 3, ["input"] * 3)
    assert "Gap 1 of 3" in practice_page


def test_teacher_preview_lists_gaps_and_bank_and_refuses_change_kind(
    client: FlaskClient, app: Flask, auth: AuthActions
) -> None:
    """The draft's preview fills each gap, marks distractors and explains why no kind change."""
    teacher_id = auth.login().id
    with app.app_context():
        quiz = make_quiz(db.session.get(User, teacher_id), kinds=("multiple_choice",))
        make_question(quiz, "cloze")
        quiz_id = quiz.id
    html = client.get(f"/teacher/quizzes/{quiz_id}").get_data(as_text=True)
    assert "Gap 2: <strong>4,200</strong>" in html
    assert '<s title="distractor">6,300</s>' in html
    assert all(f"<mark>{a}</mark>" in html for a in ("3 May 2024", "4,200", "12"))
    assert "No “Change kind” for a gap-fill passage" in html
    # "New words for the bank" replaces the extra words, keeps every answer, stays sorted.
    form = re.search(
        r'<form[^>]*action="([^"]+/regenerate)"[^>]*>(.*?)</form>',
        html[html.index("q-cloze") :],
        re.S,
    )
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(2)))
    assert client.post(form.group(1), data=fields).status_code == 302
    page = client.get(f"/teacher/quizzes/{quiz_id}").get_data(as_text=True)
    assert "New words in the word bank." in page
    with app.app_context():
        bank = db.session.get(Quiz, quiz_id).questions[1].data["bank"]
    assert {"3 May 2024", "4,200", "12"} <= set(bank)
    assert not {"6,300", "9 June 2023"} & set(bank)
    assert bank == sorted(bank, key=str.casefold) and len(bank) >= 4


def test_teacher_edits_gaps_and_bank(client: FlaskClient, app: Flask, auth: AuthActions) -> None:
    """Editing a gap's answer, its accepted forms and the extra bank words saves them all."""
    teacher_id = auth.login().id
    with app.app_context():
        quiz = make_quiz(db.session.get(User, teacher_id), kinds=())
        question = make_question(quiz, "cloze")
        ids = (quiz.id, question.id)
    url = f"/teacher/quizzes/{ids[0]}/questions/{ids[1]}/edit"
    page = client.get(url).get_data(as_text=True)
    assert 'value="4,200"' in page and "9 June 2023" in page
    form = {
        "csrf_token": _csrf(page),
        "version": re.search(r'name="version"[^>]*value="(\d+)"', page).group(1),
        "prompt": "Kelmouth opened it on _____. It carries _____ books to _____ villages.",
        "gaps-0-answer": "3 May 2024",
        "gaps-0-accepted": "3 May",
        "gaps-1-answer": "4,200",
        "gaps-1-accepted": "4200\nfour thousand two hundred",
        "gaps-2-answer": "12",
        "word_bank": "y",
        "distractors": "7\n6,300",
        "explanation": "",
    }
    saved = client.post(url, data=form)
    assert saved.status_code == 302, saved.get_data(as_text=True)
    with app.app_context():
        edited = db.session.get(Question, ids[1])
        assert [b["answer"] for b in edited.data["blanks"]] == ["3 May 2024", "4,200", "12"]
        assert edited.data["blanks"][1]["accepted"] == [
            "4,200",
            "4200",
            "four thousand two hundred",
        ]
        assert edited.data["bank"] == ["12", "3 May 2024", "4,200", "6,300", "7"]
        assert edited.data["blanks"][0]["fact"]["text"] == "3 May 2024"
    # A passage whose gaps and answers disagree is refused with a message.
    page = client.get(url).get_data(as_text=True)
    form["version"] = re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)
    form["prompt"] = "Only _____ gap and _____ another and _____ and _____."
    refused = client.post(url, data=form).get_data(as_text=True)
    assert "The passage has 4 gaps: give one answer for each, in order." in refused
    form["prompt"] = "Kelmouth opened it on _____. It carries _____ books to _____ villages."
    form["distractors"] = "12"
    refused = client.post(url, data=form).get_data(as_text=True)
    assert "Every word in the bank must be different" in refused


def test_teacher_pages_show_each_students_gaps(
    client: FlaskClient, app: Flask, auth: AuthActions
) -> None:
    """Results, one attempt, one question, analysis and the CSV name every gap's answer."""
    teacher_id = auth.login().id
    with app.app_context():
        quiz = make_quiz(db.session.get(User, teacher_id), kinds=(), status=QuizStatus.PUBLISHED)
        question = make_question(quiz, "cloze")
        chosen = {"1": "3 May 2024", "2": "6,300", "3": "12"}
        attempt = make_attempt(quiz, "Bo", {question: (chosen, False)})
        ids = (quiz.id, question.id, attempt.id)
    base = f"/teacher/quizzes/{ids[0]}"
    results = client.get(f"{base}/results").get_data(as_text=True)
    assert "answer: (1) 3 May 2024 · (2) 4,200 · (3) 12" in results
    review = client.get(f"{base}/attempts/{ids[2]}").get_data(as_text=True)
    assert "gap 1: 3 May 2024; gap 2: 6,300; gap 3: 12" in review
    answers = client.get(f"{base}/questions/{ids[1]}/answers").get_data(as_text=True)
    assert "gap 2: 6,300" in answers
    analysis = client.get(f"{base}/analysis").get_data(as_text=True)
    assert "6,300 (1, wrong)" in analysis and "3 May 2024 (1, right)" in analysis
    csv_text = client.get(f"{base}/answers.csv").get_data(as_text=True)
    row = next(r for r in csv.reader(io.StringIO(csv_text.lstrip("\ufeff"))) if r[0] == "Bo")
    assert row[4:8] == [
        "(1) 3 May 2024 · (2) 4,200 · (3) 12",
        "gap 1: 3 May 2024; gap 2: 6,300; gap 3: 12",
        "partly right",
        "2",  # points: 2 of the passage's 3
    ]
