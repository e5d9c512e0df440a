"""Slow-to-load word data kept in a local cache, so later processes start fast.

Small tables are kept as a pickle and loaded whole; big ones the generator reads only a few
hundred keys of are kept as an SQLite table and read one key at a time. Each is stored under
the stamp of the package file it comes from, so an upgrade (or another installation sharing
the folder) writes a new version; versions no process has read for a week, and all but the
few most recently used, are removed when a new one is written.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import re
import threading
import time
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


# A version of a cache no process has read (or written) for this long is stale: each read marks
# its file used (at most once a day, so reading costs no write), so a version another
# installation sharing the folder still uses is kept.
STALE_AFTER = 7 * 24 * 3600
_MARK_USED_AFTER = 24 * 3600
# However recently used, at most this many versions of one cache are kept (the most recently
# used): installations sharing a folder (several virtualenvs) each read their own.
KEEP_VERSIONS = 8
# A temporary file left by a writer that died mid-write; a live writer renames it in seconds.
_ORPHAN_AFTER = 3600
# Files this module writes: name, then the stamp of the package file they come from.
_VERSIONED = re.compile(r"(?P<name>.+)-(?P<version>\d+-\d+|missing)\.(?:pickle|sqlite)")
# Caches this process has pruned already (once is enough: versions appear with installs).
_PRUNED: set[tuple[Path, str]] = set()


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
            value = pickle.load(handle)
            _mark_used(path, os.fstat(handle.fileno()).st_mtime)
            return value
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        pass
    finally:
        if collecting:
            gc.enable()
    value = build()
    if _write_pickle(path, value):
        prune(name, version)
    return value


def _write_pickle(path: Path, value: Any) -> bool:
    """Store a value (True), or leave the cache as it is when it cannot be written (False)."""
    import tempfile  # only the first run on a machine writes; others need not load it

    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a process reading at the same time never sees half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            temporary = tmp.name
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError):
        _discard(temporary)
        return False
    return True


def _discard(path: str | Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _mark_used(path: Path, mtime: float) -> None:
    """Mark a cache file read now (its time), so that pruning keeps it; a read-only folder
    keeps its files as they are."""
    if time.time() - mtime > _MARK_USED_AFTER:
        with contextlib.suppress(OSError):
            os.utime(path)


def prune(name: str, version: str) -> None:
    """Remove the versions of cache ``name`` other than ``version`` that are stale (no process
    read them for ``STALE_AFTER``) or beyond the ``KEEP_VERSIONS`` most recently used, and any
    other cache file of this module's no process has used for ``STALE_AFTER`` (a cache no
    longer made) or temporary file a dead writer left.

    Safe beside other processes: a process that has a file open keeps reading it, one that
    finds it gone builds the value again; any error leaves the file (pruning is housekeeping,
    never a reason for generation to fail)."""
    folder = cache_dir()
    if (folder, name) in _PRUNED:
        return
    _PRUNED.add((folder, name))
    now = time.time()
    versions: list[tuple[float, Path]] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if entry.name.startswith("tmp") and entry.name.endswith(".tmp"):
            if age > _ORPHAN_AFTER:
                _discard(entry.path)
            continue
        match = _VERSIONED.fullmatch(entry.name)
        if match is None or (match["version"] == version and match["name"] == name):
            continue
        if age > STALE_AFTER:
            _discard(entry.path)
        elif match["name"] == name:
            versions.append((age, Path(entry.path)))
    # The current version counts as one of those kept.
    for _, path in sorted(versions, key=lambda found: found[0])[KEEP_VERSIONS - 1 :]:
        _discard(path)


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
        return _DiskTable(path, build)
    except (OSError, _sqlite().Error):
        pass
    value = build()
    if _write_table(path, value):
        prune(name, version)
    return value


def _sqlite():
    # Imported on first use: most commands never read a cached table.
    import sqlite3

    return sqlite3


def _write_table(path: Path, table: dict[str, Any]) -> bool:
    """Store a table (True), or leave the cache as it is when it cannot be written (False)."""
    import tempfile

    sqlite3 = _sqlite()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
    except OSError:
        return False
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
        _discard(temporary)
        return False
    return True


_UNREAD = object()
_ABSENT = object()


class _DiskTable(Mapping[str, Any]):
    """A table stored by :func:`cached_table`, read one key at a time (and remembered)."""

    def __init__(self, path: Path, build: Callable[[], dict[str, Any]]) -> None:
        self._path = path
        self._build = build
        # The table built in memory, once the file cannot be read any more (see _rows).
        self._built: dict[str, Any] | None = None
        self._seen: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._connection = None
        self._pid = 0
        with self._lock:
            self._connect()
            self._connection.execute("SELECT 1 FROM entry LIMIT 1").fetchall()
        _mark_used(path, path.stat().st_mtime)

    def _rows(self, query: str, *args: Any) -> list[tuple] | None:
        """The query's rows, or None once the table is built in memory: a forked process whose
        file was pruned (by a newer installation) or broke since builds it (same values)."""
        with self._lock:
            if self._built is None:
                try:
                    return self._connect().execute(query, args).fetchall()
                except (OSError, _sqlite().Error):
                    self._built = self._build()
            return None

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
            rows = []
            if isinstance(key, str):
                rows = self._rows("SELECT value FROM entry WHERE key = ?", key)
            if rows is None:
                return self._built[key]
            value = self._seen[key] = pickle.loads(rows[0][0]) if rows else _ABSENT
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        rows = self._rows("SELECT key FROM entry ORDER BY key")
        return iter(sorted(self._built) if rows is None else [key for (key,) in rows])

    def __len__(self) -> int:
        rows = self._rows("SELECT count(*) FROM entry")
        return len(self._built) if rows is None else rows[0][0]


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
        self._name, self._version = name, version
        self._path = cache_dir() / f"{name}-{version}.pickle"
        self._known: dict[Any, Any] | None = None
        self._lock = threading.Lock()

    def _read(self) -> dict[Any, Any]:
        try:
            with self._path.open("rb") as handle:
                known = pickle.load(handle)
                _mark_used(self._path, os.fstat(handle.fileno()).st_mtime)
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
        # Merged with what other processes stored since this one read the file.
        known = {**self._read(), key: value}
        if len(known) <= self.LIMIT and _write_pickle(self._path, known):
            prune(self._name, self._version)
