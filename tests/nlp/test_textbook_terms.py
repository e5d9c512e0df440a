"""Key terms of a textbook passage (no headline to frame them): a short phrase on a rare word
whose head the passage uses again is asked, and a two-word term the passage teaches is typed."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.key_terms import taught_term
from quizapp.nlp.questions.accepting.typed import key_term, typed_fairly
from quizapp.nlp.salience import score_facts

# An invented passage on soil: "erosion" is its head noun, "gully" a rare word.
SOIL = (
    "Sheet erosion is the loss of the upper layer of soil by wind and water. "
    "Rain falling on bare fields washes a thin sheet of soil downhill. "
    "Gully erosion cuts deep channels into steep slopes after heavy rain. "
    "Farmers slow the loss with terraces, hedges and cover crops. "
    "Where gully erosion has begun, channels grow wider with every storm."
)
# The same words under a headline read as a story, whose rare words are its writer's.
STORY = "Farm report\n\n" + SOIL


def _askable(text: str, phrase: str) -> bool:
    doc = read_document(text)
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    return all(salience[f].askable for f in facts if f.text == phrase)


def test_a_rare_term_on_a_head_the_passage_repeats_is_askable_in_textbook_prose() -> None:
    assert _askable(SOIL, "gully erosion")
    assert not _askable(STORY, "gully erosion")


def test_everyday_phrases_of_a_textbook_passage_stay_unasked() -> None:
    for phrase in ("heavy rain", "steep slopes", "thin sheet"):
        assert not _askable(SOIL, phrase), phrase


def test_a_two_word_term_the_passage_teaches_may_be_typed() -> None:
    doc = read_document(SOIL)
    # Neither word is rare enough for the story rule, yet both are the passage's own.
    assert not key_term("Sheet erosion", doc.text)
    assert taught_term("Sheet erosion", doc)
    assert not taught_term("Sheet erosion", read_document(STORY))
    # A phrase whose modifier the passage says once is a description, not a term.
    assert not taught_term("heavy rain", doc)


def test_a_taught_term_is_marked_fairly_when_typed() -> None:
    doc = read_document(SOIL)
    gully = next(f for f in extract_facts(doc) if f.text == "gully erosion")
    assert typed_fairly(gully, gully.text, [gully.text], doc)


def test_a_term_in_a_bracketed_aside_is_not_asked_there() -> None:
    text = (
        "Deep water is dangerous for divers who rise too fast. "
        "Bubbles of gas form in the blood and can block small vessels near the joints. "
        "Pressure sickness can strike within minutes (often fatal for divers in cold water)."
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    first, aside = [f for f in facts if f.text == "divers"]
    assert salience[first].askable
    assert not salience[aside].askable
