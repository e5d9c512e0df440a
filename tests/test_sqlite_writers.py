"""SQLite writers of one server process take turns: request threads never see "database is locked"."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from quizapp import create_app
from quizapp.models import db

THREADS = 8
SAVES = 15


def _app_without_sqlite_waiting(tmp_path: Path) -> Any:
    """An app on a SQLite file whose connections give up at once on a locked database, so any
    two writers that meet fail instead of SQLite's busy handler hiding it."""
    app = create_app({"SECRET_KEY": "t", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/w.db"})
    with app.app_context():

        @event.listens_for(db.engine, "connect")
        def _no_busy_wait(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA busy_timeout=0")

        db.session.execute(text("CREATE TABLE saved (student INTEGER, n INTEGER)"))
        db.session.commit()
    return app


def test_request_threads_saving_at_once_all_succeed(tmp_path: Path) -> None:
    app = _app_without_sqlite_waiting(tmp_path)
    failures: list[str] = []
    start = threading.Barrier(THREADS)

    def student(number: int) -> None:
        start.wait()
        for n in range(SAVES):
            with app.app_context():
                try:
                    db.session.execute(
                        text("INSERT INTO saved VALUES (:s, :n)"), {"s": number, "n": n}
                    )
                    time.sleep(0.002)  # the rest of a request's work inside its transaction
                    db.session.execute(
                        text("UPDATE saved SET n = n WHERE student = :s"), {"s": number}
                    )
                    db.session.commit()
                except Exception as error:  # every failure is reported
                    failures.append(str(error).splitlines()[0])
                finally:
                    db.session.remove()

    threads = [threading.Thread(target=student, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with app.app_context():
        stored = db.session.scalar(text("SELECT count(*) FROM saved"))
        db.engine.dispose()
    assert failures == []
    assert stored == THREADS * SAVES


def test_reading_is_not_held_up_by_a_writer(tmp_path: Path) -> None:
    app = _app_without_sqlite_waiting(tmp_path)
    writing, read_done = threading.Event(), threading.Event()

    def writer() -> None:
        with app.app_context():
            db.session.execute(text("INSERT INTO saved VALUES (1, 1)"))
            writing.set()
            read_done.wait(timeout=30)
            db.session.commit()
            db.session.remove()

    thread = threading.Thread(target=writer)
    thread.start()
    assert writing.wait(timeout=30)
    with app.app_context():
        # Another thread's write transaction is open: a read answers (its snapshot is older).
        assert db.session.scalar(text("SELECT count(*) FROM saved")) == 0
        db.session.remove()
    read_done.set()
    thread.join()
    with app.app_context():
        assert db.session.scalar(text("SELECT count(*) FROM saved")) == 1
        db.engine.dispose()
