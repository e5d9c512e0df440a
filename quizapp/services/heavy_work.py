"""The teachers' heavy work (reading files, generating, printing) run under the app's limits."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import current_app

from quizapp.jobs import JobBusyError, JobLimitError, JobLimits, job_slot, run_bounded, warm_up
from quizapp.services.authoring import AuthoringError

Result = TypeVar("Result")


@dataclass(frozen=True, slots=True)
class HeavyTask:
    """One kind of heavy work: what the teacher is told it was, and its time setting."""

    doing: str
    advice: str
    seconds_setting: str


READING = HeavyTask(
    "Reading this file",
    "Paste the article's text instead, or upload a smaller or simpler file.",
    "UPLOAD_READ_SECONDS",
)
FETCHING = HeavyTask(
    "Fetching and reading this page",
    "Paste the article's text instead.",
    "UPLOAD_READ_SECONDS",
)
GENERATING = HeavyTask(
    "Making questions from this article",
    "Use a shorter article (one chapter at a time).",
    "GENERATE_SECONDS",
)
PRINTING = HeavyTask(
    "Making this PDF",
    "Try without the article at the end, or with fewer versions.",
    "PRINT_SECONDS",
)


class HeavyWorkError(AuthoringError):
    """Heavy work was refused or stopped at a limit; str() tells the teacher what to do."""

    def __init__(self, message: str, *, busy: bool = False) -> None:
        super().__init__(message)
        self.busy = busy


def _message(task: HeavyTask, exc: JobLimitError | JobBusyError, seconds: float) -> str:
    """What the teacher reads when the work hit a limit or could not start."""
    if isinstance(exc, JobBusyError):
        if exc.whose == "owner":
            return (
                "Your previous file, quiz or PDF is still being made. Wait for it to finish, "
                "then try again."
            )
        return "The server is busy making other quizzes and PDFs. Try again in a minute."
    if exc.reason == "time":
        return (
            f"{task.doing} took longer than {seconds:g} seconds, so it was stopped (this keeps "
            f"the site quick for everyone). {task.advice}"
        )
    return (
        f"{task.doing} needed more memory than this server allows, so it was stopped. {task.advice}"
    )


def run_heavy(
    task: HeavyTask,
    owner_id: int,
    function: Callable[..., Result],
    *args: Any,
    extra_seconds: float = 0.0,
    **kwargs: Any,
) -> Result:
    """``function(*args, **kwargs)`` in a child process under the configured time and memory
    caps, holding the teacher's one heavy-work slot and one of the machine's.

    Raises HeavyWorkError (an AuthoringError) with a message for the teacher at any limit;
    the function's own exceptions pass through.
    """
    config = current_app.config
    seconds = float(config[task.seconds_setting]) + extra_seconds
    limits = JobLimits(seconds=seconds, memory_bytes=int(config["HEAVY_JOB_MEMORY_MB"]) << 20)
    per_machine = config["HEAVY_JOBS_PER_MACHINE"] or os.cpu_count() or 1
    folder = config.get("HEAVY_JOB_LOCKS") or os.path.join(current_app.instance_path, "jobs")
    try:
        warm_up()
        with job_slot(
            folder,
            f"user-{owner_id}",
            per_machine=per_machine,
            wait=float(config["HEAVY_JOB_WAIT_SECONDS"]),
        ):
            return run_bounded(function, *args, limits=limits, **kwargs)
    except (JobLimitError, JobBusyError) as exc:
        current_app.logger.warning(
            "heavy work stopped: %s for user %s: %r", task.doing, owner_id, exc
        )
        raise HeavyWorkError(
            _message(task, exc, seconds), busy=isinstance(exc, JobBusyError)
        ) from exc
