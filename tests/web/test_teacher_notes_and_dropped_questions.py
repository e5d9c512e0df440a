"""What a teacher writes or decides about a question reaches the
students and the teacher's pages (an edited explanation, a dropped question)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from quizapp.models import Attempt, Question, Quiz, QuizStatus, Unit, db
from quizapp.services import joining, regrading, taking, units
from tests.factories import make_class, make_quiz

NOTE = "Think of the 2003 heatwave: <b>twice</b> the loss & more."


def _teacher_quiz(app: Any, auth: Any, kinds: tuple[str, ...] = ("fill_in",)) -> tuple[int, int]:
    """A logged-in teacher's draft quiz; returns its id and its first question's id."""
    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(owner=teacher, kinds=kinds)
        return quiz.id, quiz.questions[0].id


def _edit_explanation(app: Any, client: Any, quiz_id: int, question_id: int) -> str:
    """The teacher writes an explanation of their own through the edit form; returns the
    question's quoted source sentence."""
    with app.app_context():
        question = db.session.get(Quiz, quiz_id).questions[0]
        quote, version = question.quote, db.session.get(Quiz, quiz_id).version
        form = {
            "version": version,
            "kind": question.kind,
            "prompt": question.prompt,
            "answer": question.answer,
            "accepted": "",
            "explanation": NOTE,
        }
    saved = client.post(f"/teacher/quizzes/{quiz_id}/questions/{question_id}/edit", data=form)
    assert saved.status_code == 302, saved.get_data(as_text=True)[:500]
    return quote


def _publish(app: Any, client: Any, quiz_id: int) -> str:
    """Publish through the quiz page's button; returns the join code."""
    with app.app_context():
        version = db.session.get(Quiz, quiz_id).version
    assert (
        client.post(f"/teacher/quizzes/{quiz_id}/publish", data={"version": version}).status_code
        == 302
    )
    with app.app_context():
        return db.session.get(Quiz, quiz_id).join_code


def _student_result(app: Any, code: str, answers: dict[str, str]) -> str:
    """A student joins in a browser of their own, submits and reads the result page."""
    student = app.test_client()
    joined = student.post("/join", data={"code": code, "name": "Robin"})
    assert joined.status_code == 302, joined.get_data(as_text=True)[:400]
    token = joined.headers["Location"].rsplit("/", 1)[-1]
    assert (
        student.post(f"/attempt/{token}", data={**answers, "action": "submit"}).status_code == 302
    )
    return student.get(f"/attempt/{token}/result").get_data(as_text=True)


def _text(html: str) -> str:
    """The page's text, tags removed and spaces collapsed (entities kept as written)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_teachers_explanation_shows_with_the_quote(app: Any, client: Any, auth: Any) -> None:
    """The edit form says the explanation is "shown after the answer": it is, on the teacher's
    preview and the student's result, next to the quoted sentence (which stays), escaped."""
    quiz_id, question_id = _teacher_quiz(app, auth)
    quote = _edit_explanation(app, client, quiz_id, question_id)
    escaped = "Think of the 2003 heatwave: &lt;b&gt;twice&lt;/b&gt; the loss &amp; more."
    preview = client.get(f"/teacher/quizzes/{quiz_id}").get_data(as_text=True)
    assert escaped in preview and "<b>twice</b>" not in preview
    result = _student_result(app, _publish(app, client, quiz_id), {f"q{question_id}": "no idea"})
    assert escaped in result and "<b>twice</b>" not in result
    # The source sentence is still quoted (its first words, before the highlighted answer).
    assert quote.split()[0] in _text(result.split(escaped, 1)[1])


def test_the_generated_explanation_is_not_shown_twice(app: Any, client: Any, auth: Any) -> None:
    """Untouched items keep showing the quote alone, not "The article says: ..." above it."""
    quiz_id, question_id = _teacher_quiz(app, auth)
    result = _student_result(app, _publish(app, client, quiz_id), {f"q{question_id}": "no idea"})
    assert "The article says" not in result and "q-source" in result


