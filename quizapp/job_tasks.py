"""Work done in heavy-work children: plain functions with no Flask or database imports, so a
fork of the warm fork server runs them at once (see quizapp/jobs.py)."""

from __future__ import annotations

from datetime import date
from typing import Any


def generated_items(
    text: str,
    *,
    title: str | None,
    max_items: int,
    kinds: tuple[str, ...],
    seed: int,
    published: date | None,
) -> list[dict[str, Any]]:
    """The generator's questions as question-set items."""
    from quizapp.nlp import generate

    question_set = generate(
        text, title=title, max_items=max_items, kinds=kinds, seed=seed, published=published
    )
    return question_set.to_dict()["questions"]
