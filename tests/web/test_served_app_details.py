"""An outside tester's findings on the served app: download headers, the student's feedback
sentence, the printed article appendix, the browser's icon request."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import openpyxl
import pypdf
import pytest

from quizapp.exports import FORMATS, export
from quizapp.exports.base import ExportOptions
from quizapp.exports.pdf import build_paper
from quizapp.models import ExplanationPolicy, QuizStatus, db
from quizapp.paths import SAMPLES_DIR
from quizapp.services import taking
from tests.factories import make_article, make_question, make_quiz

KINDS = ("multiple_choice", "fill_in", "true_false")


def test_every_download_names_its_charset_once(app, client, auth):
    teacher = auth.login()
    with app.app_context():
        quiz_id = make_quiz(db.session.merge(teacher), kinds=KINDS).id
    for fmt in FORMATS:
        response = client.get(f"/teacher/quizzes/{quiz_id}/export/{fmt}")
        assert response.status_code == 200, fmt
        content_type = response.headers["Content-Type"]
        assert content_type.count("charset") <= 1, (fmt, content_type)
        if response.mimetype.startswith("text/"):
            assert content_type.endswith("; charset=utf-8"), (fmt, content_type)


def test_feedback_held_back_until_closing_is_named_as_a_sentence(app, client):
    with app.app_context():
        quiz = make_quiz(
            kinds=KINDS,
            status=QuizStatus.PUBLISHED,
            join_code="LATER5",
            show_score=ExplanationPolicy.AFTER_CLOSE,
            show_marks=ExplanationPolicy.AFTER_CLOSE,
            show_answers=ExplanationPolicy.NEVER,
            explanations=ExplanationPolicy.NEVER,
        )
        attempt = taking.join_quiz(quiz.join_code, "Ada")
        taking.submit_attempt(attempt, {})
        token = attempt.token
    page = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert (
        "Your teacher will show your score and which answers were right when the quiz closes."
        in page
    )


def test_printed_article_does_not_repeat_its_headline():
    text = (SAMPLES_DIR / "printing-history.txt").read_text(encoding="utf-8")
    title = text.splitlines()[0]
    document = {"article": {"title": title, "published": None}, "questions": []}
    paper = build_paper(document, ExportOptions(article_text=text))
    assert [line for number, line in paper.appendix if number is None] == []
    assert paper.appendix[0] == (1, text.split("\n\n")[1].strip())
    # A headline that is not the title (the teacher renamed the quiz's article) still prints.
    renamed = {"article": {"title": "Printing", "published": None}, "questions": []}
    appendix = build_paper(renamed, ExportOptions(article_text=text)).appendix
    assert appendix[0] == (None, title)


def test_printed_article_appendix_shows_the_title_once(client, auth, app):
    text = (SAMPLES_DIR / "printing-history.txt").read_text(encoding="utf-8")
    title = text.splitlines()[0]
    teacher = auth.login()
    with app.app_context():
        article = make_article(db.session.merge(teacher), title=title, text=text)
        quiz_id = make_quiz(article.owner, article, kinds=KINDS).id
    response = client.get(f"/teacher/quizzes/{quiz_id}/export/pdf?appendix=1")
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    last_page = reader.pages[-1].extract_text()
    appendix = " ".join(last_page[last_page.index("The article") :].split())
    # The title and date, then straight to the first paragraph (the headline is not repeated).
    assert f"The article {title} · 4 May 2024 ¶1 Johannes Gutenberg" in appendix


def test_pages_link_an_icon_that_is_served(client):
    # Without one, every page view ends in a 404 for /favicon.ico in the browser's console.
    page = client.get("/auth/login").get_data(as_text=True)
    match = re.search(r'<link rel="icon" href="([^"]+)"', page)
    assert match is not None
    response = client.get(match.group(1))
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"


def test_settings_say_how_attempts_are_counted_without_a_class(app, client, auth):
    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(db.session.merge(teacher), kinds=KINDS, status=QuizStatus.PUBLISHED)
        quiz_id, code = quiz.id, quiz.join_code
    page = client.get(f"/teacher/quizzes/{quiz_id}/settings").get_data(as_text=True)
    assert "counted per browser" in page
    # What the hint promises: a second browser under the same name is a second, numbered name.
    with app.app_context():
        first = taking.join_quiz(code, "Sam Lee")
        taking.submit_attempt(first, {})
        again = taking.join_quiz(code, "Sam Lee")
        assert again.student_name == "Sam Lee (2)"


def test_a_long_web_address_prints_whole_inside_the_page():
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed: apt-get install poppler-utils")
    link = "https://example.org/" + "abcdefghij" * 15
    item = {
        "id": "q1",
        "kind": "fill_in",
        "prompt": f"Which page does the article link to, after {link}? _____",
        "answer": link,
        "accepted": [],
        "source": {"quote": f"See {link} for more.", "paragraph": 1},
        "fact": {"type": "other", "text": link},
    }
    document = {"article": {"title": "Links", "published": None}, "questions": [item]}
    for fmt in ("pdf", "key"):
        # pdftotext keeps only what lies on the page: text run past the edge is lost on paper.
        text = subprocess.run(
            ["pdftotext", "-", "-"],
            input=export(document, fmt).data,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        assert link in re.sub(r"\s+", "", text), fmt


def test_a_pasted_control_character_leaves_every_export_readable(app, client, auth):
    # A vertical tab is Word's line break: pasted into a question, it made the whole Moodle XML
    # and QTI files unreadable to their importers, and the Kahoot! download fail.
    from lxml import etree

    teacher = auth.login()
    with app.app_context():
        quiz = make_quiz(db.session.merge(teacher), kinds=())
        make_question(
            quiz,
            "multiple_choice",
            prompt="Which boat\x0bsailed first?\x1f",
            answer="The Ark\x0b",
            data={"options": ["The Ark\x0b", "The Ferry", "The Barge", "The Raft"]},
        )
        quiz.title = "Boats\x0cand ferries"
        db.session.commit()
        quiz_id = quiz.id
    url = f"/teacher/quizzes/{quiz_id}/export"
    moodle = client.get(f"{url}/moodle-xml").data
    assert "Which boat sailed first?" in etree.fromstring(moodle).xpath("string(//questiontext)")
    for fmt in ("qti", "qti-canvas"):
        archive = zipfile.ZipFile(io.BytesIO(client.get(f"{url}/{fmt}").data))
        for name in archive.namelist():
            etree.fromstring(archive.read(name))
    for fmt in ("kahoot", "quizizz"):
        response = client.get(f"{url}/{fmt}")
        assert response.status_code == 200, fmt
        openpyxl.load_workbook(io.BytesIO(response.data))
