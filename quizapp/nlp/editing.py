"""Helpers for the teacher's review page: new distractors for an item, or the item in another kind."""

from __future__ import annotations

import random
from typing import Any

from quizapp.nlp.distractors import build_pools, make_distractors
from quizapp.nlp.document import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Document, Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions import FACT_BUILDERS, BuildContext
from quizapp.nlp.questions.accepting import accepted_answers, typed_fairly
from quizapp.nlp.questions.blank_articles import article_problems
from quizapp.nlp.questions.cloze import build_cloze_for
from quizapp.nlp.questions.matching import build_matching_for, matching_reason
from quizapp.nlp.questions.multiple_choice import ORDERED_TYPES, _in_order

_TRIES = 12
_SAFE_TRUE_FALSE = frozenset(
    {
        FactType.QUANTITY,
        FactType.DATE,
        FactType.ORDINAL,
        FactType.PERSON,
        FactType.ORGANISATION,
        FactType.PLACE,
    }
)


def _read(text: str) -> BuildContext:
    doc = read_document(text)
    facts = extract_facts(doc)
    return BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)


def _locate_in(ctx: BuildContext, text: str, item: dict[str, Any]) -> Fact | None:
    """The item's fact found again in the read article."""
    info = item.get("fact") or {}
    start, end = info.get("start"), info.get("end")
    if (
        not isinstance(start, int)
        or not isinstance(end, int)
        or text[start:end] != info.get("text")
    ):
        return None
    for fact in (f for group in ctx.pools.mentions.values() for f in group):
        if fact.start <= start and end <= fact.end and fact.type.value == info.get("type"):
            return fact
    sentence = next((s for s in ctx.doc.sentences if s.start <= start and end <= s.end), None)
    if sentence is None:
        return None
    try:
        fact_type = FactType(info.get("type"))
    except ValueError:
        fact_type = FactType.OTHER
    return Fact(fact_type, text[start:end], start, end, sentence.index)


def _locate(text: str, item: dict[str, Any]) -> tuple[BuildContext, Fact] | None:
    """The item's fact found again in the article, with everything builders need."""
    ctx = _read(text)
    fact = _locate_in(ctx, text, item)
    return None if fact is None else (ctx, fact)


def regenerate_distractors(text: str, item: dict[str, Any], *, seed: int) -> list[str] | None:
    """New options for a multiple-choice item (the answer included), or None if none can be made.

    The new wrong options differ from the current ones (all of them where the article allows,
    at least one otherwise); when no different set exists the answer is None, never the same
    options presented as new.
    """
    found = _locate(text, item)
    if found is None:
        return None
    ctx, fact = found
    sentence = ctx.doc.sentences[fact.sentence].text
    current = item.get("options") or []
    answer = item.get("answer") or fact.text
    old = {o.casefold() for o in current if o != answer}
    count = max(2, len(current) - 1) if current else 3
    suffix = fact.text[len(answer) :]
    best: tuple[int, list[str]] | None = None
    for attempt in range(_TRIES):
        rng = random.Random(f"regen:{seed}:{attempt}:{fact.start}:{fact.end}")
        distractors = make_distractors(fact, ctx.pools, rng, count=count, sentence=sentence)
        if not distractors:
            continue
        if answer != fact.text and fact.text.startswith(answer):
            # The item asks for part of the fact ("4,200" of "4,200 books"): options take that form.
            distractors = [d[: -len(suffix)] if d.endswith(suffix) else d for d in distractors]
        if article_problems(item.get("prompt") or "", [answer, *distractors], typed=False):
            continue  # "a _____ fortune" printed: no new option that takes "an" (£88m)
        repeated = sum(d.casefold() in old for d in distractors)
        if repeated == len(distractors):
            continue
        if best is None or repeated < best[0]:
            best = (repeated, distractors)
        if repeated == 0:
            break
    if best is None:
        return None
    options = [answer, *best[1]]
    if fact.type in ORDERED_TYPES:
        return _in_order(options)
    random.Random(f"order:{seed}:{fact.start}").shuffle(options)
    return options


def _build(ctx: BuildContext, fact: Fact, kind: QuestionKind) -> Item | None:
    if kind is QuestionKind.MATCHING:
        return build_matching_for(fact, ctx)
    if kind is QuestionKind.CLOZE:
        return build_cloze_for(fact, ctx)
    return FACT_BUILDERS[kind](fact, ctx)


def convert_item(text: str, item: dict[str, Any], kind: str, *, seed: int) -> dict[str, Any] | None:
    """The same fact asked as another kind of item, or None where that kind cannot ask it."""
    try:
        wanted = QuestionKind(kind)
    except ValueError:
        return None
    found = _locate(text, item)
    if found is None:
        return None
    ctx, fact = found
    ctx = BuildContext(doc=ctx.doc, pools=ctx.pools, seed=seed, quotes=ctx.quotes)
    built = _build(ctx, fact, wanted)
    if built is None:
        return None
    return built.to_dict(str(item.get("id") or "q1"))


def kind_choices(text: str, items: list[dict[str, Any]]) -> list[dict[str, str | None]]:
    """Per item, each other kind mapped to None (it can be made) or why it cannot.

    The article is read once for the whole quiz; the review page offers only the kinds that
    can be made and says why the others cannot.
    """
    ctx = _read(text)
    out: list[dict[str, str | None]] = []
    for item in items:
        fact = _locate_in(ctx, text, item)
        choices: dict[str, str | None] = {}
        for kind in QuestionKind:
            if kind.value == item.get("kind"):
                continue
            if fact is None:
                choices[kind.value] = "the article no longer holds this question's answer"
                continue
            built = _build(ctx, fact, kind)
            choices[kind.value] = None if built is not None else _reason(fact, kind, ctx.doc)
        out.append(choices)
    return out


def _reason(fact: Fact, kind: QuestionKind, doc: Document) -> str:
    """Why a fact cannot be asked in a kind, in words a teacher can act on."""
    typed = kind in (QuestionKind.FILL_IN, QuestionKind.SHORT_ANSWER)
    if typed and not typed_fairly(fact, fact.text, accepted_answers(fact, fact.text, doc), doc):
        return "students would type this answer in many other words; ask it with options"
    if kind is QuestionKind.MATCHING:
        return matching_reason(fact)
    if kind is QuestionKind.CLOZE:
        return "the sentences around it hold no other fact for a passage with gaps"
    if kind is QuestionKind.NUMERIC and fact.type is not FactType.QUANTITY:
        return "the answer is not a number"
    if kind is QuestionKind.TRUE_FALSE and fact.type not in _SAFE_TRUE_FALSE:
        return "only names, numbers, dates and places make safe true/false statements"
    if kind is QuestionKind.MULTIPLE_CHOICE:
        return "the article has too few wrong options of the same kind"
    if kind is QuestionKind.SHORT_ANSWER:
        return "no clear question can be made from this sentence"
    return "the sentence does not stand alone without the article (a pronoun or a quotation)"
