"""Which answers a typed item (fill-in, short answer) can mark fairly, and which need options."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.nlp.model import Document, Fact, FactType

# Two names joined by a hyphen, the first of several words: "Manchester United-Arsenal" is a
# fixture a student writes "Man Utd v Arsenal", "Manchester United against Arsenal", ...
_JOINED_NAMES = re.compile(
    r"^((?:[A-Z][\w.']*\s+)+[A-Z][\w.']*)-([A-Z][\w.']*(?:\s+[A-Z][\w.']*)*)$"
)


def typed_fairly(fact: Fact, answer: str, accepted: Sequence[str], doc: Document | None) -> bool:
    """Whether a typed answer can be marked fairly from the answer and its accepted forms.

    A common-noun phrase of several words is a description, and students describe the same
    thing in many words ("budget airlines" for "low-cost airlines", "unsecured PC" for
    "unprotected computer"): it is asked with options, or not at all. So are two names made
    into one ("Manchester United-Arsenal") and a long name no shorter form is accepted for
    ("Global Sports Communications"): the one exact spelling would be all that counts.
    """
    words = answer.split()
    if fact.type is FactType.OTHER and fact.attr("form") != "name":
        return len(words) == 1
    if doc is not None and _two_names_joined(answer, doc.text):
        return False
    named_body = fact.type is FactType.ORGANISATION or (
        fact.type is FactType.OTHER and fact.attr("form") == "name"
    )
    if named_body and len([w for w in words if w[:1].isupper()]) >= 3:
        return any(len(form.split()) < 3 for form in accepted)
    return True


def _two_names_joined(answer: str, text: str) -> bool:
    """Whether the answer is two names the article also gives apart, joined by a hyphen
    ("Manchester United-Arsenal"), not one hyphenated name ("Andrew Lloyd-Webber")."""
    match = _JOINED_NAMES.match(answer)
    if match is None:
        return False
    left, right = match.group(1), match.group(2)
    return bool(
        re.search(rf"(?<![\w-]){re.escape(left)}(?![\w-])", text)
        and re.search(rf"(?<![\w-]){re.escape(right)}(?![\w-])", text)
    )
