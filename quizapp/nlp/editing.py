"""Helpers for the teacher's review page: new distractors for an item, or the item in another kind."""

from __future__ import annotations

import random
from typing import Any

from quizapp.nlp.distractors import build_pools, make_distractors
from quizapp.nlp.document import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact, FactType, QuestionKind
from quizapp.nlp.questions import FACT_BUILDERS, BuildContext
from quizapp.nlp.questions.multiple_choice import ORDERED_TYPES, _in_order


def _locate(text: str, item: dict[str, Any]) -> tuple[BuildContext, Fact] | None:
    """The item's fact found again in the article, with everything builders need."""
    info = item.get("fact") or {}
    start, end = info.get("start"), info.get("end")
    if (
        not isinstance(start, int)
        or not isinstance(end, int)
        or text[start:end] != info.get("text")
    ):
        return None
    doc = read_document(text)
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    for fact in facts:
        if fact.start <= start and end <= fact.end and fact.type.value == info.get("type"):
            return ctx, fact
    sentence = next((s for s in doc.sentences if s.start <= start and end <= s.end), None)
    if sentence is None:
        return None
    try:
        fact_type = FactType(info.get("type"))
    except ValueError:
        fact_type = FactType.OTHER
    return ctx, Fact(fact_type, text[start:end], start, end, sentence.index)


def regenerate_distractors(text: str, item: dict[str, Any], *, seed: int) -> list[str] | None:
    """New options for a multiple-choice item (the answer included), or None if none can be made."""
    found = _locate(text, item)
    if found is None:
        return None
    ctx, fact = found
    rng = random.Random(f"regen:{seed}:{fact.start}:{fact.end}")
    sentence = ctx.doc.sentences[fact.sentence].text
    current = item.get("options") or []
    count = max(2, len(current) - 1) if current else 3
    distractors = make_distractors(fact, ctx.pools, rng, count=count, sentence=sentence)
    if not distractors:
        return None
    answer = item.get("answer") or fact.text
    suffix = fact.text[len(answer) :]
    if answer != fact.text and fact.text.startswith(answer):
        # The item asks for part of the fact ("4,200" of "4,200 books"): options take that form.
        distractors = [d[: -len(suffix)] if d.endswith(suffix) else d for d in distractors]
    options = [answer, *distractors]
    if fact.type in ORDERED_TYPES:
        return _in_order(options)
    rng.shuffle(options)
    return options


def convert_item(text: str, item: dict[str, Any], kind: str, *, seed: int) -> dict[str, Any] | None:
    """The same fact asked as another kind of item, or None where that kind cannot ask it."""
    try:
        builder = FACT_BUILDERS[QuestionKind(kind)]
    except (KeyError, ValueError):
        return None
    found = _locate(text, item)
    if found is None:
        return None
    ctx, fact = found
    ctx = BuildContext(doc=ctx.doc, pools=ctx.pools, seed=seed)
    built = builder(fact, ctx)
    if built is None:
        return None
    return built.to_dict(str(item.get("id") or "q1"))
