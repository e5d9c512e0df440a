"""Two app servers (`quizapp serve`) on one database: a student may hop between them freely.

What a load balancer does: every request of one student can land on another machine. The
servers share only the database and the secret key, so nothing a student needs may live in a
server's memory.
"""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quizapp.models import Attempt, QuizStatus, db
from tests.factories import make_quiz
from tests.faults.student_http import HOST, Browser, csrf_of

REPO = Path(__file__).resolve().parents[2]
# How long to wait for the server to answer: a guard against a hang, not a speed check (a
# loaded machine running tests side by side may take a minute or more to boot the workers).
START_TIMEOUT = 180.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _up(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection(HOST, port, timeout=2)
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False


@pytest.fixture
def two_servers(test_databases: Any, tmp_path: Path) -> Iterator[tuple[list[int], str]]:
    """Two `quizapp serve --workers 1` processes on one fresh database: (ports, database URL)."""
    url = test_databases.create(tmp_path)
    env = {
        **os.environ,
        "QUIZAPP_DATABASE_URL": url,
        "QUIZAPP_SECRET_KEY": secrets.token_hex(16),
        "PYTHONPATH": str(REPO),
    }
    command = [sys.executable, "-c", "from quizapp.cli import main; main()", "serve"]
    ports = [_free_port(), _free_port()]
    processes = [
        subprocess.Popen(
            [*command, "--host", HOST, "--port", str(port), "--workers", "1"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        for port in ports
    ]
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not all(_up(port) for port in ports):
            if any(p.poll() is not None for p in processes) or time.monotonic() > deadline:
                pytest.fail("quizapp serve did not start")
            time.sleep(0.1)
        yield ports, url
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        test_databases.drop(url)


def test_a_student_moving_between_servers_keeps_session_answers_and_result(
    two_servers: tuple[list[int], str], make_app: Any
) -> None:
    (first, second), url = two_servers
    seed = make_app(SQLALCHEMY_DATABASE_URI=url)
    with seed.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, kinds=("true_false", "fill_in"))
        code, (truth, blank) = quiz.join_code, [q.id for q in quiz.questions]
    student = Browser(first)
    status, _, page = student.request("GET", f"/join/{code}")
    assert status == 200
    student.port = second  # the form was served by one machine and is posted to the other
    status, headers, _ = student.request(
        "POST", f"/join/{code}", {"code": code, "name": "Ada", "csrf_token": csrf_of(page)}
    )
    assert status == 302
    take = urllib.parse.urlsplit(headers["Location"]).path
    student.port = first
    status, _, page = student.request("GET", take)
    assert status == 200
    csrf = csrf_of(page)
    student.port = second
    status, _, body = student.request(
        "POST", f"{take}/save", {f"q{truth}": "True", "csrf_token": csrf}
    )
    assert (status, body.strip()) == (200, '{"saved":true}')
    student.port = first
    status, _, body = student.request(
        "POST", f"{take}/save", {f"q{blank}": "Harbour", "csrf_token": csrf}
    )
    assert status == 200
    student.port = second
    status, _, page = student.request("GET", take)
    assert 'value="Harbour"' in page
    status, headers, _ = student.request("POST", take, {"csrf_token": csrf, "action": "submit"})
    assert status == 302 and headers["Location"].endswith("/result")
    student.port = first
    status, _, page = student.request("GET", f"{take}/result")
    assert status == 200
    with seed.app_context():
        attempt = db.session.scalars(db.select(Attempt)).one()
        assert attempt.submitted_at is not None
        assert {r.question_id: r.given for r in attempt.responses} == {
            truth: "True",
            blank: "Harbour",
        }
