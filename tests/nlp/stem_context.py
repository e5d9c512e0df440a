"""A question-building context for a short invented article, and a one-sentence item with its key
blanked, shared by the stem tests."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import BLANK, Fact, FactType, Item, QuestionKind, SourceQuote
from quizapp.nlp.questions.base import BuildContext


def stem_context(text: str) -> tuple[BuildContext, tuple[Fact, ...]]:
    """The context the question builders get for ``text``, and the article's facts."""
    doc = read_document(text)
    facts = extract_facts(doc)
    return BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0), facts


def fact_named(facts: tuple[Fact, ...], text: str) -> Fact:
    """The first fact written exactly ``text``."""
    return next(f for f in facts if f.text == text)


def blanked_item(
    source: str,
    key: str,
    kind: QuestionKind,
    kind_of_fact: FactType,
    options: tuple[str, ...] = (),
) -> Item:
    """An item asking ``key`` of a one-sentence article ``source``, the key blanked in place."""
    at = source.index(key)
    return Item(
        kind=kind,
        prompt=source[:at] + BLANK + source[at + len(key) :],
        fact=Fact(kind_of_fact, key, at, at + len(key), 0),
        source=SourceQuote(source, 0, len(source), 1),
        answer=key,
        options=options,
    )
