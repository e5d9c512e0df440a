"""Every route of the app, from app.url_map: only its owner ever gets a teacher's data.

Routes are found at run time, so a route added later is checked without editing this file;
a route with a URL argument this file cannot fill fails loudly until a value is added below.
"""

from __future__ import annotations

import io
import secrets
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from quizapp.services.account_data import account_archive
from quizapp.services.accounts import find_user
from tests.security.conftest import A_MARKERS, World, login

# Routes anyone may open. Everything else either takes a student's secret (an attempt token
# or a join code in the URL) or must need a teacher's login.
PUBLIC_ENDPOINTS = frozenset(
    {
        "static",
        "home.index",
        "health.healthz",
        "health.readyz",
        "auth.login",
        "auth.register",
        "play.join",
        "review.enter",
    }
)
STUDENT_ARGUMENTS = frozenset({"token", "code"})
OBJECT_ARGUMENTS = frozenset(
    {
        "quiz_id",
        "article_id",
        "question_id",
        "class_id",
        "student_id",
        "attempt_id",
        "change_id",
        "unit_id",
    }
)
# Form fields a POST may need to get past validation to the ownership check.
POST_DATA = {"version": "1", "direction": "up", "kind": "fill_in", "title": "x", "count": "5"}
LOGIN_REDIRECT = "/auth/login"


@dataclass(frozen=True)
class Route:
    """One (method, URL) of the app, built for teacher A's objects."""

    endpoint: str
    method: str
    url: str
    arguments: frozenset[str]

    @property
    def kind(self) -> str:
        """public, student (a secret in the URL) or teacher (needs a login)."""
        if self.endpoint in PUBLIC_ENDPOINTS:
            return "public"
        if self.arguments & STUDENT_ARGUMENTS:
            return "student"
        return "teacher"


def _values(world: World) -> dict[str, Any]:
    """A value for every URL argument the app uses, pointing at teacher A's objects."""
    return {
        "quiz_id": world.quiz_id,
        "article_id": world.article_id,
        "question_id": world.question_id,
        "class_id": world.class_id,
        "student_id": world.student_id,
        "attempt_id": world.attempt_id,
        # No regrade exists: undoing it is refused (owner) or 404 (anyone else).
        "change_id": 1,
        "unit_id": world.unit_id,
        "number": 1,
        "position": 1,
        "offset": 0,
        "token": world.attempt_token,
        "code": world.join_code,
        "fmt": "json",
        "filename": "css/app.css",
    }


def all_routes(app: Any, world: World, lesson_quiz_id: int | None = None) -> list[Route]:
    """Every (method, URL) of the app's url_map; lesson pages at ``lesson_quiz_id`` if given."""
    values = _values(world)
    routes = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            missing = set(rule.arguments) - set(values)
            assert not missing, (
                f"{rule.endpoint} ({rule.rule}) has URL arguments {sorted(missing)}: add a value "
                "for teacher A's objects to _values() in tests/security/test_authorization.py"
            )
            arguments = {k: values[k] for k in rule.arguments}
            if lesson_quiz_id is not None and rule.rule.startswith("/teacher/lessons/"):
                # A lesson's pages exist only for a lesson.
                arguments.update(quiz_id=lesson_quiz_id, fmt="qti")
            url = rule.build(arguments)[1]
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                routes.append(Route(rule.endpoint, method, url, frozenset(rule.arguments)))
    return routes


def _send(client: Any, route: Route) -> Any:
    """Open the route (POSTs carry plausible form fields)."""
    data = POST_DATA if route.method != "GET" else None
    return client.open(route.url, method=route.method, data=data)


def _text(response: Any) -> str:
    """The body as text; a zip's files' text joined (so an archive cannot hide data)."""
    if response.mimetype == "application/zip":
        with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
            return "".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    return response.data.decode("utf-8", errors="replace")


def _assert_no_data(response: Any, route: Route, who: str) -> None:
    """Neither the body nor a redirect target carries any of teacher A's strings."""
    body = _text(response)
    leaked = [m for m in A_MARKERS if m.casefold() in body.casefold()]
    assert not leaked, f"{who} {route.method} {route.url} got {response.status_code} with {leaked}"
    assert "Traceback" not in body


def _snapshot(app: Any, world: World) -> bytes:
    """Teacher A's whole data as bytes, to prove that nothing was changed."""
    with app.app_context():
        owner = find_user(world.a_email)
        return account_archive(owner, now=datetime(2026, 1, 1, tzinfo=UTC)).data


def test_route_inventory_is_classified(app: Any, world: World) -> None:
    routes = all_routes(app, world)
    kinds = {route.kind for route in routes}
    assert kinds == {"public", "student", "teacher"}
    teacher = [r for r in routes if r.kind == "teacher"]
    # Blueprints with teacher data must all be in the teacher class.
    assert {r.endpoint.split(".")[0] for r in teacher} >= {"teacher", "exports"}
    assert len(teacher) >= 25


