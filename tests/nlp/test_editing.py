"""Review-page helpers: fresh distractors for an item, and an item asked in another kind."""

from __future__ import annotations

import re

from quizapp.nlp import QuestionKind, convert_item, generate, kind_choices, regenerate_distractors
from quizapp.nlp.checks import option_shape


def _items(text: str) -> list[dict]:
    # One-fact kinds only: these helpers edit single items, not passages.
    kinds = [kind for kind in QuestionKind if kind is not QuestionKind.CLOZE]
    return generate(text, max_items=20, kinds=kinds).to_dict()["questions"]


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


ROLES = (
    "Mayor Clara Voss opened the harbour in Brantwick on Monday. "
    "Port manager Jonas Wick said 300 boats would moor there. "
    "Finance director Lena Dahl said the quays cost 12 million euros. "
    "Council leader Erik Holm thanked the builders."
)


def test_new_wrong_options_differ_from_the_current_ones_or_there_are_none() -> None:
    text = ROLES
    item = next(
        i
        for i in generate(text, max_items=20, kinds=["multiple_choice"]).to_dict()["questions"]
        if i["fact"]["type"] == "quantity"
    )
    fresh = regenerate_distractors(text, item, seed=5)
    assert fresh is not None
    old = set(item["options"]) - {item["answer"]}
    new = set(fresh) - {item["answer"]}
    assert new != old and not new <= old
    person = next(i for i in _items(text) if i["fact"]["type"] == "person")
    # Three other people: asking again can only give the same set, which is refused.
    person = {**person, "kind": "multiple_choice", "answer": person["fact"]["text"]}
    others = regenerate_distractors(text, {**person, "options": []}, seed=1)
    assert others is not None
    assert regenerate_distractors(text, {**person, "options": others}, seed=2) is None


def test_a_person_with_a_role_changes_into_a_matching_item() -> None:
    item = next(i for i in _items(ROLES) if i["fact"]["type"] == "person")
    converted = convert_item(ROLES, item, "matching", seed=1)
    assert converted is not None and converted["kind"] == "matching"
    pairs = {left: right for left, right in converted["pairs"]}
    assert len(pairs) >= 3
    assert pairs.get("Jonas Wick") == "Port manager"


def test_kind_choices_say_why_a_kind_cannot_be_made() -> None:
    items = _items(ROLES)
    choices = kind_choices(ROLES, items)
    assert len(choices) == len(items)
    for item, by_kind in zip(items, choices, strict=True):
        assert item["kind"] not in by_kind
        if item["fact"]["type"] != "quantity":
            assert by_kind["numeric"] == "the answer is not a number"
        for kind, reason in by_kind.items():
            made = convert_item(ROLES, item, kind, seed=0)
            assert (made is not None) == (reason is None), (kind, reason)