def _regrade(client: Any, quiz_id: int, question_id: int, action: str) -> None:
    """The teacher regrades one question from its "Answers and regrading" page."""
    done = client.post(
        f"/teacher/quizzes/{quiz_id}/questions/{question_id}/regrade", data={"action": action}
    )
    assert done.status_code == 302


def _published_two_item_quiz(app: Any, client: Any, auth: Any) -> tuple[int, str, list[Any]]:
    """A published quiz of a fill-in and a multiple-choice item; returns its id, join code and
    the two questions (detached: id, answer, prompt)."""
    quiz_id, _ = _teacher_quiz(app, auth, kinds=("fill_in", "multiple_choice"))
    code = _publish(app, client, quiz_id)
    with app.app_context():
        questions = list(db.session.get(Quiz, quiz_id).questions)
        for question in questions:
            db.session.expunge(question)
    return quiz_id, code, questions


def test_a_dropped_question_is_not_a_wrong_answer_on_the_result(
    app: Any, client: Any, auth: Any
) -> None:
    """After "Drop the question" the student's result says it does not count (their score is
    out of one question fewer), not "Not quite"; "everyone gets the point" says so too."""
    quiz_id, code, (fill, choice) = _published_two_item_quiz(app, client, auth)
    student = app.test_client()
    token = student.post("/join", data={"code": code, "name": "Robin"}).headers["Location"]
    answers = {f"q{fill.id}": "no idea", f"q{choice.id}": "surely not this", "action": "submit"}
    student.post(token, data=answers)
    _regrade(client, quiz_id, fill.id, "drop")
    result = _text(student.get(f"{token}/result").get_data(as_text=True))
    assert "0 of 1" in result
    dropped = result.split(fill.prompt.split("_____")[0].strip(), 1)[1][:200]
    assert "Not counted: your teacher dropped this question" in dropped
    assert "Not quite" not in dropped
    _regrade(client, quiz_id, choice.id, "full_credit")
    result = _text(student.get(f"{token}/result").get_data(as_text=True))
    assert "1 of 1" in result and "Not quite" not in result
    assert "Counted as right: your teacher gave everyone this point" in result


def test_a_dropped_question_is_left_out_of_prints_and_exports(
    app: Any, client: Any, auth: Any
) -> None:
    """The teacher dropped a flawed question: the paper, the key, Moodle XML and the JSON set
    no longer carry it; undoing the regrade brings it back."""
    quiz_id, _, (fill, choice) = _published_two_item_quiz(app, client, auth)
    _regrade(client, quiz_id, fill.id, "drop")
    exported = client.get(f"/teacher/quizzes/{quiz_id}/export/json").get_json()
    assert [q["prompt"] for q in exported["questions"]] == [choice.prompt]
    moodle = client.get(f"/teacher/quizzes/{quiz_id}/export/moodle-xml").get_data(as_text=True)
    assert fill.answer not in moodle and '<question type="multichoice">' in moodle
    page = client.get(f"/teacher/quizzes/{quiz_id}/questions/{fill.id}/answers")
    undo = re.search(r'action="([^"]*/regrades/\d+/undo)"', page.get_data(as_text=True))
    assert undo is not None
    assert client.post(undo.group(1)).status_code == 302
    exported = client.get(f"/teacher/quizzes/{quiz_id}/export/json").get_json()
    assert len(exported["questions"]) == 2


def test_a_copy_does_not_inherit_the_originals_regrades(app: Any, client: Any, auth: Any) -> None:
    """Copying a regraded quiz: the question given to everyone is marked normally again in the
    copy (a wrong answer is wrong), and the dropped one comes as a deleted, restorable question."""
    quiz_id, _, (fill, choice) = _published_two_item_quiz(app, client, auth)
    _regrade(client, quiz_id, fill.id, "drop")
    _regrade(client, quiz_id, choice.id, "full_credit")
    copied = client.post(f"/teacher/quizzes/{quiz_id}/copy")
    copy_id = int(copied.headers["Location"].split("/teacher/quizzes/", 1)[1].split("#")[0])
    with app.app_context():
        questions = {q.prompt: q for q in db.session.get(Quiz, copy_id).questions}
        assert {q.marking for q in questions.values()} == {"normal"}
        assert questions[fill.prompt].deleted and not questions[choice.prompt].deleted
        copied_choice = questions[choice.prompt].id
    code = _publish(app, client, copy_id)
    result = _student_result(app, code, {f"q{copied_choice}": "surely not this"})
    assert "0 of 1" in _text(result) and "Not quite" in result
    assert "Counted as right" not in result


