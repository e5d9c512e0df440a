"""Production serving: gunicorn runs and replaces the worker processes, waitress serves in each.

gunicorn's sync workers read a request on the worker itself: three sockets sending a body one
byte a second held three workers for 30 s and froze the site. waitress reads every request
(headers and body) in one event loop and hands it to a thread only once it is complete, and
refuses a body over the limit from its Content-Length before reading it. So a slow or
trickling client costs an open socket, not a worker, with no proxy required; gunicorn still
gives several processes, a restart of any that dies, and graceful stops.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from typing import Any

from gunicorn.workers.base import Worker

# Open connections one worker holds (slow clients included) before it stops accepting for a
# while; poll() (not select()) has no 1,024-descriptor ceiling.
CONNECTION_LIMIT = 1000
# A connection that sends nothing for this long is closed.
IDLE_SECONDS = 60
# Request threads per worker process: requests wait on the database, not the CPU.
THREADS = 4
# How long a thread that wants Python's interpreter lock waits before the running thread must
# hand it over (Python's default: 5 ms). waitress's event-loop thread takes the lock again
# after every socket call, so while request threads compute it waited up to 5 ms each time,
# and accepting, reading and answering hundreds of connections crawled; 0.5 ms gave 11-63 %
# more requests a second in tests/benchmarks/bench_load.py (README, "Load benchmark").
SWITCH_INTERVAL_SECONDS = 0.0005
_LOOP_SECONDS = 1.0


def _body_limit(application: Any) -> int:
    """The app's MAX_CONTENT_LENGTH (10 MB by default): larger requests get 413 unread."""
    config = getattr(application, "config", None) or {}
    return int(config.get("MAX_CONTENT_LENGTH") or 10 * 1024 * 1024)


class WaitressWorker(Worker):
    """A gunicorn worker whose requests are read whole by waitress before a thread runs them."""

    def run(self) -> None:
        """Serve until gunicorn says stop, telling it we are alive every loop."""
        from waitress import wasyncore
        from waitress.server import create_server

        sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
        socket_map: dict[int, Any] = {}
        server = create_server(
            self.wsgi,
            map=socket_map,
            sockets=[listener.sock for listener in self.sockets],
            threads=max(self.cfg.threads, THREADS),
            max_request_body_size=_body_limit(self.wsgi),
            connection_limit=CONNECTION_LIMIT,
            channel_timeout=IDLE_SECONDS,
            asyncore_use_poll=True,
            # Proxy headers are the app's business (QUIZAPP_TRUST_PROXY, ProxyFix).
            clear_untrusted_proxy_headers=False,
            ident="quizapp",
        )
        dispatcher = server.task_dispatcher
        # The heavy-work fork server loads and warms its libraries (seconds of CPU) before
        # this worker takes requests, not on a teacher's first upload; gunicorn hears from
        # us meanwhile, so a slow start is not taken for a hung worker.
        warming = threading.Thread(target=_warm_up, args=(self.wsgi,), name="warm-up", daemon=True)
        warming.start()
        while self.alive and warming.is_alive():
            self.notify()
            warming.join(_LOOP_SECONDS)
        while self.alive:
            self.notify()
            if self.ppid != os.getppid():
                self.log.info("Parent changed, shutting down: %s", self)
                break
            wasyncore.loop(timeout=_LOOP_SECONDS, map=socket_map, use_poll=True, count=1)
        self._finish(socket_map, dispatcher, wasyncore)

    def _finish(self, socket_map: dict[int, Any], dispatcher: Any, wasyncore: Any) -> None:
        """Stop accepting, let running requests finish (up to the graceful timeout), close."""
        for channel in list(socket_map.values()):
            if getattr(channel, "accepting", False):
                channel.accepting = False
        deadline = time.monotonic() + self.cfg.graceful_timeout
        while time.monotonic() < deadline and _busy(socket_map, dispatcher):
            self.notify()
            wasyncore.loop(timeout=0.1, map=socket_map, use_poll=True, count=1)
        dispatcher.shutdown(cancel_pending=True, timeout=1)
        wasyncore.close_all(socket_map)


def _warm_up(application: Any) -> None:
    """Compile the page templates and start the heavy-work fork server; a failure here only
    leaves that to happen on first use."""
    from quizapp.jobs import warm_up

    try:
        _compile_templates(application)
        warm_up()
    except Exception:
        logging.getLogger(__name__).warning("warm-up failed", exc_info=True)


def _compile_templates(application: Any) -> None:
    """Compile every page template once, now: a class arriving together at a new worker
    otherwise has each request thread compile the answer page's macros (about a second of
    CPU on a busy machine) while the students wait."""
    environment = getattr(application, "jinja_env", None)
    if environment is None:
        return
    for name in environment.list_templates(filter_func=_is_page_template):
        environment.get_template(name)


def _is_page_template(name: str) -> bool:
    """HTML templates of the web pages (print/ is rendered by the PDF maker's own setup)."""
    return name.endswith(".html") and not name.startswith("print/")


def _busy(socket_map: dict[int, Any], dispatcher: Any) -> bool:
    """Whether a request is still running, queued, or has output left to send."""
    if dispatcher.active_count or dispatcher.queue:
        return True
    return any(
        getattr(channel, "requests", None) or getattr(channel, "total_outbufs_len", 0)
        for channel in socket_map.values()
    )
