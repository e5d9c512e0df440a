"""A dropped question and new attempts, invalid characters in forms."""

from __future__ import annotations

import re
from typing import Any

from quizapp.models import Quiz, db
from tests.factories import make_quiz


def _text(html: str) -> str:
    """The page's text, tags removed and spaces collapsed (entities kept as written)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _published(app: Any, client: Any, auth: Any, kinds: tuple[str, ...]) -> tuple[int, str, list]:
    """A logged-in teacher's quiz published through its button; returns id, join code and the
    questions (detached)."""
    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(owner=teacher, kinds=kinds)
        quiz_id, version = quiz.id, quiz.version
    published = client.post(f"/teacher/quizzes/{quiz_id}/publish", data={"version": version})
    assert published.status_code == 302
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        questions = list(quiz.questions)
        for question in questions:
            db.session.expunge(question)
        return quiz_id, quiz.join_code, questions


def _stem(prompt: str) -> str:
    """The words of a prompt before its blank (what a page shows of it, escaped or not)."""
    return prompt.split("_____")[0].strip()


def test_a_dropped_question_is_not_shown_to_students_who_start_after_the_drop(
    app: Any, client: Any, auth: Any
) -> None:
    """A question the teacher dropped is out of the quiz for a student who starts later: not on
    the answer page, not on the result page, and the score is out of the questions left; the
    teacher's results still list it, marked dropped."""
    quiz_id, code, (fill, choice) = _published(app, client, auth, ("fill_in", "multiple_choice"))
    dropped = client.post(
        f"/teacher/quizzes/{quiz_id}/questions/{fill.id}/regrade", data={"action": "drop"}
    )
    assert dropped.status_code == 302
    student = app.test_client()
    joined = student.post("/join", data={"code": code, "name": "Late Lou"})
    attempt_url = joined.headers["Location"]
    page = student.get(attempt_url).get_data(as_text=True)
    assert _stem(choice.prompt) in _text(page)
    assert _stem(fill.prompt) not in _text(page)
    assert f'name="q{fill.id}"' not in page
    assert "of 1" in _text(page) or "1 question" in _text(page)
    done = student.post(attempt_url, data={f"q{choice.id}": choice.answer, "action": "submit"})
    assert done.status_code == 302
    result = _text(student.get(f"{attempt_url}/result").get_data(as_text=True))
    assert "1 of 1" in result
    assert _stem(fill.prompt) not in result
    question_page = client.get(f"/teacher/quizzes/{quiz_id}/questions/{fill.id}/answers")
    assert question_page.status_code == 200
    results = _text(client.get(f"/teacher/quizzes/{quiz_id}/results").get_data(as_text=True))
    assert "Late Lou" in results and "dropped" in results.lower()


def test_a_student_who_answered_before_the_drop_still_sees_it_not_counted(
    app: Any, client: Any, auth: Any
) -> None:
    """Someone who had started before the drop keeps the question on the result, as not
    counted, whether they answered it or left it blank."""
    quiz_id, code, (fill, choice) = _published(app, client, auth, ("fill_in", "multiple_choice"))
    student = app.test_client()
    attempt_url = student.post("/join", data={"code": code, "name": "Early Eve"}).headers[
        "Location"
    ]
    answers = {f"q{fill.id}": "no idea", f"q{choice.id}": choice.answer, "action": "submit"}
    student.post(attempt_url, data=answers)
    # One who left it blank saw it too: it stays on their result, not counted.
    blank = app.test_client()
    blank_url = blank.post("/join", data={"code": code, "name": "Blank Bea"}).headers["Location"]
    blank.post(blank_url, data={f"q{choice.id}": choice.answer, "action": "submit"})
    client.post(f"/teacher/quizzes/{quiz_id}/questions/{fill.id}/regrade", data={"action": "drop"})
    for page in (student.get(f"{attempt_url}/result"), blank.get(f"{blank_url}/result")):
        result = _text(page.get_data(as_text=True))
        assert "1 of 1" in result and "Not counted" in result
        assert _stem(fill.prompt) in result


PASTED = (
    "River levels\n\nThe Severn rose by 2.5 metres at Gloucester on Tuesday, the highest\x00 "
    "level since 2007, and 300 homes were evacuated. The Environment Agency said the water "
    "would stay high until Friday, when the rain moving in from Wales is expected to ease."
)


