"""Slow-to-load word data kept in a local cache, so later processes start fast.

Small tables are kept as a pickle and loaded whole; big ones the generator reads only a few
hundred keys of are kept as an SQLite table and read one key at a time.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import threading
from collections.abc import Callable, Iterator, Mapping
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


def cached_table(name: str, version: str, build: Callable[[], dict[str, Any]]) -> Mapping[str, Any]:
    """The table ``build()`` returns, read key by key from the cache when it holds this version.

    For big tables of which a process reads a few keys: loading all of them is most of a
    cold start. A missing, stale, unreadable or unwritable cache falls back to the table
    ``build()`` gives (and stores it for the next process), so output never depends on it.
    """
    path = cache_dir() / f"{name}-{version}.sqlite"
    try:
        return _DiskTable(path)
    except (OSError, _sqlite().Error):
        pass
    value = build()
    _write_table(path, value)
    return value


def _sqlite():
    # Imported on first use: most commands never read a cached table.
    import sqlite3

    return sqlite3


def _write_table(path: Path, table: dict[str, Any]) -> None:
    import tempfile

    sqlite3 = _sqlite()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
    except OSError:
        return
    try:
        connection = sqlite3.connect(temporary)
        try:
            # A half-written file is never renamed into place, so it needs no journal or sync.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            with connection:
                connection.execute(
                    "CREATE TABLE entry (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID"
                )
                connection.executemany(
                    "INSERT INTO entry VALUES (?, ?)",
                    (
                        (key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
                        for key, value in table.items()
                    ),
                )
        finally:
            connection.close()
        # Written under another name then renamed: a reader never sees half a table.
        os.replace(temporary, path)
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            os.unlink(temporary)


_UNREAD = object()
_ABSENT = object()


class _DiskTable(Mapping[str, Any]):
    """A table stored by :func:`cached_table`, read one key at a time (and remembered)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._seen: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._connection = None
        self._pid = 0
        with self._lock:
            self._connect()
            self._connection.execute("SELECT 1 FROM entry LIMIT 1").fetchall()

    def _connect(self):
        # A forked process (the job fork server's children) opens its own connection: an
        # SQLite connection must not cross a fork.
        if self._connection is None or self._pid != os.getpid():
            if not self._path.is_file():
                raise _sqlite().OperationalError(f"no cached table at {self._path}")
            # immutable: the file is never changed once renamed into place (a new version is a
            # new file), so no locking and no journal, and a read-only cache folder works.
            uri = f"{self._path.resolve().as_uri()}?mode=ro&immutable=1"
            self._connection = _sqlite().connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

    def __getitem__(self, key: str) -> Any:
        value = self._seen.get(key, _UNREAD)
        if value is _UNREAD:
            row = None
            if isinstance(key, str):
                with self._lock:
                    query = "SELECT value FROM entry WHERE key = ?"
                    row = self._connect().execute(query, (key,)).fetchone()
            value = self._seen[key] = _ABSENT if row is None else pickle.loads(row[0])
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            keys = [key for (key,) in self._connect().execute("SELECT key FROM entry ORDER BY key")]
        return iter(keys)

    def __len__(self) -> int:
        with self._lock:
            return self._connect().execute("SELECT count(*) FROM entry").fetchone()[0]


class RememberedAnswers:
    """Answers of a slow but pure function of a small key, remembered in the local cache
    across processes, so a later process asking the same need not load what computes them.

    Like the rest of the cache it is only an accelerator: an answer not remembered (or a cache
    that cannot be read or written) is computed, and an answer is stored only as computed, so
    output never depends on it. Two processes adding at once may lose one's new answers; they
    are computed again next time.
    """

    # Bounds what a process loads at start (a few hundred kilobytes at most).
    LIMIT = 20_000

    def __init__(self, name: str, version: str) -> None:
        self._path = cache_dir() / f"{name}-{version}.pickle"
        self._known: dict[Any, Any] | None = None
        self._lock = threading.Lock()

    def _read(self) -> dict[Any, Any]:
        try:
            with self._path.open("rb") as handle:
                known = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
            return {}
        return known if isinstance(known, dict) else {}

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if self._known is None:
                self._known = self._read()
            if key in self._known:
                return self._known[key]
        value = compute()
        with self._lock:
            self._known[key] = value
            self._store(key, value)
        return value

    def _store(self, key: Any, value: Any) -> None:
        import tempfile

        # Merged with what other processes stored since this one read the file.
        known = {**self._read(), key: value}
        if len(known) > self.LIMIT:
            return
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                dir=self._path.parent, delete=False, suffix=".tmp"
            ) as tmp:
                pickle.dump(known, tmp, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp.name, self._path)
        except OSError:
            pass
