"""Every teacher route, given another teacher's real objects (or one's own quiz with another's
question, attempt or student), answers 404 and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from quizapp.models import Quiz, RegradeChange, Unit, db
from quizapp.paths import SAMPLES_DIR
from quizapp.services import lessons, publishing, regrading, units
from tests.factories import make_article, make_attempt, make_class, make_quiz, make_teacher

# Pages about the teacher's own account or lists, not about one object.
OWN_PAGES = {
    "teacher.dashboard",
    "teacher.download_data",
    "teacher.new_article",
    "teacher.classes",
    "teacher.new_class",
    "units.index",
    "units.new",
}
FORMATS = {"fmt": "moodle-xml"}


def _world(owner: Any) -> dict[str, int]:
    """One teacher's objects of every kind a teacher route names, by route argument."""
    school_class = make_class(owner)
    text = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
    quiz = make_quiz(owner, make_article(owner, text=text), kinds=("multiple_choice", "fill_in"))
    publishing.publish_quiz(quiz)
    quiz.class_id = school_class.id
    db.session.commit()
    fill = next(q for q in quiz.questions if q.kind == "fill_in")
    attempt = make_attempt(quiz, "Ada Lovelace", {fill: ("Harbour", False)})
    regrading.regrade_question(
        quiz, fill, regrading.RegradeAction.ACCEPT_ANSWER, teacher=owner, answer="Harbour"
    )
    change = db.session.scalars(db.select(RegradeChange)).all()[-1]
    lesson = lessons.create_lesson(quiz)
    unit = units.create_unit(owner, "Rivers", school_class.id, [units.StepChoice(quiz.id, 1)])
    return {
        "quiz_id": quiz.id,
        "lesson_id": lesson.id,
        "article_id": quiz.article_id,
        "question_id": fill.id,
        "attempt_id": attempt.id,
        "change_id": change.id,
        "class_id": school_class.id,
        "student_id": school_class.current_students[0].id,
        "unit_id": unit.id,
    }


def _urls(app: Any, values: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) of every teacher route about one object, filled with values."""
    out = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if not rule.rule.startswith("/teacher/") or rule.endpoint in OWN_PAGES:
                continue
            filled = {**FORMATS, **values}
            if rule.endpoint.startswith("lessons.") and "quiz_id" in rule.arguments:
                filled["quiz_id"] = values["lesson_id"]
            args = {k: v for k, v in filled.items() if k in rule.arguments}
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                out.append((rule.endpoint, method, rule.build(args)[1]))
    return out


@pytest.fixture
def two_teachers(app: Any) -> tuple[dict[str, int], dict[str, int], str]:
    """Alice's world, Bob's world and Bob's e-mail (Bob logs in)."""
    with app.app_context():
        alice, bob = make_teacher(), make_teacher()
        return _world(alice), _world(bob), bob.email


def _state(app: Any, ids: dict[str, int]) -> tuple[Any, ...]:
    """What a refused request must leave as it was."""
    with app.app_context():
        quiz = db.session.get(Quiz, ids["quiz_id"])
        unit = db.session.get(Unit, ids["unit_id"])
        return (
            quiz.status,
            quiz.version,
            quiz.class_id,
            [(q.id, q.prompt, q.answer, q.deleted, q.data) for q in quiz.questions],
            [(s.id, s.name, s.personal_code) for s in quiz.school_class.current_students],
            quiz.school_class.archived_at,
            db.session.scalar(db.select(db.func.count(RegradeChange.id))),
            unit.title,
        )


def test_another_teachers_real_objects_are_not_found(
    app: Any, client: Any, auth: Any, two_teachers: tuple[dict[str, int], dict[str, int], str]
) -> None:
    alice, _bob, bob_email = two_teachers
    before = _state(app, alice)
    auth.login(bob_email)
    urls = _urls(app, alice)
    assert len(urls) >= 45
    for endpoint, method, url in urls:
        response = client.open(
            url, method=method, data={"version": "1", "action": "drop", "names": "Eve"}
        )
        assert response.status_code == 404, (endpoint, method, url, response.status_code)
    assert _state(app, alice) == before


def test_ones_own_quiz_or_class_with_anothers_part_is_not_found(
    app: Any, client: Any, auth: Any, two_teachers: tuple[dict[str, int], dict[str, int], str]
) -> None:
    """Bob's own quiz id with Alice's question, attempt or regrade; his class with her student."""
    alice, bob, bob_email = two_teachers
    before = _state(app, alice)
    auth.login(bob_email)
    mixed = {
        **bob,
        **{k: alice[k] for k in ("question_id", "attempt_id", "change_id", "student_id")},
    }
    checked = 0
    for endpoint, method, url in _urls(app, mixed):
        if not any(f"/{part}/" in url or url.endswith(f"/{part}") for part in _parts(alice)):
            continue
        response = client.open(url, method=method, data={"version": "1", "action": "drop"})
        checked += 1
        if endpoint == "teacher.undo_regrade":
            # Undo is refused on Bob's own results page with the reason, as for a stale link.
            assert response.status_code == 302, url
            page = client.get(response.headers["Location"]).get_data(as_text=True)
            assert "There is no such change to undo." in page
            continue
        assert response.status_code == 404, (endpoint, method, url, response.status_code)
    assert checked >= 12
    assert _state(app, alice) == before


def _parts(ids: dict[str, int]) -> list[str]:
    """The path segments that name Alice's parts ("questions/7", "attempts/3", ...)."""
    return [
        f"questions/{ids['question_id']}",
        f"attempts/{ids['attempt_id']}",
        f"regrades/{ids['change_id']}",
        f"students/{ids['student_id']}",
    ]
