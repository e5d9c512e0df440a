"""Reading numbers as written ("1,360", "$9.3bn", "three", "20 million") and writing them back."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def parse_number(text: str) -> float | None:
    """The number a phrase states, scale words ignored (they stay part of the unit)."""
    match = _NUMBER.search(text)
    if match:
        return float(match.group().replace(",", ""))
    word = text.strip().lower().split()[0] if text.strip() else ""
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else None


def format_like(value: float, template: str) -> str:
    """Write value the way the template number is written (thousands commas, decimals)."""
    decimals = len(template.split(".")[1]) if "." in template else 0
    if decimals:
        text = f"{value:,.{decimals}f}" if "," in template else f"{value:.{decimals}f}"
    else:
        # "776" gets "1,080", not "1080"; a four-digit key written without a comma keeps that.
        plain = len(template.replace(",", "")) >= 4 and "," not in template
        text = f"{round(value)}" if plain or value < 1000 else f"{round(value):,}"
    return text


def number_variants(number: str) -> list[str]:
    """Equivalent spellings of a written number: '1,360' -> ['1,360', '1360']."""
    out = [number]
    plain = number.replace(",", "")
    if plain != number:
        out.append(plain)
    elif plain.isdigit() and len(plain) > 3:
        out.append(f"{int(plain):,}")
    return out
