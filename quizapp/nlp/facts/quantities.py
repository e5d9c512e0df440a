"""Quantities: money, percentages, numbers with units, and counts of things."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizapp.nlp.facts.context import FactContext, make_fact
from quizapp.nlp.model import Fact, FactType, Sentence
from quizapp.nlp.numbers import NUMBER_WORDS, parse_number

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:bn|m|k|tn|million|billion|trillion|thousand)"
_UNITS = (
    r"%|per\s?cent|percent|km²|km2|km/h|kph|mph|km|kilomet(?:re|er)s?|miles?|metres?|meters?|cm|mm|"
    r"m|kg|kilograms?|tonnes?|tons?|grams?|g|litres?|liters?|hectares?|ha|acres?|"
    r"square\s+(?:kilomet(?:re|er)s?|miles?|metres?|meters?)|cubic\s+metres?|"
    r"degrees?(?:\s+Celsius|\s+Fahrenheit)?|°C|°F|°|MW|GW|kW|TWh|GWh|kWh|years?|days?|hours?|"
    r"minutes?|weeks?|months?|seconds?|decades?|centuries"
)
_MONEY = re.compile(rf"(?:US|A|C|NZ|HK)?[$£€¥]\s?(?:{_NUM})(?:\s?{_SCALE}\b)?")
_MEASURE = re.compile(rf"\b(?:{_NUM})(?:\s?{_SCALE}\b)?(?:\s?(?:{_UNITS}))(?![\w])")
_BARE = re.compile(rf"\b(?:{_NUM})(?:\s?(?:million|billion|trillion|thousand)\b)?")
_COUNTABLE_TAGS = frozenset({"NNS", "NNPS", "NN"})
_MODIFIER_TAGS = frozenset({"JJ", "VBN", "VBG", "NN"})


def extract_quantities(context: FactContext) -> Iterator[Fact]:
    """Quantity facts; attrs: value, unit, number (the digits as written), form."""
    for sentence in context.doc.sentences:
        taken: list[tuple[int, int]] = []
        yield from _regex_quantities(sentence, taken)
        yield from _counted_quantities(sentence, taken)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in taken)


def _regex_quantities(sentence: Sentence, taken: list[tuple[int, int]]) -> Iterator[Fact]:
    text = sentence.text
    for pattern, form in ((_MONEY, "money"), (_MEASURE, "measure")):
        for match in pattern.finditer(text):
            start, end = match.span()
            if _overlaps(taken, start, end):
                continue
            found = match.group()
            if _formula_digit(sentence, sentence.start + start):
                continue
            number = re.search(_NUM, found)
            if number is None:
                continue
            if form == "measure" and re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", number.group()):
                # "in 2022 m…" is a year, not a measure; years are date facts.
                unit = found[number.end() :].strip()
                if unit in ("m", "g", "years", "year", ""):
                    continue
            value = parse_number(found)
            if value is None:
                continue
            taken.append((start, end))
            yield make_fact(
                FactType.QUANTITY,
                sentence,
                sentence.start + start,
                sentence.start + end,
                value=repr(value),
                unit=found[number.end() :].strip()
                if form == "measure"
                else found[: number.start()].strip(),
                number=number.group(),
                form=form,
            )


def _counted_quantities(sentence: Sentence, taken: list[tuple[int, int]]) -> Iterator[Fact]:
    """A number (digits or a word) counting the noun after it: "68 stations", "three reservoirs"."""
    tokens = sentence.tokens
    base = sentence.start
    for i, token in enumerate(tokens):
        word = token.text
        is_digits = bool(re.fullmatch(_NUM, word))
        if not (is_digits or word.lower() in NUMBER_WORDS) or token.tag not in ("CD", "JJ", "NN"):
            continue
        if is_digits and re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", word):
            continue  # a year
        if _formula_digit(sentence, token.start):
            continue
        if i > 0 and tokens[i - 1].text in ("$", "£", "€", "No", "no.", "No."):
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].text.lower() in (
            "million",
            "billion",
            "thousand",
            "hundred",
        ):
            j += 1
        k = j
        while k < len(tokens) and tokens[k].tag in _MODIFIER_TAGS and k - j < 2:
            k += 1
        if k < len(tokens) and tokens[k].tag in _COUNTABLE_TAGS:
            end_token = k
        elif k > j and tokens[k - 1].tag in _COUNTABLE_TAGS:
            end_token = k - 1
        else:
            continue
        if word.lower() in ("one", "a") and tokens[end_token].tag == "NNS":
            continue
        start, end = token.start - base, tokens[end_token].end - base
        if _overlaps(taken, start, end):
            continue
        value = parse_number(" ".join(t.text for t in tokens[i:j]))
        if value is None or value <= 0:
            continue
        taken.append((start, end))
        yield make_fact(
            FactType.QUANTITY,
            sentence,
            base + start,
            base + end,
            value=repr(value),
            unit=" ".join(t.text for t in tokens[j : end_token + 1]),
            number=sentence.text[token.start - base : tokens[j - 1].end - base],
            form="words" if not is_digits else "count",
        )


def _formula_digit(sentence: Sentence, at: int) -> bool:
    """A digit that belongs to a formula written across a line break ("O\n2")."""
    before = sentence.text[: at - sentence.start]
    return bool(re.search(r"[A-Za-z]\s*\n\s*$|[A-Za-z]$", before))
