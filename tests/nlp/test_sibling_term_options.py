"""Multiple choice on a key term of textbook prose: the options are the passage's other
kinds of the same head noun ("igneous rock", "metamorphic rock" for "sedimentary rock"),
never one the stem prints, and a news story keeps its own option rules."""

from __future__ import annotations

import random

from quizapp.nlp import read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact, Item
from quizapp.nlp.questions import BuildContext
from quizapp.nlp.questions.multiple_choice import build_multiple_choice
from quizapp.nlp.sibling_terms import sibling_terms

# An invented encyclopedia passage: no headline, nobody quoted.
ROCKS = (
    "Geologists sort the rocks of the crust into three main types. "
    "Granite, which cools slowly from magma deep underground, is an igneous rock. "
    "Sandstone, which is pressed together from grains of sand, is a sedimentary rock. "
    "Marble, which forms from limestone under great heat and pressure, is a metamorphic rock. "
    "Weathering can break any igneous rock down into sand again."
)


def _items(text: str) -> dict[str, Item | None]:
    doc = read_document(text)
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    return {
        doc.sentences[f.sentence].text: build_multiple_choice(f, ctx)
        for f in facts
        if f.text.endswith(" rock")
    }


def test_a_key_term_is_asked_among_the_passages_other_kinds_of_its_head():
    items = _items(ROCKS)
    sandstone = items[
        "Sandstone, which is pressed together from grains of sand, is a sedimentary rock."
    ]
    assert sandstone is not None
    assert sandstone.prompt.endswith("is a(n) _____.")
    assert sorted(sandstone.options) == ["igneous rock", "metamorphic rock", "sedimentary rock"]
    assert sandstone.answer == "sedimentary rock"


def test_no_option_is_printed_in_the_stem():
    for item in _items(ROCKS).values():
        if item is None:
            continue
        for option in item.options:
            assert option.lower() not in item.prompt.lower()


def test_a_news_story_keeps_its_own_option_rules():
    # With a headline the same sentences are a story: a common-noun phrase without a kind the
    # distractor pools know gets no options from its siblings.
    items = _items("Quarry firm wins award\n\n" + ROCKS)
    assert all(item is None for item in items.values())


def _sibling_options(text: str, answer: str) -> list[str] | None:
    doc = read_document(text)
    facts = extract_facts(doc)
    fact: Fact = next(f for f in facts if f.text == answer)
    return sibling_terms(fact, doc, build_pools(facts, doc), random.Random(0), 2, "")


def test_a_noun_before_the_head_names_the_whole_class_not_a_sibling():
    # Every divergent boundary is a plate boundary too: "plate boundaries" is no wrong option.
    text = (
        "Geologists describe the plate boundaries of the crust. "
        "Mid-ocean ridges are explained as divergent boundaries, where two plates move apart. "
        "Deep trenches are explained as convergent boundaries, where one plate sinks."
    )
    assert _sibling_options(text, "divergent boundaries") is None
