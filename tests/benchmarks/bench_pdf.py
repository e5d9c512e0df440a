"""Benchmark (not a test): a 40-question student paper + answer key beside a trivial PDF.

    python tests/benchmarks/bench_pdf.py [--runs 7]

Times, as medians over runs after a warm-up: the paper + key warm (same process), the paper +
key cold (each in a fresh Python process, imports and first render included), the zip of two
versions with their keys, and a trivial one-page PDF. Wall clock is what a teacher waits;
CPU seconds show the cost when other processes share the machine.

The web app keeps rendered downloads (services/print_cache.py); the "cached" row is a repeated
download of the paper + key: building their HTML, hashing it and reading the stored bytes. The
rendering rows never touch that cache.

Prints a table, then a last line
`pdf: forty_questions_s=S trivial_s=T versions_s=V` (warm medians, seconds).
Targets: paper + key under 0.5 s warm, the versions zip under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from quizapp.exports import export, export_options
from quizapp.exports.pdf import print_out, printing
from quizapp.services.print_cache import PrintCache

KINDS = ("multiple_choice", "fill_in", "true_false", "matching", "numeric", "short_answer")
PAIRS = [["Kraków", "Poland"], ["São Paulo", "Brazil"], ["Montréal", "Canada"], ["Łódź", "PL"]]
SENTENCE = (
    "In {year}, the Société Générale de Montréal paid £{n},000 – about €{m},000 – for "
    "{count} new buses serving Kraków, Łódź and São Paulo, said mayor Zoë Müller."
)


def _item(n: int) -> dict[str, Any]:
    """A question of one of the six kinds, in turn, with realistic lengths."""
    quote = SENTENCE.format(year=1990 + n, n=n * 3, m=n * 4, count=n + 10)
    fact = str(n + 10)
    start = quote.index(fact)
    item: dict[str, Any] = {"id": f"q{n}"}
    kind = ("multiple_choice", "fill_in", "true_false", "matching", "numeric", "short_answer")[
        n % 6
    ]
    item["kind"] = kind
    if kind == "multiple_choice":
        item |= {
            "prompt": f"How many new buses did the Société Générale buy in {1990 + n}?",
            "answer": fact,
            "options": [str(n + 10 + d) for d in (-4, 0, 4, 8)],
        }
    elif kind == "fill_in":
        item |= {"prompt": quote.replace(fact, "_____", 1), "answer": fact, "accepted": [fact]}
    elif kind == "true_false":
        item |= {"prompt": quote, "answer": "True", "options": ["True", "False"]}
    elif kind == "matching":
        item |= {
            "prompt": "Match each city with its country.",
            "pairs": [
                ["Kraków", "Poland"],
                ["São Paulo", "Brazil"],
                ["Montréal", "Canada"],
                ["Łódź", "Poland too"],
            ],
        }
    elif kind == "numeric":
        item |= {
            "prompt": f"How many buses were bought in {1990 + n}?",
            "answer": f"{fact} buses",
            "value": n + 10,
            "tolerance": 0,
            "unit": "buses",
        }
    else:
        item |= {
            "prompt": "Who spoke about the buses?",
            "answer": "Zoë Müller",
            "accepted": ["Zoë Müller", "Müller"],
        }
    item["fact"] = {
        "type": "quantity",
        "text": fact,
        "start": 1000 * n + start,
        "end": 1000 * n + start + len(fact),
    }
    item["source"] = {
        "quote": quote,
        "start": 1000 * n,
        "end": 1000 * n + len(quote),
        "paragraph": n,
    }
    item["explanation"] = f"The article says: “{quote}”"
    item["difficulty"] = 0.5
    return item


def forty_questions() -> dict[str, Any]:
    """A question-set document of 40 items across every kind."""
    return {
        "schema": "quizapp/question-set@1",
        "article": {
            "title": "Buses for the city",
            "sha256": "0" * 64,
            "words": 900,
            "sentences": 40,
        },
        "questions": [_item(n) for n in range(1, 41)],
    }


def paper_and_key(document: dict[str, Any]) -> Callable[[], None]:
    """Render the student paper and the answer key."""

    def run() -> None:
        export(document, "pdf")
        export(document, "key")

    return run


def versions_zip(document: dict[str, Any]) -> Callable[[], None]:
    """The zip of versions A and B, each with its key."""

    def run() -> None:
        export(document, "pdf", versions=2)

    return run


def cached_paper_and_key(document: dict[str, Any], folder: str) -> Callable[[], None]:
    """A repeated download of the paper and the key, answered by the rendered-PDF cache."""
    cache = PrintCache(folder, 64 << 20)
    options = export_options()
    for fmt in ("pdf", "key"):
        job = printing(document, fmt, options)
        cache.put(job.fingerprint(), print_out(job).data)

    def run() -> None:
        for fmt in ("pdf", "key"):
            data = cache.get(printing(document, fmt, options).fingerprint())
            assert data is not None and data.startswith(b"%PDF")

    return run


COLD_SCRIPT = """
import sys, time
start, start_cpu = time.perf_counter(), time.process_time()
sys.path.insert(0, {root!r})
from tests.benchmarks.bench_pdf import forty_questions
from quizapp.exports import export, export_options
from quizapp.exports.pdf import print_out, printing
from quizapp.services.print_cache import PrintCache
document = forty_questions()
export(document, "pdf")
export(document, "key")
print(time.perf_counter() - start, time.process_time() - start_cpu)
"""


def cold_time(runs: int) -> tuple[float, float, float, float]:
    """Paper + key in fresh processes (imports, fonts and first render included)."""
    root = str(Path(__file__).resolve().parents[2])
    times, cpu = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD_SCRIPT.format(root=root)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        times.append(float(out[0]))
        cpu.append(float(out[1]))
    return statistics.median(times), min(times), max(times), statistics.median(cpu)


def trivial() -> None:
    """WeasyPrint on a one-page document, no stylesheet of ours."""
    from weasyprint import HTML

    HTML(string="<p>Hello, world.</p>").write_pdf()


def median_time(func: Callable[[], None], runs: int) -> tuple[float, float, float, float]:
    """(median, min, max) wall seconds and median CPU seconds over runs, after one warm-up.

    CPU time shows the cost when other processes share the machine and stretch wall time; it
    includes the render worker processes (the versions zip renders in forked workers).
    """
    func()
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), _cpu_seconds()
        func()
        times.append(time.perf_counter() - start)
        cpu.append(_cpu_seconds() - start_cpu)
    return statistics.median(times), min(times), max(times), statistics.median(cpu)


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its finished child processes."""
    now = os.times()
    return now.user + now.system + now.children_user + now.children_system


def main() -> None:
    """Time both and print the table and the summary line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    document = forty_questions()
    with tempfile.TemporaryDirectory() as folder:
        cached = median_time(cached_paper_and_key(document, folder), args.runs)
    rows = [
        ("40-q paper + key, warm", median_time(paper_and_key(document), args.runs)),
        ("40-q paper + key, cold", cold_time(max(1, args.runs // 2))),
        ("versions zip (A, B + keys)", median_time(versions_zip(document), args.runs)),
        ("trivial one-page PDF", median_time(trivial, args.runs)),
        ("40-q paper + key, cached", cached),
    ]
    header = f"{'case':<28} {'median s':>9} {'min s':>7} {'max s':>7} {'cpu s':>7}"
    print(f"{header}   (runs={args.runs}, wall clock; cpu = the rendering processes)")
    for name, (median, low, high, cpu) in rows:
        print(f"{name:<28} {median:9.3f} {low:7.3f} {high:7.3f} {cpu:7.3f}")
    print(
        f"pdf: forty_questions_s={rows[0][1][0]:.3f} trivial_s={rows[3][1][0]:.3f} "
        f"versions_s={rows[2][1][0]:.3f}"
    )


if __name__ == "__main__":
    main()
