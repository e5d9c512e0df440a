"""An opening description the blank itself pins down: "The owners of oil giant _____ ...".

"The owners of embattled Russian oil giant Yukos are to ask ..." opens on a description that
names no one but through its answer; with the answer blanked the stem still says which owners
it means (those of the oil giant asked), so the description stands as written. Only a head
noun followed at once by "of" or "by" and the answer (a few describing words between, none a
preposition), the answer a name, and the sentence's verb right after it ("... Yukos are to
ask", "... Labour's donations came"): never "The first ferry to _____" (from where?), "The
deficit with _____", "The 29-year-old finished second to _____" (the description itself names
nobody), nor one broken by an aside.
"""

from __future__ import annotations

import re

from quizapp.nlp.model import Fact, FactType, Sentence
from quizapp.nlp.questions.references import Description
from quizapp.nlp.questions.wh_tokens import FINITE

_NAMED = (FactType.ORGANISATION, FactType.PERSON, FactType.PLACE)
# The head, then its preposition and at most four describing words before the answer.
_LINK = re.compile(r"^\s+(?:of|by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$")
# Between the answer and the verb: at most a possessive and the noun it governs.
_AFTER = re.compile(r"^(?:['’]s?(?:\s+[a-z][\w-]*){1,3})?\s*$")


def described_by_answer(sentence: Sentence, fact: Fact, description: Description) -> bool:
    """Whether the opening description is pinned down by the answer that completes it."""
    named = fact.type in _NAMED or (fact.type is FactType.OTHER and fact.attr("form") == "name")
    if not named:
        return False
    text = sentence.text
    a, b = fact.start - sentence.start, fact.end - sentence.start
    link = text[description.end : a]
    if not _LINK.match(link):
        return False
    between = [t for t in sentence.tokens if description.end <= t.start - sentence.start < a]
    if any(t.tag in FINITE or t.tag == "IN" for t in between[1:]):
        return False  # "The arrival of foreign banks in _____": not what the head is of
    verbs = [t for t in sentence.tokens if t.start - sentence.start >= b and t.tag in FINITE]
    if not verbs:
        return False
    return _AFTER.match(text[b : verbs[0].start - sentence.start]) is not None
