"""Hostile strings in articles, titles, questions, options, names and file names stay text
everywhere: every web page, the results CSV, every export format and the PDFs."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from quizapp.exports import FORMATS
from quizapp.models import db
from quizapp.paths import SAMPLES_DIR
from quizapp.services.accounts import find_user
from quizapp.services.authoring import get_owned_quiz
from quizapp.services.drafting import SourceLimits, create_quiz, ingest_article
from quizapp.services.editing import QuestionEdit, add_question
from quizapp.services.publishing import publish_quiz
from tests.factories import make_teacher
from tests.security.conftest import PASSWORD, login
from tests.security.csp_scan import page_violations

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
TEMPLATE = "{{7*7}}{% print 7*7 %}"
FORMULA = '=HYPERLINK("http://evil.example","x")'
CDATA_END = "]]><evil/>"
HOSTILE = (SCRIPT, IMG, JS_URL, TEMPLATE, FORMULA, CDATA_END)
# What must never appear in a page or file: the payloads' markup, live.
LIVE_MARKUP = (SCRIPT, "<img src=x", "<evil/>", 'href="javascript:')
HOSTILE_SENTENCE = f"The council heard {SCRIPT} and {IMG} in 2024."
ARTICLE = (
    f"{SCRIPT} Rivers {IMG}\n\n"
    + (SAMPLES_DIR / "river-survey.txt").read_text(encoding="utf-8")
    + f"\n\n{HOSTILE_SENTENCE} See {JS_URL} and {TEMPLATE} and {CDATA_END}.\n"
)
QUIZ_TITLE = f"Quiz {SCRIPT} {IMG} {TEMPLATE}"
STUDENT = f"{IMG[:40]} {TEMPLATE}"


@dataclass(frozen=True)
class Hostile:
    """A published quiz full of hostile strings, and who can reach it."""

    email: str
    quiz_id: int
    join_code: str
    token: str


def _teacher_questions() -> list[QuestionEdit]:
    """One question of every kind with hostile text in each field a teacher can type."""
    explanation = f"Because {SCRIPT} {JS_URL} {FORMULA}"
    return [
        QuestionEdit(
            kind="multiple_choice",
            prompt=f"Which is right? {SCRIPT}",
            answer=IMG,
            options=(IMG, JS_URL, TEMPLATE, FORMULA),
            explanation=explanation,
            quote=HOSTILE_SENTENCE,
        ),
        QuestionEdit(
            kind="short_answer", prompt=f"Name it {IMG}", answer=SCRIPT, explanation=explanation
        ),
        QuestionEdit(kind="fill_in", prompt=f"{SCRIPT} heard _____ {IMG}", answer=TEMPLATE),
        QuestionEdit(kind="true_false", prompt=f"{FORMULA} {CDATA_END}", answer="True"),
        QuestionEdit(
            kind="matching",
            prompt=f"Match {SCRIPT}",
            pairs=((SCRIPT, IMG), (JS_URL, TEMPLATE), (FORMULA, CDATA_END)),
        ),
        QuestionEdit(kind="numeric", prompt=f"How many {IMG}?", value="12", unit=SCRIPT),
    ]


@pytest.fixture(scope="module")
def app(module_app: Any) -> Any:
    """One app for the module: the hostile quiz is generated once (the generator's run was
    most of each test's time); the tests read it, and add only attempts and articles."""
    return module_app


@pytest.fixture(scope="module")
def hostile(app: Any) -> Hostile:
    """Made through the services, as the web forms would; a student with a hostile name
    answered with hostile text and submitted."""
    with app.app_context():
        teacher = make_teacher(password=PASSWORD, display_name=f"Ms {SCRIPT}")
        limits = SourceLimits(
            max_bytes=1_000_000, max_chars=200_000, url_timeout=1.0, allow_private=False
        )
        article = ingest_article(teacher, text=ARTICLE, limits=limits)
        quiz = create_quiz(article, title=QUIZ_TITLE, kinds=["multiple_choice", "fill_in"], count=3)
        for edit in _teacher_questions():
            add_question(quiz, edit, expected_version=quiz.version)
        code = publish_quiz(quiz, expected_version=quiz.version)
        email, quiz_id = teacher.email, quiz.id
        db.session.remove()
    student = app.test_client()
    joined = student.post("/join", data={"code": code, "name": STUDENT})
    assert joined.status_code == 302
    take_url = joined.headers["Location"]
    page = student.get(take_url).get_data(as_text=True)
    answers = {name: SCRIPT for name in set(re.findall(r'name="(q\d+[^"]*)"', page))}
    done = student.post(take_url, data={**answers, "action": "submit"})
    assert done.status_code == 302
    return Hostile(email, quiz_id, code, take_url.rsplit("/", 1)[-1])


def _assert_inert_html(html: str, where: str) -> None:
    """Shown as text: no live markup from the payloads, no handler or inline script."""
    for markup in LIVE_MARKUP:
        assert markup not in html, f"{where}: {markup!r} is live markup"
    assert page_violations(html) == [], where


def test_every_page_shows_hostile_strings_as_text(app: Any, hostile: Hostile) -> None:
    teacher = login(app, hostile.email)
    student = app.test_client()
    student.post("/join", data={"code": hostile.join_code, "name": "Viewer"})
    quiz = f"/teacher/quizzes/{hostile.quiz_id}"
    pages = {
        "dashboard": teacher.get("/teacher/"),
        "quiz page": teacher.get(quiz),
        "results": teacher.get(f"{quiz}/results"),
        "settings": teacher.get(f"{quiz}/settings"),
        "delete confirmation": teacher.get(f"{quiz}/delete"),
        "student result": student.get(f"/attempt/{hostile.token}/result"),
        "join link": student.get(f"/join/{hostile.join_code}"),
    }
    quiz_html = pages["quiz page"].get_data(as_text=True)
    for url in sorted(set(re.findall(r'href="([^"]+/questions/\d+/edit)"', quiz_html))):
        pages[url] = teacher.get(url)
    # Every student-side page of the attempt (take, study, practice...), from the url map.
    for rule in app.url_map.iter_rules():
        if set(rule.arguments) == {"token"} and "GET" in (rule.methods or ()):
            url = rule.rule.replace("<token>", hostile.token)
            pages[url] = student.get(url, follow_redirects=True)
    seen = ""
    for where, response in pages.items():
        assert response.status_code == 200, (where, response.status_code)
        html = response.get_data(as_text=True)
        _assert_inert_html(html, where)
        seen += html
    # ... and the strings were shown, escaped, rather than dropped.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in seen
    assert "{{7*7}}" in seen and "{% print 7*7 %}" in seen


def test_the_take_page_with_hostile_questions_is_inert(app: Any, hostile: Hostile) -> None:
    student = app.test_client()
    joined = student.post("/join", data={"code": hostile.join_code, "name": "Second"})
    html = student.get(joined.headers["Location"]).get_data(as_text=True)
    _assert_inert_html(html, "take page")
    assert "&lt;script&gt;" in html


def test_results_csv_and_data_archive_are_formula_safe(app: Any, hostile: Hostile) -> None:
    teacher = login(app, hostile.email)
    text = teacher.get(f"/teacher/quizzes/{hostile.quiz_id}/results.csv").data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert any(STUDENT in cell for row in rows for cell in row)
    archive = zipfile.ZipFile(io.BytesIO(teacher.get("/teacher/account/data.zip").data))
    for name in archive.namelist():
        if name.endswith(".csv"):
            rows += list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
    for row in rows:
        for cell in row:
            assert not cell.lstrip(" ").startswith(("=", "+", "@", "\t", "\r")), cell
            assert not re.match(r"\s*-(?!\d)", cell), cell


def _files(data: bytes) -> dict[str, bytes]:
    """A download's files: the members of a zip, or the download itself."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    return {"": data}


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in ("pdf", "key")])
def test_every_export_keeps_hostile_strings_inert(
    app: Any, hostile: Hostile, fmt: str, tmp_path: Path
) -> None:
    teacher = login(app, hostile.email)
    response = teacher.get(f"/teacher/quizzes/{hostile.quiz_id}/export/{fmt}")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert "\n" not in disposition and "<" not in disposition and "{" not in disposition
    if fmt in ("kahoot", "quizizz"):  # spreadsheets: no formula, text cells formula-safe
        sheet = load_workbook(io.BytesIO(response.data)).active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert not [c for c in cells if c.data_type == "f"]
        texts = [str(c.value) for c in cells]
        assert not [t for t in texts if t.lstrip(" ").startswith(("=", "+", "@"))]
        assert any(t.startswith("'=HYPERLINK") for t in texts)
    for name, data in _files(response.data).items():
        if fmt == "json":
            assert json.loads(data)["article"]["title"] == QUIZ_TITLE  # data, kept exactly
            continue
        if name.endswith(".anki2"):
            _assert_anki_fields_escaped(data, tmp_path)
            continue
        if fmt in ("csv", "blooket"):
            # Spreadsheet data, read as plain text by the spreadsheet or the game: formula-safe.
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            cells = [cell for row in rows for cell in row]
            assert not [c for c in cells if c.lstrip(" ").startswith(("=", "+", "@"))]
            assert any(c.startswith("'=HYPERLINK") for c in cells)
            continue
        if name.endswith(".xml") or data.lstrip().startswith(b"<?xml"):
            root = ElementTree.fromstring(data)  # well formed despite "]]>"
            assert root.iter("evil") is not None and not list(root.iter("evil"))
            assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("script", "img")]
        text = data.decode("utf-8", errors="replace")
        # GIFT comments (the title line) are never shown; typed short-answer keys are plain
        # text to Moodle, never HTML. Every field a student or teacher sees is escaped.
        shown = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
        shown = shown.replace(f"={SCRIPT}", "")
        for markup in (SCRIPT, "<img src=x"):
            assert markup not in shown, (fmt, name, markup)


def _assert_anki_fields_escaped(collection: bytes, folder: Path) -> None:
    """Anki shows note fields as HTML: each one must hold escaped text only."""
    path = folder / "collection.anki2"
    path.write_bytes(collection)
    connection = sqlite3.connect(path)
    try:
        fields = [row[0] for row in connection.execute("SELECT flds FROM notes")]
    finally:
        connection.close()
    assert fields
    joined = "\x1f".join(fields)
    assert "&lt;script&gt;" in joined
    for markup in (SCRIPT, "<img src=x"):
        assert markup not in joined


def test_pdfs_print_hostile_strings_as_text(app: Any, hostile: Hostile) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    teacher = login(app, hostile.email)
    for fmt in ("pdf", "key"):
        response = teacher.get(f"/teacher/quizzes/{hostile.quiz_id}/export/{fmt}")
        assert response.status_code == 200
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"],
            input=response.data,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        flat = " ".join(text.split())
        assert SCRIPT in flat, fmt
        assert "{{7*7}}" in flat, fmt


def test_a_hostile_upload_file_name_is_shown_as_text(app: Any) -> None:
    with app.app_context():
        email = make_teacher(password=PASSWORD).email
    teacher = login(app, email)
    body = (SAMPLES_DIR / "glacier-report.txt").read_bytes()
    response = teacher.post(
        "/teacher/articles/new",
        # Browsers send a file's base name, with '"' as %22 (the HTML multipart rules).
        data={"upload": (io.BytesIO(body), "%22><img src=x onerror=alert(1)>{{7*7}}.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    for page in (teacher.get(response.headers["Location"]), teacher.get("/teacher/")):
        _assert_inert_html(page.get_data(as_text=True), "after a hostile file name")
    with app.app_context():
        owner = find_user(email)
        assert owner is not None and get_owned_quiz(owner, 1) is None
