"""A participle phrase or a reduced passive's agent that names another fact is left out where
the stem stays whole, and kept where leaving it out would break the sentence."""

from __future__ import annotations

import pytest

from quizapp.nlp.model import BLANK
from quizapp.nlp.trim_phrases import without_agent, without_participle_phrase


def test_a_participle_phrase_between_commas_or_closing_the_sentence_goes() -> None:
    assert without_participle_phrase(
        f"Ann Hale is already {BLANK}'s leading shareholder, holding a 37.6% stake, and now "
        "hopes to take full control of the club.",
        "37.6%",
    ) == (
        f"Ann Hale is already {BLANK}'s leading shareholder, and now hopes to take full "
        "control of the club."
    )
    assert without_participle_phrase(
        f"Around 26,000 albums are released in the {BLANK} each year, making Britain second "
        "only to the US.",
        "US",
    ) == (f"Around 26,000 albums are released in the {BLANK} each year.")


@pytest.mark.parametrize(
    "prompt",
    [
        # a list of what came before
        f"The rebate went to {BLANK} and others, including Britain and the US.",
        # the phrase holds the blank
        f"The club rose to third, taking the US title in {BLANK}.",
        # inside a quotation
        f'"We rose to {BLANK}, beating the US," he said.',
    ],
)
def test_a_participle_phrase_stays_where_it_must(prompt: str) -> None:
    assert without_participle_phrase(prompt, "US") is None


def test_a_reduced_passive_loses_its_agent_only_where_an_adjunct_stays() -> None:
    assert without_agent(
        f"Straw said the UK's budget rebate, secured in {BLANK} by Ann Hale, was justified.",
        "Ann Hale",
    ) == (f"Straw said the UK's budget rebate, secured in {BLANK}, was justified.")
    # "England, coached, lost": the participle would be left bare.
    assert without_agent(f"England, coached by Ann Hale, lost to {BLANK}.", "Ann Hale") is None


def test_a_place_after_a_demonstrative_stays() -> None:
    from quizapp.nlp.model import Fact, FactType, Item, QuestionKind, SourceQuote
    from quizapp.nlp.trimming import asked_facts, trimmed_prompt

    def item(prompt: str, answer: str, kind: FactType) -> Item:
        start = prompt.index(BLANK)
        return Item(
            kind=QuestionKind.FILL_IN,
            prompt=prompt,
            fact=Fact(kind, answer, start, start + len(answer), 0),
            source=SourceQuote(prompt.replace(BLANK, answer), 0, len(prompt), 1),
            answer=answer,
        )

    asked = asked_facts([item(f"Festival held in {BLANK}.", "England", FactType.PLACE)])
    # "as those in England": without the place, "those" points at nothing.
    waits = item(
        f"Waiting times for patients in {BLANK} are to be cut, but not as far as those in England.",
        "Wales",
        FactType.PLACE,
    )
    assert trimmed_prompt(waits, asked) is None
