"""A gunicorn worker is killed (SIGKILL) mid-quiz: the student reloads and resumes, nothing lost.

Real gunicorn with two workers on the test database; the access log names the worker process
that stored the student's answers, and that process is killed before the student goes on.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
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


def _pids_of(log: Path, path: str) -> list[int]:
    """The worker pids the access log shows serving requests to this path (%(p)s is "<pid>")."""
    pids = []
    for line in log.read_text(encoding="utf-8").splitlines():
        pid, _, request = line.partition(" ")
        if f" {path} " in f" {request} ":
            pids.append(int(pid.strip("<>")))
    return pids


def _workers(master: int) -> set[int]:
    """The live child processes of the gunicorn master."""
    children = Path(f"/proc/{master}/task/{master}/children")
    return {int(p) for p in children.read_text().split()} if children.exists() else set()


@pytest.fixture
def gunicorn(test_databases: Any, tmp_path: Path) -> Iterator[tuple[int, int, Path, str]]:
    """gunicorn (2 sync workers) on a fresh test database: (port, master pid, access log, url)."""
    if not Path("/proc/self/task").exists():
        pytest.skip("needs /proc to find gunicorn's workers (Linux)")
    url = test_databases.create(tmp_path)
    log = tmp_path / "access.log"
    listener = socket.socket()
    listener.bind((HOST, 0))
    listener.listen(64)
    port = listener.getsockname()[1]
    env = {
        **os.environ,
        "QUIZAPP_DATABASE_URL": url,
        "QUIZAPP_SECRET_KEY": "worker-killed-test",
        "PYTHONPATH": str(REPO),
    }
    # The listening socket is handed over (fd://), so no other process can take the port first.
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers=2",
            f"--bind=fd://{listener.fileno()}",
            f"--access-logfile={log}",
            "--access-logformat=%(p)s %(r)s %(s)s",
            "--log-level=warning",
            "quizapp:create_app()",
        ],
        cwd=REPO,
        env=env,
        pass_fds=[listener.fileno()],
        start_new_session=True,
    )
    listener.close()
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while len(_workers(process.pid)) < 2 or not _healthy(port):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("gunicorn did not start")
            time.sleep(0.1)
        yield port, process.pid, log, url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        test_databases.drop(url)


def _healthy(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection(HOST, port, timeout=2)
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False


def test_student_resumes_after_the_worker_that_saved_their_answers_is_killed(
    gunicorn: tuple[int, int, Path, str], make_app: Any
) -> None:
    port, master, log, url = gunicorn
    seed = make_app(SQLALCHEMY_DATABASE_URI=url)
    with seed.app_context():
        quiz = make_quiz(status=QuizStatus.PUBLISHED, kinds=("true_false", "fill_in"))
        code, (truth, blank) = quiz.join_code, [q.id for q in quiz.questions]
    student = Browser(port)
    status, _, page = student.request("GET", f"/join/{code}")
    assert status == 200
    status, headers, _ = student.request(
        "POST", f"/join/{code}", {"code": code, "name": "Ada", "csrf_token": csrf_of(page)}
    )
    assert status == 302
    take = urllib.parse.urlsplit(headers["Location"]).path
    status, _, page = student.request("GET", take)
    assert status == 200
    csrf = csrf_of(page)
    status, _, body = student.request(
        "POST", f"{take}/save", {f"q{truth}": "False", f"q{blank}": "Harbour", "csrf_token": csrf}
    )
    assert (status, body.strip()) == (200, '{"saved":true}')

    # Kill the worker that stored the answers, without warning (as the OOM killer would).
    deadline = time.monotonic() + START_TIMEOUT
    while not _pids_of(log, f"{take}/save"):
        assert time.monotonic() < deadline, "the access log names the worker"
        time.sleep(0.05)
    victim = _pids_of(log, f"{take}/save")[-1]
    assert victim in _workers(master)
    os.kill(victim, signal.SIGKILL)
    while victim in _workers(master) or len(_workers(master)) < 2:
        assert time.monotonic() < deadline, "gunicorn replaces the killed worker"
        time.sleep(0.05)

    # The student reloads: same attempt, answers intact, whichever worker answers now.
    status, _, page = student.request("GET", take)
    assert status == 200
    assert 'value="Harbour"' in page
    assert re.search(r'value="False"[^>]*checked', page)
    status, headers, _ = student.request(
        "POST",
        take,
        {f"q{truth}": "False", f"q{blank}": "Harbour", "csrf_token": csrf, "action": "submit"},
    )
    assert status == 302 and headers["Location"].endswith("/result")
    with seed.app_context():
        attempts = db.session.scalars(db.select(Attempt)).all()
        assert len(attempts) == 1
        assert attempts[0].submitted_at is not None
        assert {r.question_id: r.given for r in attempts[0].responses} == {
            truth: "False",
            blank: "Harbour",
        }
