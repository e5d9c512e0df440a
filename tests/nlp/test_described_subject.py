"""A pronoun after a sentence whose subject is a description is not given a name named later."""

from __future__ import annotations

from quizapp.nlp import generate

ARTICLE = """Harbour club names new coach

Former Harbour City manager Tomas Varga has praised the work of his successor Piet Lund.

The former Hungary boss has been linked with several jobs and pulled out of the race to succeed Marco Bellini as Malta national coach. He has been working for the European federation, covering the league for Dutch radio and coaching in Peru with national coach Ramon Quiroga.

Varga said the club had made the right choice in appointing Lund last summer.
"""


def test_he_after_a_described_subject_is_not_the_man_named_later() -> None:
    items = generate(ARTICLE, max_items=20).items
    prompts = [item.prompt for item in items]
    assert not any("Bellini has been working" in p for p in prompts), prompts
