"""Numeric items: type the number; a tolerance covers the precision the article gives."""

from __future__ import annotations

from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.numbers import parse_number
from quizapp.nlp.questions.accepting.typed import too_precise
from quizapp.nlp.questions.base import BuildContext, explanation, number_fact, source_of
from quizapp.nlp.questions.blank_articles import settle_article


def build_numeric(fact: Fact, ctx: BuildContext) -> Item | None:
    """A quantity written in digits becomes value + tolerance + unit."""
    if fact.type is not FactType.QUANTITY or fact.attr("form") == "words":
        return None
    number = fact.attr("number") or ""
    value = parse_number(number)
    if value is None or too_precise(number):
        return None  # "25.01": a student's "25" is as good a recall (see typed.too_precise)
    sentence = ctx.sentence(fact)
    decimals = len(number.split(".")[1]) if "." in number else 0
    tolerance = 0.0 if decimals == 0 else 0.5 * 10**-decimals
    narrowed = number_fact(fact)
    if narrowed is not None:
        prompt = ctx.wh_question(fact) or ctx.stem_cloze(fact, narrowed)
        if prompt is None:
            return None
        target = narrowed
    else:
        question = ctx.wh_question(fact)
        if question is None:
            return None
        prompt, target = question, fact
    unit = fact.attr("unit") or None
    if fact.attr("form") == "money":
        unit = None
    return Item(
        kind=QuestionKind.NUMERIC,
        prompt=settle_article(prompt, [target.text]),
        fact=target,
        source=source_of(sentence),
        answer=target.text,
        value=value,
        tolerance=round(tolerance, 6),
        unit=unit,
        explanation=explanation(sentence),
        difficulty=0.7,
    )
