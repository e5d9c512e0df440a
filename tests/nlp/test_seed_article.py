"""The seed article and the shared development data: what the generator must reach."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.nlp import QuestionKind, generate

pytestmark = pytest.mark.shared


def test_seed_article_items_the_issue_names(shared_dir: Path) -> None:
    text = (shared_dir / "data" / "seed-article.txt").read_text(encoding="utf-8")
    items = generate(text, max_items=20).items
    answers = {i.fact.text for i in items}
    assert "1,360 km" in answers or "1,360" in answers
    assert "201st" in answers
    pairs = {
        left: right for i in items if i.kind is QuestionKind.MATCHING for left, right in i.pairs
    }
    for acronym in ("CIS", "CSTO", "SCO"):
        assert acronym in pairs
    border = next(i for i in items if i.fact.text == "1,360 km" and i.options)
    assert all(o.endswith(" km") for o in border.options)
    base = next(i for i in items if i.fact.text == "201st" and i.options)
    assert all(o[:-2].isdigit() and o[-2:] in ("st", "nd", "rd", "th") for o in base.options)


def _evaluate(shared_dir: Path, *args: str) -> dict:
    tool = shared_dir / "tools" / "evaluate_questions.py"
    out = subprocess.run(
        [sys.executable, str(tool), *args, "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_news_corpus_floors(shared_dir: Path, tmp_path: Path) -> None:
    for path in (shared_dir / "data" / "news").iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "seed.txt").write_bytes((shared_dir / "data" / "seed-article.txt").read_bytes())
    command = f"{sys.executable} -m quizapp.cli generate --format jsonl --max 20"
    report = _evaluate(shared_dir, "--corpus", str(tmp_path), "--generate", command)
    assert report["grounding_failures"] == 0
    assert report["validity_failures"] == 0
    assert report["duplicates"] == 0
    assert report["leaks"] <= 0.02 * report["questions"]
    assert report["gold_recall"] >= 0.75


def test_squad_answer_recall_and_precision(shared_dir: Path) -> None:
    command = f"{sys.executable} -m quizapp.cli generate --format jsonl --max 5"
    report = _evaluate(
        shared_dir, "--squad", str(shared_dir / "data" / "squad_dev.json"), "--generate", command
    )
    assert report["answer_recall"] >= 0.35
    assert report["answer_precision"] >= 0.40
