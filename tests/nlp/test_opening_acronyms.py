"""A sentence opening on an acronym ("US coach ...", "IT firms ...") is not taken for one
opening on the pronoun "us" or "it", and is asked like any other."""

from __future__ import annotations

from quizapp.nlp.document import read_document
from quizapp.nlp.model import BLANK
from quizapp.nlp.pipeline import DEFAULT_KINDS, build_candidates

ARTICLE = """Davis Cup team told to practise on clay

The United States face Croatia in the Davis Cup in March. US coach Patrick McEnroe wants Andy \
Roddick and the rest of his team to play more tennis on clay before the match in Zagreb."""


def test_an_opening_acronym_is_no_pronoun() -> None:
    doc = read_document(ARTICLE)
    items, _ = build_candidates(doc, ARTICLE, DEFAULT_KINDS, max_items=None)
    prompts = "\n".join(item.prompt for item in items)
    assert f"US coach {BLANK} wants" in prompts, prompts
