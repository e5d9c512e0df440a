"""A question-building context for a short invented article, shared by the stem tests."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact
from quizapp.nlp.questions.base import BuildContext


def stem_context(text: str) -> tuple[BuildContext, tuple[Fact, ...]]:
    """The context the question builders get for ``text``, and the article's facts."""
    doc = read_document(text)
    facts = extract_facts(doc)
    return BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0), facts


def fact_named(facts: tuple[Fact, ...], text: str) -> Fact:
    """The first fact written exactly ``text``."""
    return next(f for f in facts if f.text == text)
