"""No secret in the repository; the generated secret key; password hashes; unguessable tokens."""

from __future__ import annotations

import re
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from quizapp.config import load_config
from quizapp.models import Attempt, QuizStatus, User, db
from quizapp.paths import REPO_ROOT
from tests.factories import make_quiz, make_teacher

SECRET_LITERALS = (
    re.compile(r"""SECRET_KEY["']?\s*[:=]\s*["'][^"']{4,}["']"""),
    re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----"),
    re.compile(r"AKIA[0-9A-Z]{16}"),
    re.compile(r"""(?i)password\s*=\s*["'][^"']{6,}["']"""),
)
# The demo teacher's published login (`quizapp demo` prints it): sample data, not a secret.
ALLOWED = {'quizapp/services/demo.py: PASSWORD = "demo-teacher"'}
SKIPPED_DIRS = {".git", ".venv", "node_modules", "test-artifacts", "instance", "tests"}
TEXT_SUFFIXES = {".py", ".cfg", ".toml", ".ini", ".txt", ".md", ".html", ".js", ".css", ".yml"}


def _repo_files() -> list[Path]:
    """The project's files: git's list when this is a checkout, else a walk of the tree."""
    if (REPO_ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if listed.returncode == 0:
            return [REPO_ROOT / line for line in listed.stdout.splitlines() if line]
    return [p for p in REPO_ROOT.rglob("*") if p.is_file()]


def test_no_instance_folder_or_database_is_committed() -> None:
    if not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert not [
        f for f in tracked if f.startswith("instance/") or f.endswith((".db", "secret_key"))
    ]
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "instance/secret_key"], cwd=REPO_ROOT, check=False
    )
    assert ignored.returncode == 0, "instance/ must be in .gitignore"


def test_no_secret_literal_outside_the_tests() -> None:
    found = []
    for path in _repo_files():
        relative = path.relative_to(REPO_ROOT)
        if set(relative.parts) & SKIPPED_DIRS or path.suffix not in TEXT_SUFFIXES:
            continue
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in SECRET_LITERALS:
            found += [f"{relative}: {m.group(0)}" for m in pattern.finditer(text)]
    assert set(found) - ALLOWED == set()


def test_secret_key_is_generated_once_private_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUIZAPP_SECRET_KEY", raising=False)
    instance = tmp_path / "instance"
    first = load_config(str(instance), {})["SECRET_KEY"]
    key_file = instance / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first) >= 64 and re.fullmatch(r"[0-9a-f]+", first)  # 256 bits
    assert load_config(str(instance), {})["SECRET_KEY"] == first  # the next start
    assert load_config(str(tmp_path / "other"), {})["SECRET_KEY"] != first


def test_a_configured_secret_key_wins_and_writes_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "from-the-environment")
    assert load_config(str(tmp_path), {})["SECRET_KEY"] == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_sessions_signed_with_another_key_are_refused(make_app: Any) -> None:
    app = make_app()
    with app.app_context():
        email = make_teacher(password="correct horse").email
    client = app.test_client()
    client.post("/auth/login", data={"email": email, "password": "correct horse"})
    assert client.get("/teacher/").status_code == 200
    cookie = client.get_cookie("session")
    assert cookie is not None
    forger = make_app(SECRET_KEY="someone-elses-key").test_client()
    forger.set_cookie("session", cookie.value)
    assert forger.get("/teacher/").status_code == 302


def test_passwords_are_hashed_with_scrypt(app: Any, client: Any) -> None:
    client.post(
        "/auth/register",
        data={
            "display_name": "Ms Hash",
            "email": "hash@school.example",
            "password": "a long passphrase",
            "confirm": "a long passphrase",
        },
    )
    with app.app_context():
        user = db.session.scalars(db.select(User).where(User.email == "hash@school.example")).one()
        assert user.password_hash.startswith("scrypt:")
        assert "a long passphrase" not in user.password_hash
    source = (REPO_ROOT / "quizapp").rglob("*.py")
    calls = [
        line.strip()
        for path in source
        for line in path.read_text(encoding="utf-8").splitlines()
        if "generate_password_hash(" in line and "import" not in line
    ]
    assert calls and all('method="scrypt"' in call for call in calls), calls


def test_attempt_tokens_are_long_random_and_distinct(app: Any) -> None:
    with app.app_context():
        make_quiz(status=QuizStatus.PUBLISHED, join_code="TOKEN2", attempts_allowed=100)
    for n in range(30):
        app.test_client().post("/join", data={"code": "TOKEN2", "name": f"Student {n}"})
    with app.app_context():
        tokens = db.session.scalars(db.select(Attempt.token)).all()
    assert len(tokens) == 30 and len(set(tokens)) == 30
    for token in tokens:
        # secrets.token_urlsafe(32): 43 URL-safe characters, 256 bits.
        assert re.fullmatch(r"[A-Za-z0-9_-]{43,}", token), token
