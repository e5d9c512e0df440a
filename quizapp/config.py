"""Settings: safe defaults, then QUIZAPP_* environment variables, then explicit overrides."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    "SQLALCHEMY_ENGINE_OPTIONS": {},
    "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
    "ARTICLE_MAX_CHARS": 200_000,
    "REGISTRATION_OPEN": True,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "WTF_CSRF_TIME_LIMIT": None,
    "URL_FETCH_TIMEOUT": 10.0,
    "URL_FETCH_MAX_BYTES": 5 * 1024 * 1024,
    "URL_ALLOW_PRIVATE": False,
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
}


def _secret_key(instance_path: str) -> str:
    """Read the secret key from instance/secret_key, creating it with a random value once."""
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    # O_EXCL: two workers starting at once must end up with the same key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


def load_config(instance_path: str, overrides: dict[str, Any]) -> dict[str, Any]:
    """Return the app configuration for this instance folder."""
    config = dict(DEFAULTS)
    env = os.environ
    config["SQLALCHEMY_DATABASE_URI"] = env.get(
        "QUIZAPP_DATABASE_URL", "sqlite:///" + str(Path(instance_path) / "quizapp.db")
    )
    if "QUIZAPP_REGISTRATION_OPEN" in env:
        config["REGISTRATION_OPEN"] = env["QUIZAPP_REGISTRATION_OPEN"].lower() in (
            "1",
            "true",
            "yes",
        )
    if "QUIZAPP_URL_ALLOW_PRIVATE" in env:
        config["URL_ALLOW_PRIVATE"] = env["QUIZAPP_URL_ALLOW_PRIVATE"].lower() in (
            "1",
            "true",
            "yes",
        )
    if "QUIZAPP_SESSION_COOKIE_SECURE" in env:
        config["SESSION_COOKIE_SECURE"] = env["QUIZAPP_SESSION_COOKIE_SECURE"].lower() in (
            "1",
            "true",
        )
    config.update(overrides)
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = env.get("QUIZAPP_SECRET_KEY") or _secret_key(instance_path)
    return config
