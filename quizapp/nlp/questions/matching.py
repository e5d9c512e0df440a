"""Matching items: acronyms with their full names, people with their roles."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from quizapp.nlp.gazetteers import role_words
from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions.base import BuildContext, explanation, source_of
from quizapp.nlp.words import STOPWORDS

MAX_PAIRS = 5
MIN_PAIRS = 3
ACRONYM_PROMPT = "Match each acronym with the organisation it stands for."
ROLE_PROMPT = "Match each person with the role the article gives them."


def build_matching(facts: Sequence[Fact], ctx: BuildContext) -> Iterator[Item]:
    """One acronym item and one role item, each where the article gives three pairs or more."""
    acronyms = acronym_pairs(facts)
    if len(acronyms) >= MIN_PAIRS:
        chosen = acronyms[:MAX_PAIRS]
        yield _item(ACRONYM_PROMPT, [(a, b) for a, b, _ in chosen], [f for *_, f in chosen], ctx)
    roles = role_pairs(facts)
    if len(roles) >= MIN_PAIRS:
        chosen = roles[:MAX_PAIRS]
        yield _item(ROLE_PROMPT, [(a, b) for a, b, _ in chosen], [f for *_, f in chosen], ctx)


def build_matching_for(fact: Fact, ctx: BuildContext) -> Item | None:
    """A matching item that holds this fact's pair (for "Change kind"), or None if too few pairs."""
    facts = [f for group in ctx.pools.mentions.values() for f in group]
    if fact.type is FactType.ORGANISATION and fact.attr("acronym"):
        pairs, prompt = acronym_pairs(facts), ACRONYM_PROMPT
        key = fact.attr("acronym")
    elif fact.type is FactType.PERSON and clean_role(fact.attr("role") or ""):
        pairs, prompt = role_pairs(facts), ROLE_PROMPT
        key = fact.attr("canonical") or fact.text
    else:
        return None
    own = [p for p in pairs if p[0] == key]
    others = [p for p in pairs if p[0] != key]
    chosen = (own + others)[:MAX_PAIRS]
    if not own or len(chosen) < MIN_PAIRS:
        return None
    return _item(prompt, [(a, b) for a, b, _ in chosen], [f for *_, f in chosen], ctx)


def matching_reason(fact: Fact) -> str:
    """Why a fact cannot be asked as matching (for the teacher)."""
    if fact.type is FactType.ORGANISATION and fact.attr("acronym"):
        return "the article defines fewer than three acronyms to match"
    if fact.type is FactType.PERSON and fact.attr("role"):
        return "the article gives fewer than three people with distinct roles"
    return "only acronyms and people with a role can be matched"


def acronym_pairs(facts: Sequence[Fact]) -> list[tuple[str, str, Fact]]:
    """(acronym, full name, fact) for each acronym the article spells out, first mention first."""
    out: dict[str, tuple[str, str, Fact]] = {}
    for fact in facts:
        acronym, expansion = fact.attr("acronym"), fact.attr("expansion")
        if fact.type is FactType.ORGANISATION and acronym:
            full = expansion or (fact.text if fact.text != acronym else "")
            if full and acronym not in out:
                out[acronym] = (acronym, full, fact)
    return sorted(out.values(), key=lambda p: p[2].start)


# A bare seat in a parliament or council: matched to one politician, it fits the others (the
# Commons leader and the Speaker are MPs too).
_SHARED_ROLES = frozenset(
    {"mp", "mep", "msp", "am", "td", "politician", "member", "peer", "minister"}
    | {"senator", "congressman", "congresswoman", "councillor", "lawmaker", "legislator"}
)


def role_pairs(facts: Sequence[Fact]) -> list[tuple[str, str, Fact]]:
    """(person, role, fact) for people whose role the article states, roles all different down
    to their head word (two "director" rows could be matched either way)."""
    out: dict[str, tuple[str, str, Fact]] = {}
    roles: set[str] = set()
    for fact in sorted(facts, key=lambda f: f.start):
        if fact.type is not FactType.PERSON:
            continue
        name = fact.attr("canonical") or fact.text
        role = clean_role(fact.attr("role") or "")
        if not role or name in out or len(name.split()) < 2:
            continue
        head = role.split()[-1].casefold().rstrip("s")
        if role.casefold() in roles or head in roles:
            continue  # "unconventional director" and "film's director": the two swap
        if name.split()[-1].lower().rstrip("s") in role_words():
            continue  # "Police Officers": a group the name index took for a person
        if role.casefold() in _SHARED_ROLES:
            continue  # "MP" alone: the Commons leader and the Speaker are MPs too
        out[name] = (name, role, fact)
        roles |= {role.casefold(), head}
    return list(out.values())


def clean_role(role: str) -> str:
    """The role words before a name, without what the sentence put ahead of them.

    "Mr Brown accused shadow chancellor" -> "shadow chancellor"; a role that does not end in a
    role word ("Association of Chief") is no role.
    """
    words = re.findall(r"[\w'’&.-]+|[\"“”]", role)
    kept: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if word in ('"', "“", "”") or low in STOPWORDS or (low.endswith("ed") and word.islower()):
            break
        kept.insert(0, word)
    if not kept or len(kept) > 6:
        return ""
    head = kept[-1].lower()
    if head not in role_words() and head.rstrip("s") not in role_words():
        return ""
    return " ".join(kept)


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
