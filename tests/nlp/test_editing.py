"""Review-page helpers: fresh distractors for an item, and an item asked in another kind."""

from __future__ import annotations

import re

from quizapp.nlp import convert_item, generate, regenerate_distractors
from quizapp.nlp.checks import option_shape


def _items(text: str) -> list[dict]:
    return generate(text).to_dict()["questions"]


def test_regenerated_options_keep_the_answer_and_its_form(samples: dict[str, str]) -> None:
    text = samples["river-survey"]
    for item in _items(text):
        if item["kind"] not in ("multiple_choice", "fill_in", "numeric"):
            continue
        options = regenerate_distractors(text, item, seed=7)
        if options is None:
            continue
        assert options.count(item["answer"]) == 1
        assert len(set(options)) == len(options) >= 3
        assert len({option_shape(o) for o in options}) == 1, options


def test_regeneration_is_seeded(samples: dict[str, str]) -> None:
    text = samples["glacier-report"]
    item = next(i for i in _items(text) if i["kind"] == "multiple_choice")
    assert regenerate_distractors(text, item, seed=3) == regenerate_distractors(text, item, seed=3)


def test_a_multiple_choice_item_becomes_a_fill_in(samples: dict[str, str]) -> None:
    text = samples["printing-history"]
    item = next(i for i in _items(text) if i["kind"] == "multiple_choice")
    converted = convert_item(text, item, "fill_in", seed=1)
    assert converted is not None
    assert converted["kind"] == "fill_in"
    assert converted["prompt"].count("_____") == 1
    assert converted["source"] == item["source"]


def test_unknown_kind_or_moved_fact_gives_none(samples: dict[str, str]) -> None:
    text = samples["printing-history"]
    item = next(i for i in _items(text) if i["kind"] == "multiple_choice")
    assert convert_item(text, item, "essay", seed=1) is None
    moved = {**item, "fact": {**item["fact"], "start": item["fact"]["start"] + 1}}
    assert regenerate_distractors(text, moved, seed=1) is None
    assert re.search(r"\w", item["answer"])
