"""Generator speed: per-article time, ratio to the NLP floor, a 50,000-word document, and the
seed article as a whole `quizapp generate` process (cold start, target 0.8 s).

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

from quizapp.nlp import generate, read_document
from quizapp.nlp.text import normalise
from quizapp.paths import REPO_ROOT, SAMPLES_DIR

# QUIZAPP_SHARED_DIR points a worktree checked out elsewhere at the shared data.
SHARED = Path(os.environ.get("QUIZAPP_SHARED_DIR") or REPO_ROOT.parent / "shared")
SEED = SHARED / "data" / "seed-article.txt"


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        normalise.cache_clear()  # every run pays for its own text, as a first request would
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
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


def main() -> None:
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
    rows.append(("50k-word document", len(big.split()), big_floor, big_full))
    cli_target = str(SEED if SEED.exists() else next(SAMPLES_DIR.glob("*.txt")))
    command = [sys.executable, "-m", "quizapp.cli", "generate", "--max", "20", cli_target]
    # The first process on a machine fills the local data cache; every later one reads it.
    with tempfile.TemporaryDirectory() as empty:
        first_wall, first_cpu = _run_process(command, {"QUIZAPP_CACHE_DIR": empty})
    _run_process(command, {})  # make sure the user's cache is filled
    cli_times, cli_cpu = [], []
    for _ in range(5):
        wall, cpu = _run_process(command, {})
        cli_times.append(wall)
        cli_cpu.append(cpu)
    print(f"{'article':<28}{'words':>8}{'floor s':>10}{'generate s':>12}{'ratio':>8}")
    for name, words, floor, full in rows:
        print(f"{name:<28}{words:>8}{floor:>10.3f}{full:>12.3f}{full / floor:>8.2f}")
    print(f"{'quizapp generate (process)':<28}{'':>8}{'':>10}{statistics.median(cli_times):>12.3f}")
    print(
        f"seed as a whole process: median {statistics.median(cli_times):.3f} s wall, "
        f"{statistics.median(cli_cpu):.3f} s CPU (target 0.8 s); first run on an empty cache "
        f"{first_wall:.3f} s wall, {first_cpu:.3f} s CPU"
    )
    ratio = big_full / big_floor
    print(
        f"generate: ratio_to_floor={ratio:.2f} words_per_s={len(big.split()) / big_full:.0f} "
        f"big_doc_s={big_full:.2f}"
    )


if __name__ == "__main__":
    main()
