"""Who speaks a quotation: a pronoun ("he said"), a person, or an organisation the sentence names."""

from __future__ import annotations

import re

from quizapp.nlp.model import Fact, FactType, Sentence
from quizapp.nlp.questions.quoting import inside

SPEECH_PRONOUN = re.compile(
    r"\b(?:(?P<p1>he|she)\s+(?:said|says|added|told|explained|insisted|warned|stressed|argued|"
    r"claimed|admitted|continued|noted|wrote)|(?:said|says|added|told)\s+(?P<p2>he|she))\b"
)


def people_outside_quotes(
    mentions: dict[int, tuple[Fact, ...]], sentence: Sentence, quotes: list[tuple[int, int, bool]]
) -> bool:
    return any(
        f.type is FactType.PERSON and not inside(tuple(quotes), f.start, f.end)
        for f in mentions.get(sentence.index, ())
    )


# "Orange said", "a BAA spokesman told": a body (or its unnamed spokesman) as the subject of
# the reporting verb ("Yukos spokesman Mike Lake said" is a person's words)...
_BODY_SAYS = re.compile(
    r"^(?:['’]s?)?(?:\s+[a-z][\w-]*){0,3}?\s+(?:has\s+|had\s+)?"
    r"(?:said|says|added|told|stated|insisted|warned|claimed)\b"
)
# ...or after it: "said Orange", "said a spokesman for the Department of Health".
_SAYS_BODY = re.compile(
    r"\b(?:said|says|added|according\s+to)\s+(?:(?:an?|the)\s+)?"
    r"(?:[a-z-]+\s+(?:for|of|at)\s+(?:the\s+)?)?$"
)


def body_speaks(
    mentions: dict[int, tuple[Fact, ...]], sentence: Sentence, quotes: list[tuple[int, int, bool]]
) -> bool:
    """Whether the quotation's speaker is an organisation the sentence names as such ("...,"
    Orange said in a statement; a BAA spokesman said: "..."), with no "he said" to resolve."""
    text = sentence.text
    unquoted = [(m.start(), m.end()) for m in SPEECH_PRONOUN.finditer(text)]
    if any(not inside(tuple(quotes), sentence.start + s, sentence.start + e) for s, e in unquoted):
        return False  # "Asked about Labour, he said: ...": the speaker is "he"
    for f in mentions.get(sentence.index, ()):
        if f.type is not FactType.ORGANISATION or inside(tuple(quotes), f.start, f.end):
            continue
        a, b = f.start - sentence.start, f.end - sentence.start
        if _BODY_SAYS.match(text[b:]) or _SAYS_BODY.search(text[:a]):
            return True
    return False