def test_anonymous_visitors_get_a_login_page_never_data(app: Any, world: World) -> None:
    before = _snapshot(app, world)
    client = app.test_client()
    for route in all_routes(app, world):
        if route.kind != "teacher":
            continue
        response = _send(client, route)
        assert response.status_code in (302, 401, 403, 404), (route, response.status_code)
        if response.status_code == 302:
            assert LOGIN_REDIRECT in response.headers["Location"], route
        _assert_no_data(response, route, "anonymous")
    assert _snapshot(app, world) == before


def test_another_teacher_gets_404_never_data(app: Any, world: World, client_b: Any) -> None:
    before = _snapshot(app, world)
    checked = 0
    for route in all_routes(app, world):
        if route.kind != "teacher":
            continue
        response = _send(client_b, route)
        if route.arguments & OBJECT_ARGUMENTS:
            assert response.status_code in (403, 404), (route, response.status_code)
            checked += 1
        else:
            # B's own pages (dashboard, new article, B's data download, log out).
            assert response.status_code < 500, route
        _assert_no_data(response, route, "teacher B")
        if route.endpoint == "auth.logout":
            client_b = login(app, world.b_email)
    assert checked >= 20
    assert _snapshot(app, world) == before


def test_b_data_download_holds_none_of_a(app: Any, world: World, client_b: Any) -> None:
    response = client_b.get("/teacher/account/data.zip")
    assert response.status_code == 200
    text = _text(response)
    assert "school garden grew 40 kg" in text
    assert not [m for m in A_MARKERS if m in text]
    assert world.attempt_token not in text


def test_a_student_with_a_valid_attempt_gets_no_teacher_data(
    app: Any, world: World, student: Any
) -> None:
    before = _snapshot(app, world)
    for route in all_routes(app, world):
        if route.kind != "teacher":
            continue
        response = _send(student, route)
        assert response.status_code in (302, 401, 403, 404), (route, response.status_code)
        if response.status_code == 302:
            assert LOGIN_REDIRECT in response.headers["Location"], route
        _assert_no_data(response, route, "student")
    assert _snapshot(app, world) == before


def test_the_owner_reaches_every_teacher_page(app: Any, world: World, client_a: Any) -> None:
    """The other side of the coin: the checks above are not passing because pages are broken.

    (A page may want a query parameter or another quiz state, so a few may say 400/404.)
    """
    from quizapp.models import Quiz, db
    from quizapp.services.lessons import create_lesson

    with app.app_context():
        lesson_quiz_id = create_lesson(db.session.get(Quiz, world.quiz_id)).id
    statuses = {}
    for route in all_routes(app, world, lesson_quiz_id):
        if route.kind != "teacher" or route.method != "GET":
            continue
        statuses[route.url] = client_a.get(route.url).status_code
    assert all(status < 500 for status in statuses.values()), statuses
    assert sum(status == 200 for status in statuses.values()) >= len(statuses) - 2, statuses


BAD_TOKENS = [
    "nope",
    # A fixed id: parallel workers must collect the same test names (pytest-xdist).
    pytest.param(secrets.token_urlsafe(32), id="random-token"),
    "%",
    "_" * 43,
    "' OR '1'='1",
    "token-1",
    "x" * 65,
    "x" * 5000,
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
]


@pytest.mark.parametrize("token", BAD_TOKENS)
def test_unknown_attempt_tokens_are_404_on_every_student_route(
    app: Any, world: World, token: str
) -> None:
    client = app.test_client()
    checked = 0
    for route in all_routes(app, world):
        if "token" not in route.arguments:
            continue
        url = route.url.replace(world.attempt_token, token)
        response = client.open(url, method=route.method, data={"action": "submit"})
        assert response.status_code == 404, (url, route.method, response.status_code)
        _assert_no_data(response, route, "a guessed token")
        checked += 1
    assert checked >= 4


def test_unknown_join_codes_are_404_and_say_nothing(app: Any, world: World) -> None:
    client = app.test_client()
    code_routes = [r for r in all_routes(app, world) if "code" in r.arguments and r.method == "GET"]
    assert code_routes
    for code in ("QKH7WX", "%", "' OR 1=1 --", "Q" * 300):
        for route in code_routes:
            response = client.get(route.url.replace(world.join_code, code))
            assert response.status_code == 404, (route, code)
            _assert_no_data(response, route, "a guessed code")
        response = client.post("/join", data={"code": code, "name": "Eve"})
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert "no quiz with that code" in page or "longer than 40" in page
