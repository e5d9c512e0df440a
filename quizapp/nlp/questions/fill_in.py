"""Fill-in (cloze) items: the sentence with one gap, and the accepted spellings of the answer."""

from __future__ import annotations

from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions.accepting import accepted_answers, typed_fairly
from quizapp.nlp.questions.base import (
    BuildContext,
    explanation,
    filler_word,
    number_fact,
    source_of,
)
from quizapp.nlp.questions.blank_articles import absorb_an, settle_article


def build_fill_in(fact: Fact, ctx: BuildContext) -> Item | None:
    """Blank the answer chunk (a quantity's number only, its unit stays in place)."""
    if filler_word(fact):
        return None
    if fact.type is FactType.QUOTE:
        return None
    sentence = ctx.sentence(fact)
    target = number_fact(fact) or fact
    if fact.attr("expansion") and f"({fact.text})" in sentence.text:
        return None  # "Long Name (ACR)": the long name gives the acronym away
    prompt = ctx.stem_cloze(fact, target)
    if prompt is None:
        return None
    accepted = accepted_answers(fact, target.text, ctx.doc)
    if not typed_fairly(fact, target.text, accepted, ctx.doc):
        return None  # a description or a long name: asked with options, never typed
    return Item(
        kind=QuestionKind.FILL_IN,
        prompt=absorb_an(settle_article(prompt, [target.text]), target.text),
        fact=target,
        source=source_of(sentence),
        answer=target.text,
        accepted=accepted,
        explanation=explanation(sentence),
        difficulty=0.6,
    )