def test_practice_leaves_out_a_dropped_question(app: Any, client: Any, auth: Any) -> None:
    """ "Practise what I missed" does not drill a question the teacher dropped as flawed."""
    from quizapp.services.practice import start_practice

    quiz_id, code, (fill, choice) = _published_two_item_quiz(app, client, auth)
    student = app.test_client()
    token = student.post("/join", data={"code": code, "name": "Robin"}).headers["Location"]
    student.post(token, data={f"q{fill.id}": "no", f"q{choice.id}": "nope", "action": "submit"})
    _regrade(client, quiz_id, fill.id, "drop")
    assert student.get(f"{token}/practice").status_code == 200
    with app.app_context():
        attempt = db.session.scalars(
            db.select(Attempt).filter_by(token=token.rsplit("/", 1)[-1])
        ).one()
        assert {row.question_id for row in start_practice(attempt)} == {choice.id}


def test_spaced_review_holds_back_a_dropped_question(app: Any, client: Any) -> None:
    """A rostered student's missed item comes up for review, unless the teacher dropped it."""
    with app.app_context():
        school_class = make_class()
        quiz = make_quiz(
            kinds=("fill_in",),
            status=QuizStatus.PUBLISHED,
            join_code="DROP42",
            class_id=school_class.id,
        )
        question = quiz.questions[0]
        code = school_class.current_students[0].personal_code
        attempt = joining.join_quiz("DROP42", personal_code=code)
        taking.submit_attempt(attempt, {f"q{question.id}": "no idea"})
        teacher, question_id = quiz.owner, question.id
    later = datetime.now(UTC) + timedelta(days=2)
    app.config["CLOCK"] = lambda: later
    assert "1 item due today" in _text(client.get(f"/review/{code}").get_data(as_text=True))
    with app.app_context():
        quiz = db.session.get(Quiz, quiz.id)
        question = db.session.get(Question, question_id)
        regrading.regrade_question(
            quiz, question, regrading.RegradeAction.DROP, teacher=db.session.merge(teacher)
        )
    page = _text(client.get(f"/review/{code}").get_data(as_text=True))
    assert "0 items due today" in page and question.prompt.split("_____")[0].strip() not in page


def test_the_unit_test_leaves_out_a_dropped_question(app: Any, client: Any, auth: Any) -> None:
    """ "Make the unit test" draws from the unit's quizzes, never a question dropped as flawed."""
    teacher = auth.login()
    with app.app_context():
        school_class = make_class(owner=db.session.merge(teacher))
        quiz = make_quiz(
            school_class.owner,
            kinds=("fill_in", "multiple_choice", "true_false"),
            status=QuizStatus.PUBLISHED,
            class_id=school_class.id,
        )
        unit = units.create_unit(
            school_class.owner, "Rivers", school_class.id, [units.StepChoice(quiz.id, 1)]
        )
        quiz_id, unit_id = quiz.id, unit.id
        dropped = quiz.questions[0]
        dropped_id, dropped_prompt = dropped.id, dropped.prompt
    _regrade(client, quiz_id, dropped_id, "drop")
    made = client.post(f"/teacher/units/{unit_id}/test")
    assert made.status_code == 302
    with app.app_context():
        test = db.session.get(Unit, unit_id).test_quiz
        prompts = [q.prompt for q in test.questions]
    assert prompts and dropped_prompt not in prompts


