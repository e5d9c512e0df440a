"""How round a figure is written, so made-up options beside a key are written as round."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Roundness:
    """How round the key is written: made-up figures beside it are written exactly as round.

    A key of one figure (600, 30,000, 5) gets options of one figure or a round half between
    two (400, 250, 2,000; 50,000, 15,000; 3, 20). A longer key gets options whose last figure stands at its last figure's place: 67
    gets 54, 82, 134 (never 100 or 150), 1,360 gets 980 or 1,850, and 2.8 gets 3.5 (never
    3.0); a key ending in 5 there (250) gets options in fifties. A key written with a last
    decimal zero ("2.80") gets options with one.
    """

    step: float
    single: bool
    fives: bool
    decimals: int
    zero_end: bool
    price: float | None = None

    def round(self, candidate: float) -> float | None:
        """The candidate at the key's roundness, or None where no figure near it has it: rounded
        to the key's last figure, then moved a step off a rounder figure (£67m beside "£179m",
        not "£180m"; £12.8m beside "£17.1m", not "£17.0m"), but never off a figure of one
        (67 beside "101" is as odd as beside "100")."""
        step = self.step * (5 if self.fives else 1)
        if self.single and candidate > 0:
            # One figure, or a half between two (15, 250, 4,500): whole figures alone leave
            # too few values near the key to space three options apart.
            step = max(1.0, 5 * 10.0 ** (math.floor(math.log10(candidate)) - 1))
        base = round(candidate / step)
        if self.price is not None:
            # "£4.99": a price's usual ending, on the whole pounds nearest the candidate.
            value = math.floor(candidate) + self.price
            return round(value, 2) if value > 0 else None
        rounder = base * step >= 10 and _one_figure(base * step) and not self.fits(base * step)
        if not self.single and not self.fives and rounder:
            return None
        # Nearest first; of two as near, the one on the candidate's side.
        for shift in _SHIFTS_UP if candidate - base * step > 0 else _SHIFTS_DOWN:
            value = (base + shift) * step
            if value > 0 and self.fits(value):
                return round(value, self.decimals) if self.decimals else float(round(value))
        return None

    def fits(self, value: float) -> bool:
        """Whether a figure written at the key's decimals is exactly as round as the key."""
        return _fits(self, value)


# The shifts Roundness.round tries, in order, for a candidate above or not above its figure.
_SHIFTS_UP = (0, 1, -1, 2, -2)
_SHIFTS_DOWN = (0, -1, 1, -2, 2)


@functools.lru_cache(maxsize=8192)
def _fits(key: Roundness, value: float) -> bool:
    # Asked for the same few figures around a key in every trial draw: worked out once each.
    other = roundness_of(f"{value:.{key.decimals}f}")
    if other is None or other.decimals != key.decimals:
        return False
    if key.single:
        return other.single or str(round(value)).strip("0") in _ROUND_HALVES
    return other.step == key.step and other.zero_end == key.zero_end


def _one_figure(value: float) -> bool:
    """Whether a whole number has one significant figure (100, 3,000)."""
    return len(str(round(value)).strip("0")) == 1


# The halves as round as a figure of one: £15,000, 250, $75m (not 45 or 85 beside 50).
_ROUND_HALVES = ("15", "25", "75")

# A price's usual pence ("£4.99", "$19.95"): options priced the same way.
_PRICE_ENDINGS = ("99", "95")


@functools.lru_cache(maxsize=8192)
def roundness_of(written: str) -> Roundness | None:
    """The roundness of the first figure written in the text ("£67m", "1,360", "2.80")."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    if not match:
        return None
    figure = match.group().replace(",", "")
    whole, _, decimals = figure.partition(".")
    if decimals:
        price = int(decimals) / 100 if decimals in _PRICE_ENDINGS else None
        return Roundness(
            10.0 ** -len(decimals), False, False, len(decimals), decimals[-1] == "0", price
        )
    core = whole.lstrip("0").rstrip("0")
    if not core:
        return None
    trailing = len(whole.lstrip("0")) - len(core)
    return Roundness(
        10.0**trailing, len(core) == 1, len(core) >= 2 and core.endswith("5"), 0, False
    )
