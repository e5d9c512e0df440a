"""Heavy work under hard limits: a PDF bomb, a slow file, memory hogs, too many versions.

The attack from issue 10: a 46 KB PDF whose one page holds 270,000 empty `() Tj` operators
cost 8-30 s of CPU and 270 MB in the web worker; three uploaded at once blocked a student's
GET /join for 31.5 s.
"""

from __future__ import annotations

import io
import random
import re
import threading
import time
import urllib.parse
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from quizapp.jobs import JobBusyError, JobLimitError, JobLimits, job_slot, run_bounded
from quizapp.models import Quiz, QuizStatus, db
from tests.factories import make_article, make_quiz, make_teacher
from tests.faults.student_http import Browser, csrf_of
from tests.security.served import (
    REPO,
    assert_healthz_kept_answering,
    healthz_budget,
    healthz_seconds,
    quizapp_serve,
)

PASSWORD = "correct horse"
UPLOADS = 3
# The acceptance: refused within 5 s, /healthz under 200 ms meanwhile. On a loaded
# shared machine everything is slower, so the bounds are those or a multiple of the same
# steps measured just before the attack, whichever is larger: refusing a small damaged PDF
# (the uploads of one teacher run one after another, hence the number of uploads), and the
# slowest /healthz. On main the bombs took 8-30 s each and /healthz waited for them.
REFUSED_WITHIN = 5.0
HEALTHZ_BUDGET = 0.2
DAMAGED_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n"


