"""Multiple-choice items: a WH question (or the sentence with a gap) and 3–4 typed options."""

from __future__ import annotations

from quizapp.nlp.distractors import make_distractors
from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions.base import BuildContext, cloze, explanation, source_of
from quizapp.nlp.questions.wh import make_wh_question

ORDERED_TYPES = frozenset({FactType.QUANTITY, FactType.DATE, FactType.ORDINAL})


def build_multiple_choice(fact: Fact, ctx: BuildContext) -> Item | None:
    """Key plus three distractors where they exist (two at least); numbers shown in order."""
    if fact.type is FactType.OTHER and fact.attr("form") == "phrase" and " " not in fact.text:
        return None  # a lone common noun has no plausible same-kind distractors in the article
    sentence = ctx.sentence(fact)
    rng = ctx.rng(fact, "mc")
    distractors = None
    for count in (3, 2):
        distractors = make_distractors(fact, ctx.pools, rng, count=count, sentence=sentence.text)
        if distractors:
            break
    if not distractors:
        return None
    options = [fact.text, *distractors]
    if fact.type in ORDERED_TYPES:
        options = _in_order(options)
    else:
        rng.shuffle(options)
    if fact.type is FactType.QUOTE:
        quote = fact.attr("quote") or ""
        question = f"Who said, “{quote}”?" if 4 <= len(quote.split()) <= 30 else None
    else:
        question = make_wh_question(sentence, fact)
    if question is None and fact.type is FactType.QUOTE:
        return None
    prompt = question or cloze(sentence, fact)
    return Item(
        kind=QuestionKind.MULTIPLE_CHOICE,
        prompt=prompt,
        fact=fact,
        source=source_of(sentence),
        answer=fact.text,
        options=tuple(options),
        explanation=explanation(sentence),
        difficulty=0.45 if question else 0.4,
    )


def _in_order(options: list[str]) -> list[str]:
    """Numbers, years and ordinals in ascending order (a rule of item writing)."""
    import re

    from quizapp.nlp.dates import MONTHS

    def key(option: str) -> float:
        match = re.search(r"\d[\d,]*(?:\.\d+)?", option)
        if match:
            return float(match.group().replace(",", ""))
        return float(MONTHS.index(option)) if option in MONTHS else 0.0

    return sorted(options, key=key)
