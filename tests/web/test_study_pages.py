"""The study view: escaped highlighted article, glossary and fact sheet; who may open it when."""

from __future__ import annotations

import re
from typing import Any

import pytest

from quizapp.models import ExplanationPolicy, Quiz, QuizStatus, StudyAccess, db
from tests.factories import ARTICLE_TEXT, make_attempt, make_quiz, make_teacher


def _quiz(app: Any, **overrides: Any) -> dict[str, Any]:
    """A published quiz, a submitted and an open attempt: their codes and tokens."""
    with app.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, **overrides)
        mc = quiz.questions[0]
        done = make_attempt(quiz, answers={mc: ("2,100", False)})
        open_ = make_attempt(quiz, "Bo", submitted=False)
        return {
            "id": quiz.id,
            "code": quiz.join_code,
            "owner": quiz.owner.email,
            "done": done.token,
            "open": open_.token,
            "quote_start": mc.quote_start,
        }


def test_study_page_highlights_facts_and_links_glossary_to_sentences(app: Any, client: Any) -> None:
    quiz = _quiz(app, study_access=StudyAccess.BEFORE_AND_AFTER)
    page = client.get(f"/study/{quiz['code']}").get_data(as_text=True)
    assert '<mark class="fact fact-quantity" title="Quantity">4,200 books</mark>' in page
    assert re.search(r'<mark class="fact fact-organisation"[^>]*>Coastal Arts Fund</mark>', page)
    assert re.search(r'<mark class="fact fact-person"[^>]*>[^<]*Ingrid Salo</mark>', page)
    assert re.search(r'<mark class="fact fact-date"[^>]*>3 May 2024</mark>', page)
    # Glossary: the acronym's line links to the sentence that defines it.
    anchor = re.search(
        r'<dt><a href="#s(\d+)">CAF</a>\s*<span class="fact-badge">acronym</span></dt>'
        r"\s*<dd>Coastal Arts Fund</dd>",
        page,
    )
    assert anchor is not None
    sentence = re.search(rf'<span class="sentence" id="s{anchor.group(1)}"[^>]*>(.*?)</span>', page)
    assert sentence is not None and "Coastal Arts Fund" in sentence.group(1)
    assert 'id="fact-sheet"' in page
    assert f'href="/join/{quiz["code"]}"' in page  # "Take the quiz"
    # No answers: the study page is the article, never the questions.
    assert "How many books" not in page


def test_article_text_is_escaped(app: Any, client: Any) -> None:
    with app.app_context():
        text = ARTICLE_TEXT + ' The <script>alert("x")</script> club met 4 times & left.'
        from tests.factories import make_article

        article = make_article(text=text)
        quiz = make_quiz(
            article=article, status=QuizStatus.PUBLISHED, study_access=StudyAccess.BEFORE_AND_AFTER
        )
        code = quiz.join_code
    page = client.get(f"/study/{code}").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_study_before_the_quiz_follows_the_setting(app: Any, client: Any) -> None:
    after_only = _quiz(app, study_access=StudyAccess.AFTER_SUBMIT)
    assert client.get(f"/study/{after_only['code']}").status_code == 404
    assert client.get(f"/attempt/{after_only['open']}/study").status_code == 404
    assert client.get(f"/attempt/{after_only['done']}/study").status_code == 200
    never = _quiz(app, study_access=StudyAccess.NEVER)
    assert client.get(f"/attempt/{never['done']}/study").status_code == 404
    # "Before and after" is before starting (by the code) and after submitting: never in the
    # middle of a closed-book attempt, where it would show the answers highlighted.
    either = _quiz(app, study_access=StudyAccess.BEFORE_AND_AFTER)
    assert client.get(f"/study/{either['code']}").status_code == 200
    assert client.get(f"/attempt/{either['open']}/study").status_code == 404
    assert client.get(f"/attempt/{either['done']}/study").status_code == 200
    open_book = _quiz(app, open_book=True)
    page = client.get(f"/attempt/{open_book['open']}/study").get_data(as_text=True)
    assert "Back to the questions" in page


