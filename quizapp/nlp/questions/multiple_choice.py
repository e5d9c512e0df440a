"""Multiple-choice items: a WH question (or the sentence with a gap) and 3–4 typed options."""

from __future__ import annotations

from quizapp.nlp.distractors import make_distractors
from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions.base import BuildContext, explanation, source_of

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
        whole = 4 <= len(quote.split()) <= 30 and ctx.whole_quote(fact)
        question = f"Who said, “{quote}”?" if whole else None
        if question is None:
            return None
    else:
        question = ctx.wh_question(fact)
    prompt = question or ctx.stem_cloze(fact)
    if prompt is None:
        return None
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
