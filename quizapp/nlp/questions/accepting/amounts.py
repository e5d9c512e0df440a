"""Accepted forms of numbers and dates: digits or words, with or without unit, scale or order."""

from __future__ import annotations

import re

from quizapp.nlp.dates import MONTHS
from quizapp.nlp.model import Document, Fact
from quizapp.nlp.numbers import NUMBER_WORDS, number_variants, parse_number
from quizapp.nlp.questions.accepting.lexicon import lexicon_word

_NUMBER_PART = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
_MONTH = "|".join(MONTHS)
_DAY_MONTH = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})(,?\s+\d{{4}})?$")
_MONTH_YEAR = re.compile(rf"^({_MONTH})\s+(\d{{4}})$")
# The short forms of month names people write ("Sept 11", "11 Nov").
_MONTH_SHORT = {
    month: (("Sept", "Sep") if month == "September" else (month[:3],))
    for month in MONTHS
    if len(month) > 4
}
_MONTH_SHORT["June"] = ("Jun",)
_MONTH_SHORT["July"] = ("Jul",)
_MONTH_DAY = re.compile(rf"^({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(,?\s+\d{{4}})?$")


def number_forms(fact: Fact, answer: str, text: str = "") -> list[str]:
    """'1,360 km' -> '1360 km', '1,360', '1360'; 'three gold medals' -> 'three', '3', '3 gold medals'.
    A number cut from "1.6 million copies" never takes the unit without its scale ("1.6 copies"
    is another number)."""
    out: list[str] = []
    number = _NUMBER_PART.search(answer)
    if number:
        for variant in number_variants(number.group()):
            out.append(answer.replace(number.group(), variant))
            out.append(variant)
        unit = fact.attr("unit")
        # Where the number stands in the article: the fact may be the whole quantity or only
        # its number ("1.6" of "1.6 million copies").
        source = text[fact.start : fact.end + 20] if text else fact.text
        at = source.find(number.group())
        scaled = at >= 0 and _SCALE_AFTER.match(source[at + len(number.group()) :]) is not None
        if unit and unit not in answer and not scaled:
            out += [f"{variant} {unit}" for variant in number_variants(number.group())]
        if scaled and not _SCALE_AFTER.match(answer[number.end() :]):
            # "_____ million people": "22 million" and "22m" name the same number.
            after = source[at + len(number.group()) :].lstrip().lower()
            short = next((k for k, v in _SCALE_LONG.items() if after.startswith((v, k))), None)
            money = source[at - 1 : at] in _CURRENCY_WORDS or _MONEY_AFTER.match(after)
            if short and (money or after.startswith(_SCALE_LONG[short])):
                # A bare "m" or "k" is a million or thousand only in money ("_____m pesos");
                # "_____m per second" is metres.
                out += [f"{number.group()} {_SCALE_LONG[short]}", f"{number.group()}{short}"]
        if answer.endswith("%") or (unit == "%" and not scaled):
            # Newspapers print "%", students write it out.
            out += [f"{number.group()} per cent", f"{number.group()} percent"]
        value = parse_number(number.group())
        if value is not None and value == int(value):
            word = next((w for w, n in NUMBER_WORDS.items() if n == value and w != "dozen"), None)
            if word:
                out.append(word)
                # "eleven people" for "11 people", never "$elevenbn" for "$11bn".
                before = answer[: number.start()]
                after = answer[number.end() :]
                if not before.strip() and after[:1] in ("", " "):
                    out.append(answer.replace(number.group(), word))
        if not _metres(fact, answer, text):
            out += _scale_words(answer)
        out += _currency_words(answer)
        return out
    first = answer.split()[0] if answer.split() else ""
    if first.lower() in NUMBER_WORDS:
        digits = str(NUMBER_WORDS[first.lower()])
        rest = answer[len(first) :]
        out += [first, digits, (digits + rest).strip()]
    return out


_SCALE_SHORT = re.compile(r"(?<=\d)\s?(bn|m|tn|k)\b")
_SCALE_LONG = {"bn": "billion", "m": "million", "tn": "trillion", "k": "thousand"}


_SCALE_WORD = re.compile(r"(?<=\d)\s(billion|million|trillion)\b")
_SCALE_SHORT_OF = {long: short for short, long in _SCALE_LONG.items() if short != "k"}


def _scale_words(answer: str) -> list[str]:
    """ "$11bn" is also typed "$11 billion", "11 billion" or "11bn"; "£5m" as "£5 million";
    and "£75 million" as "£75m", "75 million" or "75m"."""
    match = _SCALE_SHORT.search(answer)
    if not match:
        word = _SCALE_WORD.search(answer)
        if not word or answer[:1] not in "$£€¥":
            return []
        short = answer[: word.start()] + _SCALE_SHORT_OF[word.group(1)] + answer[word.end() :]
        return [short, answer[1:], short[1:]]
    long = answer[: match.start()] + " " + _SCALE_LONG[match.group(1)] + answer[match.end() :]
    bare = re.sub(r"^[$£€¥]", "", answer)
    return [long, re.sub(r"^[$£€¥]", "", long), bare]


