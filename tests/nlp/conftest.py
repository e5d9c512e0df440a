"""Fixtures for generator tests: the project's own sample articles (no app needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.paths import SAMPLES_DIR


@pytest.fixture(scope="session")
def samples() -> dict[str, str]:
    """The bundled sample articles by file stem."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(SAMPLES_DIR).glob("*.txt"))}
