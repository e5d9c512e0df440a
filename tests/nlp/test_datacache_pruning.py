"""The local data cache prunes itself: stale versions go, the current one and recently used ones
stay, and neither pruning nor a broken or unwritable cache folder changes what is generated.
The per-document word index finds every sentence a scan for the word would."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizapp.nlp import datacache, read_document
from quizapp.nlp.datacache import KEEP_VERSIONS, STALE_AFTER, cached, cached_table
from quizapp.nlp.docindex import sentences_with_words
from quizapp.paths import SAMPLES_DIR

DAY = 24 * 3600


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(folder))
    return folder


def stored(folder: Path, name: str, value: object, *, age: float) -> Path:
    """A cache file as an earlier process left it, last used ``age`` seconds ago."""
    path = folder / name
    path.write_bytes(pickle.dumps(value))
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_writing_a_new_version_removes_stale_ones_and_keeps_what_is_in_use(cache: Path) -> None:
    stale = stored(cache, "words-100-1.pickle", "old", age=STALE_AFTER + DAY)
    in_use = stored(cache, "words-100-2.pickle", "other install", age=DAY)
    gone_cache = stored(cache, "retired-7-7.sqlite", "a cache no longer made", age=STALE_AFTER + 1)
    orphan = stored(cache, "tmpk2j3.tmp", "a writer died mid-write", age=2 * 3600)
    writing = stored(cache, "tmpk2j4.tmp", "a writer at work", age=1)
    not_ours = stored(cache, "notes.txt", "the user's own file", age=STALE_AFTER * 3)
    assert cached("words", "100-3", lambda: "new") == "new"
    assert (cache / "words-100-3.pickle").exists()
    assert not stale.exists() and not gone_cache.exists() and not orphan.exists()
    assert in_use.exists() and writing.exists() and not_ours.exists()
    assert cached("words", "100-2", lambda: "rebuilt") == "other install"  # still read


def test_at_most_a_few_recently_used_versions_are_kept(cache: Path) -> None:
    others = [
        stored(cache, f"table-100-{n}.sqlite", n, age=(n + 1) * 3600)
        for n in range(KEEP_VERSIONS + 2)
    ]
    cached_table("table", "100-99", lambda: {"key": "value"})
    kept = sorted(p.name for p in cache.iterdir())
    # The new version and the most recently used others.
    assert kept == sorted(["table-100-99.sqlite", *(p.name for p in others[: KEEP_VERSIONS - 1])])
    assert dict(cached_table("table", "100-99", lambda: {})) == {"key": "value"}


def test_reading_a_version_marks_it_used_so_another_installation_keeps_it(cache: Path) -> None:
    ours = stored(cache, "words-100-1.pickle", "ours", age=STALE_AFTER - DAY)
    assert cached("words", "100-1", lambda: "rebuilt") == "ours"
    assert time.time() - ours.stat().st_mtime < DAY
    # Days later another installation writes its version: ours is not stale.
    then = time.time() - 3 * DAY
    os.utime(ours, (then, then))
    cached("words", "100-2", lambda: "theirs")
    assert ours.exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_fork_whose_table_was_pruned_meanwhile_builds_it(cache: Path) -> None:
    """The job fork server opens the tables once; another installation may prune the file
    before a fork reads it: the fork cannot reopen it and builds the table instead."""
    cached_table("table", "100-1", lambda: {"a": 1, "b": 2})
    # The same table built again (marked here, to see that the fork built it).
    table = cached_table("table", "100-1", lambda: {"a": 1, "b": 2, "built": 3})
    assert table["a"] == 1
    (cache / "table-100-1.sqlite").unlink()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, then leave without pytest's cleanup
        try:
            answer = (table["a"], table.get("b"), table.get("c"), "built" in table, len(table))
            os.write(write_end, repr(answer).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    answer = os.read(read_end, 1000).decode()
    os.waitpid(pid, 0)
    assert answer == repr((1, 2, None, True, 3))
    assert table["b"] == 2  # this process still reads its open file


def test_concurrent_processes_writing_versions_all_succeed(cache: Path) -> None:
    script = (
        "import sys; from quizapp.nlp.datacache import cached, cached_table\n"
        "v = sys.argv[1]\n"
        "assert cached('words', v, lambda: {'v': v}) == {'v': v}\n"
        "assert dict(cached_table('table', v, lambda: {'v': v})) == {'v': v}\n"
    )
    env = {**os.environ, "QUIZAPP_CACHE_DIR": str(cache)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, f"100-{n}"], env=env, stderr=subprocess.PIPE
        )
        for n in range(8)
    ]
    for run in runs:
        _, error = run.communicate(timeout=120)
        assert run.returncode == 0, error.decode()
    names = [p.name for p in cache.iterdir()]
    assert not [n for n in names if n.endswith(".tmp")]
    assert len([n for n in names if n.startswith("words-")]) >= 1


def generated(article: Path, cache: Path) -> bytes:
    """What `quizapp generate` prints for the article with this cache folder, in a new process
    (each process reads the cache once)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quizapp.cli",
            "generate",
            "--format",
            "json",
            "--max",
            "6",
            article,
        ],
        capture_output=True,
        timeout=300,
        check=False,
        env={**os.environ, "QUIZAPP_CACHE_DIR": str(cache)},
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def test_a_broken_or_unwritable_cache_folder_does_not_change_generation(tmp_path: Path) -> None:
    article = sorted(SAMPLES_DIR.glob("*.txt"))[0]
    fresh = tmp_path / "fresh"
    expected = generated(article, fresh)
    assert expected.strip()
    written = sorted(p.name for p in fresh.iterdir())
    assert written and all(datacache._VERSIONED.fullmatch(n) for n in written)
    # Every current file broken, beside a stale version: the same output, the files rewritten.
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in written:
        (broken / name).write_bytes(b"\x80 not a pickle nor a database" * 10)
    name = datacache._VERSIONED.fullmatch(written[0])["name"]
    stale = stored(broken, f"{name}-1-1.pickle", "old", age=2 * STALE_AFTER)
    assert generated(article, broken) == expected
    assert not stale.exists()
    # A cache folder that cannot be made (a file stands in its place).
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert generated(article, blocker) == expected
    assert blocker.read_text() == "not a folder"


