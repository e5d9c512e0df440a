"""Authoring service: saving articles, publishing, closing, copying, optimistic locking."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from quizapp.models import Article, Quiz, QuizStatus, db
from quizapp.services.authoring import AuthoringError, QuizChanged, QuizLocked, dashboard
from quizapp.services.drafting import ArticleDraft, create_quiz, save_article
from quizapp.services.editing import QuestionEdit, update_question
from quizapp.services.publishing import (
    JOIN_CODE_ALPHABET,
    close_quiz,
    copy_quiz,
    publish_quiz,
    reopen_quiz,
)
from tests.factories import ARTICLE_TEXT, make_attempt, make_quiz, make_teacher

pytestmark = pytest.mark.usefixtures("ctx")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   \n ", "empty"),
        ("Too short to quiz.", "too short"),
        ("abc\x00def " * 40, "binary"),
        ("word " * 50_001, "too long"),
    ],
)
def test_unusable_articles_are_refused_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(AuthoringError, match=message):
        save_article(make_teacher(), ArticleDraft(text=text), max_chars=200_000)


def test_saving_the_same_article_twice_reuses_it() -> None:
    teacher = make_teacher()
    first = save_article(teacher, ArticleDraft(text=ARTICLE_TEXT), max_chars=200_000)
    second = save_article(
        teacher, ArticleDraft(text=ARTICLE_TEXT + "\n", title="Renamed"), max_chars=200_000
    )
    assert first.id == second.id
    assert second.title == "Renamed"
    assert db.session.scalar(db.select(db.func.count(Article.id))) == 1


def test_article_keeps_http_source_only() -> None:
    teacher = make_teacher()
    article = save_article(
        teacher,
        ArticleDraft(text=ARTICLE_TEXT, title="T", source_url="javascript:alert(1)"),
        max_chars=200_000,
    )
    assert article.source_url is None
    article = save_article(
        teacher,
        ArticleDraft(text=ARTICLE_TEXT, title="T", source_url="https://www.news.example/a"),
        max_chars=200_000,
    )
    assert article.source_url == "https://www.news.example/a"
    assert article.source_name == "news.example"


def test_publish_gives_an_unambiguous_six_character_code_and_drops_deleted() -> None:
    quiz = make_quiz()
    quiz.questions[1].deleted = True
    db.session.commit()
    code = publish_quiz(quiz, expected_version=quiz.version)
    assert len(code) == 6
    assert set(code) <= set(JOIN_CODE_ALPHABET)
    assert not set(code) & set("01OIL")
    assert quiz.status is QuizStatus.PUBLISHED
    assert quiz.published_at is not None
    assert [q.position for q in quiz.questions] == [1, 2]
    assert not any(q.deleted for q in quiz.questions)


def test_join_codes_are_unique() -> None:
    teacher = make_teacher()
    codes = {publish_quiz(make_quiz(owner=teacher, kinds=("fill_in",))) for _ in range(15)}
    assert len(codes) == 15


def test_publishing_needs_a_question() -> None:
    quiz = make_quiz(kinds=())
    with pytest.raises(AuthoringError, match="at least one question"):
        publish_quiz(quiz)


def test_published_questions_are_read_only_and_copy_makes_a_draft() -> None:
    quiz = make_quiz()
    publish_quiz(quiz)
    edit = QuestionEdit(kind="true_false", prompt="Changed", answer="True")
    with pytest.raises(QuizLocked):
        update_question(quiz.questions[2], edit, expected_version=quiz.version)
    copy = copy_quiz(quiz)
    assert copy.status is QuizStatus.DRAFT
    assert copy.join_code is None
    assert [q.prompt for q in copy.questions] == [q.prompt for q in quiz.questions]
    update_question(copy.questions[2], edit, expected_version=copy.version)
    assert copy.questions[2].prompt == "Changed"
    assert quiz.questions[2].prompt != "Changed"


def test_close_and_reopen_keep_the_code() -> None:
    quiz = make_quiz()
    code = publish_quiz(quiz)
    close_quiz(quiz)
    assert quiz.status is QuizStatus.CLOSED
    with pytest.raises(AuthoringError):
        close_quiz(quiz)
    reopen_quiz(quiz)
    assert quiz.status is QuizStatus.PUBLISHED
    assert quiz.join_code == code


def test_an_edit_from_an_older_page_is_refused() -> None:
    quiz = make_quiz()
    old_version = quiz.version
    update_question(
        quiz.questions[2],
        QuestionEdit(kind="true_false", prompt="First tab", answer="True"),
        expected_version=old_version,
    )
    assert quiz.version == old_version + 1
    with pytest.raises(QuizChanged, match="another tab"):
        update_question(
            quiz.questions[2],
            QuestionEdit(kind="true_false", prompt="Second tab", answer="False"),
            expected_version=old_version,
        )
    assert quiz.questions[2].prompt == "First tab"


def test_a_concurrent_write_between_load_and_save_is_detected() -> None:
    quiz = make_quiz()
    version = quiz.version
    # Another request commits a change after this one loaded the quiz.
    with db.engine.begin() as connection:
        connection.execute(update(Quiz).where(Quiz.id == quiz.id).values(version=version + 1))
    with pytest.raises(QuizChanged):
        update_question(
            quiz.questions[2],
            QuestionEdit(kind="true_false", prompt="Lost?", answer="True"),
            expected_version=version,
        )
    db.session.expire_all()
    assert quiz.questions[2].prompt != "Lost?"


def test_dashboard_lists_only_own_articles_with_counts() -> None:
    teacher = make_teacher()
    quiz = make_quiz(owner=teacher)
    quiz.questions[0].deleted = True
    db.session.commit()
    make_attempt(quiz, "Ada")
    make_attempt(quiz, "Bo", submitted=False)
    make_quiz()  # someone else's
    rows = dashboard(teacher)
    assert len(rows) == 1
    (summary,) = rows[0].quizzes
    assert (summary.quiz.id, summary.questions, summary.attempts) == (quiz.id, 2, 1)


def test_create_quiz_generates_a_draft_once_per_token() -> None:
    teacher = make_teacher()
    article = save_article(teacher, ArticleDraft(text=ARTICLE_TEXT), max_chars=200_000)
    assert article.title == "Harbour Town Opens a Floating Library"
    options = {
        "title": "Boats",
        "published": None,
        "kinds": ["multiple_choice", "fill_in"],
        "count": 5,
    }
    quiz = create_quiz(article, token="tok-1", **options)
    again = create_quiz(article, token="tok-1", **options)
    assert again.id == quiz.id
    assert quiz.status is QuizStatus.DRAFT and quiz.title == "Boats"
    assert 1 <= len(quiz.questions) <= 5
    assert {q.kind for q in quiz.questions} <= {"multiple_choice", "fill_in"}
    for question in quiz.questions:
        item = question.to_item()
        assert (
            ARTICLE_TEXT[item["source"]["start"] : item["source"]["end"]] == item["source"]["quote"]
        )
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 1


def test_create_quiz_needs_a_kind() -> None:
    article = save_article(make_teacher(), ArticleDraft(text=ARTICLE_TEXT), max_chars=200_000)
    with pytest.raises(AuthoringError, match="at least one kind"):
        create_quiz(article, title="T", kinds=[], count=5)
    with pytest.raises(ValueError, match="unknown question kind: 'essay'"):
        create_quiz(article, title="T", kinds=["essay"], count=5)
