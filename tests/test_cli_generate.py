"""`quizapp generate` as a teacher or a script uses it: formats, stdin, and clear one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.paths import SAMPLES_DIR

SAMPLE = SAMPLES_DIR / "glacier-report.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the console script in a fresh process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "quizapp.cli", "generate", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_json_output_is_the_question_set_format() -> None:
    result = run("--max", "8", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == "quizapp/question-set@1"
    assert 1 <= len(document["questions"]) <= 8
    assert document["article"]["published"] == "2023-09-28"


def test_jsonl_gives_one_line_per_file_in_input_order(tmp_path: Path) -> None:
    files = sorted(SAMPLES_DIR.glob("*.txt"))
    result = run("--format", "jsonl", "--max", "5", *map(str, files))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == len(files)
    for line, path in zip(lines, files, strict=True):
        text = path.read_text(encoding="utf-8")
        quotes = [q["source"]["quote"] for q in json.loads(line)["questions"]]
        assert quotes and all(quote in text for quote in quotes)


def test_stdin_and_kinds_and_seed_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "quiz.json"
    args = ("--kinds", "fill_in,numeric", "--seed", "4", "-o", str(out), "-")
    result = run(*args, stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr
    kinds = {q["kind"] for q in json.loads(out.read_text(encoding="utf-8"))["questions"]}
    assert kinds <= {"fill_in", "numeric"} and kinds
    again = tmp_path / "again.json"
    run("--kinds", "fill_in,numeric", "--seed", "4", "-o", str(again), str(SAMPLE))
    assert again.read_bytes() == out.read_bytes(), "same input and options, same bytes"


def test_an_export_format_straight_from_a_file(tmp_path: Path) -> None:
    out = tmp_path / "quiz.gift"
    result = run("--format", "gift", "--max", "5", "-o", str(out), str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "::" in out.read_text(encoding="utf-8")


def test_a_game_format_says_on_stderr_what_it_left_out(tmp_path: Path) -> None:
    import csv
    import re

    out = tmp_path / "quiz.csv"
    result = run("--format", "blooket", "--max", "12", "-o", str(out), str(SAMPLE))
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[0][0] == "Blooket Import Template" and rows[1][0] == "Question #"
    # The sample gives fill-in and matching items, which have no place in Blooket: each one
    # is named with its kind.
    stderr = result.stderr.decode()
    summary = re.match(r"Blooket: (\d+) of (\d+) questions exported, (\d+) left out", stderr)
    assert summary, stderr
    kept, total, left_out = map(int, summary.groups())
    assert kept == len(rows) - 2 and left_out == total - kept > 0
    named = re.findall(r"^  question \d+: (fill-in|matching|short answer|numeric)", stderr, re.M)
    assert len(named) == left_out and "fill-in" in named


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("Caf\xe9 cr\xe8me br\xfbl\xe9e co\xfbte 3 \x80.".encode("latin-1"), "UTF-8"),
        (b"12 34 56 78", "no questions"),
        (b"the end", "no questions"),
    ],
)
def test_bad_input_gets_one_clear_line_and_a_failing_exit(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = run(str(path))
    assert result.returncode != 0
    err = result.stderr.decode()
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_file_over_the_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"The river is long. " * (21 * 1024 * 1024 // 19 + 1))
    result = run(str(path))
    assert result.returncode != 0
    assert "20 MB limit" in result.stderr.decode()


def test_a_long_text_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("The river is 2,850 km long. " * 80_000, encoding="utf-8")
    result = run(str(path))
    assert result.returncode != 0
    assert "the limit is" in result.stderr.decode()


def test_unknown_kind_and_missing_file_are_explained(tmp_path: Path) -> None:
    result = run("--kinds", "essay", str(SAMPLE))
    assert result.returncode != 0 and "unknown question kind" in result.stderr.decode()
    missing = run(str(tmp_path / "nope.txt"))
    assert missing.returncode != 0 and "cannot read" in missing.stderr.decode()


def test_all_caps_text_still_gives_checked_questions(tmp_path: Path) -> None:
    path = tmp_path / "caps.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8").upper(), encoding="utf-8")
    result = run(str(path))
    if result.returncode == 0:
        assert json.loads(result.stdout)["questions"]
    else:
        assert "no questions" in result.stderr.decode()


def test_generate_loads_no_web_pdf_or_whole_nlp_library() -> None:
    """`quizapp generate` starts fast: only the modules it uses, not the web app's stack, not
    WeasyPrint, and one tokenizer module of NLTK rather than all of NLTK."""
    code = (
        "import sys\n"
        "from quizapp.cli import main\n"
        f"sys.argv = ['quizapp', 'generate', '--max', '5', {str(SAMPLE)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('flask', 'sqlalchemy', 'weasyprint', 'nltk.corpus', 'nltk.metrics', 'textblob.blob')\n"
        "sys.stderr.write(repr(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["questions"]
    assert result.stderr.decode().strip() == "[]"


def test_output_does_not_depend_on_hash_seeds_or_the_data_cache(tmp_path: Path) -> None:
    """Python randomises string hashing per process, and the data cache may be empty (first
    run on a machine), filled, or impossible to write: the questions must not depend on
    either. Three processes, each with another hash seed and cache state (one run per
    state, not two sets of three: the generator's start-up is most of the time). Broken
    cache files: tests/nlp/test_datacache_pruning.py."""
    import os

    blocker = tmp_path / "a-file"
    blocker.write_text("no cache folder can be made under a file")
    outputs = {}
    runs = (("1", tmp_path / "cache"), ("2", tmp_path / "cache"), ("3", blocker / "cache"))
    for hash_seed, cache in runs:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "quizapp.cli",
                "generate",
                *map(str, sorted(SAMPLES_DIR.glob("*.txt"))),
                "--format",
                "jsonl",
            ],
            capture_output=True,
            timeout=300,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": hash_seed, "QUIZAPP_CACHE_DIR": str(cache)},
        )
        assert result.returncode == 0, result.stderr
        outputs[f"hash seed {hash_seed}, cache {cache.relative_to(tmp_path)}"] = result.stdout
    first = next(iter(outputs.values()))
    assert all(out == first for out in outputs.values()), [
        run for run, out in outputs.items() if out != first
    ]
    assert any(p.suffix == ".sqlite" for p in (tmp_path / "cache").iterdir())