def test_a_nul_character_in_the_pasted_article_gives_the_form_back(
    app: Any, client: Any, auth: Any
) -> None:
    """A pasted article holding a NUL (PostgreSQL cannot store one) is not a "Bad request"
    page: the form comes back with the text (less the NUL) and a message saying what to do."""
    auth.login()
    page = client.post("/teacher/articles/new", data={"text": PASTED})
    html = page.get_data(as_text=True)
    assert page.status_code == 200, html[:300]
    assert "cannot be saved" in html and "field-errors" in html
    assert "the highest level since 2007, and 300 homes were evacuated." in " ".join(html.split())
    assert "\x00" not in html
    again = client.post("/teacher/articles/new", data={"text": PASTED.replace("\x00", "")})
    assert again.status_code == 302, _text(again.get_data(as_text=True))[-600:]
    assert "/quiz" in again.headers["Location"]


def test_a_nul_character_in_a_typed_answer_is_saved_without_it_and_not_submitted(
    app: Any, client: Any, auth: Any
) -> None:
    """A student's typed answer with a NUL: their answers are saved (less the NUL), the
    attempt is not submitted, and the answer page says why; submitting again then works."""
    _, code, (fill, choice) = _published(app, client, auth, ("fill_in", "multiple_choice"))
    student = app.test_client()
    attempt_url = student.post("/join", data={"code": code, "name": "Nul Nora"}).headers["Location"]
    answers = {f"q{fill.id}": f"{fill.answer}\x00", f"q{choice.id}": choice.answer}
    sent = student.post(attempt_url, data={**answers, "action": "submit"})
    assert sent.status_code == 302 and "/result" not in sent.headers["Location"]
    page = student.get(sent.headers["Location"]).get_data(as_text=True)
    assert "cannot be saved" in page and "submit again" in page
    assert f'value="{fill.answer}"' in page
    done = student.post(attempt_url, data={f"q{fill.id}": fill.answer, "action": "submit"})
    assert done.headers["Location"].endswith("/result")
    assert "2 of 2" in _text(student.get(done.headers["Location"]).get_data(as_text=True))


def test_control_characters_in_a_join_name_are_said_not_a_bad_request(app: Any) -> None:
    """The join form with a NUL in the name comes back with the name and a message."""
    student = app.test_client()
    page = student.post("/join", data={"code": "ABCDEF", "name": "Ro\x00bin"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "cannot be saved" in html and 'value="Robin"' in html


def test_a_regrade_before_anyone_submitted_says_so(app: Any, client: Any, auth: Any) -> None:
    """Dropping a question before any student submitted does not read "0 of 0 scores
    changed" (as if it failed): the teacher is told it applies to every attempt."""
    quiz_id, _, (fill, _choice) = _published(app, client, auth, ("fill_in", "multiple_choice"))
    done = client.post(
        f"/teacher/quizzes/{quiz_id}/questions/{fill.id}/regrade",
        data={"action": "drop"},
        follow_redirects=True,
    )
    page = _text(done.get_data(as_text=True))
    assert "0 of 0" not in page
    assert "No one has submitted yet: it applies to every attempt." in page


def test_a_pasted_page_source_becomes_its_words_and_title(app: Any, client: Any, auth: Any) -> None:
    """Pasting a web page's HTML source (from "View source") gives the article its words and
    the page's title, never its scripts or tags."""
    from quizapp.models import Article

    auth.login()
    body = "".join(f"<p>{line}</p>" for line in PASTED.replace("\x00", "").split("\n")[2:])
    source = (
        "<!DOCTYPE html><html><head><title>River levels</title>"
        "<script>window.PASTESCRIPT = 1;</script></head><body>" + body + "</body></html>"
    )
    sent = client.post("/teacher/articles/new", data={"text": source})
    assert sent.status_code == 302, _text(sent.get_data(as_text=True))[-400:]
    with app.app_context():
        article = db.session.scalars(db.select(Article).order_by(Article.id.desc())).first()
        assert article.title == "River levels"
        assert "PASTESCRIPT" not in article.text and "<" not in article.text
        assert article.text.startswith("The Severn rose by 2.5 metres at Gloucester")


def test_other_control_characters_are_taken_out_silently(app: Any, client: Any, auth: Any) -> None:
    """A bell or escape character pasted with an article is dropped without fuss (the form
    goes on), and a vertical tab or form feed from Word or a PDF reader is a line break: the
    stored article holds none of them (its XML exports could not carry them)."""
    from quizapp.models import Article

    auth.login()
    pasted = PASTED.replace("\x00", "\x07").replace(" homes", "\x1b homes")
    pasted = pasted.replace(". The Environment", ".\x0cThe Environment")
    sent = client.post("/teacher/articles/new", data={"text": pasted})
    assert sent.status_code == 302
    with app.app_context():
        article = db.session.scalars(db.select(Article).order_by(Article.id.desc())).first()
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", article.text)
        assert "the highest level since 2007, and 300 homes" in article.text
        assert "evacuated.\nThe Environment Agency" in article.text
