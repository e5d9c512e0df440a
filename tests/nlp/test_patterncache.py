"""Regular expressions compiled from the local cache's code: a later process builds every
pattern the generator compiles at import from the stored code, and each equals (same flags,
text and code) what Python's own compiler makes, so matching and output are unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

# In a new interpreter: the generator's patterns (compiled at import, through the cache when
# it is installed) against the same patterns compiled again by Python's own compiler.
PROBE = """
import json, re, sys
import quizapp.nlp
from quizapp.nlp import patterncache
from quizapp.nlp.facts import quantities
from quizapp.nlp.questions import anchors

stored = patterncache._STORE.known()
ours = [quantities._MEASURE, quantities._FIGURE, anchors.QUOTED, anchors.WORD]
theirs = [patterncache._ORIGINAL(p.pattern, p.flags) for p in ours]
print(json.dumps({
    "installed": re._compiler.compile is patterncache._compile,
    "stored": len(stored),
    # Stored under the flags given to re.compile (Unicode is added by the compiler).
    "from_cache": sum((p.pattern, p.flags & ~re.UNICODE) in stored for p in ours),
    "equal": [a == b and a.groupindex == b.groupindex for a, b in zip(ours, theirs)],
    "figure": quantities._FIGURE.findall("It fell to 77,000 from 10 million in 2003."),
}))
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


def test_patterns_built_from_the_cached_code_equal_pythons_own(tmp_path: Path) -> None:
    first = probe(tmp_path / "cache")  # an empty cache: compiled, then stored at exit
    assert first["installed"]
    assert first["stored"] == 0
    assert all(first["equal"])
    second = probe(tmp_path / "cache")
    assert second["stored"] > 100  # the generator's import-time patterns
    assert second["from_cache"] == 4
    assert all(second["equal"])
    assert second["figure"] == first["figure"] == ["77,000", "10 million"]


def test_an_unwritable_cache_leaves_patterns_as_python_compiles_them(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = probe(blocker / "cache")
    assert result["installed"]
    assert result["stored"] == 0
    assert all(result["equal"])