def test_unit_test_links_only_to_sentences_of_its_own_article(app: Any, client: Any) -> None:
    """A unit test mixes items of several articles but opens the first one's study view: an
    item of another article gets no "Read it in the article" link to a wrong sentence."""
    from tests.factories import ARTICLE_TEXT, make_article

    with app.app_context():
        school_class = make_class()
        owner = school_class.owner
        first = make_quiz(owner, kinds=("fill_in",), status=QuizStatus.PUBLISHED)
        # The same story printed after a foreword: every offset differs from the first one's.
        later = make_article(owner, text="Foreword\n\nA word first.\n\n" + ARTICLE_TEXT)
        second = make_quiz(owner, later, kinds=("multiple_choice",), status=QuizStatus.PUBLISHED)
        unit = units.create_unit(
            owner,
            "Libraries",
            school_class.id,
            [units.StepChoice(first.id, 1), units.StepChoice(second.id, 2)],
        )
        test = units.make_unit_test(unit)
        test.status, test.join_code, test.class_id = QuizStatus.PUBLISHED, "UTEST7", None
        db.session.commit()
        own = next(q for q in test.questions if q.kind == "fill_in")
        own_start = own.quote_start
    token = client.post("/join", data={"code": "UTEST7", "name": "Robin"}).headers["Location"]
    client.post(token, data={"action": "submit"})
    result = client.get(f"{token}/result").get_data(as_text=True)
    links = re.findall(r"/study/at/(\d+)", result)
    assert links == [str(own_start)]


def test_a_new_key_moves_the_quotes_highlight_or_removes_it(
    app: Any, client: Any, auth: Any
) -> None:
    """After "Change the key" the result no longer highlights the old, wrong key in the quoted
    sentence: the highlight moves to the new key when the sentence holds it, else goes; undoing
    the regrade brings it back."""
    quiz_id, code, (fill, choice) = _published_two_item_quiz(app, client, auth)
    student = app.test_client()
    token = student.post("/join", data={"code": code, "name": "Robin"}).headers["Location"]
    student.post(token, data={f"q{fill.id}": "CAF", f"q{choice.id}": "4,200", "action": "submit"})
    result = student.get(f"{token}/result").get_data(as_text=True)
    assert "<mark>4,200</mark>" in result and "<mark>Coastal Arts Fund</mark>" in result

    def change_key(question_id: int, answer: str) -> None:
        client.post(
            f"/teacher/quizzes/{quiz_id}/questions/{question_id}/regrade",
            data={"action": "change_key", "answer": answer},
        )

    change_key(choice.id, "6,300")  # not in the sentence: no highlight at all
    change_key(fill.id, "850,000 euros")  # in the sentence: highlighted instead
    result = student.get(f"{token}/result").get_data(as_text=True)
    assert "<mark>4,200</mark>" not in result and "<mark>Coastal Arts Fund</mark>" not in result
    assert "<mark>850,000 euros</mark>" in result and result.count("<mark>") == 1
    page = client.get(f"/teacher/quizzes/{quiz_id}/questions/{choice.id}/answers")
    undo = re.search(r'action="([^"]*/regrades/\d+/undo)"', page.get_data(as_text=True))
    assert undo is not None and client.post(undo.group(1)).status_code == 302
    assert "<mark>4,200</mark>" in student.get(f"{token}/result").get_data(as_text=True)


def test_too_large_pages_say_the_limit_and_what_was_too_large(make_app: Any) -> None:
    """A teacher's oversize upload is told the limit; a student's oversize answer form is not
    told about a "file" it never sent."""
    app = make_app(MAX_CONTENT_LENGTH=2 * 1024 * 1024, FORM_MAX_CONTENT_LENGTH=1024)
    client = app.test_client()
    upload = client.post("/teacher/articles/new", data={"text": "x" * (3 * 1024 * 1024)})
    assert upload.status_code == 413
    page = _text(upload.get_data(as_text=True))
    assert "File too large" in page and "at most 2 MB" in page and "paste the text" in page
    answer = client.post("/join", data={"code": "ABCDEF", "name": "y" * 4000})
    assert answer.status_code == 413
    page = _text(answer.get_data(as_text=True))
    assert "File too large" not in page and "file" not in page.split("quizapp", 1)[-1]
    assert "send a shorter answer" in page
