"""Numeric options: quantities and ordinals around the key, the key's rank drawn at random."""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace

from quizapp.nlp.distractors.roundness import Roundness, roundness_of
from quizapp.nlp.model import Fact
from quizapp.nlp.numbers import NUMBER_WORDS, format_like, parse_number

_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")


def ordinal_suffix(n: int) -> str:
    """'st', 'nd', 'rd' or 'th' for n (111th, 112th, 221st)."""
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _apart(values: list[float], candidate: float) -> bool:
    # A plain loop: called for every option of every trial draw (tens of thousands a document).
    for v in values:  # noqa: SIM110
        if not abs(candidate - v) >= 0.1 * max(abs(candidate), abs(v), 1e-9):
            return False
    return True


def _numeric(
    value: float,
    count: int,
    rng: random.Random,
    make: Callable[[float], str | None],
    *,
    low: float = 0.0,
    high: float = float("inf"),
    roundness: Roundness | None = None,
    ranked: bool = True,
    rank: int | None = None,
    room_key: Hashable | None = None,
) -> list[str] | None:
    """count distractors around value: the key's rank is uniform (or ``rank``, how many
    options lie below the key, as the caller fixed it), the spacing random. ``room_key`` names
    everything ``make`` depends on: the probe of the key's room is then worked out once for it.

    Each step between neighbouring options is a ratio drawn afresh from a range, not one of a
    fixed set of factors: with fixed factors, "the option the others are simple fractions of"
    finds the key from the options alone. Options stay at least 10 % apart.
    """

    # The key's rank is drawn once, and only for a key with room at both ends: were a figure
    # near a bound (a percentage near 100, a figure the stem caps, a tenth of a per cent)
    # offered only when its draw fitted, it would sit in the middle, or at the open end, far
    # more often than chance, and "pick the middle one" would win. Such a key gets no
    # multiple choice (another kind asks it).
    def draw(rank: int, draws: random.Random) -> list[str] | None:
        return _numeric_draw(value, rank, count, draws, make, low, high, roundness)

    # A word bank shows its words unordered, with no rank to read: no probe there.
    if ranked:
        # The probe draws from its own generator seeded by the key: its answer depends only on
        # the key, its bounds, roundness and format, and the same figure is probed by every
        # kind that asks it (a tenth of a long document's time when probed each time).
        cache_key = (room_key, value, count, low, high, roundness) if room_key else None
        room = _ROOM.get(cache_key) if cache_key else None
        if room is None:
            probe = random.Random(f"{value}:{count}:{low}:{high}")
            room = all(
                sum(draw(extreme, probe) is not None for _ in range(ROOM_PROBES))
                >= ROOM_PROBES // 2
                for extreme in (0, count)
            )
            if cache_key:
                if len(_ROOM) >= _ROOM_KEEP:
                    _ROOM.clear()
                _ROOM[cache_key] = room
        if not room:
            return None
    return draw(rng.randrange(count + 1) if rank is None else min(rank, count), rng)


# Whether a key has room at both ends, by what decides it (see _numeric); a bounded memo.
_ROOM: dict[Hashable, bool] = {}
_ROOM_KEEP = 4096


# Trial draws at each extreme rank; a key needs half of them to succeed at both ends.
ROOM_PROBES = 4


def _numeric_draw(
    value: float,
    rank: int,
    count: int,
    rng: random.Random,
    make: Callable[[float], str | None],
    low: float,
    high: float,
    roundness: Roundness | None,
) -> list[str] | None:
    """Options with the key at ``rank``: up to ``DRAWS`` random spacings, the first that is not
    evenly stepped, not too spread and not all simple multiples of the key."""
    # A draw whose every option is a simple multiple of the key (x0.75, x1.5, x2 after rounding)
    # is passed over while another fits; small counts may have no other.
    fallback: list[str] | None = None
    for _attempt in range(DRAWS):
        picked = _spaced(value, rank, count - rank, rng, low, high, roundness)
        if picked is None:
            continue
        if _even_steps(sorted([*picked, value])):
            continue
        if _too_spread([*picked, value], count):
            continue
        out = [make(v) for v in picked]
        if all(out) and len(set(out)) == len(out):
            if not all(_simple_multiple(v, value) for v in picked) or _other_hub(picked, value):
                return [o for o in out if o]
            fallback = fallback or [o for o in out if o]
    return fallback


# Spacings tried per draw: a round key's options come from few values ("£500,000" in steps of
# £50,000), and more of its draws are simple multiples of it (x0.5, x1.5) to pass over.
DRAWS = 30


# The widest a set of options may span (largest over smallest), whatever the key's rank: a
# figure seven times the key ("1.4 billion" US internet users) is absurd beside it.
MAX_SPREAD = 4.0


