"""Generator speed: per-article time, ratio to the NLP floor, a 50,000-word document, and the
seed article as a whole `quizapp generate` process (target 0.8 s), with the local data cache
filled (every run but a machine's first) and empty (the first), against the in-process time.

Run: python tests/benchmarks/bench_generate.py   (not a test: it prints a table)
The floor is sentence split + tokenise + tag of the same text, measured in the same run.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import quizapp
from quizapp.nlp import generate, read_document
from quizapp.nlp.distractors.numeric import _ROOM as numeric_room
from quizapp.nlp.distractors.teams import _text_sport as text_sport
from quizapp.nlp.stem_words import _tagged_words as tagged_stem_words
from quizapp.nlp.text import normalise
from quizapp.paths import REPO_ROOT, SAMPLES_DIR

# QUIZAPP_SHARED_DIR points a worktree checked out elsewhere at the shared data.
SHARED = Path(os.environ.get("QUIZAPP_SHARED_DIR") or REPO_ROOT.parent / "shared")
SEED = SHARED / "data" / "seed-article.txt"


def best_of(runs: int, fn, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        # Every run pays for its own text, as a first request would.
        normalise.cache_clear()
        tagged_stem_words.cache_clear()
        text_sport.cache_clear()
        numeric_room.clear()  # (figures of the document: the next run probes them again)
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times)


def _run_process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process (CPU time is what a busy machine inflates
    least)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, **env})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _compile_bytecode() -> None:
    """Write the package's bytecode, as installing it does: a process then starts as it would
    for a user. (Without it, with PYTHONDONTWRITEBYTECODE set, every process would compile
    all of quizapp from source again, a tenth of a second no user pays.)"""
    import compileall

    compileall.compile_dir(str(Path(quizapp.__file__).parent), quiet=1)


def main() -> None:
    _compile_bytecode()
    samples = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES_DIR.glob("*.txt"))]
    generate(samples[0])  # warm-up: load models and gazetteers once
    bodies = ["\n".join(s.splitlines()[2:]) for s in samples]
    big_parts: list[str] = []
    while sum(len(p.split()) for p in big_parts) < 50_000:
        big_parts.append(bodies[len(big_parts) % len(bodies)])
    big = "\n".join(big_parts)
    rows = []
    articles = [
        ("sample:" + p.stem, p.read_text(encoding="utf-8"))
        for p in sorted(SAMPLES_DIR.glob("*.txt"))
    ]
    if SEED.exists():
        articles.insert(0, ("seed", SEED.read_text(encoding="utf-8")))
    for name, text in articles:
        floor = best_of(5, lambda t=text: read_document(t))
        full = best_of(5, lambda t=text: generate(t, max_items=20))
        rows.append((name, len(text.split()), floor, full))
    big_floor = best_of(2, lambda: read_document(big))
    big_full = best_of(2, lambda: generate(big, max_items=20))
    # The same in CPU time: on a shared machine a wall-clock floor and generation measured
    # minutes apart can see different loads (a ratio of 1.5 one run, 4 the next).
    big_floor_cpu = best_of(2, lambda: read_document(big), clock=time.process_time)
    big_full_cpu = best_of(2, lambda: generate(big, max_items=20), clock=time.process_time)
    rows.append(("50k-word document", len(big.split()), big_floor, big_full))
    cli_name, cli_text = articles[0]
    cli_target = str(SEED if SEED.exists() else sorted(SAMPLES_DIR.glob("*.txt"))[0])
    in_process = best_of(5, lambda: generate(cli_text, max_items=20))
    in_process_cpu = best_of(5, lambda: generate(cli_text, max_items=20), clock=time.process_time)
    command = [
        sys.executable, "-m", "quizapp.cli", "generate", "--format", "json", "--max", "20",
        cli_target,
    ]  # fmt: skip
    # The first process on a machine fills the local data cache (cold); every later one reads
    # it (warm). Medians of 5: the machine is often shared.
    cold_wall, cold_cpu = [], []
    for _ in range(5):
        with tempfile.TemporaryDirectory() as empty:
            wall, cpu = _run_process(command, {"QUIZAPP_CACHE_DIR": empty})
        cold_wall.append(wall)
        cold_cpu.append(cpu)
    _run_process(command, {})  # make sure the user's cache is filled
    warm_wall, warm_cpu = [], []
    for _ in range(5):
        wall, cpu = _run_process(command, {})
        warm_wall.append(wall)
        warm_cpu.append(cpu)
    print(f"{'article':<28}{'words':>8}{'floor s':>10}{'generate s':>12}{'ratio':>8}")
    for name, words, floor, full in rows:
        print(f"{name:<28}{words:>8}{floor:>10.3f}{full:>12.3f}{full / floor:>8.2f}")
    warm, cold = statistics.median(warm_wall), statistics.median(cold_wall)
    print(f"{'quizapp generate (process)':<28}{'':>8}{'':>10}{warm:>12.3f}")
    warm_cpu_s, cold_cpu_s = statistics.median(warm_cpu), statistics.median(cold_cpu)
    # CPU ratios too: on a shared machine wall times swing with the load, CPU times far less.
    print(
        f"{cli_name} as a whole process (target 0.8 s): warm cache median {warm:.3f} s wall, "
        f"{warm_cpu_s:.3f} s CPU; empty cache median {cold:.3f} s wall, {cold_cpu_s:.3f} s CPU. "
        f"In-process generation (best of 5) {in_process:.3f} s wall, {in_process_cpu:.3f} s CPU: "
        f"the process takes {warm / in_process:.1f}x wall / {warm_cpu_s / in_process_cpu:.1f}x "
        f"CPU warm, {cold / in_process:.1f}x / {cold_cpu_s / in_process_cpu:.1f}x empty"
    )
    ratio = big_full / big_floor
    print(
        f"generate: ratio_to_floor={ratio:.2f} words_per_s={len(big.split()) / big_full:.0f} "
        f"big_doc_s={big_full:.2f} ratio_to_floor_cpu={big_full_cpu / big_floor_cpu:.2f} "
        f"big_doc_cpu_s={big_full_cpu:.2f}"
    )


if __name__ == "__main__":
    main()