def test_the_word_index_holds_every_sentence_a_case_blind_whole_word_pattern_matches() -> None:
    doc = read_document(
        "The Chip arrived.\n\nSony made chips.\n\nThe CHIP-maker grew.\n\nA ſhip sailed.\n\nNone."
    )
    # "ſhip" holds a letter that matches "s" without case: such a sentence is always looked at.
    assert sentences_with_words(doc, ["chip"]) == [0, 2, 3]
    assert sentences_with_words(doc, ["chip", "chips"]) == [0, 1, 2, 3]
    assert sentences_with_words(doc, ["chip-maker"]) is None  # not a plain word: scan all
    assert sentences_with_words(doc, [""]) is None
    article = read_document(sorted(SAMPLES_DIR.glob("*.txt"))[0].read_text(encoding="utf-8"))
    words = {t.text.lower() for s in article.sentences for t in s.tokens if t.text.isalpha()}
    for word in sorted(words)[:200]:
        where = set(sentences_with_words(article, [word]))
        pattern = re.compile(rf"\b(?i:{re.escape(word)})\b")
        assert {s.index for s in article.sentences if pattern.search(s.text)} <= where


FORKED_LOOKUP_AFTER_PRUNING = """
import os, subprocess, sys
from pathlib import Path
# An earlier process fills the cache; this one then reads its tables from the files.
fill = "from quizapp.nlp.words import lemma; lemma('walked', 'VBD')"
subprocess.run([sys.executable, "-c", fill], check=True)
from quizapp.nlp.words import inflect_verb, lemma
assert lemma("running", "VBG") == "run"
for path in Path(os.environ["QUIZAPP_CACHE_DIR"]).iterdir():
    path.unlink()
pid = os.fork()
if pid == 0:
    try:
        print(lemma("geese", "NNS"), inflect_verb("go", "VBD"), flush=True)
    except BaseException as error:
        print(repr(error)[:300], file=sys.stderr, flush=True)
    finally:
        os._exit(0)
os.waitpid(pid, 0)
"""


def test_a_fork_finds_the_word_tables_pruned_and_still_lemmatises(cache: Path) -> None:
    """The generation jobs fork from a server that opened the word tables: a cache cleared
    meanwhile (by a user, or pruned by another installation) leaves them building the tables
    from lemminflect's own files, as a process with no cache does."""
    run = subprocess.run(
        [sys.executable, "-c", FORKED_LOOKUP_AFTER_PRUNING],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QUIZAPP_CACHE_DIR": str(cache)},
    )
    assert run.stdout.split() == ["goose", "went"], run.stderr[-2000:]
