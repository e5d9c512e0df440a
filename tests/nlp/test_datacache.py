"""The local data cache only speeds loading up: cold, warm, broken or unwritable, same values."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.nlp.datacache import cache_dir, cached_table

TABLE = {
    "running": {"VERB": ("run",)},
    "geese": {"NOUN": ("goose",)},
    "é-accented": {"ADJ": ("é",), "NOUN": ("x", "y")},
}


class CountingBuild:
    """The slow loader the cache stands in for, counting how often it had to run."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict:
        self.calls += 1
        return {key: dict(value) for key, value in TABLE.items()}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_filled_table_is_read_from_the_cache_with_the_same_entries(cache: Path) -> None:
    build = CountingBuild()
    first = cached_table("words", "v1", build)
    second = cached_table("words", "v1", build)
    assert build.calls == 1
    assert dict(first) == dict(second) == TABLE
    assert second.get("geese", {}) == {"NOUN": ("goose",)}
    assert second.get("unknown", {}) == {}
    assert "unknown" not in second and "running" in second
    assert len(second) == len(TABLE)


def test_a_new_version_is_built_again(cache: Path) -> None:
    build = CountingBuild()
    cached_table("words", "v1", build)
    cached_table("words", "v2", build)
    assert build.calls == 2


def test_a_broken_cache_file_is_rebuilt(cache: Path) -> None:
    cache.mkdir()
    (cache / "words-v1.sqlite").write_bytes(b"not a database at all" * 100)
    build = CountingBuild()
    assert dict(cached_table("words", "v1", build)) == TABLE
    assert dict(cached_table("words", "v1", build)) == TABLE
    assert build.calls == 1


def test_an_unwritable_cache_falls_back_to_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder cannot be made under a file")
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(blocker / "cache"))
    build = CountingBuild()
    assert dict(cached_table("words", "v1", build)) == TABLE
    assert dict(cached_table("words", "v1", build)) == TABLE
    assert build.calls == 2
    assert not cache_dir().exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_process_reads_the_table_on_its_own_connection(cache: Path) -> None:
    """The job fork server loads the tables once; its forks read them after the fork."""
    cached_table("words", "v1", CountingBuild())
    table = cached_table("words", "v1", CountingBuild())
    assert table["running"] == {"VERB": ("run",)}
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, then leave without pytest's cleanup
        try:
            os.write(write_end, repr(table["geese"]).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    answer = os.read(read_end, 1000).decode()
    os.waitpid(pid, 0)
    assert answer == repr({"NOUN": ("goose",)})
