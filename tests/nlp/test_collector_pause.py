"""Generating holds Python's cycle collector off and leaves it as it found it."""

from __future__ import annotations

import gc
import threading

from quizapp.nlp import generate
from quizapp.nlp.collector import collector_paused

ARTICLE = """Harbour town opens new ferry link

The town council of Brinmouth opened a ferry link to the island of Carrow on Monday.
Mayor Alice Penrose said the boats would carry 400 passengers a day.
The link cost 2.5 million pounds and took three years to build.
"""


def test_the_collector_runs_again_after_generating() -> None:
    assert gc.isenabled()
    generate(ARTICLE, max_items=3)
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        generate(ARTICLE, max_items=3)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_runs_resume_the_collector_only_when_the_last_ends() -> None:
    inner_started, outer_may_end = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other_run() -> None:
        with collector_paused():
            inner_started.set()
            outer_may_end.wait(5)
        seen.append(gc.isenabled())

    with collector_paused():
        assert not gc.isenabled()
        worker = threading.Thread(target=other_run)
        worker.start()
        inner_started.wait(5)
    # This run is over, the other thread's is not: still held off.
    assert not gc.isenabled()
    outer_may_end.set()
    worker.join(5)
    assert seen == [True]
    assert gc.isenabled()


def test_an_error_inside_still_resumes_the_collector() -> None:
    try:
        with collector_paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()
