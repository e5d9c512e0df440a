"""The app's clock: the current UTC time, or the one the app's CLOCK setting gives (tests move it)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app


def now() -> datetime:
    """The current time, UTC-aware; ``app.config["CLOCK"]`` (a callable) replaces it if set."""
    clock = current_app.config.get("CLOCK")
    return clock() if clock is not None else datetime.now(UTC)
