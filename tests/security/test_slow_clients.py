"""Slow clients and big bodies against `quizapp serve`: no worker is held, the site answers.

The attack from issue 10: three sockets sending a request body one byte at a time froze
/healthz for 30 s on gunicorn's sync workers (one socket per worker); a 9.9 MB form body to
/join held a worker 7 s before the CSRF check refused it.
"""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.faults.student_http import HOST
from tests.security.served import (
    assert_healthz_kept_answering,
    healthz_budget,
    healthz_seconds,
    quizapp_serve,
)

# Sockets and gunicorn workers: the database only serves the app (make test-postgres skips).
pytestmark = pytest.mark.same_on_any_database

WORKERS = 3
# The acceptance: /healthz within 200 ms while the attack runs. On a shared, loaded
# test machine a probe may also wait for the CPU, so the bound is 200 ms or four times the
# slowest of 20 probes before the attack, whichever is larger; the attack held it for 30 s.
HEALTHZ_BUDGET = 0.2
PROBES = 20


@pytest.fixture(scope="module")
def served(test_databases: Any, tmp_path_factory: Any) -> Iterator[tuple[int, Path]]:
    """`quizapp serve --workers 3` on a fresh database: (port, its HOME folder)."""
    folder = tmp_path_factory.mktemp("slow-clients")
    url = test_databases.create(folder)
    home = folder / "home"
    home.mkdir()
    try:
        with quizapp_serve(url, home, workers=WORKERS) as port:
            yield port, home
    finally:
        test_databases.drop(url)


def _trickling_socket(port: int) -> socket.socket:
    """A client that announced a 100 KB form body and sends it a byte at a time."""
    sock = socket.create_connection((HOST, port), timeout=10)
    sock.sendall(
        b"POST /join HTTP/1.1\r\nHost: quizapp\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
    )
    return sock


def test_three_trickling_bodies_do_not_delay_healthz(served: tuple[int, Path]) -> None:
    port, _ = served
    budget = healthz_budget(port, floor=HEALTHZ_BUDGET)
    attackers = [_trickling_socket(port) for _ in range(WORKERS)]
    try:
        latencies = []
        for _ in range(PROBES):
            for sock in attackers:
                sock.sendall(b"a")
            latencies.append(healthz_seconds(port, timeout=40))
            time.sleep(0.05)
    finally:
        for sock in attackers:
            sock.close()
    assert_healthz_kept_answering(latencies, budget)


def test_a_huge_form_body_to_join_is_refused_with_413(served: tuple[int, Path]) -> None:
    port, _ = served
    body = b"code=ABCDEF&name=" + b"x" * (9_900_000 - 17)
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request(
            "POST",
            "/join",
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        response = connection.getresponse()
        page = response.read().decode("utf-8", "replace")
    finally:
        connection.close()
    assert response.status == 413
    assert "more than this page accepts" in page  # a join form carries no file
    # The server is fine afterwards.
    assert healthz_seconds(port) < 60


def test_a_body_over_the_upload_limit_is_refused_before_it_is_sent(
    served: tuple[int, Path],
) -> None:
    port, _ = served
    with socket.create_connection((HOST, port), timeout=30) as sock:
        sock.sendall(
            b"POST /teacher/articles/new HTTP/1.1\r\nHost: quizapp\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            b"Content-Length: 50000000\r\n\r\n"
        )
        # Not a byte of the 50 MB follows: the answer comes from the header alone.
        answer = sock.recv(200)
    assert answer.startswith(b"HTTP/1.1 413")


def test_serve_leaves_no_control_socket_in_the_users_home(served: tuple[int, Path]) -> None:
    """gunicorn >= 25 put one control socket per user in ~/.gunicorn: every `quizapp serve` on
    the host shared it, so stopping one deleted another's."""
    port, home = served
    assert healthz_seconds(port) < 60
    assert not (home / ".gunicorn").exists()
