"""Test helper: salience's askable verdicts on a made-up article."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.salience import score_facts


def askable(article: str, text: str) -> list[bool]:
    """The verdict on every fact of the article whose text is ``text``, in article order."""
    doc = read_document(article)
    verdicts = score_facts(extract_facts(doc), doc)
    return [verdict.askable for fact, verdict in verdicts.items() if fact.text == text]
