"""Matching items: acronyms with their full names, people with their roles."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions.base import BuildContext, explanation, source_of

MAX_PAIRS = 5


def build_matching(facts: Sequence[Fact], ctx: BuildContext) -> Iterator[Item]:
    """One acronym item and one role item, each where the article gives three pairs or more."""
    acronyms: dict[str, Fact] = {}
    roles: dict[str, Fact] = {}
    for fact in facts:
        if fact.type is FactType.ORGANISATION and fact.attr("acronym"):
            acronyms.setdefault(fact.attr("acronym") or "", fact)
        if fact.type is FactType.PERSON and fact.attr("role"):
            name = fact.attr("canonical") or fact.text
            role = fact.attr("role") or ""
            if len(role.split()) <= 6 and name not in roles:
                roles[name] = fact
    if len(acronyms) >= 3:
        chosen = list(acronyms.items())[:MAX_PAIRS]
        yield _item(
            "Match each acronym with the organisation it stands for.",
            [(acr, fact.text) for acr, fact in chosen],
            [fact for _, fact in chosen],
            ctx,
        )
    distinct_roles = {fact.attr("role") for fact in roles.values()}
    if len(roles) >= 3 and len(distinct_roles) == len(roles):
        chosen_people = list(roles.items())[:MAX_PAIRS]
        yield _item(
            "Match each person with the role the article gives them.",
            [(name, fact.attr("role") or "") for name, fact in chosen_people],
            [fact for _, fact in chosen_people],
            ctx,
        )


def _item(prompt: str, pairs: list[tuple[str, str]], facts: list[Fact], ctx: BuildContext) -> Item:
    first = facts[0]
    sentence = ctx.sentence(first)
    return Item(
        kind=QuestionKind.MATCHING,
        prompt=prompt,
        fact=first,
        source=source_of(sentence),
        pairs=tuple(pairs),
        explanation=explanation(sentence),
        difficulty=0.4,
        facts=tuple(facts),
    )
