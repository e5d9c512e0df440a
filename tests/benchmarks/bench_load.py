"""Classroom load benchmark (not a test): 500 students join, answer and submit one quiz at once.

Run: python tests/benchmarks/bench_load.py [--database sqlite|postgresql] [--students 500]
     [--workers N] [--ramp-seconds 0] [--timeout 600]

Migrates a fresh database (a temp SQLite file, or PostgreSQL: a new database on the server in
QUIZAPP_BENCH_DATABASE_URL, else a throwaway cluster started with .ci/postgres), seeds a
published quiz through the services (teacher, article, generated questions, publish), then
serves it with `quizapp serve` (cores+1 workers) on 127.0.0.1 only. Each simulated
student is a thread with its own cookies: open the join link, join with a name (CSRF token
parsed from the page), open the answer page, autosave each question as the page script does,
submit, open the result. Afterwards it counts attempts and responses in the database: every
submit that got a success response must be stored once, with exactly the answers given.

Prints a latency table per step, then, last:
`load: sent=N stored=N lost=0 duplicated=0 p99_ms=M errors=E`
(sent = submits answered with success; the exit status is 1 if anything was lost or doubled).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
HOST = "127.0.0.1"
STEPS = ("join page", "join", "answer page", "autosave", "submit", "result")


# ---------------------------------------------------------------- databases


@dataclass
class Database:
    """The benchmark's database and how to get rid of it."""

    url: str
    label: str
    cleanup: list[Any] = field(default_factory=list)

    def close(self) -> None:
        """Drop what was created, newest first."""
        for action in reversed(self.cleanup):
            try:
                action()
            except Exception as exc:  # keep cleaning up; say what was left behind
                print(f"cleanup failed: {exc}", file=sys.stderr)


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def sqlite_database(folder: Path) -> Database:
    """A new SQLite file (the app turns on WAL and a busy timeout for it)."""
    return Database(f"sqlite:///{folder / 'load.db'}", "SQLite (WAL)")


