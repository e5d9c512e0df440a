"""Fit the item ranker (quizapp/nlp/data/ranker.json) on gold facts of development articles
and, optionally, on the answers SQuAD's question writers chose for encyclopedia paragraphs.

Run: .venv/bin/python tools/train_ranker.py ../shared/data/news ../shared/data/news-more \
        --squad ../shared/data/squad_dev.json
A candidate item of a news article is a positive when it asks a gold fact (the shared
evaluator's rule: same sentence, answer token F1 >= 0.5); one of a SQuAD paragraph when its
answer matches an answer to one of the paragraph's questions (token F1 >= 0.5, the evaluator's
rule). L2-regularised logistic regression by full-batch gradient descent from zero weights:
the same data give the same weights.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from quizapp.nlp.document import read_document
from quizapp.nlp.model import QuestionKind
from quizapp.nlp.pipeline import DEFAULT_KINDS, build_candidates
from quizapp.nlp.ranker import WEIGHTS_PATH, item_features

L2 = 0.01
STEPS = 3000
RATE = 0.5


def _evaluator(folders: list[Path]):
    sys.path.insert(0, str(folders[0].resolve().parent.parent / "tools"))
    import evaluate_questions

    return evaluate_questions


def _squad_rows(path: Path, ev) -> tuple[list[dict[str, float]], list[float]]:
    """Candidate items of every SQuAD paragraph, labelled by the paragraph's answers."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rows: list[dict[str, float]] = []
    labels: list[float] = []
    for article in data["data"]:
        for paragraph in article["paragraphs"]:
            text = paragraph["context"]
            answers = {a["text"] for qa in paragraph["qas"] for a in qa["answers"]}
            doc = read_document(text)
            items, salience = build_candidates(doc, text, DEFAULT_KINDS, max_items=None)
            for item in items:
                asked = [item.answer or ""] + [blank.answer for blank in item.blanks]
                if item.kind in (QuestionKind.TRUE_FALSE, QuestionKind.MATCHING):
                    asked = [item.fact.text]
                hit = any(ev.token_f1(a, g) >= 0.5 for a in asked if a for g in answers)
                rows.append(item_features(item, salience.get(item.fact)))
                labels.append(float(hit))
    return rows, labels


def main(folders: list[Path], squad: Path | None = None) -> None:
    ev = _evaluator(folders)
    rows: list[dict[str, float]] = []
    labels: list[float] = []
    if squad is not None:
        rows, labels = _squad_rows(squad, ev)
    for path in sorted(p for folder in folders for p in folder.glob("*.txt")):
        gold_path = path.with_suffix(".facts.json")
        if not gold_path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = read_document(text)
        items, salience = build_candidates(doc, text, DEFAULT_KINDS, max_items=None)
        for item in items:
            question = item.to_dict("q")
            hit = any(ev.gold_recall([question], [g])[0] == 1.0 for g in gold)
            rows.append(item_features(item, salience.get(item.fact)))
            labels.append(float(hit))
    names = sorted({name for row in rows for name in row})
    x = np.array([[row.get(n, 0.0) for n in names] for row in rows])
    y = np.array(labels)
    w = np.zeros(len(names))
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + L2 * w
        w -= RATE * grad
    p = 1 / (1 + np.exp(-(x @ w)))
    accuracy = float(((p > 0.5) == (y > 0.5)).mean())
    weights = {n: round(float(v), 4) for n, v in zip(names, w, strict=True)}
    WEIGHTS_PATH.write_text(
        json.dumps(
            {
                "about": "Logistic regression: does a teacher ask this item's fact? "
                "Fitted by tools/train_ranker.py on gold facts of the development articles"
                + (" and SQuAD answers." if squad is not None else "."),
                "examples": len(y),
                "positives": int(y.sum()),
                "train_accuracy": round(accuracy, 3),
                "weights": weights,
            },
            indent=1,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(y)} items, {int(y.sum())} positive, accuracy {accuracy:.3f}")
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"{name:<32}{value:>8.3f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    squad_path = None
    if "--squad" in args:
        at = args.index("--squad")
        squad_path = Path(args[at + 1])
        del args[at : at + 2]
    main([Path(a) for a in args], squad_path)
