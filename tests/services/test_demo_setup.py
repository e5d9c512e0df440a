"""`make run`'s demo quiz is made at the terminal, so the web's generation time limit does not
end `make run` on a slow or busy machine (its first run also builds the word tables)."""

from __future__ import annotations

from typing import Any

import pytest

from quizapp.models import Quiz, QuizStatus, db
from quizapp.services.demo import ensure_demo
from quizapp.services.drafting import create_quiz
from quizapp.services.heavy_work import HeavyWorkError
from tests.factories import make_article, make_teacher


def test_the_demo_quiz_is_made_where_the_web_time_limit_would_stop_it(make_app: Any) -> None:
    # A limit no generation meets: what a busy machine's first run looked like (60 s passed).
    app = make_app(GENERATE_SECONDS=0.01)
    with app.app_context():
        teacher = make_teacher()
        with pytest.raises(HeavyWorkError, match=r"took longer than 0\.01 seconds"):
            create_quiz(
                make_article(teacher),
                title="A teacher's quiz",
                kinds=("multiple_choice",),
                count=5,
            )
        info = ensure_demo()
        quiz = db.session.get(Quiz, info.quiz_id)
        assert quiz.status is QuizStatus.PUBLISHED and quiz.join_code == info.join_code
        assert len(quiz.questions) >= 6
