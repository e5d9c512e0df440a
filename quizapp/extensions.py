"""Flask extensions, created unbound here and attached to an app by init_extensions."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

import quizapp.rate_limit_storage  # noqa: F401  (registers the database:// limits storage)
from quizapp.models import db
from quizapp.paths import MIGRATIONS_DIR

migrate = Migrate(directory=str(MIGRATIONS_DIR))
login_manager = LoginManager()
csrf = CSRFProtect()
# Limits are declared on the views that need them (login, register, wrong join codes); no
# global default. Counters live in RATELIMIT_STORAGE_URI (the app's database by default).
limiter = Limiter(key_func=get_remote_address)
# How long a SQLite writer waits for the database (its turn in the process, then the file).
SQLITE_BUSY_SECONDS = 5.0


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Tune each new SQLite connection: WAL journal, fewer fsyncs, wait for locks, foreign keys.

    Without WAL + synchronous=NORMAL every submit waits for an fsync (about 17 ms here) and
    concurrent readers block writers; see tests/benchmarks/bench_web.py. SQLite leaves foreign
    keys unchecked unless asked, and then "ON DELETE CASCADE" would do nothing.
    """
    cursor = dbapi_connection.cursor()
    busy = f"busy_timeout={int(SQLITE_BUSY_SECONDS * 1000)}"
    pragmas = ("journal_mode=WAL", "synchronous=NORMAL", busy, "foreign_keys=ON")
    for pragma in pragmas:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def init_extensions(app: Flask) -> None:
    """Attach every extension to the app."""
    db.init_app(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        from sqlalchemy import event

        from quizapp.sqlite_writes import take_turns_writing

        with app.app_context():
            event.listen(db.engine, "connect", _sqlite_pragmas)
            take_turns_writing(db.engine, wait_seconds=SQLITE_BUSY_SECONDS)
    migrate.init_app(app, db)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to see that page."
    login_manager.login_message_category = "info"
    from quizapp.services.accounts import load_user

    login_manager.user_loader(load_user)
    csrf.init_app(app)
    limiter.init_app(app)
