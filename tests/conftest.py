"""Shared pytest fixtures, and the CI rule that tests which must run may not skip."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
# QUIZAPP_SHARED_DIR points a worktree checked out elsewhere at the shared data.
SHARED_DIR = Path(os.environ.get("QUIZAPP_SHARED_DIR") or REPO_ROOT.parent / "shared")
REQUIRE_ALL = os.environ.get("QUIZAPP_REQUIRE_ALL_TESTS") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """In CI (QUIZAPP_REQUIRE_ALL_TESTS=1) a skipped test is an error: it must run there."""
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_ALL and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped in CI, where every test must run: {reason}"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``database`` every test whose result can depend on the database the suite runs
    on: it uses the test_databases fixture (through app, client, make_app, live_server...) or
    is about PostgreSQL. `make test-postgres` runs only these; the rest would repeat pass 1.
    Derived from fixture use, so new tests need no marker of their own."""
    for item in items:
        uses_database = "test_databases" in getattr(item, "fixturenames", ())
        if uses_database or item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.database)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared development data folder (../shared); skips when it is absent."""
    if not (SHARED_DIR / "data").is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DIR


@pytest.fixture(scope="session")
def test_databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Where fresh migrated databases come from: SQLite copies, or PostgreSQL when
    QUIZAPP_TEST_DATABASE_URL names a server (see tests/databases.py)."""
    from tests.databases import open_databases

    databases = open_databases(tmp_path_factory.mktemp("schema"))
    yield databases
    databases.close()


@pytest.fixture(scope="session")
def migrated_db(test_databases: Any) -> Path | str:
    """The database upgraded to the newest migration once per session: the SQLite file, or
    the PostgreSQL template database's name (tests get copies of it through make_app)."""
    return test_databases.template


def _test_app(test_databases: Any, folder: Path, urls: list[str], **overrides: Any) -> Any:
    """An app on a fresh copy of the migrated database (its URL added to urls, to drop)."""
    from quizapp import create_app

    url = overrides.get("SQLALCHEMY_DATABASE_URI")
    if url is None:
        url = test_databases.create(folder)
        urls.append(url)
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "URL_ALLOW_PRIVATE": False,
        # The test's own lock folder, not instance/jobs: every test database has a user 1,
        # and tests running side by side (pytest-xdist) must not wait on each other's slot.
        "HEAVY_JOB_LOCKS": str(folder / "jobs"),
        # Rendered PDFs kept per test, never in the repository's instance folder.
        "PRINT_CACHE_DIR": str(folder / "print-cache"),
    }
    config.update(overrides)
    return create_app(config)


def _close_apps(test_databases: Any, apps: list[Any], urls: list[str]) -> None:
    """Let go of the apps' connections, then drop their databases."""
    from quizapp.models import db

    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    for url in urls:
        test_databases.drop(url)


@pytest.fixture
def make_app(tmp_path: Path, test_databases: Any) -> Iterator[Callable[..., Any]]:
    """Build an app on a fresh copy of the migrated database; keyword overrides go to the config."""
    apps: list[Any] = []
    urls: list[str] = []

    def build(**overrides: Any) -> Any:
        app = _test_app(test_databases, tmp_path, urls, **overrides)
        apps.append(app)
        return app

    yield build
    _close_apps(test_databases, apps, urls)


@pytest.fixture(scope="module")
def module_app(test_databases: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One app and database for a whole test module (config as ``app``'s): for modules whose
    tests only read, or add beside, what one expensive module fixture made (a generated quiz)."""
    urls: list[str] = []
    app = _test_app(test_databases, tmp_path_factory.mktemp("module-app"), urls)
    yield app
    _close_apps(test_databases, [app], urls)


@pytest.fixture
def app(make_app: Callable[..., Any]) -> Any:
    """The app on a fresh database at the newest migration (CSRF and rate limits off)."""
    return make_app()


@pytest.fixture
def ctx(app: Any) -> Iterator[None]:
    """An app context, for calling services and factories directly."""
    with app.app_context():
        yield


@pytest.fixture
def client(app: Any) -> Any:
    """A test client of the app."""
    return app.test_client()


@pytest.fixture
def runner(app: Any) -> Any:
    """A CLI runner bound to the app."""
    return app.test_cli_runner()


class AuthActions:
    """Log a teacher in and out through the real login form (flaskr's pattern)."""

    def __init__(self, app: Any, client: Any) -> None:
        self._app = app
        self._client = client

    def login(self, email: str | None = None, password: str = "correct horse") -> Any:
        """Log in as the given teacher, or as a new one; returns the teacher."""
        from tests.factories import make_teacher

        with self._app.app_context():
            if email is None:
                teacher = make_teacher(password=password)
                email = teacher.email
            from quizapp.services.accounts import find_user

            teacher = find_user(email)
        response = self._client.post(
            "/auth/login", data={"email": email, "password": password}, follow_redirects=False
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return teacher

    def logout(self) -> Any:
        """Log out."""
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(app: Any, client: Any) -> AuthActions:
    """Log in and out as a teacher: ``teacher = auth.login()``."""
    return AuthActions(app, client)
