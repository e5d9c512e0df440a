"""A small learned ranker: how likely a teacher is to ask an item's fact (logistic regression).

Weights live in data/ranker.json, fitted by tools/train_ranker.py on the gold facts of the
development articles; features are cheap, made from the item and its fact's salience.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from quizapp.nlp.model import FactType, Item, QuestionKind
from quizapp.nlp.salience import Salience

WEIGHTS_PATH = Path(__file__).with_name("data") / "ranker.json"


def item_features(item: Item, salience: Salience | None) -> dict[str, float]:
    """The named features of an item (absent ones are 0)."""
    fact = item.fact
    out: dict[str, float] = {"bias": 1.0, f"type:{fact.type.value}": 1.0}
    out[f"kind:{item.kind.value}"] = 1.0
    form = fact.attr("form")
    if form:
        out[f"form:{fact.type.value}:{form}"] = 1.0
    if fact.type is FactType.DATE and fact.attr("granularity"):
        out[f"date:{fact.attr('granularity')}"] = 1.0
    if fact.attr("acronym") or fact.attr("expansion"):
        out["acronym"] = 1.0
    if fact.type is FactType.PERSON and fact.attr("role"):
        out["role"] = 1.0
    words = len(item.prompt.split())
    out["prompt_words"] = min(words, 60) / 30
    out["question_mark"] = float(item.prompt.endswith("?"))
    out["answer_words"] = min(len((item.answer or fact.text).split()), 8) / 4
    out["capitalised"] = float(fact.text[:1].isupper())
    out["digits"] = float(any(ch.isdigit() for ch in fact.text))
    if salience is not None:
        out["lead"] = salience.lead
        out["mentions"] = math.log2(1 + salience.mentions)
        out["once"] = float(salience.mentions <= 1)
        out["headline"] = float(salience.in_headline)
        out["subject"] = float(salience.subject)
        out["crowd"] = math.log2(1 + salience.crowd)
    return out


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    try:
        return json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))["weights"]
    except (OSError, ValueError, KeyError):
        return {}


def ask_probability(item: Item, salience: Salience | None) -> float:
    """The ranker's estimate that a teacher would ask this item's fact (0.5 with no weights)."""
    weights = _weights()
    z = sum(weights.get(name, 0.0) * value for name, value in item_features(item, salience).items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


__all__ = ["QuestionKind", "ask_probability", "item_features"]
