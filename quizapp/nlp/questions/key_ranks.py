"""The ranks of a quiz's numeric keys among their ordered options, balanced across the quiz."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from dataclasses import replace

from quizapp.nlp.checks import check_item
from quizapp.nlp.distractors import make_distractors
from quizapp.nlp.distractors.choose import RANKED_TYPES
from quizapp.nlp.figure_sides import figures, option_figures, splits_key_off
from quizapp.nlp.model import Item, QuestionKind
from quizapp.nlp.questions.base import BuildContext
from quizapp.nlp.questions.multiple_choice import _in_order
from quizapp.nlp.quiz_conflicts import gives_away

# Four options: the key has 0–3 options below it; 1 and 2 put it between two others.
OPTIONS = 4
INNER_RANKS = (1, 2)
END_RANKS = (0, 3)


def rank_sequence(n: int, rng: random.Random) -> list[int]:
    """n ranks in which every pair holds one key between its options and one at an end, and
    every four hold each rank once.

    Drawn item by item, half the keys land between their options only on average: on a
    twenty-item quiz, "pick the middle number" then wins well above chance as often as not.
    """
    out: list[int] = []
    while len(out) < n:
        inner, ends = list(INNER_RANKS), list(END_RANKS)
        rng.shuffle(inner)
        rng.shuffle(ends)
        for pair in zip(inner, ends, strict=True):
            both = list(pair)
            rng.shuffle(both)
            out += both
    return out[:n]


def _ranked(item: Item) -> bool:
    """Whether an item is a multiple choice on a number, year or ordinal with ordered options."""
    return (
        item.kind is QuestionKind.MULTIPLE_CHOICE
        and item.fact.type in RANKED_TYPES
        and item.answer == item.fact.text
        and len(item.options) == OPTIONS
        and all(re.search(r"\d", option) for option in item.options)
    )


def balance_key_ranks(items: Sequence[Item], ctx: BuildContext, text: str) -> list[Item]:
    """The quiz with its numeric keys' ranks set by ``rank_sequence`` in quiz order.

    An item whose options cannot be made at its rank, or whose new options would fail a
    check, show another item's answer or sit on the far side of a figure another item prints,
    keeps the options it has.
    """
    out = list(items)
    positions = [i for i, item in enumerate(out) if _ranked(item)]
    if not positions:
        return out
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    ranks = rank_sequence(len(positions), random.Random(f"ranks:{ctx.seed}:{digest}"))
    for index, rank in zip(positions, ranks, strict=True):
        item = out[index]
        if item.options.index(item.answer or "") == rank:
            continue
        remade = _at_rank(item, rank, ctx, text)
        if remade is None:
            continue
        if any(gives_away(remade, other) for j, other in enumerate(out) if j != index):
            continue
        if _marked_off(remade, [other for j, other in enumerate(out) if j != index]):
            continue
        out[index] = remade
    return out


def _marked_off(item: Item, others: Sequence[Item]) -> bool:
    """Whether a figure another item prints lies between the key and all its wrong options."""
    options = option_figures(item)
    return options is not None and any(
        splits_key_off(options, figures(other.prompt)) for other in others
    )


def _at_rank(item: Item, rank: int, ctx: BuildContext, text: str) -> Item | None:
    """The item with new options that put its key at ``rank``, or None."""
    fact = item.fact
    rng = random.Random(f"{ctx.seed}:{fact.start}:{fact.end}:mc:rank{rank}")
    distractors = make_distractors(
        fact,
        ctx.pools,
        rng,
        count=OPTIONS - 1,
        sentence=ctx.sentence(fact).text,
        avoid=item.prompt,
        rank=rank,
    )
    if not distractors:
        return None
    options = _in_order([fact.text, *distractors])
    if options.index(fact.text) != rank:
        return None
    remade = replace(item, options=tuple(options))
    return None if check_item(remade, text) else remade
