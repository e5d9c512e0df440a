"""Quantities: money, percentages, numbers with units, and counts of things."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from quizapp.nlp.facts.context import FactContext, make_fact
from quizapp.nlp.model import Fact, FactType, Sentence, Token
from quizapp.nlp.numbers import NUMBER_WORDS, parse_number

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM_RE = re.compile(_NUM)
_SCALE = r"(?:bn|m|k|tn|million|billion|trillion|thousand)"
_UNITS = (
    r"%|per\s?cent|percent|km²|km2|km/h|kph|mph|km|kilomet(?:re|er)s?|miles?|metres?|meters?|cm|mm|"
    r"m|kg|kilograms?|tonnes?|tons?|grams?|g|litres?|liters?|hectares?|ha|acres?|"
    r"square\s+(?:kilomet(?:re|er)s?|miles?|metres?|meters?)|cubic\s+metres?|"
    r"degrees?(?:\s+Celsius|\s+Fahrenheit)?|°C|°F|°|MW|GW|kW|TWh|GWh|kWh|years?|days?|hours?|"
    r"minutes?|weeks?|months?|seconds?|decades?|centuries|GB|MB|TB|GHz|MHz|Mbps|megapixels?"
)
_MONEY = re.compile(rf"(?:US|A|C|NZ|HK)?[$£€¥]\s?(?:{_NUM})(?:\s?{_SCALE}\b)?")
# Money written with its currency's name after the figure ("210bn yuan", "400m pesos"): the
# scale letter is millions or billions here, never metres.
_MONEY_WORDS = re.compile(
    rf"\b(?:{_NUM})(?:\s?{_SCALE}\b)?\s(?:yuan|euros?|pesos|roubles?|rubles?|rupees?|yen|francs|"
    r"dollars|kronor|kroner|krona|rand|ringgit|baht|dinars?|zloty)\b"
)
_MEASURE = re.compile(rf"\b(?:{_NUM})(?:\s?{_SCALE}\b)?(?:\s?(?:{_UNITS}))(?![\w])")
# A figure standing alone: "fell to 77,000", "10 million of which" (a count the article gives
# in digits with separators or a scale word, never a year, a score or a time of day).
_FIGURE = re.compile(
    r"(?<![\w$£€¥.,-])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?=\s(?:million|billion|trillion)\b))"
    r"(?:\s(?:million|billion|trillion)\b)?(?![\w%°-]|[.,]\d)"
)
# "a 11-day run", "the 25-year-old": a length of time written as one hyphenated word.
_HYPHENED = re.compile(
    r"(?<![\w.-])\d{1,3}-(?:year|month|week|day|hour|minute|mile|metre|meter)(?:-old)?(?![\w-])"
)
_SCALE_WORDS = ("million", "billion", "trillion", "thousand", "hundred")
_COUNTABLE_TAGS = frozenset({"NNS", "NNPS", "NN"})
_MODIFIER_TAGS = frozenset({"JJ", "JJS", "JJR", "VBN", "VBG", "NN"})
# Up to this many words between a number and the noun it counts ("128 worst hit schools").
_MAX_MODIFIERS = 4


_DIGIT = re.compile(r"\d")


def extract_quantities(context: FactContext) -> Iterator[Fact]:
    """Quantity facts; attrs: value, unit, number (the digits as written), form."""
    for sentence in context.doc.sentences:
        taken: list[tuple[int, int]] = []
        # Every pattern's figure holds a digit: a sentence without one is only searched for
        # counts in words ("three reservoirs").
        digits = _DIGIT.search(sentence.text) is not None
        if digits:
            yield from _regex_quantities(sentence, taken)
        yield from _counted_quantities(sentence, taken)
        if digits:
            yield from _figures(sentence, taken)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in taken)


def _regex_quantities(sentence: Sentence, taken: list[tuple[int, int]]) -> Iterator[Fact]:
    text = sentence.text
    for pattern, form in ((_MONEY, "money"), (_MONEY_WORDS, "measure"), (_MEASURE, "measure")):
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
            if pattern is _MONEY_WORDS and re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", found.split()[0]):
                continue  # "the 2004 euros": a year, not a sum
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
        if token.tag not in ("CD", "JJ", "NN"):
            continue  # (checked first: most tokens are no number, and this is the cheap test)
        word = token.text
        is_digits = _NUM_RE.fullmatch(word) is not None
        if not (is_digits or word.lower() in NUMBER_WORDS):
            continue
        if is_digits and re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", word):
            continue  # a year
        if _formula_digit(sentence, token.start):
            continue
        if i > 0 and tokens[i - 1].text in ("$", "£", "€", "No", "no.", "No."):
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].text.lower() in _SCALE_WORDS:
            j += 1
        k = _after_modifiers(tokens, j)
        if k < len(tokens) and tokens[k].tag in _COUNTABLE_TAGS:
            end_token = k
        elif k > j and tokens[k - 1].tag in _COUNTABLE_TAGS:
            end_token = k - 1
        else:
            continue
        if word.lower() in ("one", "a") and tokens[end_token].tag == "NNS":
            continue
        if tokens[end_token].text[:1].isupper():
            continue  # "Six Nations", "Three Lions": a name, not a count
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


def _after_modifiers(tokens: Sequence[Token], j: int) -> int:
    """Where the words describing a counted noun end: adjectives and noun modifiers ("worst
    hit", "civil and military aerospace"); a past form only after an adjective ("worst hit")."""
    k = j
    while k < len(tokens) and k - j < _MAX_MODIFIERS and _describes(tokens, j, k):
        k += 1
    return k


def _describes(tokens: Sequence[Token], j: int, k: int) -> bool:
    """Whether token k still describes the counted noun (the description began at j)."""
    tag, word = tokens[k].tag, tokens[k].text
    if tag in _MODIFIER_TAGS:
        return word[:1].islower()
    if tag == "NNP" and k + 1 < len(tokens):
        # A name describing the counted things: "three Brit nominations", "11 Oscar nominations".
        following = tokens[k + 1]
        return following.tag == "NNS" and following.text[:1].islower()
    if tag == "VBD":
        return k > j and tokens[k - 1].tag == "JJS" and word.islower()
    return (
        word == "and"
        and k > j
        and tokens[k - 1].tag == "JJ"
        and k + 1 < len(tokens)
        and tokens[k + 1].tag == "JJ"
    )


def _figures(sentence: Sentence, taken: list[tuple[int, int]]) -> Iterator[Fact]:
    """Figures without a counted noun ("fell to 77,000", "10 million of which") and lengths
    written as one word ("an 11-day run", "the 25-year-old")."""
    text = sentence.text
    for pattern, form in ((_FIGURE, "figure"), (_HYPHENED, "measure")):
        for match in pattern.finditer(text):
            start, end = match.span()
            if _overlaps(taken, start, end) or _formula_digit(sentence, sentence.start + start):
                continue
            found = match.group()
            if form == "measure" and _stands_for_a_person(sentence, start, end):
                continue
            number = re.match(_NUM, found)
            value = parse_number(found)
            if number is None or value is None or value <= 0:
                continue
            taken.append((start, end))
            yield make_fact(
                FactType.QUANTITY,
                sentence,
                sentence.start + start,
                sentence.start + end,
                value=repr(value),
                unit=found[number.end() :].strip(" -"),
                number=number.group(),
                form=form,
            )


def _stands_for_a_person(sentence: Sentence, start: int, end: int) -> bool:
    """ "The 29-year-old finished second": an age opening the sentence in place of a name
    (whose age it is, the sentence does not say); "the 18-year-old Nadal" names its person."""
    if not re.match(r"(?:The|the)\s+$", sentence.text[:start]):
        return False
    after = [t for t in sentence.tokens if t.start - sentence.start >= end]
    return not (after and after[0].tag in ("NNP", "NNPS"))


def _formula_digit(sentence: Sentence, at: int) -> bool:
    """A digit that belongs to a formula written across a line break ("O\n2")."""
    before = sentence.text[: at - sentence.start]
    return bool(re.search(r"[A-Za-z]\s*\n\s*$|[A-Za-z]$", before))
