"""Short-answer items: a WH question built from the sentence, answered in a few words."""

from __future__ import annotations

from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions.accepting import accepted_answers, typed_fairly
from quizapp.nlp.questions.base import (
    BuildContext,
    explanation,
    filler_word,
    source_of,
)


def build_short_answer(fact: Fact, ctx: BuildContext) -> Item | None:
    """Only where a safe WH transformation exists."""
    if filler_word(fact):
        return None
    if fact.type is FactType.QUOTE:
        return _quote_question(fact, ctx)
    question = ctx.wh_question(fact)
    if question is None:
        return None
    return _typed_item(fact, ctx, question)


def short_answer_forms(fact: Fact, ctx: BuildContext) -> list[Item]:
    """The fact asked by the short WH questions of its clause (see ``wh_short``)."""
    if filler_word(fact) or fact.type is FactType.QUOTE:
        return []
    from quizapp.nlp.questions.wh_short import short_wh_questions

    out = []
    for question in short_wh_questions(ctx, fact):
        item = _typed_item(fact, ctx, question)
        if item is None:
            break  # the answer cannot be marked fairly when typed, whatever the question
        out.append(item)
    return out


def _typed_item(fact: Fact, ctx: BuildContext, question: str) -> Item | None:
    sentence = ctx.sentence(fact)
    accepted = accepted_answers(fact, fact.text, ctx.doc)
    if not typed_fairly(fact, fact.text, accepted, ctx.doc):
        return None  # a description or a long name: asked with options, never typed
    return Item(
        kind=QuestionKind.SHORT_ANSWER,
        prompt=question,
        fact=fact,
        source=source_of(sentence),
        answer=fact.text,
        accepted=accepted,
        explanation=explanation(sentence),
        difficulty=0.65,
    )


def _quote_question(fact: Fact, ctx: BuildContext) -> Item | None:
    quote = fact.attr("quote") or ""
    if not 4 <= len(quote.split()) <= 30 or not ctx.whole_quote(fact):
        return None
    sentence = ctx.sentence(fact)
    speaker = fact.attr("canonical") or fact.text
    return Item(
        kind=QuestionKind.SHORT_ANSWER,
        prompt=f"Who said, “{quote}”?",
        fact=fact,
        source=source_of(sentence),
        answer=speaker,
        # Forms of the name shown as the answer, the speaker as the article wrote it among them.
        accepted=accepted_answers(fact, speaker, ctx.doc),
        explanation=explanation(sentence),
        difficulty=0.5,
    )
