"""Browser-test fixtures: the real app served on 127.0.0.1, Debian's Chromium under Playwright."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test (marker e2e)."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.e2e)


@dataclass
class LiveServer:
    """The app served in a background thread, and a way to run code in its app context."""

    app: Any
    url: str

    def run(self, func: Callable[[], Any]) -> Any:
        """Call func inside the served app's context (to seed data or read results)."""
        with self.app.app_context():
            return func()


@pytest.fixture(scope="session")
def live_server(
    test_databases: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The real app on a free port of 127.0.0.1, on a fresh migrated database of its own
    (SQLite, or PostgreSQL when QUIZAPP_TEST_DATABASE_URL is set: tests/databases.py)."""
    from werkzeug.serving import make_server

    from quizapp import create_app
    from quizapp.jobs import warm_up
    from quizapp.models import db

    url = test_databases.create()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": secrets.token_hex(16),
            "RATELIMIT_ENABLED": False,
            # Its own heavy-work locks, not instance/jobs shared with other test processes.
            "HEAVY_JOB_LOCKS": str(tmp_path_factory.mktemp("jobs")),
        }
    )
    # Start the heavy-work fork server first, as `quizapp serve` does before it takes requests:
    # otherwise the first PDF or question generation of the session also loads the NLP models
    # and WeasyPrint there (minutes on a loaded machine) while the browser waits on a click.
    warm_up()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(app=app, url=f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        thread.join(timeout=10)
        with app.app_context():
            db.engine.dispose()
        test_databases.drop(url)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium; skips (with the reason) where it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's Chromium (/usr/bin/chromium) is not installed: apt-get install chromium"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open pages in fresh browser contexts (each a separate person with its own cookies)."""
    contexts: list[Any] = []

    def open_page(**options: Any) -> Any:
        context = browser.new_context(**{"viewport": {"width": 1100, "height": 900}, **options})
        # A guard against a hang, not a speed check: on a loaded CI machine saving a question
        # or opening the study page took over 15 s (clicks wait for the page they open).
        context.set_default_timeout(30_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def shot() -> Callable[[Any, str], Path]:
    """Save a full-page screenshot under test-artifacts/e2e/ (for people to look at)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="session")
def check_a11y() -> Callable[[Any, str], None]:
    """Run axe-core on the page and fail on serious or critical violations."""
    axe_module = pytest.importorskip(
        "axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed"
    )
    axe = axe_module.Axe()

    def check(page: Any, what: str) -> None:
        # A click that navigates returns before the new page exists; axe run
        # in between finds no document, so wait for the page and retry once.
        page.wait_for_load_state("load")
        try:
            results = axe.run(page)
        except Exception as error:  # playwright may be absent, so its Error is not imported
            if "documentElement" not in str(error) and "context was destroyed" not in str(error):
                raise
            page.wait_for_load_state("load")
            results = axe.run(page)
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(str(node["target"]) for node in v["nodes"][:3])
            for v in results.response["violations"]
            if v.get("impact") in ("serious", "critical")
        ]
        assert not bad, f"accessibility violations on the {what} page:\n" + "\n".join(bad)

    return check
