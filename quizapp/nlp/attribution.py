"""Stems without their reporting tag, so the article's main source can be asked as well.

"UK house prices rose by _____ in December, the Halifax has said." prints "Halifax", which a
quiz on a Halifax survey wants to ask too. A figure or event the article reports as fact
reads well without who reported it: "UK house prices rose by _____ in December." A claim,
forecast or opinion keeps its speaker (a stem with "would", "will", "could" ... keeps the
tag), and a rest that opens on a pronoun ("he would not ...") keeps it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from quizapp.nlp.cut_stem_checks import still_named
from quizapp.nlp.model import BLANK, Item, QuestionKind

_VERBS = r"(?:said|says|reported|announced|found|showed|shows|estimated|estimates)"
_WHEN = r"(?:\s+(?:on|last|this|in|earlier)\s+[A-Za-z]+)?"
# ", the Halifax has said." / ", figures from the Bank of England showed." / ", according to X."
_TAIL = re.compile(
    rf",\s+(?P<who>[^,;:\"\u201c\u201d]{{2,70}}?)\s+(?:has\s+|have\s+|had\s+)?{_VERBS}{_WHEN}"
    r"(?=\.$)"
    r"|,\s+according to\s+(?P<source>[^,;:\"\u201c\u201d]{2,70}?)(?=\.$)"
)
# "Halifax said prices in the final quarter ..." / "The bank said that ..." / "According to
# PC Pro, producing a print ... costs £1.87."
_HEAD = re.compile(
    rf"^(?:(?:Overall|Meanwhile|Separately|However),\s+)?"
    rf"(?P<who>[A-Z][^,;:\"\u201c\u201d]{{1,60}}?)\s+(?:has\s+|have\s+|had\s+)?{_VERBS}"
    r"\s+(?:that\s+)?(?=[A-Za-z])"
    r"|^According to\s+(?P<opening>[^,;:\"\u201c\u201d]{2,70}?),\s+(?=[A-Za-z])"
)
_CLAIM = re.compile(
    r"\b(?:would|will|could|may|might|should|can|must|believes?|expects?|predicts?|"
    r"hopes?|fears?|plans?)\b",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(
    r"^(?:he|she|it|they|we|i|you|his|her|its|their|this|these|those|there)\b", re.IGNORECASE
)
_KINDS = frozenset(
    {
        QuestionKind.MULTIPLE_CHOICE,
        QuestionKind.FILL_IN,
        QuestionKind.SHORT_ANSWER,
        QuestionKind.NUMERIC,
    }
)
MIN_WORDS = 6


def untagged_variants(
    items: Iterable[Item], asked: Sequence[str], names: frozenset[str] | None = None
) -> list[Item]:
    """Each item again without a reporting tag that prints another asked fact's text."""
    out = []
    for item in items:
        prompt = untagged_prompt(item, asked, names)
        if prompt is not None:
            out.append(replace(item, prompt=prompt))
    return out


def untagged_prompt(
    item: Item, asked: Sequence[str], names: frozenset[str] | None = None
) -> str | None:
    """The item's prompt without its reporting tag, or None where the tag must stay. With the
    article's ``names``, an opening speaker goes only where the rest still names what it is
    about ("Lyric chairman X has said that rebuilding the theatre ..." keeps its speaker:
    "Rebuilding the theatre ..." says no theatre)."""
    if item.kind not in _KINDS or item.blanks or BLANK not in item.prompt:
        return None
    own = {f.text for f in (*item.facts, item.fact)}
    prompt = item.prompt
    for pattern in (_TAIL, _HEAD):
        match = pattern.search(prompt)
        if match is None:
            continue
        groups = match.groupdict()
        who = groups.get("who") or groups.get("source") or groups.get("opening") or ""
        if BLANK in who or not any(a in who and a not in own for a in asked):
            continue
        rest = prompt[: match.start()] + prompt[match.end() :]
        if _CLAIM.search(rest) or _PRONOUN_START.match(rest.lstrip("\"'")):
            return None
        rest = rest.strip()
        if pattern is _HEAD:
            rest = rest[:1].upper() + rest[1:]
            if names is not None and not still_named(prompt, rest, names):
                return None
        words = re.findall(r"[A-Za-z0-9]+", rest.replace(BLANK, " "))
        if len(words) < MIN_WORDS or BLANK not in rest:
            return None
        return rest
    return None
