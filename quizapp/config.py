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
    # Only wrong join codes count (see web/play.py): a class behind one school address joins.
    "JOIN_RATE_LIMIT": "20 per minute; 200 per hour",
    # Counters in the app's own database (quizapp/rate_limit_storage.py): shared by every
    # gunicorn worker and kept across restarts with no extra server. redis://... for a farm.
    "RATELIMIT_STORAGE_URI": "database://",
    # A callable returning the current UTC time (quizapp/clock.py); None is the real clock.
    # Tests set it to move time, e.g. to make review items fall due.
    "CLOCK": None,
    # Heavy work runs in a child process under these caps (quizapp/jobs.py): seconds of wall
    # clock per kind of work, memory on top of the loaded program, one job per teacher at a
    # time and HEAVY_JOBS_PER_MACHINE (default: the number of cores) across all workers.
    "UPLOAD_READ_SECONDS": 20,
    "GENERATE_SECONDS": 60,
    "PRINT_SECONDS": 60,
    "HEAVY_JOB_MEMORY_MB": 1024,
    "HEAVY_JOBS_PER_MACHINE": None,
    "HEAVY_JOB_WAIT_SECONDS": 15,
    "HEAVY_JOB_LOCKS": None,
    # Printed versions (A, B, ...) in one zip; each is a whole paper plus its key.
    "MAX_PRINT_VERSIONS": 4,
    # Rendered papers, keys and versions zips kept for repeated downloads (services/print_cache.py):
    # a folder shared by every worker (None: instance/print-cache) and its size budget; 0 keeps none.
    "PRINT_CACHE_DIR": None,
    "PRINT_CACHE_MB": 64,
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


# Limits an admin may set as QUIZAPP_<NAME> (whole numbers).
NUMBER_SETTINGS = (
    "UPLOAD_READ_SECONDS",
    "GENERATE_SECONDS",
    "PRINT_SECONDS",
    "HEAVY_JOB_MEMORY_MB",
    "HEAVY_JOBS_PER_MACHINE",
    "MAX_PRINT_VERSIONS",
    "PRINT_CACHE_MB",
)


def _proxy_hops(value: str) -> int:
    """QUIZAPP_TRUST_PROXY: a number of proxies in front of the app; true means one."""
    value = value.strip().lower()
    if value.isdigit():
        return int(value)
    return 1 if value in ("true", "yes", "on") else 0


def _secure_cookies_over_https(config: dict[str, Any]) -> None:
    """Served as https: cookies get the Secure flag unless the setting says otherwise."""
    if config.get("PREFERRED_URL_SCHEME") == "https":
        config.setdefault("SESSION_COOKIE_SECURE", True)
    if "SESSION_COOKIE_SECURE" in config:
        config.setdefault("REMEMBER_COOKIE_SECURE", config["SESSION_COOKIE_SECURE"])


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
    if "QUIZAPP_RATELIMIT_STORAGE_URI" in env:
        # database:// (the default) for one machine; redis://... for several machines.
        config["RATELIMIT_STORAGE_URI"] = env["QUIZAPP_RATELIMIT_STORAGE_URI"]
    if "QUIZAPP_PREFERRED_URL_SCHEME" in env:
        config["PREFERRED_URL_SCHEME"] = env["QUIZAPP_PREFERRED_URL_SCHEME"].lower()
    if env.get("QUIZAPP_PRINT_CACHE_DIR"):
        config["PRINT_CACHE_DIR"] = env["QUIZAPP_PRINT_CACHE_DIR"]
    if "QUIZAPP_TRUST_PROXY" in env:
        config["TRUST_PROXY"] = _proxy_hops(env["QUIZAPP_TRUST_PROXY"])
    for name in NUMBER_SETTINGS:
        value = env.get(f"QUIZAPP_{name}", "").strip()
        if value.isdigit():
            config[name] = int(value)
    config.update(overrides)
    if not str(config["SQLALCHEMY_DATABASE_URI"]).startswith("sqlite"):
        # A server database may restart under running workers: test pooled connections first.
        config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            "pool_pre_ping": True,
            **config["SQLALCHEMY_ENGINE_OPTIONS"],
        }
    if str(config["RATELIMIT_STORAGE_URI"]).startswith("database://"):
        config["RATELIMIT_STORAGE_OPTIONS"] = {
            "database_url": str(config["SQLALCHEMY_DATABASE_URI"]),
            **config.get("RATELIMIT_STORAGE_OPTIONS", {}),
        }
    _secure_cookies_over_https(config)
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = env.get("QUIZAPP_SECRET_KEY") or _secret_key(instance_path)
    return config
