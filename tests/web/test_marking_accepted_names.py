"""Typed answers are marked by the item's own accepted list, the "Also accepted" a teacher sees,
through the student's submit path; a person whose surname another person in the article shares
is never a typed item (the surname alone could not be accepted)."""

from __future__ import annotations

from typing import Any

from quizapp.models import Attempt, Question, Quiz, Response, db

# Two people share the surname Ashworth; Carrington is one person's alone.
ROWING = """Harbour rowers beaten at the line

The Harbour rowing club lost its cup final to Riverside by half a length on Sunday afternoon.

Stroke Melissa Carrington admitted her crew had started too slowly in the choppy water near the \
bridge. "We left ourselves too much to do," she said after the race.

The club's head coach, Martin Okafor, said he would keep working on the starts with his squad \
over the winter. However, the coach added that he would take some positives from the defeat.

Harbour went through the halfway mark a length behind and closed the gap in the final minute. \
Club captain Dominic Ashworth admitted his crew had failed to cope with the strong headwind in \
the second half of the course.

Riverside's coach, Helen Ashworth, praised both crews and said the final had been the closest in \
the cup's history. The two clubs will meet again in the spring regatta in April.
"""


def _published_rowing_quiz(app: Any, client: Any, auth: Any) -> tuple[str, dict[str, Question]]:
    """The teacher pastes the article, generates typed items and publishes; returns the join
    code and the typed questions by answer."""
    auth.login()
    step2 = client.post("/teacher/articles/new", data={"text": ROWING}).headers["Location"]
    made = client.post(
        step2,
        data={
            "title": "Rowing",
            "kinds": ["fill_in", "short_answer"],
            "count": "20",
            "token": "rowing",
        },
    )
    assert made.status_code == 302
    with app.app_context():
        quiz = db.session.scalars(db.select(Quiz)).one()
        quiz_id, version = quiz.id, quiz.version
    review = client.get(f"/teacher/quizzes/{quiz_id}").get_data(as_text=True)
    published = client.post(f"/teacher/quizzes/{quiz_id}/publish", data={"version": version})
    assert published.status_code == 302
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        by_answer = {q.answer: q for q in quiz.questions}
        for question in by_answer.values():
            db.session.expunge(question)
        code = quiz.join_code
    assert "Melissa Carrington" in by_answer
    # "Ashworth" is Helen too: Dominic is not asked as a typed answer at all.
    assert not [answer for answer in by_answer if answer.endswith("Ashworth")]
    # What the teacher is shown is what counts: Carrington is listed.
    assert "Also accepted: Carrington" in review
    return code, by_answer


def _submit(app: Any, code: str, name: str, answers: dict[Question, str]) -> dict[str, bool]:
    """A student joins in a browser of their own, types the answers and submits; returns each
    typed answer's mark as stored."""
    student = app.test_client()
    joined = student.post("/join", data={"code": code, "name": name})
    assert joined.status_code == 302, joined.get_data(as_text=True)[:400]
    token = joined.headers["Location"].rsplit("/", 1)[-1]
    form = {f"q{q.id}": given for q, given in answers.items()}
    submitted = student.post(f"/attempt/{token}", data={**form, "action": "submit"})
    assert submitted.status_code == 302
    assert student.get(f"/attempt/{token}/result").status_code == 200
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).filter_by(token=token)).one()
        assert attempt.submitted_at is not None
        return {r.given: bool(r.correct) for r in attempt.responses if r.given is not None}


def test_an_accepted_surname_is_right_and_a_given_name_alone_wrong(
    app: Any, client: Any, auth: Any
) -> None:
    code, by_answer = _published_rowing_quiz(app, client, auth)
    carrington = by_answer["Melissa Carrington"]
    assert _submit(app, code, "Sam", {carrington: "carrington"}) == {"carrington": True}
    assert _submit(app, code, "Pat", {carrington: "Melissa"}) == {"Melissa": False}


def test_fair_marking_rules_apply_to_the_full_name(app: Any, client: Any, auth: Any) -> None:
    code, by_answer = _published_rowing_quiz(app, client, auth)
    carrington = by_answer["Melissa Carrington"]
    # Case, punctuation and one slip in a long name; a slip in an accepted surname.
    marks = _submit(app, code, "Kim", {carrington: "melissa carringtin."})
    assert marks == {"melissa carringtin.": True}
    assert _submit(app, code, "Jo", {carrington: "Carringtin"}) == {"Carringtin": True}


def test_a_teachers_regrade_adds_an_answer(app: Any, client: Any, auth: Any) -> None:
    """The list stays the truth after a regrade: accepting "Melissa" rescores the attempt."""
    code, by_answer = _published_rowing_quiz(app, client, auth)
    carrington = by_answer["Melissa Carrington"]
    assert _submit(app, code, "Ali", {carrington: "Melissa"}) == {"Melissa": False}
    with app.app_context():
        quiz_id = db.session.get(Question, carrington.id).quiz_id
    url = f"/teacher/quizzes/{quiz_id}/questions/{carrington.id}"
    assert "Accept this answer" in client.get(f"{url}/answers").get_data(as_text=True)
    regraded = client.post(
        f"{url}/regrade",
        data={"action": "accept_answer", "answer": "Melissa"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Accepted “Melissa”: 1 of 1 score changed." in regraded
    with app.app_context():
        response = db.session.scalars(
            db.select(Response).filter_by(question_id=carrington.id)
        ).one()
        assert response.correct is True
