"""Fresh, migrated test databases: SQLite file copies, or PostgreSQL databases from a template.

The suite runs on SQLite unless QUIZAPP_TEST_DATABASE_URL names a PostgreSQL server (any
database on it that we may connect to, e.g. ``postgresql+psycopg://postgres@127.0.0.1:55432/
postgres``): then the session migrates one template database and every app gets its own
``CREATE DATABASE ... TEMPLATE`` copy (about as fast as copying the SQLite file), dropped
when the test ends. Names carry the process id and a random part, so parallel runs on one
server do not collide.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

ENV_URL = "QUIZAPP_TEST_DATABASE_URL"
# A PostgreSQL server for the tests that are about PostgreSQL itself, in either pass of CI.
ENV_POSTGRES_URL = "QUIZAPP_TEST_POSTGRES_URL"


def configured_url() -> str | None:
    """The server the whole suite should use instead of SQLite, if one is configured."""
    url = os.environ.get(ENV_URL, "").strip()
    return url or None


def postgres_server_url() -> str | None:
    """A PostgreSQL server for PostgreSQL-specific tests, if one is configured."""
    for name in (ENV_URL, ENV_POSTGRES_URL):
        url = os.environ.get(name, "").strip()
        if url.startswith("postgresql"):
            return url
    return None


def _upgrade(url: str) -> None:
    """Run the migrations on an empty database."""
    from flask_migrate import upgrade

    from quizapp import create_app
    from quizapp.models import db

    app = create_app({"SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        db.engine.dispose()


class SqliteDatabases:
    """Copies of one migrated SQLite file."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self.template = folder / "head.db"
        _upgrade(f"sqlite:///{self.template}")
        self._count = 0

    def create(self, folder: Path | None = None) -> str:
        """A new migrated database; returns its URL."""
        self._count += 1
        path = (folder or self._folder) / f"app{self._count}.db"
        shutil.copyfile(self.template, path)
        return f"sqlite:///{path}"

    def drop(self, url: str) -> None:
        """Nothing to do: the file lives in a pytest temporary folder."""

    def close(self) -> None:
        """Nothing to do."""


class PostgresDatabases:
    """Databases created from one migrated template database on a PostgreSQL server."""

    def __init__(self, server_url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import NullPool

        self._server = make_url(server_url)
        # NullPool: hold no idle connection, which would block DROP DATABASE of the template.
        self._admin = create_engine(self._server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._prefix = f"qt{os.getpid()}{secrets.token_hex(3)}"
        self._count = 0
        self.template = f"{self._prefix}_template"
        self._execute(f'CREATE DATABASE "{self.template}"')
        _upgrade(self._url_of(self.template))

    def _url_of(self, name: str) -> str:
        return self._server.set(database=name).render_as_string(hide_password=False)

    def _execute(self, sql: str) -> None:
        from sqlalchemy import text

        with self._admin.connect() as connection:
            connection.execute(text(sql))

    def create(self, folder: Path | None = None) -> str:
        """A new migrated database; returns its URL."""
        self._count += 1
        name = f"{self._prefix}_{self._count}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return self._url_of(name)

    def drop(self, url: str) -> None:
        """Drop a database made by create (FORCE ends connections a test left open)."""
        from sqlalchemy.engine import make_url

        name = make_url(url).database
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        """Drop the template, then let go of the server."""
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._admin.dispose()


def open_databases(folder: Path) -> SqliteDatabases | PostgresDatabases:
    """The session's database source: PostgreSQL when configured, else SQLite files."""
    url = configured_url()
    if url is None or url.startswith("sqlite"):
        return SqliteDatabases(folder)
    if not url.startswith("postgresql"):
        raise ValueError(f"unknown test database: {url!r}")
    return PostgresDatabases(url)