def _too_spread(values: list[float], count: int = 3) -> bool:
    smallest, largest = min(values), max(values)
    return smallest > 0 and largest / smallest > MAX_SPREAD ** (max(count, 3) / 3)


def _even_steps(values: list[float]) -> bool:
    """Whether three neighbouring options are evenly spaced (£14m, £24m, £34m): the key is then
    the middle one far more often than chance, and a test-wise student sees it."""
    for a, b, c in zip(values, values[1:], values[2:], strict=False):
        low, high = b - a, c - b
        if low > 0 and high > 0 and abs(high - low) <= 0.1 * max(low, high):
            return True
    return False


# Ratios a test-wise student checks first: halves, two-thirds, three-quarters, one and a half
# times, double, and their products.
_SIMPLE_RATIOS = (0.25, 1 / 3, 0.375, 0.5, 2 / 3, 0.75, 1.25, 1.5, 1.875, 2.0, 2.5, 3.0, 3.75)


def _other_hub(picked: list[float], key: float) -> bool:
    """Whether an option other than the key is also one every other option is a simple
    multiple of (600 beside 300 and 900 around a key of 450): then the recipe no longer
    points at the key alone. Figures of one significant digit are all simple multiples of
    each other, so this is what keeps their draws from singling the key out."""
    values = [*picked, key]
    return any(
        all(_simple_multiple(v, hub, HUB_TOLERANCE) for v in values if v != hub) for hub in picked
    )


# A stricter "simple multiple" for another option to count as a hub (the tolerance of a
# careful solver): one it would not take for a hub leaves the key the hub alone.
HUB_TOLERANCE = 0.06


def _simple_multiple(option: float, key: float, tolerance: float = 0.07) -> bool:
    """Whether an option is, within rounding, a simple multiple of the key (x1.5, x0.75)."""
    if key <= 0 or option <= 0:
        return False
    ratio = option / key
    for r in _SIMPLE_RATIOS:  # noqa: SIM110 (a plain loop, as for _apart)
        if abs(ratio - r) <= tolerance * max(r, ratio):
            return True
    return False


_LOG_STEP_LOW, _LOG_STEP_HIGH = math.log(1.12), math.log(1.9)


def _spaced(
    value: float,
    below: int,
    above: int,
    rng: random.Random,
    low: float,
    high: float,
    roundness: Roundness | None,
) -> list[float] | None:
    """below values under the key and above over it, each step a random ratio of 1.12–1.9,
    each written as round as the key."""
    chosen = [value]
    out: list[float] = []
    for want, direction in ((below, -1), (above, 1)):
        current = value
        for _ in range(want):
            ratio = math.exp(rng.uniform(_LOG_STEP_LOW, _LOG_STEP_HIGH))
            raw = current * ratio if direction > 0 else current / ratio
            # A number in words ("three") has no figures to match: whole numbers.
            candidate = roundness.round(raw) if roundness is not None else float(round(raw))
            if candidate is None:
                return None
            if not (low < candidate < high) or not _apart(chosen, candidate):
                return None
            chosen.append(candidate)
            out.append(candidate)
            current = candidate
    return sorted(out)


# A figure in millions or billions: an option under one of its unit ("0.4 billion people")
# is a shape the article never writes.
_SCALED = re.compile(
    r"\d\s*(?:bn|billion|trillion|million|mn)\b|[£$€¥]\s*\d[\d.,]*\s*m\b", re.IGNORECASE
)


