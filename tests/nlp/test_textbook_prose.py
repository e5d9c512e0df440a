"""Textbook prose without a headline (issue 9, item 1): a definition's subject that names the
passage's topic stands alone, defined terms, terms built on the topic and named battles are
asked, a textbook's "This rock" is named from the sentence before, and a stem that prints another form
of the answer's word is not made."""

from __future__ import annotations

from quizapp.nlp import generate, read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact
from quizapp.nlp.questions import BuildContext
from quizapp.nlp.questions.cloze_this import name_this_opening
from quizapp.nlp.salience import names_its_subject, score_facts

# An invented science passage: "nitrate" is its topic word, written again and again.
SCIENCE = (
    "The high level of nitrate in the river is the result of the nitrate cycle. "
    "Bacteria in the soil turn nitrate into gas, and plants take nitrate from the soil. "
    "The main driving factor of the nitrate cycle is fertiliser, which is responsible for the green water. "
    "Runoff carries the nitrate from the fields after heavy rain. "
    "This exchange between soil and water is called the nitrate cycle. "
    "The growth of algae feeds on nitrate and can choke a slow river."
)
HISTORY = (
    "In March the raiders destroyed the depot in the Battle of Harrowgate Ford. "
    "The loss set back any hope of a spring campaign on the lake. "
    "The governor ordered new supplies from the capital, which arrived too late."
)


def _salience(text: str) -> tuple[tuple[Fact, ...], dict]:
    doc = read_document(text)
    facts = extract_facts(doc)
    return facts, score_facts(facts, doc)


def _cloze(text: str, answer: str) -> str | None:
    doc = read_document(text)
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    return ctx.stem_cloze(next(f for f in facts if f.text == answer))


def test_a_definition_opening_on_the_passage_topic_stands_alone() -> None:
    assert _cloze(SCIENCE, "fertiliser") == (
        "The main driving factor of the nitrate cycle is _____, which is responsible for the green water."
    )


def test_a_description_names_its_subject_by_the_topic_only_without_a_headline() -> None:
    doc = read_document(SCIENCE)
    driving = next(s for s in doc.sentences if s.text.startswith("The main driving factor"))
    growth = next(s for s in doc.sentences if s.text.startswith("The growth of algae"))
    assert names_its_subject(doc, driving, "factor")  # "... of the nitrate cycle": the topic
    assert not names_its_subject(doc, growth, "growth")  # "The growth of algae": no topic word
    # With a headline, "The main driving factor ..." is a story's subject, named or vague.
    news = read_document("Council under fire\n\n" + SCIENCE)
    assert not names_its_subject(news, news.sentences[2], "factor")
    # So is a passage that reports what someone said (a story pasted without its headline).
    said = read_document(SCIENCE + " A farmer said the river was green.")
    assert not names_its_subject(said, said.sentences[2], "factor")
    # A description whose own head is the topic word is like a story's "The deficit".
    more = read_document(SCIENCE + " The nitrate washes into the sea.")
    assert not names_its_subject(more, more.sentences[-1], "nitrate")


def test_a_term_built_on_the_topic_and_said_twice_is_askable() -> None:
    facts, salience = _salience(SCIENCE)
    cycle = [f for f in facts if f.text == "nitrate cycle"]
    assert cycle and all(salience[f].askable for f in cycle)


def test_a_named_battle_is_askable_where_it_is_met_once() -> None:
    facts, salience = _salience(HISTORY)
    battle = next(f for f in facts if f.text == "Battle of Harrowgate Ford")
    assert salience[battle].askable


def test_a_stem_printing_another_form_of_the_answer_is_not_made() -> None:
    text = (
        "Sedimentary rock may be eroded and laid down again, and metamorphic rock may undergo "
        "further metamorphism. Metamorphic rock forms under heat. Metamorphic rock is hard."
    )
    quiz = generate(text, max_items=5)
    assert not any(
        item.answer == "metamorphic rock" and "metamorphism" in item.prompt for item in quiz.items
    )


def _this_edit(text: str) -> tuple[int, int, str] | None:
    doc = read_document(text)
    sentence = doc.sentences[-1]
    return name_this_opening(doc, sentence.text, 0, len(sentence.text), sentence)


def test_a_textbook_this_phrase_is_named_from_the_sentence_before() -> None:
    before = "When a rock cools from melt, it is an igneous rock. "
    assert _this_edit(before + "This rock can be weathered into sand.") == (
        0,
        9,
        "The igneous rock",
    )
    # Two things the sentence before names: which one, the stem cannot say.
    two = "Melt cools into an igneous rock or a volcanic rock. This rock can be weathered."
    assert _this_edit(two) is None
    # A news story's "This rock" may point further back than one sentence.
    assert _this_edit("Quarry plan rejected\n\n" + before + "This rock is hard.") is None


def test_a_this_phrase_with_a_modifier_is_named_by_its_head_noun() -> None:
    before = "The level of nitrate in the river is the result of the nitrate cycle. "
    assert _this_edit(before + "This chemical cycle is driven by bacteria.") == (
        0,
        19,
        "The nitrate cycle",
    )


def test_a_this_phrase_is_named_by_a_titled_name_before_it() -> None:
    before = "Hooke's Law of Springs states that the stretch grows with the load. "
    assert _this_edit(before + "This law holds only for small loads.") == (
        0,
        8,
        "Hooke's Law of Springs",
    )
    # A modifier the name does not carry ("This new law") says more than the name.
    assert _this_edit(before + "This new law holds only for small loads.") is None


def test_a_fact_after_a_named_this_phrase_stands_alone() -> None:
    text = (
        "Geologists in Iceland study how rock forms. When a rock cools from melt, it is an "
        "igneous rock. This rock can be weathered in Iceland and laid down again as a "
        "sedimentary rock."
    )
    assert _cloze(text, "sedimentary rock") == (
        "The igneous rock can be weathered in Iceland and laid down again as a(n) _____."
    )
