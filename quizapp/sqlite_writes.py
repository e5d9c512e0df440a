"""SQLite writers of one process take turns on a lock instead of polling the database file.

SQLite lets one connection write at a time. A writer that finds the file locked is put to
sleep by SQLite's busy handler in growing steps (up to 100 ms a try) and retries, so under a
burst it keeps sleeping long after the lock came free, and newcomers overtake it: with
`quizapp serve`'s request threads, 500 students saving at once made some writers wait past the
5 s busy timeout ("database is locked", a 500 for the student). Here a thread's first write of
a transaction first takes its process's lock, which a waiting thread gets the moment the
holder's connection goes back to the pool (after its commit or rollback). So only one writer
per process (one per worker, as with single-threaded workers) ever waits on the file.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

_HELD = "quizapp_write_turn"
# Statements that read and change nothing; anything else takes the turn.
_READS = ("SELECT", "PRAGMA", "EXPLAIN", "SAVEPOINT", "RELEASE")


def _writes(statement: str) -> bool:
    """Whether a statement may write (or start a write transaction)."""
    return not statement.lstrip().upper().startswith(_READS)


def take_turns_writing(engine: Engine, wait_seconds: float) -> None:
    """Make the engine's connections take one lock of this process before they write.

    A thread waits up to `wait_seconds` for its turn (the busy timeout), then writes anyway
    and leaves the rest to SQLite's own busy handler, as before.
    """
    turn = threading.Lock()

    @event.listens_for(engine, "before_cursor_execute")
    def _take_turn(
        connection: Any, _cursor: Any, statement: str, *_args: Any, **_kwargs: Any
    ) -> None:
        info = connection.connection.info  # this pooled DBAPI connection's own dict
        if _HELD not in info and _writes(statement):
            info[_HELD] = turn.acquire(timeout=wait_seconds)

    @event.listens_for(engine.pool, "checkin")
    def _end_turn(_dbapi_connection: Any, record: Any) -> None:
        # Every transaction ends before its connection returns here (reset rolls back).
        if record is not None and record.info.pop(_HELD, False):
            turn.release()

    @event.listens_for(engine.pool, "close")
    def _end_turn_on_close(_dbapi_connection: Any, record: Any) -> None:
        if record is not None and record.info.pop(_HELD, False):
            turn.release()
