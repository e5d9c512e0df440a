"""Nothing the Content-Security-Policy blocks: no inline script, handler or style on any page."""

from __future__ import annotations

import re
from typing import Any

from quizapp.paths import SAMPLES_DIR
from quizapp.services.authoring import ALL_KINDS
from tests.security.conftest import World
from tests.security.csp_scan import page_violations, script_violations, template_violations
from tests.security.test_authorization import all_routes


def _assert_clean(response: Any, where: str) -> str:
    assert response.status_code < 500, where
    if response.mimetype != "text/html":
        return ""
    html = response.get_data(as_text=True)
    assert page_violations(html) == [], where
    return html


def test_the_scanner_finds_each_kind_of_violation() -> None:
    page = (
        "<p style='color:red'>x</p><script>alert(1)</script><img src=x onerror=alert(1)>"
        "<a href=' javascript:alert(1)'>y</a><style>p{}</style><script src='/s.js'></script>"
    )
    problems = page_violations(page)
    assert len(problems) == 5, problems


def test_no_served_template_has_inline_script_handlers_or_styles() -> None:
    assert template_violations() == {}


def test_our_javascript_needs_no_unsafe_eval_or_inline_styles() -> None:
    assert script_violations() == {}


def test_every_get_route_renders_within_the_policy(
    app: Any, world: World, client_a: Any, student: Any
) -> None:
    """Found from app.url_map, so pages added later (study, practice, analysis) are covered."""
    anonymous = app.test_client()
    for route in all_routes(app, world):
        if route.method != "GET" or route.endpoint == "static":
            continue
        client = {"teacher": client_a, "student": student}.get(route.kind, anonymous)
        _assert_clean(client.get(route.url), route.url)


def _csrf_free_post(client: Any, url: str, data: dict[str, Any]) -> Any:
    response = client.post(url, data=data)
    assert response.status_code in (200, 302), (url, response.status_code)
    return response


def test_a_whole_teacher_and_student_flow_renders_within_the_policy(
    app: Any, world: World, client_a: Any
) -> None:
    """Real generated questions of every kind, each editor, publish, take, submit, results."""
    text = (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
    _assert_clean(client_a.get("/teacher/articles/new"), "new article")
    _assert_clean(client_a.post("/teacher/articles/new", data={}), "new article with errors")
    created = _csrf_free_post(client_a, "/teacher/articles/new", {"text": text})
    generate_url = created.headers["Location"]
    _assert_clean(client_a.get(generate_url), "generate step")
    _assert_clean(client_a.post(generate_url, data={"title": ""}), "generate step with errors")
    made = _csrf_free_post(
        client_a,
        generate_url,
        {"title": "River <survey>", "kinds": list(ALL_KINDS), "count": "30", "token": "t1"},
    )
    quiz_url = made.headers["Location"].split("#")[0]
    quiz_page = _assert_clean(client_a.get(quiz_url), "draft quiz page")
    edit_urls = sorted(set(re.findall(r'href="([^"]+/questions/\d+/edit)"', quiz_page)))
    assert len(edit_urls) >= 5
    for url in edit_urls:
        _assert_clean(client_a.get(url), url)
        _assert_clean(client_a.post(url, data={"prompt": "", "version": "0"}), url + " errors")
    for kind in ALL_KINDS:
        _assert_clean(client_a.get(f"{quiz_url}/questions/new?kind={kind}"), f"new {kind}")
    _assert_clean(client_a.get(f"{quiz_url}/settings"), "settings")
    _assert_clean(client_a.post(f"{quiz_url}/settings", data={"title": ""}), "settings errors")
    version = re.search(r'name="version" value="(\d+)"', quiz_page)
    assert version
    _csrf_free_post(client_a, f"{quiz_url}/publish", {"version": version.group(1)})
    published = _assert_clean(client_a.get(quiz_url), "published quiz page")
    code = re.search(r'class="join-code"[^>]*>([A-Z0-9]+)<', published)
    assert code

    for paged in (False, True):
        student = app.test_client()
        _assert_clean(student.get("/join"), "join")
        _assert_clean(student.get(f"/join/{code.group(1)}"), "join link")
        _assert_clean(student.post("/join", data={"code": "", "name": ""}), "join errors")
        joined = _csrf_free_post(student, "/join", {"code": code.group(1), "name": f"S{paged}"})
        take_url = joined.headers["Location"]
        query = "?page=2" if paged else ""
        take = _assert_clean(student.get(take_url + query), "take page")
        names = set(re.findall(r'name="(q\d+[^"]*)"', take))
        answers = dict.fromkeys(names, "1")
        _csrf_free_post(student, take_url + "/save", answers)
        done = _csrf_free_post(student, take_url, {**answers, "action": "submit"})
        _assert_clean(student.get(done.headers["Location"]), "result page")
        if not paged:
            _assert_clean(client_a.get(quiz_url + "/results"), "results page")
    _assert_clean(client_a.get(f"{quiz_url}/delete"), "delete confirmation")
    _assert_clean(app.test_client().get("/no/such/page"), "404 page")
