"""A `limits` storage backend on the app's own database: one counter for every worker and restart.

Flask-Limiter counts through the `limits` library, whose built-in stores are either per process
(``memory://``, which multiplies every limit by the number of gunicorn workers and forgets it
when a worker dies) or need a server of their own (Redis, Memcached, MongoDB). A school running
quizapp on one machine already has a shared, durable store: the database. This backend plugs
into `limits` (its documented extension point: a ``Storage`` subclass registering a URI
scheme) and keeps fixed-window counters in the ``rate_limit_counter`` table, each increment one
atomic ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` statement (SQLite 3.35+ and
PostgreSQL). ``RATELIMIT_STORAGE_URI = "database://"`` selects it (the default); a Redis URI
still works for several machines.
"""

from __future__ import annotations

import hashlib
import itertools
import time
from typing import Any, ClassVar

from flask import current_app, has_app_context
from limits.errors import ConfigurationError
from limits.storage import Storage
from sqlalchemy import case, create_engine, delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from quizapp.models.rate_limit import RateLimitCounter

__all__ = ["DatabaseStorage"]

SCHEME = "database"
_TABLE = RateLimitCounter.__table__
_MAX_KEY = 255
# Expired windows are deleted every this many increments of a process.
_SWEEP_EVERY = 200


def _stored_key(key: str) -> str:
    """The key as stored: long keys (an account limit holds the e-mail) are hashed to fit."""
    if len(key) <= _MAX_KEY:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


class DatabaseStorage(Storage):
    """Fixed-window rate-limit counters in the app's database (``database://``).

    Options (Flask-Limiter's ``RATELIMIT_STORAGE_OPTIONS``): ``database_url``, the SQLAlchemy
    URL of the app's database (config.py fills it in). The storage uses its own connections,
    so a count is committed at once and never joins, or commits, the request's transaction.
    They are not pooled: only refused logins, registrations and wrong join codes are counted
    (a class joining with the right code never reaches here), and an idle pool would hold
    database connections in every worker for nothing.
    """

    STORAGE_SCHEME: ClassVar[list[str]] = [SCHEME]

    def __init__(
        self,
        uri: str | None = None,
        wrap_exceptions: bool = False,
        **options: Any,
    ) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions)
        self._url = str(options.get("database_url") or "")
        self._databases: dict[str, tuple[Engine, Any]] = {}
        self._database(self._url)  # a wrong URL fails when the app starts, not at a login
        self._increments = itertools.count(1)

    def _database(self, url: str) -> tuple[Engine, Any]:
        """The engine and INSERT construct for a database URL, made once."""
        found = self._databases.get(url)
        if found is None:
            if url.startswith("sqlite"):
                # Wait for another worker's write instead of failing (sqlite3's busy timeout).
                engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": 5.0})
                found = (engine, sqlite.insert)
            elif url.startswith("postgresql"):
                found = (create_engine(url, poolclass=NullPool), postgresql.insert)
            else:
                raise ConfigurationError(
                    "database:// rate-limit storage needs a SQLite or PostgreSQL database_url"
                )
            self._databases[url] = found
        return found

    def _current(self) -> tuple[Engine, Any]:
        # Flask-Limiter keeps one storage per Limiter, and the Limiter is shared by every app
        # of the process: each request counts in its own app's database, not the last app's.
        url = self._url
        if has_app_context():
            options = current_app.config.get("RATELIMIT_STORAGE_OPTIONS") or {}
            url = str(options.get("database_url") or url)
        return self._database(url)

    @property
    def _engine(self) -> Engine:
        return self._current()[0]

    @property
    def _insert(self) -> Any:
        return self._current()[1]

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        """What a failing database raises (Flask-Limiter may wrap or swallow these)."""
        return SQLAlchemyError

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        """Add ``amount`` to the key's window, starting a new window if it has ended; the count."""
        now = time.time()
        stmt = self._insert(_TABLE).values(
            key=_stored_key(key), count=amount, expires_at=now + expiry
        )
        ended = _TABLE.c.expires_at <= now
        stmt = stmt.on_conflict_do_update(
            index_elements=[_TABLE.c.key],
            set_={
                "count": case((ended, amount), else_=_TABLE.c.count + amount),
                "expires_at": case((ended, now + expiry), else_=_TABLE.c.expires_at),
            },
        ).returning(_TABLE.c.count)
        with self._engine.begin() as connection:
            count = int(connection.execute(stmt).scalar_one())
            if next(self._increments) % _SWEEP_EVERY == 0:
                connection.execute(delete(_TABLE).where(_TABLE.c.expires_at < now))
        return count

    def get(self, key: str) -> int:
        """The count in the key's current window (0 when none is running)."""
        query = select(_TABLE.c.count).where(
            _TABLE.c.key == _stored_key(key), _TABLE.c.expires_at > time.time()
        )
        with self._engine.connect() as connection:
            return int(connection.execute(query).scalar() or 0)

    def get_expiry(self, key: str) -> float:
        """When the key's window ends (now, when none is running)."""
        now = time.time()
        query = select(_TABLE.c.expires_at).where(
            _TABLE.c.key == _stored_key(key), _TABLE.c.expires_at > now
        )
        with self._engine.connect() as connection:
            return float(connection.execute(query).scalar() or now)

    def check(self) -> bool:
        """Whether the database answers."""
        try:
            with self._engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        """Forget every counter; how many there were."""
        with self._engine.begin() as connection:
            return connection.execute(delete(_TABLE)).rowcount

    def clear(self, key: str) -> None:
        """Forget one key's counter."""
        with self._engine.begin() as connection:
            connection.execute(delete(_TABLE).where(_TABLE.c.key == _stored_key(key)))
