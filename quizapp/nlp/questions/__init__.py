"""Question builders, one per kind, in a registry keyed by QuestionKind."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from quizapp.nlp.model import Fact, Item, QuestionKind
from quizapp.nlp.questions.base import BuildContext
from quizapp.nlp.questions.cloze import build_cloze
from quizapp.nlp.questions.fill_in import build_fill_in
from quizapp.nlp.questions.matching import build_matching
from quizapp.nlp.questions.multiple_choice import build_multiple_choice
from quizapp.nlp.questions.numeric import build_numeric
from quizapp.nlp.questions.short_answer import build_short_answer, short_answer_forms
from quizapp.nlp.questions.true_false import build_true_false

Builder = Callable[[Sequence[Fact], BuildContext], Iterator[Item]]
FactBuilder = Callable[[Fact, BuildContext], Item | None]


def per_fact(build: FactBuilder) -> Builder:
    """Lift a one-fact builder to the registry's signature."""

    def run(facts: Sequence[Fact], ctx: BuildContext) -> Iterator[Item]:
        for fact in facts:
            item = build(fact, ctx)
            if item is not None:
                yield item

    return run


def _choice_forms(facts: Sequence[Fact], ctx: BuildContext) -> Iterator[Item]:
    """Multiple-choice items, each followed by its options under the fact's short WH questions
    (the clause alone, leaving the sentence's other facts for other items)."""
    from dataclasses import replace

    from quizapp.nlp.model import FactType
    from quizapp.nlp.questions.wh_short import short_wh_questions

    for fact in facts:
        item = build_multiple_choice(fact, ctx)
        if item is None:
            continue
        yield item
        if fact.type is not FactType.QUOTE:
            for question in short_wh_questions(ctx, fact):
                yield replace(item, prompt=question, difficulty=0.45)


def _typed_forms(facts: Sequence[Fact], ctx: BuildContext) -> Iterator[Item]:
    """Short-answer items, each followed by the same fact under its short WH questions."""
    for fact in facts:
        item = build_short_answer(fact, ctx)
        if item is not None:
            yield item
        yield from short_answer_forms(fact, ctx)


QUESTION_BUILDERS: dict[QuestionKind, Builder] = {
    QuestionKind.MULTIPLE_CHOICE: _choice_forms,
    QuestionKind.FILL_IN: per_fact(build_fill_in),
    QuestionKind.TRUE_FALSE: per_fact(build_true_false),
    QuestionKind.NUMERIC: per_fact(build_numeric),
    QuestionKind.SHORT_ANSWER: _typed_forms,
    QuestionKind.MATCHING: build_matching,
    QuestionKind.CLOZE: build_cloze,
}
FACT_BUILDERS: dict[QuestionKind, FactBuilder] = {
    QuestionKind.MULTIPLE_CHOICE: build_multiple_choice,
    QuestionKind.FILL_IN: build_fill_in,
    QuestionKind.TRUE_FALSE: build_true_false,
    QuestionKind.NUMERIC: build_numeric,
    QuestionKind.SHORT_ANSWER: build_short_answer,
}


def get_builder(kind: QuestionKind | str) -> Builder:
    """The builder registered for a question kind."""
    try:
        return QUESTION_BUILDERS[QuestionKind(kind)]
    except (KeyError, ValueError):
        raise ValueError(f"unknown question kind: {kind!r}") from None


__all__ = ["FACT_BUILDERS", "QUESTION_BUILDERS", "BuildContext", "get_builder"]
