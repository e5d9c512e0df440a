"""The seed article and the shared development data: what the generator must reach."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.nlp import QuestionKind, generate
from quizapp.nlp.quiz_conflicts import gives_away
from quizapp.nlp.quiz_search import questions_asked

pytestmark = pytest.mark.shared

GENERATE = f"{sys.executable} -m quizapp.cli generate --format jsonl"


def _asking(items: list, predicate) -> object:
    """The item whose answer (or one of whose gaps) satisfies the predicate."""
    return next(
        i for i in items if any(predicate(f.text) for f in (i.facts if i.blanks else (i.fact,)))
    )


def test_seed_article_items_the_issue_names(shared_dir: Path) -> None:
    text = (shared_dir / "data" / "seed-article.txt").read_text(encoding="utf-8")
    items = list(generate(text, max_items=20).items)
    assert questions_asked(items) <= 20
    pairs = {
        left: right for i in items if i.kind is QuestionKind.MATCHING for left, right in i.pairs
    }
    for acronym in ("CIS", "CSTO", "SCO"):
        assert acronym in pairs
    border = _asking(items, lambda t: t.startswith("1,360"))
    base = _asking(items, lambda t: t == "201st")
    if border.kind is not QuestionKind.CLOZE:
        assert border.unit == "km" or all(o.endswith(" km") for o in border.options)
    if base.kind is not QuestionKind.CLOZE:
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


ALL_KINDS = "multiple_choice,fill_in,true_false,matching,numeric,short_answer,cloze"


@pytest.mark.parametrize("kinds", ["default", "with-passages"])
def test_dev_articles_floors(shared_dir: Path, kinds: str) -> None:
    """The 24 articles with gold facts (news/ and news-more/) at --max 20, with the default
    kinds and with word-bank passages asked for too."""
    data = shared_dir / "data"
    extra = f" --kinds {ALL_KINDS}" if kinds == "with-passages" else ""
    report = _evaluate(
        shared_dir,
        "--corpus",
        str(data / "news"),
        str(data / "news-more"),
        "--generate",
        f"{GENERATE} --max 20{extra}",
    )
    assert report["grounding_failures"] == 0
    assert report["validity_failures"] == 0
    assert report["duplicates"] == 0
    assert report["leaks"] == 0
    assert report["giveaway_rate"] <= 0.01
    assert report["stand_alone_rate"] <= 0.03
    assert report["generic_blank_rate"] <= 0.03
    if kinds == "default":
        # 0.302 before common-noun phrases and untyped names were held to what the article is
        # about and stems leaning on the article were refused (blind graders failed 39 of 45
        # such items). Measured 0.264 at --max 20; 0.273 once figures without a counted noun
        # ("fell to 77,000"), trillions, sizes, ages and roles before names were read; 0.258
        # once stems must name what they are about and passing voices are not asked (both
        # failure classes of blind grading); 0.273 once a stem may leave out a sentence's
        # other fact (a coordinated half, a droppable phrase, a WH question on one clause);
        # 0.276 once a sentence opening on "The festival" names what the headline named;
        # 0.290 (140 items) once a name another item asks is said by the article's descriptor
        # of it ("the embattled Russian oil giant") and a bounded search finds the fullest quiz.
        assert report["gold_recall"] >= 0.28
    else:
        # Beside one-gap kinds, passages are the linked pair of one sentence only (each gap
        # with two wrong entries of its own kind), taken only where one-gap items on its facts
        # would give each other away: blind graders failed 7 of 20 of the longer passages this
        # variant measured before (0.28 floor, 1.1 facts per item). Measured 0.276; 0.293
        # in session 9 (descriptors for names, the bounded search for the fullest quiz).
        assert report["gold_recall"] >= 0.28
        assert report["asked_facts"] > report["questions"]


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
    # Floors a little under what is measured (session 7: recall 0.184, precision 0.519, with
    # actors no gazetteer knows asked, "Earth" no longer, and sentences cut by a subscript on
    # its own line ("O" / "2") read whole; before: 0.184, 0.41). SQuAD answers are
    # often common-noun phrases and pronoun-led sentences of encyclopaedia text: the items lost
    # since 0.24 / 0.49 are stems whose "he" names nobody, typed descriptions ("different
    # velocities") and cut phrases ("Photosynthesis releases oxygen"), all of which blind
    # graders fail. Issue 9 asks 0.45 / 0.50. Session 8: 0.195 / 0.552, a first line cut by
    # such a subscript ("... of producing O" / "2 gas ...") no longer taken for a headline.
    # Session 9: 0.23 / 0.594, textbook terms (defined, built on the passage's topic word,
    # named battles) asked, a definition opening on the topic word standing alone, and a
    # textbook's "This coupling" named from the sentence before. Session 10: 0.253 / 0.618, a
    # long encyclopaedia sentence asked without its relative clauses ("the 1960s", "30 kPa").
    # Session 11: 0.299 / 0.657, a rare-worded phrase a headline-less passage keeps using
    # ("oxygen toxicity", "seismic waves") and "This biogeochemical cycle" named from before.
    assert report["answer_recall"] >= 0.28
    assert report["answer_precision"] >= 0.62
    assert report["items_failing"].get("giveaways", 0) == 0
