"""Paper versions A, B, ...: the same items in a shuffled order, deterministic from a seed."""

from __future__ import annotations

import copy
import random
import re
from typing import Any

__all__ = ["matching_right_column", "version_document", "version_label"]

Item = dict[str, Any]

_NUMBER = re.compile(r"[-+]?\d[\d,\u00a0\u202f]*(?:\.\d+)?|[-+]?\.\d+")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# A few tries at a different order before falling back to a rotation.
_RESHUFFLES = 8


def version_label(index: int) -> str:
    """The letter of the index-th version (0 -> "A", 25 -> "Z", 26 -> "AA")."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def _rng(seed: int, *parts: str) -> random.Random:
    """A random generator seeded from the seed and some labels (str seeds are stable)."""
    return random.Random(":".join([str(seed), *parts]))


def _shuffled(
    values: list[Any], rng: random.Random, *, avoid: list[Any] | None = None
) -> list[Any]:
    """A shuffled copy of values that differs from ``avoid`` whenever two values differ."""
    out = list(values)
    if len(set(map(repr, out))) < 2:
        return out
    for _ in range(_RESHUFFLES):
        rng.shuffle(out)
        if avoid is None or out != avoid:
            return out
    return out[1:] + out[:1]


def _option_value(option: str) -> float | None:
    """The number an option states ("1,360 km" -> 1360, "£2.5 million" -> 2.5e6), or None."""
    match = _NUMBER.search(option)
    if not match:
        return None
    digits = re.sub(r"[,\u00a0\u202f]", "", match.group())
    try:
        number = float(digits)
    except ValueError:
        return None
    rest = option[match.end() :].lower()
    for word, scale in _SCALES.items():
        if rest.lstrip().startswith(word):
            return number * scale
    return number


def _ordered_options(item: Item, rng: random.Random) -> list[str]:
    """The options of an item as a version shows them.

    True/false keep True, False; numeric options stay in numeric order (a shuffled scale of
    numbers reads as a trick); everything else is shuffled.
    """
    options = list(item.get("options") or [])
    if item.get("kind") == "true_false" or len(options) < 2:
        return options
    values = [_option_value(option) for option in options]
    if all(value is not None for value in values):
        return [
            option for _, option in sorted(zip(values, options, strict=True), key=lambda p: p[0])
        ]
    return _shuffled(options, rng, avoid=options)


def version_document(document: dict[str, Any], index: int, *, seed: int) -> dict[str, Any]:
    """A copy of the document for version ``index``: questions and options reordered.

    Version A (index 0) keeps the teacher's order; later versions shuffle, each differently
    from A, and always the same way for the same seed.
    """
    out = copy.deepcopy(document)
    if index == 0:
        return out
    label = version_label(index)
    items = out.get("questions") or []
    for item in items:
        if item.get("options"):
            item["options"] = _ordered_options(item, _rng(seed, label, str(item.get("id"))))
    out["questions"] = _shuffled(items, _rng(seed, label, "order"), avoid=items)
    return out


def matching_right_column(item: Item, *, seed: int, label: str = "A") -> list[str]:
    """The right-hand items of a matching question in a shuffled printed order.

    Never the pairs' own order when it can differ, or the letters would spell out the answer.
    """
    rights = [pair[1] for pair in item.get("pairs") or []]
    return _shuffled(rights, _rng(seed, label, str(item.get("id")), "right"), avoid=rights)
