"""SQLite, the zero-configuration default, enforces foreign keys like PostgreSQL does."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from quizapp import create_app
from quizapp.models import Question, Quiz, db
from tests.factories import make_question, make_quiz


def _app(tmp_path: Path):
    return create_app({"SECRET_KEY": "t", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/i.db"})


def test_deleting_a_quiz_row_cascades_to_its_questions(tmp_path: Path) -> None:
    app = _app(tmp_path)
    with app.app_context():
        upgrade()
        quiz = make_quiz()
        make_question(quiz)
        quiz_id = quiz.id
        db.session.execute(text("DELETE FROM quiz WHERE id = :id"), {"id": quiz_id})
        db.session.commit()
        left = db.session.scalars(db.select(Question).where(Question.quiz_id == quiz_id)).all()
        assert left == []
        db.engine.dispose()


def test_a_question_of_no_quiz_is_refused(tmp_path: Path) -> None:
    app = _app(tmp_path)
    with app.app_context():
        upgrade()
        with pytest.raises(IntegrityError):
            db.session.execute(
                text(
                    "INSERT INTO question (quiz_id, position, kind, prompt, data, edited, "
                    "deleted, created_by_teacher) VALUES (9999, 0, 'fill_in', 'x', '{}', 0, 0, 0)"
                )
            )
            db.session.commit()
        db.session.rollback()
        db.engine.dispose()


def _counts() -> tuple[int, int]:
    db.session.remove()
    quizzes = db.session.scalar(db.select(db.func.count(Quiz.id)))
    questions = db.session.scalar(db.select(db.func.count(Question.id)))
    return quizzes or 0, questions or 0


def test_migrating_down_and_up_keeps_the_rows(tmp_path: Path) -> None:
    """Batch migrations copy tables; with keys on, a dropped parent must not take its children."""
    app = _app(tmp_path)
    with app.app_context():
        upgrade()
        quiz = make_quiz()
        make_question(quiz)
        before = _counts()
        assert before[1] >= 1
        downgrade(revision="-1")
        upgrade()
        assert _counts() == before
        on = db.session.execute(text("PRAGMA foreign_keys")).scalar()
        assert on == 1
        db.engine.dispose()
