"""Heavy work (reading uploads, generating, printing) in a child process under time and memory caps.

A request that parses a hostile PDF or lays out a 60-page paper must not take the web worker
down with it: the work runs in a child process started from a small fork server, with a
wall-clock timeout (the child is killed), a CPU-time limit, an address-space cap and a lower
CPU priority set inside the child, and at most one such job per teacher and a few per machine
at a time (file locks in the instance folder, so they hold across every worker process of
`quizapp serve`).
Nothing extra runs: the fork server is a child of the web worker and dies with it.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

try:  # POSIX only; elsewhere only the wall-clock timeout applies.
    import fcntl
    import resource
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    resource = None  # type: ignore[assignment]

__all__ = [
    "JobBusyError",
    "JobLimitError",
    "JobLimits",
    "job_slot",
    "run_bounded",
    "warm_up",
]

Result = TypeVar("Result")

# Imported once by the fork server, so a job starts in milliseconds instead of re-importing
# pypdf, the NLP models and WeasyPrint (seconds) every time.
PRELOAD = ["quizapp.job_preload"]
_POLL_SECONDS = 0.05
# A job yields the CPU to the web workers' requests (0 is normal priority, 19 the lowest).
JOB_NICENESS = 10


@dataclass(frozen=True, slots=True)
class JobLimits:
    """What one job may use: wall-clock seconds and memory (bytes) beyond the loaded program."""

    seconds: float
    memory_bytes: int


class JobLimitError(Exception):
    """A job was stopped at a limit; ``reason`` is "time" or "memory" (also: crashed)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class JobBusyError(Exception):
    """No slot for heavy work came free in time (the teacher's own, or the machine's)."""

    def __init__(self, whose: str) -> None:
        super().__init__(whose)
        self.whose = whose


_context: Any = None
_warm = False


def _job_context() -> Any:
    """The multiprocessing context: a fork server (safe in a threaded server) where there is one."""
    global _context
    if _context is None:
        methods = multiprocessing.get_all_start_methods()
        _context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            _context.set_forkserver_preload(PRELOAD)
    return _context


def warm_up() -> None:
    """Start the fork server and wait until it has loaded and warmed its libraries (seconds),
    so that no job's time, and no teacher's slot, is spent on that."""
    global _warm
    if not _warm:
        run_bounded(os.getpid, limits=JobLimits(seconds=300, memory_bytes=0))
        _warm = True


def _address_space() -> int:
    """This process's current virtual memory size in bytes (0 where /proc is missing)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _apply_limits(limits: JobLimits) -> None:
    """In the child: lower its CPU priority (requests come first), cap its address space (the
    program's own plus the budget) and its CPU seconds."""
    if hasattr(os, "nice"):
        os.nice(JOB_NICENESS)
    if resource is None:
        return
    cpu = math.ceil(limits.seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    if limits.memory_bytes > 0 and (base := _address_space()):
        cap = base + limits.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _child(
    sender: Connection,
    limits: JobLimits,
    function: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> None:
    """Run the job under its limits and send back ("ok", result) or ("error", exception)."""
    _apply_limits(limits)
    try:
        outcome: tuple[str, Any] = ("ok", function(*args, **kwargs))
    except MemoryError:
        outcome = ("memory", None)
    except Exception as exc:
        outcome = ("error", exc)
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("memory", None))
    except Exception as exc:  # an exception or result that does not pickle
        sender.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        sender.close()


def run_bounded(
    function: Callable[..., Result], *args: Any, limits: JobLimits, **kwargs: Any
) -> Result:
    """``function(*args, **kwargs)`` in a child process; its exceptions are raised here.

    ``function`` and its arguments must pickle (a module-level function). Raises JobLimitError
    when the child runs out of time (it is killed) or memory, or dies.
    """
    context = _job_context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(sender, limits, function, args, kwargs), daemon=True
    )
    process.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise JobLimitError("time")
        try:
            status, payload = receiver.recv()
        except EOFError:
            # Died without a word: killed by the CPU limit or the kernel, or out of memory in C.
            process.join(timeout=5)
            cpu_limit = getattr(signal, "SIGXCPU", None)
            killed_by_clock = cpu_limit is not None and process.exitcode == -cpu_limit
            raise JobLimitError("time" if killed_by_clock else "memory") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if status == "ok":
        return payload
    if status == "memory":
        raise JobLimitError("memory")
    raise payload


@contextmanager
def _lock_one(paths: list[Path], deadline: float) -> Iterator[bool]:
    """Hold an exclusive lock on the first of these files that is free; False when none came free."""
    handles = []
    try:
        for path in paths:
            handles.append(path.open("a+b"))
        while True:
            for handle in handles:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue
                try:
                    yield True
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)
                return
            if time.monotonic() >= deadline:
                yield False
                return
            time.sleep(_POLL_SECONDS)
    finally:
        for handle in handles:
            handle.close()


@contextmanager
def job_slot(folder: str | Path, owner: str, *, per_machine: int, wait: float) -> Iterator[None]:
    """Hold the owner's one slot for heavy work and one of ``per_machine`` shared slots.

    Waits up to ``wait`` seconds for both (a double-clicked button waits for the first click's
    job), then raises JobBusyError ("owner" or "machine"). The locks are files in ``folder``
    (shared by every worker process), released by the kernel if the process dies.
    """
    if fcntl is None:  # pragma: no cover - Windows: no shared limit, the timeout still holds
        yield
        return
    lock_dir = Path(folder)
    lock_dir.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    safe_owner = "".join(ch if ch.isalnum() else "_" for ch in owner)[:64]
    with ExitStack() as stack:
        if not stack.enter_context(_lock_one([lock_dir / f"owner-{safe_owner}.lock"], deadline)):
            raise JobBusyError("owner")
        slots = [lock_dir / f"slot-{index}.lock" for index in range(max(1, per_machine))]
        if not stack.enter_context(_lock_one(slots, deadline)):
            raise JobBusyError("machine")
        yield
