"""A speaker's blank never leaves "said it was a serious matter" with nothing saying what "it"
is: the speaker's role before the blank ("Liberal Democrat _____") names nothing "it" could
stand for (a blind grader failed it as dangling), while "it" standing for a clause after it
("said it would be 'rash and silly' to ...") points at nothing and is kept."""

from __future__ import annotations

from quizapp.nlp.questions.references import embedded_pronoun


def _blank(sentence: str, name: str) -> tuple[str, int, int]:
    at = sentence.index(name)
    return sentence, at, at + len(name)


def test_a_role_before_the_speakers_blank_does_not_say_what_it_is() -> None:
    text, a, b = _blank(
        'Green Party Nora Pell said it was a "grave matter" and asked for a statement.', "Nora Pell"
    )
    assert embedded_pronoun(text, a, b, answer_is_body=False)


def test_a_name_before_the_blank_that_is_no_role_can_say_what_it_is() -> None:
    text, a, b = _blank("On the Vantor deal, Nora Pell said it was a grave matter.", "Nora Pell")
    assert not embedded_pronoun(text, a, b, answer_is_body=False)


def test_it_standing_for_a_quoted_judgement_of_the_clause_after_is_kept() -> None:
    text, a, b = _blank(
        'Culture Minister Nora Pell said it would be "rash and silly" to close the museum.',
        "Nora Pell",
    )
    assert not embedded_pronoun(text, a, b, answer_is_body=False)
