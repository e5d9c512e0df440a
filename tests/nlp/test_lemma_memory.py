"""Answers for words outside lemminflect's tables, remembered across processes: same lemmas and
inflections, and a later process need not load the network (nor numpy) that chose them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quizapp.nlp.datacache import RememberedAnswers, cache_dir

# Words outside lemminflect's tables, so its network picks the rule (nouns to lemmatise,
# lemmas to inflect); with lemminflect's own answers for them, from its public functions.
PROBE = """
import json, sys
from quizapp.nlp.words import inflect_verb, lemma, other_number

ours = [lemma("km", "NNS"), lemma("screensavers", "NNS"), lemma("glorped", "VBD"),
        other_number("zorkle", "NN"), inflect_verb("blick", "VBD"), inflect_verb("plim", "VBG")]
loaded_numpy = "numpy" in sys.modules
import lemminflect
theirs = [lemminflect.getLemma("km", upos="NOUN")[0],
          lemminflect.getLemma("screensavers", upos="NOUN")[0],
          lemminflect.getLemma("glorped", upos="VERB")[0],
          lemminflect.getInflection("zorkle", tag="NNS")[0],
          lemminflect.getInflection("blick", tag="VBD")[0],
          lemminflect.getInflection("plim", tag="VBG")[0]]
print(json.dumps({"ours": ours, "theirs": theirs, "numpy": loaded_numpy}))
"""


def probe(cache: Path) -> dict:
    """Run the probe in a new interpreter (imports and the cache's reading are per process)."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PROBE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QUIZAPP_CACHE_DIR": str(cache)},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_unknown_words_get_lemminflects_answers_first_from_its_network_then_remembered(
    tmp_path: Path,
) -> None:
    first = probe(tmp_path / "cache")
    assert first["ours"] == first["theirs"]
    assert first["ours"][:2] == ["km", "screensaver"]
    assert first["numpy"]  # an empty cache: the network had to answer
    second = probe(tmp_path / "cache")
    assert second["ours"] == first["ours"] == second["theirs"]
    assert not second["numpy"]  # every answer remembered: lemminflect's network never loaded


class CountingSquare:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, n: int):
        def compute() -> int:
            self.calls += 1
            return n * n

        return compute


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_answers_are_computed_once_and_shared_by_a_later_reader(cache: Path) -> None:
    square = CountingSquare()
    first = RememberedAnswers("squares", "v1")
    assert [first.get(n, square(n)) for n in (3, 4, 3)] == [9, 16, 9]
    assert square.calls == 2
    later = RememberedAnswers("squares", "v1")  # as a later process would
    assert [later.get(n, square(n)) for n in (4, 3)] == [16, 9]
    assert square.calls == 2
    assert RememberedAnswers("squares", "v2").get(3, square(3)) == 9  # a new version: again
    assert square.calls == 3


def test_two_writers_keep_each_others_answers(cache: Path) -> None:
    square = CountingSquare()
    one, other = RememberedAnswers("squares", "v1"), RememberedAnswers("squares", "v1")
    one.get(2, square(2))
    other.get(5, square(5))  # read before `one` wrote: merged, not overwritten
    later = RememberedAnswers("squares", "v1")
    assert (later.get(2, square(2)), later.get(5, square(5))) == (4, 25)
    assert square.calls == 2


def test_a_broken_or_unwritable_store_still_answers(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.mkdir()
    (cache / "squares-v1.pickle").write_bytes(b"not a pickle")
    square = CountingSquare()
    assert RememberedAnswers("squares", "v1").get(6, square(6)) == 36
    assert RememberedAnswers("squares", "v1").get(6, square(6)) == 36
    assert square.calls == 1  # the broken file was replaced by a good one
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder cannot be made under a file")
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(blocker / "cache"))
    assert RememberedAnswers("squares", "v1").get(7, square(7)) == 49
    assert RememberedAnswers("squares", "v1").get(7, square(7)) == 49
    assert square.calls == 3
    assert not cache_dir().exists()