def postgres_database() -> Database:
    """A new database on QUIZAPP_BENCH_DATABASE_URL's server, or on a throwaway cluster."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    cleanup: list[Any] = []
    server = os.environ.get("QUIZAPP_BENCH_DATABASE_URL", "").strip()
    if not server:
        env = {
            **os.environ,
            "QUIZAPP_PG_DIR": f"/tmp/quizapp-load-pg-{os.getpid()}",
            "QUIZAPP_PG_PORT": str(free_port()),
        }
        script = REPO / ".ci" / "postgres"
        server = subprocess.run(
            ["bash", str(script), "start"], env=env, check=True, capture_output=True, text=True
        ).stdout.strip()
        cleanup.append(lambda: subprocess.run(["bash", str(script), "stop"], env=env, check=True))
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"quizapp_load_{secrets.token_hex(4)}"
    with admin.connect() as connection:
        version = connection.execute(text("SHOW server_version")).scalar_one()
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    cleanup.append(drop)
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    return Database(url, f"PostgreSQL {version.split()[0]}", cleanup)


# ---------------------------------------------------------------- seeding and serving


@dataclass(frozen=True)
class Seeded:
    """The published quiz the class takes."""

    quiz_id: int
    join_code: str
    questions: int


def seed(url: str) -> Seeded:
    """Migrate the database and publish a generated quiz, all through the services."""
    from flask_migrate import upgrade

    from quizapp import create_app
    from quizapp.models import db
    from quizapp.paths import SAMPLES_DIR
    from quizapp.services.accounts import NewTeacher, register_teacher
    from quizapp.services.drafting import ArticleDraft, create_quiz, save_article
    from quizapp.services.publishing import publish_quiz
    from quizapp.services.snapshots import question_rows

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-seed"})
    with app.app_context():
        upgrade()
        teacher = register_teacher(NewTeacher("load@school.example", "Load Teacher", "load-test-1"))
        text = (SAMPLES_DIR / "glacier-report.txt").read_text(encoding="utf-8")
        article = save_article(
            teacher, ArticleDraft(text=text), max_chars=app.config["ARTICLE_MAX_CHARS"]
        )
        quiz = create_quiz(
            article,
            title=article.title,
            published=article.published_on,
            kinds=(
                "multiple_choice",
                "fill_in",
                "true_false",
                "short_answer",
                "numeric",
                "matching",
            ),
            count=20,
        )
        code = publish_quiz(quiz)
        seeded = Seeded(quiz.id, code, len(question_rows(quiz)))
        db.session.remove()
        db.engine.dispose()
    return seeded


def start_server(url: str, port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    """`quizapp serve` (gunicorn) on 127.0.0.1:port; waits until /healthz answers."""
    env = {
        **os.environ,
        "QUIZAPP_DATABASE_URL": url,
        "QUIZAPP_SECRET_KEY": secrets.token_hex(16),
        "PYTHONPATH": str(REPO),
    }
    quizapp = Path(sys.executable).with_name("quizapp")
    command = [str(quizapp)] if quizapp.exists() else [sys.executable, "-m", "quizapp.cli"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    # Each worker loads and warms its heavy-work fork server before it answers.
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"quizapp serve exited; see {log}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("quizapp serve did not start")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop gunicorn gracefully (TERM), or kill it if it hangs."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its live descendants (Linux /proc;
    0 elsewhere): the server's cost of the requests, apart from the simulated students'."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    children: dict[int, list[int]] = defaultdict(list)
    used: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        process = int(entry.parent.name)
        children[int(fields[1])].append(process)
        used[process] = int(fields[11]) + int(fields[12])
    total, pending = 0, [pid]
    while pending:
        process = pending.pop()
        total += used.get(process, 0)
        pending.extend(children.get(process, []))
    return total / ticks


# ---------------------------------------------------------------- the simulated students


class FormReader(HTMLParser):
    """Reads the answer form: CSRF token and the choices of every question's fields."""

    def __init__(self) -> None:
        super().__init__()
        self.csrf = ""
        self.choices: dict[str, list[str]] = defaultdict(list)
        self.free_text: list[str] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        name = values.get("name", "")
        if tag == "input" and name == "csrf_token":
            self.csrf = values.get("value", "")
        elif tag == "input" and name.startswith("q"):
            if values.get("type") in ("radio", "checkbox"):
                self.choices[name].append(values.get("value", ""))
            elif values.get("type", "text") == "text":
                self.free_text.append(name)
        elif tag == "select" and name.startswith("q"):
            self._select = name
        elif tag == "option" and self._select and values.get("value"):
            self.choices[self._select].append(values["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def question_of(field_name: str) -> str:
    """The question a field belongs to ("q12-3" -> "q12")."""
    return field_name.split("-", 1)[0]


@dataclass
class Outcome:
    """What one student saw."""

    name: str
    token: str = ""
    answered: set[str] = field(default_factory=set)
    submit_sent: bool = False
    submit_ok: bool = False
    error: str = ""


class Student:
    """One student with their own cookie jar, timing every request."""

    def __init__(self, port: int, name: str, record: Any, rng: random.Random) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.outcome = Outcome(name)
        self.record = record
        self.rng = rng

    def request(
        self, step: str, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, Any, str]:
        """One request (no redirects followed); its latency is recorded under the step."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except OSError as exc:
            self.record(step, (time.perf_counter() - started) * 1000, False)
            raise RuntimeError(f"{step}: {exc}") from exc
        finally:
            connection.close()
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, text

    def expect(self, step: str, started: float, ok: bool, detail: str) -> None:
        """Record a request's latency and whether it did what a student needs."""
        self.record(step, (time.perf_counter() - started) * 1000, ok)
        if not ok:
            raise RuntimeError(f"{step}: {detail}")

    def run(self, code: str) -> Outcome:
        """Join, answer every question (one autosave each), submit, read the result."""
        try:
            self._run(code)
        except Exception as exc:  # the student gives up; counted as an error
            self.outcome.error = str(exc)[:200]
        return self.outcome

    def _timed(self, step: str, method: str, path: str, form: dict[str, str] | None = None):
        started = time.perf_counter()
        status, headers, text = self.request(step, method, path, form)
        return started, status, headers, text

    def _run(self, code: str) -> None:
        started, status, _, page = self._timed("join page", "GET", f"/join/{code}")
        reader = FormReader()
        reader.feed(page)
        self.expect("join page", started, status == 200 and bool(reader.csrf), f"{status}")
        form = {"code": code, "name": self.outcome.name, "csrf_token": reader.csrf}
        started, status, headers, _ = self._timed("join", "POST", f"/join/{code}", form)
        location = urllib.parse.urlsplit(headers.get("Location", "")).path
        ok = status == 302 and location.startswith("/attempt/")
        self.expect("join", started, ok, f"{status} {location}")
        take = location
        self.outcome.token = take.rsplit("/", 1)[-1]

        started, status, _, page = self._timed("answer page", "GET", take)
        reader = FormReader()
        reader.feed(page)
        fields = self._answers(reader)
        self.expect("answer page", started, status == 200 and bool(fields), f"{status}")

        by_question: dict[str, dict[str, str]] = defaultdict(dict)
        for name, value in fields.items():
            by_question[question_of(name)][name] = value
        for question, values in by_question.items():
            started, status, _, body = self._timed(
                "autosave", "POST", f"{take}/save", {**values, "csrf_token": reader.csrf}
            )
            self.expect("autosave", started, status == 200 and '"saved":true' in body, f"{status}")
            self.outcome.answered.add(question)

        form = {**fields, "csrf_token": reader.csrf, "action": "submit"}
        self.outcome.submit_sent = True
        started, status, headers, _ = self._timed("submit", "POST", take, form)
        ok = status == 302 and headers.get("Location", "").endswith(f"{take}/result")
        self.expect("submit", started, ok, f"{status}")
        self.outcome.submit_ok = True

        started, status, _, page = self._timed("result", "GET", f"{take}/result")
        self.expect("result", started, status == 200, f"{status}")

    def _answers(self, reader: FormReader) -> dict[str, str]:
        """A plausible answer for every field: a random choice, or typed text."""
        fields = {name: self.rng.choice(options) for name, options in reader.choices.items()}
        for name in reader.free_text:
            fields[name] = self.rng.choice(["1,200", "ice", "Greenland", "42 km", "summer"])
        return fields


# ---------------------------------------------------------------- measuring


class Recorder:
    """Latencies and failures per step, from many threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)

    def __call__(self, step: str, ms: float, ok: bool) -> None:
        with self.lock:
            self.times[step].append(ms)
            if not ok:
                self.errors[step] += 1


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of the values (0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


@dataclass(frozen=True)
class Check:
    """What the database holds after the run, against what the students were told."""

    attempts: int
    stored: int
    lost: int
    duplicated: int
    notes: tuple[str, ...]


def check_database(url: str, quiz_id: int, outcomes: list[Outcome]) -> Check:
    """Count attempts and responses: nothing confirmed may be missing, nothing stored twice."""
    from sqlalchemy import create_engine, func, or_, select
    from sqlalchemy.pool import NullPool

    from quizapp.models import Attempt, Question, Response

    engine = create_engine(url, poolclass=NullPool)
    notes: list[str] = []
    with engine.connect() as connection:
        attempts = connection.execute(
            select(Attempt.id, Attempt.token, Attempt.student_name, Attempt.submitted_at).where(
                Attempt.quiz_id == quiz_id
            )
        ).all()
        answered = dict(
            connection.execute(
                select(Response.attempt_id, func.count(Response.id))
                .join(Attempt, Attempt.id == Response.attempt_id)
                .where(
                    Attempt.quiz_id == quiz_id,
                    or_(Response.given.is_not(None), Response.given_data.is_not(None)),
                )
                .group_by(Response.attempt_id)
            ).all()
        )
        double_responses = connection.execute(
            select(func.count()).select_from(
                select(Response.attempt_id)
                .group_by(Response.attempt_id, Response.question_id)
                .having(func.count(Response.id) > 1)
                .subquery()
            )
        ).scalar_one()
        questions = connection.execute(
            select(func.count(Question.id)).where(Question.quiz_id == quiz_id)
        ).scalar_one()
    engine.dispose()

    by_token = {a.token: a for a in attempts}
    per_name: dict[str, int] = defaultdict(int)
    for attempt in attempts:
        per_name[attempt.student_name] += 1
    stored = sum(1 for a in attempts if a.submitted_at is not None)
    lost = 0
    for outcome in outcomes:
        if not outcome.submit_ok:
            continue
        attempt = by_token.get(outcome.token)
        if attempt is None or attempt.submitted_at is None:
            lost += 1
            notes.append(f"{outcome.name}: submit confirmed but not stored")
        elif answered.get(attempt.id, 0) != len(outcome.answered):
            lost += 1
            notes.append(
                f"{outcome.name}: {len(outcome.answered)} answers given, "
                f"{answered.get(attempt.id, 0)} stored"
            )
    duplicated = double_responses + sum(n - 1 for n in per_name.values() if n > 1)
    confirmed = sum(1 for o in outcomes if o.submit_ok)
    if stored != confirmed:
        notes.append(
            f"{stored} submitted attempts stored, {confirmed} submits confirmed to students "
            "(a submit whose response never arrived may still have been stored)"
        )
    if questions and any(len(o.answered) > questions for o in outcomes):
        notes.append("a student answered more questions than the quiz has")
    return Check(len(attempts), stored, lost, duplicated, tuple(notes[:10]))


# ---------------------------------------------------------------- main


def run_class(port: int, code: str, students: int, ramp: float, timeout: float) -> Any:
    """All students at once (or started over `ramp` seconds); returns outcomes and timings."""
    recorder = Recorder()
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    start_gate = threading.Event()

    def student(index: int) -> None:
        start_gate.wait()
        if ramp:
            time.sleep(ramp * index / students)
        outcome = Student(port, f"Student {index:04d}", recorder, random.Random(index)).run(code)
        with lock:
            outcomes.append(outcome)

    threads = [
        threading.Thread(target=student, args=(i,), daemon=True, name=f"student-{i}")
        for i in range(students)
    ]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    start_gate.set()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    elapsed = time.perf_counter() - began
    unfinished = sum(1 for t in threads if t.is_alive())
    with lock:
        return list(outcomes), recorder, elapsed, unfinished


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument(
        "--workers", type=int, default=(os.cpu_count() or 1) + 1, help="quizapp serve workers"
    )
    parser.add_argument(
        "--ramp-seconds", type=float, default=0.0, help="spread the students' starts"
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="give up after (seconds)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="quizapp-load-"))
    database = sqlite_database(folder) if args.database == "sqlite" else postgres_database()
    server = None
    try:
        seeded = seed(database.url)
        port = free_port()
        server = start_server(database.url, port, args.workers, folder / "serve.log")
        server_before, client_before = tree_cpu_seconds(server.pid), time.process_time()
        outcomes, recorder, elapsed, unfinished = run_class(
            port, seeded.join_code, args.students, args.ramp_seconds, args.timeout
        )
        server_cpu = tree_cpu_seconds(server.pid) - server_before
        client_cpu = time.process_time() - client_before
        stop_server(server)
        server = None
        check = check_database(database.url, seeded.quiz_id, outcomes)
    finally:
        if server is not None:
            stop_server(server)
        database.close()

    everything = [ms for times in recorder.times.values() for ms in times]
    failed = sum(recorder.errors.values())
    errors = failed + unfinished
    print(
        f"{args.students} students, {seeded.questions} questions each, {args.workers} serve "
        f"workers on {HOST}, {database.label}, {os.cpu_count()} cores; "
        f"{len(everything)} requests in {elapsed:.1f} s = {len(everything) / elapsed:.0f} req/s"
    )
    print(
        f"CPU during the run: server {server_cpu:.1f} s = "
        f"{1000 * server_cpu / max(1, len(everything)):.1f} ms a request, "
        f"students (this process) {client_cpu:.1f} s"
    )
    print(f"{'step':<12} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for step in (*STEPS, "all"):
        times = everything if step == "all" else recorder.times.get(step, [])
        errs = failed if step == "all" else recorder.errors.get(step, 0)
        print(
            f"{step:<12} {len(times):>8} {errs:>6} {percentile(times, 0.5):>8.0f} "
            f"{percentile(times, 0.95):>8.0f} {percentile(times, 0.99):>8.0f}"
        )
    sent = sum(1 for o in outcomes if o.submit_ok)
    print(
        f"database: {check.attempts} attempts, {check.stored} submitted; "
        f"{sum(1 for o in outcomes if o.submit_sent)} submits sent, {sent} confirmed; "
        f"students unfinished at the time limit: {unfinished}"
    )
    for note in check.notes:
        print(f"  note: {note}")
    for outcome in [o for o in outcomes if o.error][:5]:
        print(f"  error: {outcome.name}: {outcome.error}")
    p99 = percentile(everything, 0.99)
    print(
        f"load: sent={sent} stored={check.stored} lost={check.lost} "
        f"duplicated={check.duplicated} p99_ms={p99:.0f} errors={errors}"
    )
    if check.lost or check.duplicated or check.stored != sent or errors:
        print(f"kept for a look (serve.log): {folder}", file=sys.stderr)
        return 1
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
