"""Workers cache published questions in memory: a deleted quiz's copy must never be served again.

SQLite hands the id of a deleted newest row to the next one, and a new quiz's version starts
over, so a cache keyed by (id, version) alone served the old quiz's questions to the new one
and dropped its students' answers as unknown.
"""

from __future__ import annotations

from typing import Any

from quizapp.models import QuizStatus
from quizapp.services import snapshots, taking
from quizapp.services.publishing import delete_quiz
from tests.factories import make_quiz, make_teacher


def test_a_new_quiz_never_gets_the_cached_questions_of_a_deleted_one(app: Any) -> None:
    with app.app_context():
        teacher = make_teacher()
        old = make_quiz(owner=teacher, status=QuizStatus.PUBLISHED, kinds=("true_false",))
        assert [row.kind for row in snapshots.question_rows(old)] == ["true_false"]
        delete_quiz(old)
        new = make_quiz(owner=teacher, status=QuizStatus.PUBLISHED, kinds=("fill_in",))
        rows = snapshots.question_rows(new)
        assert [row.kind for row in rows] == ["fill_in"]
        attempt = taking.join_quiz(new.join_code, "Ada")
        taking.submit_attempt(attempt, {f"q{rows[0].id}": new.questions[0].answer or ""})
        assert attempt.score == 1.0
