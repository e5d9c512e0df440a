"""Where facts share sentences, selection searches for the quiz that asks the most (each fact
by what it is worth), never for one that asks less than the greedy pick, nor one that answers
itself."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from quizapp.nlp import generate, quiz_search
from quizapp.nlp.quiz_conflicts import gives_away

pytestmark = pytest.mark.shared

# Articles whose facts crowd into shared sentences (a match report, a political row, a
# company's deal), where one-swap improvement alone leaves facts out.
ARTICLES = ("47", "51", "53", "26", "29")


@pytest.mark.parametrize("name", ARTICLES)
def test_the_search_asks_at_least_what_the_greedy_asks(
    shared_dir: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (shared_dir / "data" / "corpus" / f"{name}.txt").read_text(encoding="utf-8")
    searched = list(generate(text, max_items=20).items)
    monkeypatch.setattr(quiz_search, "SEARCH_NODES", 0)
    greedy = list(generate(text, max_items=20).items)
    assert len(searched) >= len(greedy)
    for a, b in combinations(searched, 2):
        assert not gives_away(a, b), (a.prompt, b.prompt)