def test_open_book_shows_the_article_beside_the_questions(app: Any, client: Any) -> None:
    open_book = _quiz(app, open_book=True, study_access=StudyAccess.NEVER)
    page = client.get(f"/attempt/{open_book['open']}").get_data(as_text=True)
    assert 'class="open-book"' in page and 'class="fact fact-quantity"' in page
    assert client.get(f"/attempt/{open_book['open']}/study").status_code == 200
    closed_book = _quiz(app)
    assert 'class="open-book"' not in client.get(f"/attempt/{closed_book['open']}").get_data(
        as_text=True
    )


def test_draft_and_unknown_quizzes_have_no_study_page(app: Any, client: Any) -> None:
    with app.app_context():
        draft = make_quiz()
        draft_id = draft.id
    assert client.get("/study/NOSUCH").status_code == 404
    assert client.get("/attempt/not-a-token/study").status_code == 404
    assert client.get(f"/teacher/quizzes/{draft_id}/study").status_code == 302  # log in first


def test_result_explanations_link_to_the_sentence(app: Any, client: Any) -> None:
    quiz = _quiz(app)
    page = client.get(f"/attempt/{quiz['done']}/result").get_data(as_text=True)
    link = f"/attempt/{quiz['done']}/study/at/{quiz['quote_start']}"
    assert f'href="{link}"' in page
    assert "Practise what I missed" in page
    response = client.get(link)
    assert response.status_code == 302
    assert re.search(r"/attempt/[\w-]+/study#s1$", response.headers["Location"])


def test_no_study_links_when_answers_stay_hidden(app: Any, client: Any) -> None:
    quiz = _quiz(app, explanations=ExplanationPolicy.NEVER)
    page = client.get(f"/attempt/{quiz['done']}/result").get_data(as_text=True)
    assert "/study/at/" not in page and "Practise what I missed" not in page


def test_teacher_preview_is_owner_only(app: Any, client: Any, auth: Any) -> None:
    quiz = _quiz(app)
    with app.app_context():
        other = make_teacher()
        other_email = other.email
    auth.login(other_email)
    assert client.get(f"/teacher/quizzes/{quiz['id']}/study").status_code == 404
    auth.logout()
    auth.login(quiz["owner"])
    page = client.get(f"/teacher/quizzes/{quiz['id']}/study").get_data(as_text=True)
    assert "Teacher preview" in page and "fact-quantity" in page


@pytest.mark.parametrize("choice", ["after_submit", "never", "before_and_after"])
def test_settings_save_the_study_access(app: Any, client: Any, auth: Any, choice: str) -> None:
    with app.app_context():
        teacher = make_teacher()
        quiz = make_quiz(teacher)
        quiz_id, email = quiz.id, teacher.email
    auth.login(email)
    response = client.post(
        f"/teacher/quizzes/{quiz_id}/settings",
        data={
            "version": "1",
            "title": "Boats",
            "attempts_allowed": "1",
            "explanations": "after_submit",
            "study_access": choice,
        },
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).study_access is StudyAccess(choice)


def test_the_quiz_page_links_to_the_study_preview(app: Any, auth: Any, client: Any) -> None:
    """Drafts and published quizzes alike offer the teacher the students' study view."""
    from quizapp.models import QuizStatus
    from tests.factories import make_quiz, make_teacher

    with app.app_context():
        teacher = make_teacher(email="study-link@school.example", password="secret-pass-1")
        draft = make_quiz(teacher)
        published = make_quiz(teacher, status=QuizStatus.PUBLISHED, join_code="STUDY7")
        ids = (draft.id, published.id)
    auth.login("study-link@school.example", "secret-pass-1")
    for quiz_id in ids:
        page = client.get(f"/teacher/quizzes/{quiz_id}").get_data(as_text=True)
        assert f"/teacher/quizzes/{quiz_id}/study" in page
        assert client.get(f"/teacher/quizzes/{quiz_id}/study").status_code == 200