_MONEY_AFTER = re.compile(
    r"^(?:bn|m|tn|k)\s+(?:dollars|pounds|euros|yen|yuan|pesos|rupees|roubles|rubles|francs)\b"
)


def _metres(fact: Fact, answer: str, text: str) -> bool:
    """Whether the "m" after a number is metres ("17m per second", "508m tall"), not a
    million ("22m people", "$17m"): a million counts things, so a plural noun follows it."""
    if not answer.endswith("m") or fact.attr("form") == "money" or answer[:1] in "$£€¥":
        return False
    following = re.match(r"\s+([a-z]+)", text[fact.end :]) if text else None
    return following is None or lexicon_word(following.group(1)) != "NNS"


_CURRENCY_WORDS = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"}
_AMOUNT = re.compile(
    r"^([$£€¥])(\d[\d,]*(?:\.\d+)?)\s?(bn|m|tn|k|billion|million|trillion|thousand)?$"
)


def _currency_words(answer: str) -> list[str]:
    """ "$11bn" is also typed "11 billion dollars" and "£5m" "5 million pounds"."""
    match = _AMOUNT.match(answer)
    if not match:
        return []
    sign, number, scale = match.groups()
    scale = _SCALE_LONG.get(scale or "", scale or "")
    return [" ".join(w for w in (number, scale, _CURRENCY_WORDS[sign]) if w)]


_SCALE_AFTER = re.compile(r"\s*(?:million|billion|trillion|thousand|hundred|m|bn|tn|k)\b", re.I)


def date_forms(answer: str) -> list[str]:
    """'11 November' <-> 'November 11', with and without 'th' ('11th November')."""
    match = _DAY_MONTH.match(answer)
    if match:
        day, month, year = match.group(1), match.group(2), match.group(3) or ""
    else:
        match = _MONTH_DAY.match(answer)
        if not match:
            return []
        month, day, year = match.group(1), match.group(2), match.group(3) or ""
    n = int(day)
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL_SUFFIX.get(n % 10, "th")
    year = year.strip(", ")
    tail = f" {year}" if year else ""
    comma = f", {year}" if year else ""
    forms = [
        f"{n} {month}{tail}",
        f"{n}{suffix} {month}{tail}",
        f"{month} {n}{comma}",
        f"{month} {n}{suffix}{comma}",
        f"{month} {n}{tail}",
    ]
    for short in _MONTH_SHORT.get(month, ()):
        forms += [f"{n} {short}{tail}", f"{short} {n}{comma}"]
    # In figures, day first as in Britain and month first as in America ("9/11").
    m = MONTHS.index(month) + 1
    slash = f"/{year}" if year else ""
    forms += [f"{n}/{m}{slash}", f"{m}/{n}{slash}"]
    return forms


def month_year_forms(answer: str, text: str = "") -> list[str]:
    """ "September 2004" as "Sept 2004"; the year alone where the article names that year only
    in this date, and the month alone where it names that month only there (so either can only
    mean this date: graders failed "May 2005" refusing "May")."""
    match = _MONTH_YEAR.match(answer)
    if not match:
        return []
    month, year = match.group(1), match.group(2)
    out = [f"{short} {year}" for short in _MONTH_SHORT.get(month, ())]
    if text and len(re.findall(rf"(?<![\d/-]){year}(?![\d/-])", text)) == 1:
        out.append(year)
    if text and len(re.findall(rf"\b{month}\b", text)) == 1:
        out.append(month)
    return out


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ON_WEEKDAY = re.compile(r"\bon\s+(" + "|".join(_WEEKDAYS) + r")\b")
# A name inside a sentence: a capitalised word after another word, not a month or a weekday.
_INNER_NAME = re.compile(r"(?<=\w[\s'’])([A-Z][a-z]{2,}\w*)")


def weekday_forms(fact: Fact, answer: str, doc: Document) -> list[str]:
    """The weekday the article gives the same event a day-and-month date is for ("The Oscars
    will take place on _____" with "27 February", where the article opens on "the Oscars on
    Sunday"): the student who writes "Sunday" read it right. Only where one weekday is given
    in another sentence that shares a name with the date's."""
    if not (_DAY_MONTH.match(answer) or _MONTH_DAY.match(answer)):
        return []
    if not 0 <= fact.sentence < len(doc.sentences):
        return []
    names = _names(doc.sentences[fact.sentence].text)
    found = {
        match.group(1)
        for sentence in doc.sentences
        if sentence.index != fact.sentence and names & _names(sentence.text)
        for match in _ON_WEEKDAY.finditer(sentence.text)
    }
    return list(found) if len(found) == 1 else []


def _names(text: str) -> set[str]:
    return {
        n.rstrip("s") for n in _INNER_NAME.findall(text) if n not in MONTHS and n not in _WEEKDAYS
    }
