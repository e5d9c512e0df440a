"""A false true/false statement puts another name in its fact's place ("UKIP received more
than £5m", where Labour did): no other item of the quiz may show that name, which would tell
the student what it did instead (an item asking what UKIP took in)."""

from __future__ import annotations

from quizapp.nlp.model import Fact, FactType, Item, QuestionKind, SourceQuote
from quizapp.nlp.quiz_conflicts import gives_away
from tests.nlp.stem_context import blanked_item

SOURCE = "The Harbour Party received more than £5m in donations in the last quarter."


def _statement(name: str, truth: bool) -> Item:
    return Item(
        kind=QuestionKind.TRUE_FALSE,
        prompt=f"True or false? {SOURCE.replace('The Harbour Party', name)}",
        fact=Fact(FactType.ORGANISATION, "Harbour Party", 4, 17, 0),
        source=SourceQuote(SOURCE, 0, len(SOURCE), 1),
        answer="True" if truth else "False",
        options=("True", "False"),
    )


def test_a_name_swapped_into_a_false_statement_is_not_shown_by_another_item() -> None:
    other = blanked_item(
        "The Green League, which lost its main donor, took in £63,081.",
        "£63,081",
        QuestionKind.MULTIPLE_CHOICE,
        FactType.QUANTITY,
    )
    assert gives_away(_statement("The Green League", truth=False), other)
    # A true statement names only its own fact; an item elsewhere on another body is no clue.
    assert not gives_away(_statement("The Harbour Party", truth=True), other)
    unrelated = blanked_item(
        "The Coastal Union took in £63,081.", "£63,081", QuestionKind.FILL_IN, FactType.QUANTITY
    )
    assert not gives_away(_statement("The Green League", truth=False), unrelated)
