"""The article before a blank: "a" or "an" as the options (or a typed answer) are spoken.

``Stem.with_blank`` writes "a(n) _____" so that the article cannot tell which option starts
with a vowel sound. Once the options are known, an article every option takes is printed
as it is ("there would be a _____ shortfall": $348bn, $427bn, $523bn, $777bn). Where the
options disagree, or a typed answer would take "an" (a strong hint: "an _____-year low" is
eight, eleven or eighteen), the item is not made, unless the typed answer is a whole noun
phrase: then the blank takes the article in ("it is _____.", marking ignores a leading "an").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.nlp.model import BLANK

_EITHER = re.compile(r"(?<![\w'’-])([Aa])\(n\)(\s+)(?=" + re.escape(BLANK) + ")")
_ARTICLE = re.compile(r"(?<![\w'’(-])([Aa]n?)\s+(?=" + re.escape(BLANK) + ")")

# Letters whose names open on a vowel sound ("an MP", "an FBI agent").
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
# Vowel-letter words spoken with a "y" or "w" sound ("a union", "a one-off", "a euro").
_CONSONANT_SOUND = re.compile(r"^(?:uni|use|usu|uti|uto|ura|ure|uri|euro|eu|one\b|once|ewe)")
# Words whose "h" is not spoken ("an hour").
_SILENT_H = re.compile(r"^(?:hour|honest|honou?r|heir)")
_NUMBER = re.compile(r"^(\d[\d,]*)(?:\.\d+)?")
# "an _____" before the end of a clause or a word that cannot go on its noun phrase.
_AN_BEFORE_WHOLE_PHRASE = re.compile(
    r"(?<![\w'’(-])([Aa]n)\s+(?="
    + re.escape(BLANK)
    + r"(?:\s*(?:[.,;:!?)]|$)|\s+(?:in|on|at|of|for|with|by|from|to|and|or|that|which|who|due|"
    r"because|as|is|was|are|were|has|had|have|will|would|could|can|may|might|when|while)\b))"
)


def spoken_article(option: str) -> str | None:
    """ "a" or "an" for an option as it is read aloud ("an £88m fortune", "a £67m one", "an
    18-year low", "an MP"), or None when it cannot be told (a bare four-digit number read
    as a year, a word acronym such as NATO)."""
    text = option.strip().lstrip("\"“‘'(")
    text = re.sub(r"^(?:US|A|C|HK|NZ)?[$£€¥]\s*", "", text)
    number = _NUMBER.match(text)
    if number:
        return _number_article(number.group(1))
    word = re.match(r"[A-Za-z]+", text)
    if word is None:
        return None
    word_text = word.group()
    if word_text.isupper() and len(word_text) > 1:
        if len(word_text) > 3:
            return None  # NATO, UNESCO: read as words or as letters, the stem cannot tell
        return "an" if word_text[0] in _VOWEL_LETTERS else "a"
    lower = word_text.lower()
    if lower[0] in "aeiou":
        return "a" if _CONSONANT_SOUND.match(lower) else "an"
    if lower[0] == "h":
        return "an" if _SILENT_H.match(lower) else "a"
    return "a"


def _number_article(digits: str) -> str | None:
    """The article before a number: "an" before eight, eleven, eighteen, eighty-odd and
    eight hundred-odd (of any thousands), "a" otherwise."""
    if "," in digits:
        lead = int(digits.split(",", 1)[0])
    else:
        value = int(digits)
        if 1100 <= value <= 1199 or 1800 <= value <= 1899:
            return None  # "eleven hundred" or "one thousand one hundred"
        lead = int(digits[: (len(digits) - 1) % 3 + 1])
    vowel = lead in (8, 11, 18) or 80 <= lead <= 89 or 800 <= lead <= 899
    return "an" if vowel else "a"


def settle_article(prompt: str, options: Sequence[str]) -> str:
    """The prompt with "a(n)" before its blank made the article every option takes; the
    prompt unchanged when they disagree (the item then fails ``article_problems``)."""
    match = _EITHER.search(prompt)
    if match is None:
        return prompt
    articles = {spoken_article(option) for option in options}
    if len(articles) != 1 or None in articles:
        return prompt
    (article,) = articles
    word = article if match.group(1) == "a" else article.capitalize()
    return prompt[: match.start()] + word + match.group(2) + prompt[match.end() :]


def absorb_an(prompt: str, answer: str) -> str:
    """The prompt with "an" before a typed answer's blank left out where the answer is the
    whole noun phrase ("it is an _____." -> "it is _____."): the blank then stands for "an
    igneous rock", and the article no longer tells the answer's first sound. A number keeps
    its article ("an _____-year low"): the item is then not made."""
    if _NUMBER.match(answer.strip().lstrip("$£€¥")):
        return prompt
    match = _AN_BEFORE_WHOLE_PHRASE.search(prompt)
    if match is None:
        return prompt
    rest = prompt[match.end() :]
    if match.start() == 0:
        return rest
    return prompt[: match.start()] + rest


def article_problems(prompt: str, options: Sequence[str], *, typed: bool) -> list[str]:
    """What the article before the blank gets wrong: "a(n)" left in (no teacher prints it),
    an article one of the options does not take (it tells the key from the others), or "an"
    before a typed answer (it tells the answer's first sound)."""
    if _EITHER.search(prompt):
        return ["'a(n)' before the blank"]
    match = _ARTICLE.search(prompt)
    if match is None:
        return []
    article = match.group(1).lower()
    if typed:
        return (
            ["'an' before a typed blank tells the answer's first sound"] if article == "an" else []
        )
    spoken = [spoken_article(option) for option in options]
    if any(s is not None and s != article for s in spoken):
        return [f"an option does not take '{article}' before the blank"]
    return []
