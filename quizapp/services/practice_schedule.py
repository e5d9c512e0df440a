"""Scheduling retrieval practice (pure): which missed item comes back when, in which form,
and when it retires (two right in a row)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from quizapp.models import PracticeForm

__all__ = [
    "GAP",
    "MASTERY_STREAK",
    "ItemState",
    "after_answer",
    "form_for",
    "initial_states",
    "interleave",
    "next_item",
    "progress",
]

# Other items asked before a missed one comes back (fewer when fewer are left).
GAP = 3
# Correct answers in a row that retire an item.
MASTERY_STREAK = 2


@dataclass(frozen=True, slots=True)
class ItemState:
    """What the scheduler knows of one practice item."""

    key: int
    position: int
    review: bool = False
    streak: int = 0
    times_seen: int = 0
    misses: int = 0
    last_turn: int | None = None
    due: int = 0
    retired: bool = False


def interleave(missed: Sequence[int], review: Sequence[int]) -> list[int]:
    """Missed items in order with the review items spread evenly among them."""
    if not review:
        return list(missed)
    step = max(1, math.ceil(len(missed) / (len(review) + 1)))
    order: list[int] = []
    pending = list(review)
    for n, key in enumerate(missed, 1):
        order.append(key)
        if n % step == 0 and pending:
            order.append(pending.pop(0))
    return order + pending


def initial_states(missed: Sequence[int], review: Sequence[int]) -> list[ItemState]:
    """Fresh states: missed items at streak 0, review items at 1 (the graded answer counts)."""
    reviewed = set(review)
    return [
        ItemState(
            key=key,
            position=n,
            review=key in reviewed,
            streak=1 if key in reviewed else 0,
            due=n,
        )
        for n, key in enumerate(interleave(missed, review))
    ]


def next_item(states: Sequence[ItemState], turn: int) -> int | None:
    """The key of the item to ask at this turn, or None when every item is retired.

    An item comes back only after at least GAP others (fewer when fewer are left to ask);
    among those, the earliest due goes first, so new items mix with ones that come back.
    """
    active = [s for s in states if not s.retired]
    if not active:
        return None
    gap = min(GAP, len(active) - 1)
    ready = [s for s in active if s.last_turn is None or turn - s.last_turn - 1 >= gap]
    if not ready:
        # Every item was asked recently (some just retired): the least recent goes first.
        oldest = min(s.last_turn for s in active if s.last_turn is not None)
        ready = [s for s in active if s.last_turn == oldest]
    return min(ready, key=lambda s: (s.due, s.position)).key


def after_answer(state: ItemState, correct: bool, turn: int) -> ItemState:
    """The item's state once answered at this turn."""
    if correct:
        streak = state.streak + 1
        return replace(
            state,
            streak=streak,
            times_seen=state.times_seen + 1,
            last_turn=turn,
            due=turn + 1 + 2 * GAP,
            retired=streak >= MASTERY_STREAK,
        )
    return replace(
        state,
        streak=0,
        times_seen=state.times_seen + 1,
        misses=state.misses + 1,
        last_turn=turn,
        due=turn + 1 + GAP,
    )


def form_for(state: ItemState, *, has_other: bool) -> PracticeForm:
    """Same form (reshuffled) first for a missed item, then the other form, alternating.

    Review items (right in the graded attempt) start in their other form. A miss in one form
    is therefore always followed by the other form.
    """
    turn_of_item = state.times_seen + (1 if state.review else 0)
    if has_other and turn_of_item % 2 == 1:
        return PracticeForm.OTHER
    return PracticeForm.SAME


def progress(states: Sequence[ItemState]) -> tuple[int, int]:
    """(mastered, total) over every practice item."""
    return sum(1 for s in states if s.retired), len(states)
