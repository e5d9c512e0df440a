"""Slow-to-load word data kept as a pickle in a local cache, so later processes start fast."""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Where cached data lives: $QUIZAPP_CACHE_DIR, else the user's cache folder."""
    configured = os.environ.get("QUIZAPP_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "quizapp"


def cached(name: str, version: str, build: Callable[[], Any]) -> Any:
    """The value ``build()`` returns, read from the cache when an equal version was stored.

    The cache is only an accelerator: a missing, stale, unreadable or unwritable cache falls
    back to ``build()``, which gives the same value, so output never depends on it.
    """
    path = cache_dir() / f"{name}-{version}.pickle"
    # A big table of small objects makes the cycle collector run again and again while it
    # loads, for nothing: nothing loaded can be garbage yet.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        pass
    finally:
        if collecting:
            gc.enable()
    value = build()
    import tempfile  # only the first run on a machine writes; others need not load it

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a process reading at the same time never sees half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        pass
    return value


def package_file_stamp(package: str, relative: str) -> str:
    """Size and time of a data file inside an installed package, found without importing it
    (importing is often the slow part a cache avoids); "missing" when it cannot be found."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return "missing"
    try:
        stat = (Path(spec.submodule_search_locations[0]) / relative).stat()
    except OSError:
        return "missing"
    return f"{stat.st_size}-{int(stat.st_mtime)}"
