"""Which facts a cloze passage blanks: whole names of a sure kind, apart, one gap per thing."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.nlp.model import Fact, FactType, Sentence
from quizapp.nlp.questions.base import BuildContext, filler_word
from quizapp.nlp.questions.name_cuts import cuts_a_name
from quizapp.nlp.questions.passage_gaps import (
    gap_kind,
    in_one_list,
    name_words,
    same_entity,
    sure_kind,
    worth_a_gap,
)
from quizapp.nlp.questions.quoting import inside
from quizapp.nlp.questions.titled_names import TITLE_BEFORE
from quizapp.nlp.salience import identity

_NAME_GOES_BACK = re.compile(r"\b[A-Z][\w'’-]*\s+(?:of|for|and|&)\s+$")
_CAPITAL_BEFORE = re.compile(r"(?<=\S )([A-Z][\w'’-]*) $")
_CAPITAL_AFTER = re.compile(r"^ ([A-Z][\w'’-]*)")
_POSSESSED_NAME = re.compile(r"^['’]s ([A-Z][\w'’-]*)")
_TITLE_GOES_ON = re.compile(r"^ (?:in|of|on|at|for|and|the) [A-Z][\w-]*['’]s\b")
_TITLE_GOES_BACK = re.compile(r"(?<=\S )([A-Z][\w'’-]*) (?:in|of|on|at|for|the|and) $")


def _blankable(fact: Fact, ctx: BuildContext) -> bool:
    """A fact a gap can ask: a name of a sure kind, a figure or a date, outside quoted words
    and whole. Never a common-noun phrase ("little-known firm", "intercity bus service"): beside
    another such phrase in the bank, either reads right in either gap."""
    if fact.type in (FactType.QUOTE, FactType.OTHER) or filler_word(fact):
        return False
    sentence = ctx.sentence(fact)
    if not sure_kind(fact, sentence, ctx.doc) or not worth_a_gap(fact, sentence):
        return False
    if fact.type is FactType.PERSON and len(name_words(fact, every_word=True)) < 2:
        return False  # "DiCaprio" or "Sir Menzies" beside "Martin Scorsese": the odd shape
    if inside(ctx.sentence_quotes(sentence.index), fact.start, fact.end):
        return False
    a, b = fact.start - sentence.start, fact.end - sentence.start
    if fact.text[:1].isupper() and _NAME_GOES_BACK.search(sentence.text[:a]):
        return False  # "Institute for Care and |Family Studies|": the name starts earlier
    if cuts_a_name(fact, sentence.text, a, b):
        return False
    others = [f for f in ctx.pools.mentions.get(fact.sentence, ()) if f != fact]
    return not _leaves_a_name_showing(fact, sentence, a, b, others)


def _leaves_a_name_showing(
    fact: Fact, sentence: Sentence, a: int, b: int, others: Sequence[Fact]
) -> bool:
    """Whether the gap takes only part of a name whose other words stay printed around it:
    "Mr _____" or "Michael _____" (a surname), "_____ Pugh" (a first name), "_____'s Eve" (New
    Year), "Shakespeare in _____'s" or "_____ in Love's" (a title). Capitalised words that are facts of their own
    ("Russia in _____", "_____'s William Gallas") are names beside the gap, not parts of it."""
    text = sentence.text
    before, after = text[:a], text[b:]
    starts = {f.start - sentence.start for f in others}
    covered = [(f.start - sentence.start, f.end - sentence.start) for f in others]

    def own_fact(at: int) -> bool:
        return any(s <= at < e for s, e in covered)

    if TITLE_BEFORE.search(before):
        return True  # "Mr _____": a title and a surname name nobody off the page
    capital = _CAPITAL_BEFORE.search(before)
    if (
        fact.type is FactType.PERSON
        and capital
        and " " not in fact.text
        and not own_fact(capital.start(1))
    ):
        return True  # "Michael _____"
    following = _CAPITAL_AFTER.match(after)
    if fact.text[:1].isupper() and following and b + following.start(1) not in starts:
        return True  # "_____ Pugh", "_____ Don't Cry"
    possessed = _POSSESSED_NAME.match(after)
    if possessed and b + possessed.start(1) not in starts:
        return True  # "_____'s Eve"
    if fact.text[:1].isupper() and _TITLE_GOES_ON.match(after):
        return True  # "_____ in Love's victory"
    title = _TITLE_GOES_BACK.search(before)
    # "Shakespeare in _____'s victory": a possessive after the gap shows the words are one title.
    return bool(title and (not own_fact(title.start(1)) or re.match(r"['’]s\b", after)))


def _separate(facts: list[Fact], text: str, offset: int) -> list[Fact]:
    """Facts in order, none overlapping or repeating another's identity, and a word between
    any two gaps (never "_____ _____")."""
    out: list[Fact] = []
    seen: set[str] = set()
    for fact in sorted(facts, key=lambda f: (f.start, -f.end)):
        if identity(fact) in seen:
            continue
        if out:
            between = text[out[-1].end - offset : fact.start - offset]
            if fact.start < out[-1].end or not re.search(r"[A-Za-z0-9]", between):
                continue
        out.append(fact)
        seen.add(identity(fact))
    return out


def _one_gap_per_thing(
    joined: str, gaps: list[tuple[int, int, Fact]]
) -> list[tuple[int, int, Fact]]:
    """One gap per fact and per person or body ("Sir Menzies" after "Sir Menzies Campbell"
    shows its words again), and never two gaps of one kind in one list, which could swap."""
    out: list[tuple[int, int, Fact]] = []
    for gap in gaps:
        fact = gap[2]
        if any(identity(o[2]) == identity(fact) or same_entity(o[2], fact) for o in out):
            continue
        if any(
            gap_kind(o[2]) == gap_kind(fact) and in_one_list(joined[o[1] : gap[0]]) for o in out
        ):
            continue
        if gap_kind(fact) == "date:M" and any(gap_kind(o[2]) == "date:M" for o in out):
            continue  # "to the end of _____ ... since _____": two bare months swap places
        out.append(gap)
    return out