def quantity_distractors(
    fact: Fact,
    count: int,
    rng: random.Random,
    *,
    bounds: Sequence[float] = (),
    ranked: bool = True,
    rank: int | None = None,
    key_gap: float = 0.0,
) -> list[str] | None:
    """Same unit and format, magnitudes the key's rank cannot give away; every option on the
    key's side of each figure in ``bounds`` (the stem's own figures of the same unit), and at
    least ``key_gap`` (a share of the key) away from it."""
    number = fact.attr("number") or ""
    value = parse_number(number)
    if value is None:
        return None
    digits = re.sub(r"[^\d.,]", "", number)
    integer = "." not in digits
    is_percent = "%" in fact.text or "per cent" in fact.text or "percent" in fact.text
    high = 100.0 if is_percent else float("inf")
    low = 0.0 if not integer else 0.5
    if value >= 1 and _SCALED.search(fact.text):
        low = max(low, 0.95)  # "$0.7bn" beside "$1.5bn": nobody writes it so
    low = max([low, *(b for b in bounds if b < value)])
    high = min([high, *(b for b in bounds if b > value)])

    def make(v: float) -> str | None:
        if abs(v - value) < key_gap * abs(value):
            return None  # "about 30 kPa": 35 kPa would be about right too
        if digits:
            written = format_like(v, digits)
            if "," not in digits and abs(value) < 1000 <= abs(v):
                # "$671.7bn" gives no sign how the article writes thousands; "$1614.9bn"
                # beside it would be the one odd shape, so thousands get the usual comma.
                whole, _, frac = written.partition(".")
                written = f"{int(whole.replace(',', '')):,}" + (f".{frac}" if frac else "")
            if not integer and float(written.replace(",", "")) <= 0:
                return None
            return fact.text.replace(digits, written, 1)
        words = {v: k for k, v in NUMBER_WORDS.items() if k != "dozen"}
        word = words.get(int(v)) if v == int(v) else None
        if word is None:
            return None
        return fact.text.replace(number, word if number[:1].islower() else word.capitalize(), 1)

    if not digits and value < 2:
        return None
    roundness = roundness_of(digits) if digits else None
    # Everything make reads, for the probe's memo.
    room_key = (fact.text, number, key_gap)
    bounds = {"low": low, "high": high, "ranked": ranked, "rank": rank, "room_key": room_key}
    made = _numeric(value, count, rng, make, roundness=roundness, **bounds)
    if made is None and roundness is not None and roundness.fives:
        # Fifties leave too little room around some keys ("45,000": 35,000, 25,000, 15,000
        # are evenly spaced): then figures at the key's place ("38,000"), whatever the rank.
        plain = replace(roundness, fives=False)
        made = _numeric(value, count, rng, make, roundness=plain, **bounds)
    return made


def pick_by_rank(
    key: int,
    preferred: Sequence[int],
    extra: Sequence[int],
    count: int,
    rng: random.Random,
    *,
    at_least_above: int = 0,
    rank: int | None = None,
) -> list[int] | None:
    """count values around key with the key's rank drawn uniformly (then shown in order).

    Always-surrounding distractors make "pick the middle value" a winning guess, always-larger
    ones make "pick the extreme" one; a uniform rank leaves option-only guessing at chance.
    Preferred values (the article's own) are used before extra (made-up) ones; ``at_least_above``
    is how many must at least be larger than the key; ``rank`` (how many lie below the key), when
    given, is the caller's draw.
    """

    def ordered(values: Sequence[int]) -> list[int]:
        first = [v for v in dict.fromkeys(preferred) if v in values]
        rest = [v for v in dict.fromkeys(extra) if v in values and v not in first]
        rng.shuffle(first)
        rng.shuffle(rest)
        return first + rest

    pool = {v for v in (*preferred, *extra) if v != key}
    below = ordered([v for v in pool if v < key])
    above = ordered([v for v in pool if v > key])
    # One draw: a key near the end of its range (a year close to the article's own, the 1st)
    # has no room on one side, and taking another rank would make it the extreme option far
    # more often than chance. Such a key gets no multiple choice (another kind asks it).
    top = count - at_least_above
    rank = rng.randrange(top + 1) if rank is None else min(rank, top)
    # Only a key with room for every rank gets options: were a year near the article's own
    # offered only when its draw put it last, "pick the latest" would win far above chance.
    if len(below) >= count - at_least_above and len(above) >= count:
        return sorted(below[:rank] + above[: count - rank])
    return None


def ordinal_distractors(
    fact: Fact, count: int, rng: random.Random, sentence: str = "", *, rank: int | None = None
) -> list[str] | None:
    """Other ordinals of the same size: 201st -> 101st, 210th, 301st; none past the bound
    the sentence sets ("the _____ time in five years", "in the _____ minute")."""
    from quizapp.nlp.distractors.bounds import match_minute_cap, near_ordinal, ordinal_cap

    match = _ORDINAL.match(fact.text)
    if not match:
        return None
    n = int(match.group(1))
    at = sentence.find(fact.text)
    caps = []
    if at >= 0:
        end = at + len(fact.text)
        caps = [c for c in (ordinal_cap(sentence, at, end), match_minute_cap(sentence, at, end, n))]
    cap = min((c for c in caps if c is not None), default=None)
    if cap is not None and n > cap:
        return None  # the sentence contradicts itself, or was misread: no options
    edits: set[int] = set()
    digits = str(n)
    for pos in range(len(digits)):
        for d in "0123456789":
            if d != digits[pos] and not (pos == 0 and d == "0"):
                edits.add(int(digits[:pos] + d + digits[pos + 1 :]))
    near = {n + k for k in (-3, -2, -1, 1, 2, 3) if n + k > 0}

    def believable(v: int) -> bool:
        return near_ordinal(v, n) and (cap is None or v <= cap)

    edits = {v for v in edits if believable(v)}
    near = {v for v in near if believable(v)}
    picked = pick_by_rank(n, sorted(edits), sorted(near), count, rng, rank=rank)
    if picked is None:
        return None
    return [f"{m}{ordinal_suffix(m)}" for m in picked]
