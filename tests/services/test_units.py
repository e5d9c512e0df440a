"""Units: quizzes of several articles in order, a unit test from every article, progress."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from quizapp.models import Quiz, QuizStatus, db
from quizapp.paths import SAMPLES_DIR
from quizapp.services import units
from quizapp.services.drafting import create_quiz
from quizapp.services.publishing import publish_quiz
from tests.factories import make_article, make_attempt, make_class, make_quiz, make_teacher


@pytest.fixture
def two_articles(ctx: None) -> dict[str, Any]:
    """A teacher, a class, and published quizzes on two articles."""
    teacher = make_teacher()
    school_class = make_class(teacher)
    first = make_quiz(teacher, status=QuizStatus.PUBLISHED, title="Library boat")
    glacier = make_article(
        teacher, text=(SAMPLES_DIR / "glacier-report.txt").read_text(encoding="utf-8")
    )
    second = create_quiz(glacier, title="Glacier", kinds=("multiple_choice", "fill_in"), count=8)
    publish_quiz(second)
    return {"teacher": teacher, "class": school_class, "first": first, "second": second}


def test_steps_come_from_the_order_numbers_and_bad_input_is_explained(
    two_articles: dict[str, Any],
) -> None:
    """Blank places leave a quiz out; a bad number or date gets a message naming the quiz."""
    first, second = two_articles["first"], two_articles["second"]
    quizzes = [first, second]
    steps = units.parse_steps(
        {f"order-{first.id}": "2", f"order-{second.id}": "1", f"due-{first.id}": "2026-03-09"},
        quizzes,
    )
    assert [(s.quiz_id, s.due_on) for s in steps] == [
        (second.id, None),
        (first.id, date(2026, 3, 9)),
    ]
    assert units.parse_steps({}, quizzes) == []
    with pytest.raises(units.UnitError, match="Library boat"):
        units.parse_steps({f"order-{first.id}": "first"}, quizzes)
    with pytest.raises(units.UnitError, match="not a date"):
        units.parse_steps({f"order-{first.id}": "1", f"opens-{first.id}": "soon"}, quizzes)
    with pytest.raises(units.UnitError, match="due before it opens"):
        units.parse_steps(
            {
                f"order-{first.id}": "1",
                f"opens-{first.id}": "2026-03-09",
                f"due-{first.id}": "2026-03-01",
            },
            quizzes,
        )


def test_someone_elses_quiz_cannot_go_in_a_unit(two_articles: dict[str, Any]) -> None:
    """The quiz ids come from a form: another teacher's quiz is refused."""
    stranger = make_quiz()
    with pytest.raises(units.UnitError, match="not one of yours"):
        units.create_unit(
            two_articles["teacher"], "Mixed", None, [units.StepChoice(stranger.id, 1)]
        )


def test_the_unit_test_draws_from_every_article_and_students_see_their_path(
    two_articles: dict[str, Any],
) -> None:
    """The test quiz holds items of both articles; the student's path shows done and not."""
    teacher, school_class = two_articles["teacher"], two_articles["class"]
    first, second = two_articles["first"], two_articles["second"]
    unit = units.create_unit(
        teacher,
        "  Water   and ice ",
        school_class.id,
        [units.StepChoice(first.id, 1), units.StepChoice(second.id, 2, opens_on=date(2026, 4, 1))],
    )
    assert unit.title == "Water and ice"
    test = units.make_unit_test(unit)
    assert test.status is QuizStatus.DRAFT and units.make_unit_test(unit) is test
    quotes = [q.quote for q in test.questions]
    assert any(q and q in first.article.text for q in quotes)
    assert any(q and q in second.article.text for q in quotes)
    assert [s.quiz_id for s in unit.steps] == [first.id, second.id, test.id]

    ada = school_class.current_students[0]
    make_attempt(first, ada.name, student_id=ada.id)
    (path,) = units.student_units(ada, date(2026, 3, 2))
    assert [s.title for s in path.steps] == ["Library boat", "Glacier"]  # draft test hidden
    assert [s.status.value for s in path.steps] == ["done", "not started"]
    assert path.steps[0].join_code == first.join_code
    assert path.steps[1].join_code is None and not path.steps[1].open_now  # opens in April
    assert path.done == 1
    progress = units.unit_progress(unit)
    assert progress.rows[0] == (
        ada.name,
        (units.StepStatus.DONE,) + (units.StepStatus.NOT_STARTED,) * 2,
    )
    db.session.delete(db.session.get(Quiz, second.id))
    db.session.commit()
    db.session.refresh(unit)
    assert [s.quiz_id for s in unit.steps] == [first.id, test.id]