def pdf_of_text_operators(operators_per_page: int, *, pages: int = 1) -> bytes:
    """A PDF whose pages each hold this many empty `() Tj` text operators (Flate-compressed,
    randomly spaced so it does not compress to nothing: one page of 270,000 is ~46 KB)."""
    writer = PdfWriter()
    spacing = random.Random(10)
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        body = b"".join(b"() Tj" + spacing.choice((b" ", b"\n")) for _ in range(operators_per_page))
        stream = StreamObject()
        stream._data = zlib.compress(b"BT /F1 12 Tf 72 720 Td\n" + body + b"ET\n", 9)
        stream[NameObject("/Filter")] = NameObject("/FlateDecode")
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _multipart(fields: dict[str, str], filename: str, data: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body with these fields and one file in "upload"."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="upload"; filename="{filename}"'
        "\r\nContent-Type: application/pdf\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


class Teacher(Browser):
    """A logged-in teacher's browser against the real server."""

    def login(self, email: str) -> None:
        status, _, page = self.request("GET", "/auth/login")
        assert status == 200
        form = {"email": email, "password": PASSWORD, "csrf_token": csrf_of(page)}
        status, _, _ = self.request("POST", "/auth/login", form)
        assert status == 302

    def upload(self, filename: str, data: bytes) -> tuple[int, str]:
        """Upload a file on the new-article page; (status, page)."""
        import http.client

        status, _, page = self.request("GET", "/teacher/articles/new")
        assert status == 200
        body, boundary = _multipart({"csrf_token": csrf_of(page)}, filename, data)
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(
                "POST",
                "/teacher/articles/new",
                body=body,
                headers={
                    "Content-Type": f"multipart/form-data; boundary={boundary}",
                    "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
                },
            )
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """The issue's PDF: one page, 270,000 empty text operators, about 46 KB."""
    return pdf_of_text_operators(270_000)


@pytest.fixture
def served(test_databases: Any, tmp_path: Path, make_app: Any) -> Iterator[tuple[int, str]]:
    """`quizapp serve --workers 3` on a fresh database with one teacher: (port, e-mail)."""
    url = test_databases.create(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    with make_app(SQLALCHEMY_DATABASE_URI=url).app_context():
        email = make_teacher(password=PASSWORD).email
        db.session.remove()
    try:
        with quizapp_serve(url, home, workers=3) as port:
            yield port, email
    finally:
        test_databases.drop(url)


# A refused upload and worker processes: nothing is stored (make test-postgres skips it).
@pytest.mark.same_on_any_database
def test_pdf_bombs_are_refused_quickly_while_healthz_keeps_answering(
    served: tuple[int, str], bomb: bytes
) -> None:
    port, email = served
    assert 40_000 < len(bomb) < 60_000
    budget = healthz_budget(port, floor=HEALTHZ_BUDGET)
    teacher = Teacher(port)
    teacher.login(email)
    started = time.monotonic()
    status, page = teacher.upload("damaged.pdf", DAMAGED_PDF)
    assert status == 200 and "damaged" in page
    refused_within = max(REFUSED_WITHIN, 2 * UPLOADS * (time.monotonic() - started))
    results: list[tuple[int, str, float]] = []

    def upload() -> None:
        started = time.monotonic()
        status, page = teacher.upload("report.pdf", bomb)
        results.append((status, page, time.monotonic() - started))

    uploads = [threading.Thread(target=upload) for _ in range(UPLOADS)]
    for thread in uploads:
        thread.start()
    latencies = []
    deadline = time.monotonic() + 120
    while any(thread.is_alive() for thread in uploads) and time.monotonic() < deadline:
        latencies.append(healthz_seconds(port, timeout=60))
        time.sleep(0.05)
    for thread in uploads:
        thread.join(timeout=120)
    assert len(results) == UPLOADS
    for status, page, seconds in results:
        assert status == 200
        assert "separate pieces of text" in page, re.sub(r"\s+", " ", page.split("<main", 1)[-1])[
            :1500
        ]
        assert seconds < refused_within, (
            f"bound {refused_within:.1f} s, refused after {[round(r[2], 2) for r in results]} s"
        )
    assert_healthz_kept_answering(latencies, budget)


def test_a_slow_pdf_is_stopped_at_the_time_limit_with_a_message(make_app: Any) -> None:
    """Pages just under the operator limit pass the cheap check; the clock still stops them."""
    app = make_app(UPLOAD_READ_SECONDS=1, WTF_CSRF_ENABLED=False)
    with app.app_context():
        email = make_teacher(password=PASSWORD).email
    client = app.test_client()
    client.post("/auth/login", data={"email": email, "password": PASSWORD})
    slow = pdf_of_text_operators(24_000, pages=12)
    response = client.post(
        "/teacher/articles/new",
        data={"upload": (io.BytesIO(slow), "slow.pdf")},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Reading this file took longer than 1 seconds, so it was stopped" in page


def allocate(megabytes: int) -> int:
    """Hold this much memory (a job that grows without bound)."""
    return len(bytearray(megabytes << 20))


def test_a_job_over_its_memory_cap_is_stopped() -> None:
    limits = JobLimits(seconds=30, memory_bytes=200 << 20)
    assert run_bounded(allocate, 50, limits=limits) == 50 << 20
    with pytest.raises(JobLimitError) as stopped:
        run_bounded(allocate, 2000, limits=limits)
    assert stopped.value.reason == "memory"


def spin() -> None:
    """Never finish (a parser caught in a loop)."""
    while True:
        pass


def test_a_job_over_its_time_is_killed() -> None:
    started = time.monotonic()
    with pytest.raises(JobLimitError) as stopped:
        run_bounded(spin, limits=JobLimits(seconds=1, memory_bytes=0))
    assert stopped.value.reason == "time"
    assert time.monotonic() - started < 20


def test_a_jobs_own_errors_reach_the_caller() -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        run_bounded(int, "not a number", limits=JobLimits(seconds=30, memory_bytes=0))


def test_one_heavy_job_per_teacher_and_per_machine_slot(tmp_path: Path) -> None:
    with job_slot(tmp_path, "user-1", per_machine=2, wait=0):
        with (
            pytest.raises(JobBusyError) as busy,
            job_slot(tmp_path, "user-1", per_machine=2, wait=0.2),
        ):
            pass
        assert busy.value.whose == "owner"
        with job_slot(tmp_path, "user-2", per_machine=2, wait=0):
            with (
                pytest.raises(JobBusyError) as full,
                job_slot(tmp_path, "user-3", per_machine=2, wait=0.2),
            ):
                pass
            assert full.value.whose == "machine"
    with job_slot(tmp_path, "user-1", per_machine=2, wait=0):
        pass


@pytest.fixture
def teacher_with_quiz(make_app: Any) -> tuple[Any, int]:
    """A logged-in teacher's client and their published quiz's id."""
    # Printing four versions takes seconds, over the 60 s PRINT_SECONDS on a loaded machine
    # (seen): the stop at the time limit has a test of its own, these are about the count.
    app = make_app(PRINT_SECONDS=300)
    with app.app_context():
        teacher = make_teacher(password=PASSWORD)
        quiz = make_quiz(teacher, make_article(teacher), status=QuizStatus.PUBLISHED)
        email, quiz_id = teacher.email, quiz.id
    client = app.test_client()
    client.post("/auth/login", data={"email": email, "password": PASSWORD})
    return client, quiz_id


@pytest.mark.parametrize("versions", ["5", "26"])
def test_too_many_printed_versions_are_refused_with_a_message(
    teacher_with_quiz: tuple[Any, int], versions: str
) -> None:
    client, quiz_id = teacher_with_quiz
    query = urllib.parse.urlencode({"versions": versions})
    response = client.get(f"/teacher/quizzes/{quiz_id}/export/pdf?{query}")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"At most 4 versions can be printed at once ({versions} were asked for)" in page


def test_four_versions_still_print(teacher_with_quiz: tuple[Any, int]) -> None:
    client, quiz_id = teacher_with_quiz
    response = client.get(f"/teacher/quizzes/{quiz_id}/export/key?versions=4")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"


def test_printing_stopped_at_the_time_limit_tells_the_teacher(make_app: Any) -> None:
    app = make_app(PRINT_SECONDS=0.01)
    with app.app_context():
        teacher = make_teacher(password=PASSWORD)
        quiz = make_quiz(teacher, make_article(teacher), status=QuizStatus.PUBLISHED)
        email, quiz_id = teacher.email, quiz.id
    client = app.test_client()
    client.post("/auth/login", data={"email": email, "password": PASSWORD})
    response = client.get(f"/teacher/quizzes/{quiz_id}/export/pdf?appendix=1&versions=4")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Making this PDF took longer than 0.01 seconds, so it was stopped" in page


def test_generating_a_long_article_is_stopped_at_the_time_limit(make_app: Any) -> None:
    """The issue's 199k-character article took 10 s of generation inside the request."""
    sample = (REPO / "quizapp" / "samples" / "glacier-report.txt").read_text(encoding="utf-8")
    long_text = "\n\n".join([sample] * (190_000 // len(sample)))
    app = make_app(GENERATE_SECONDS=1)
    with app.app_context():
        teacher = make_teacher(password=PASSWORD)
        email, article_id = teacher.email, make_article(teacher, text=long_text).id
    client = app.test_client()
    client.post("/auth/login", data={"email": email, "password": PASSWORD})
    response = client.post(
        f"/teacher/articles/{article_id}/quiz",
        data={"title": "Glaciers", "kinds": ["multiple_choice", "fill_in"], "count": "20"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Making questions from this article took longer than 1 seconds" in page
    with app.app_context():
        assert db.session.scalars(db.select(Quiz)).all() == []
