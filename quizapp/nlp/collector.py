"""Python's cycle collector held off while a document is read and its questions are made."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

# Why: reading a long document keeps tens of thousands of tokens, facts and index entries
# alive at once, and the collector's full passes, started by the count of new objects, walk
# all of them again and again while finding nothing to free (a tenth of the time of a
# 50,000-word document). The stages build values, not reference cycles; whatever cycles a
# run leaves are collected by the first pass after it.

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_running = 0
_resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection inside (and again as before once the last of the runs that
    overlap, in any thread, is done)."""
    global _running, _resume
    with _lock:
        if _running == 0:
            _resume = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _resume:
                gc.enable()


def without_collection(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run with the cycle collector held off (see ``collector_paused``)."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return function(*args, **kwargs)

    return run
