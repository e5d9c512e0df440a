"""Shared pytest fixtures, and the CI rule that tests which must run may not skip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
REQUIRE_ALL = os.environ.get("QUIZAPP_REQUIRE_ALL_TESTS") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # noqa: ANN201
    """In CI (QUIZAPP_REQUIRE_ALL_TESTS=1) a skipped test is an error: it must run there."""
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_ALL and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped in CI, where every test must run: {reason}"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared development data folder (../shared); skips when it is absent."""
    if not (SHARED_DIR / "data").is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DIR
