"""Numbers past what a database column holds, in any route or id parameter: 404 or ignored,
never a server error (a scripted probe of /teacher/quizzes/99999999999999999999)."""

from __future__ import annotations

from typing import Any

from quizapp.models import QuizStatus, db
from quizapp.services import joining, taking
from quizapp.web.ids import RowIdConverter
from tests.factories import make_class, make_quiz

HUGE = 10**20


def test_every_route_with_a_huge_id_is_not_found(app: Any, client: Any, auth: Any) -> None:
    auth.login()
    checked = 0
    with app.test_request_context():
        rules = [r for r in app.url_map.iter_rules() if r.arguments]
        urls = []
        for rule in rules:
            converters = rule._converters  # which arguments are numbers
            if not any(isinstance(c, RowIdConverter) for c in converters.values()):
                continue
            values = {
                name: "x" * 8 if not isinstance(conv, RowIdConverter) else 1
                for name, conv in converters.items()
            }
            path = rule.build(values)[1]
            for name, conv in converters.items():
                if isinstance(conv, RowIdConverter):
                    path = path.replace(f"/{values[name]}", f"/{HUGE}", 1)
            method = "GET" if "GET" in rule.methods else "POST"
            urls.append((method, path))
    for method, url in urls:
        response = client.open(url, method=method, data={"version": "1"})
        # 405 where another route of that path takes the other method (Werkzeug's answer).
        assert response.status_code in (404, 405), (method, url, response.status_code)
        checked += 1
    assert checked >= 40


def test_huge_numbers_in_query_and_form_fields_are_ignored(app: Any) -> None:
    with app.app_context():
        school_class = make_class()
        quiz = make_quiz(kinds=("fill_in",), status=QuizStatus.PUBLISHED, class_id=school_class.id)
        code = school_class.current_students[0].personal_code
        attempt = joining.join_quiz(quiz.join_code, personal_code=code)
        taking.submit_attempt(attempt, {})
        token = attempt.token
    student = app.test_client()
    assert student.get(f"/review/{code}?after={HUGE}").status_code == 200
    posted = student.post(f"/review/{code}", data={"card": str(HUGE), "version": str(HUGE)})
    assert posted.status_code == 302
    assert student.get(f"/attempt/{token}/practice?after={HUGE}").status_code in (200, 302, 404)
    assert student.get(f"/attempt/{token}?page={HUGE}").status_code in (200, 302)
    with app.app_context():
        assert db.session.get(type(attempt), attempt.id) is not None
