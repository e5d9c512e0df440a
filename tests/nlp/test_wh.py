"""WH questions are made only where the whole clause survives the rewrite."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact
from quizapp.nlp.questions.wh import make_wh_question


def _question(text: str, answer: str) -> str | None:
    doc = read_document(text)
    fact: Fact = next(f for f in extract_facts(doc) if f.text == answer)
    return make_wh_question(doc.sentences[fact.sentence], fact)


def test_a_subject_question_keeps_the_whole_predicate() -> None:
    assert _question("Anna Berg bought the mill for 5 million pounds.", "Anna Berg") == (
        "Who bought the mill for 5 million pounds?"
    )


def test_no_question_from_a_clause_cut_before_its_end() -> None:
    # "Who wants Tom Hollis?" would ask something the sentence does not say.
    assert _question("Anna Berg wants Tom Hollis, the mayor, to resign.", "Anna Berg") is None
    assert (
        _question("Anna Berg warned the mill was not safe, and workers agreed.", "Anna Berg")
        is None
    )


def test_no_inverted_question_that_moves_a_particle_before_the_verb() -> None:
    question = _question("Brantwick Mills fought back through Anna Berg in the final.", "Anna Berg")
    assert question is None or " back fight" not in question


def test_a_question_of_under_four_words_is_not_made() -> None:
    assert _question("Anna Berg bought Brantwick Mills.", "Anna Berg") is None


def test_no_question_that_leaves_the_case_unnamed() -> None:
    text = "Brantwick Mills sued Maren Water. Tobias Vennholm has pledged to contest the action."
    assert _question(text, "Tobias Vennholm") is None


def test_an_organisation_walked_into_is_not_asked_as_an_organisation() -> None:
    from quizapp.nlp.questions.wh_clauses import fact_tokens
    from quizapp.nlp.questions.wh_phrases import wh_phrase

    # "Which organisation did the Prime Minister walk into?": a shop there, not a body.
    phrases = {}
    for verb in ("walked into", "wrote to"):
        doc = read_document(f"Staff were surprised when the mayor {verb} HMV on Friday.")
        fact = next(f for f in extract_facts(doc) if f.text == "HMV")
        sentence = doc.sentences[fact.sentence]
        span = fact_tokens(sentence, fact)
        assert span is not None
        phrases[verb] = wh_phrase(fact, sentence.tokens, *span)
    assert phrases["walked into"] is None
    assert phrases["wrote to"] == ("which organisation", 0)
