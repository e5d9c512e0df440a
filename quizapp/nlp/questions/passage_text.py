"""The words of a passage: which rewrites of its opening sentence it keeps, and which
openings and pronouns leave a reader without what they refer to."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from quizapp.nlp.model import BLANK, Fact, FactType, Sentence
from quizapp.nlp.questions.base import BuildContext

_OPENING_PRONOUN = re.compile(r"^(?:But |And |However, )?(?:He|She|His|Her|They|Their)\b")
DESCRIBED_SUBJECT = re.compile(r"^(?:The|This|That|A|An)\s+[a-z]")
# A subject of a few common words and straight on to its verb: "The finished image is ...".
BARE_DESCRIPTION = re.compile(
    r"^The\s+(?:[a-z0-9][\w,.-]*\s+){1,3}(?:is|are|was|were|has|have|had|will)\b"
)
POINTS_BACK = re.compile(r"\b(?:meanwhile|however|also|instead|too|though|then)\b", re.I)


def rewritten_at_the_opening(sentence: Sentence, text: str, ctx: BuildContext) -> bool:
    """Whether the stand-alone rewrite of the passage's opening sentence changed only its
    opening words (a pronoun resolved, "But" dropped), a dropped "also", or "Mr X" into a
    full name: a word put in mid-sentence ("the film Oscar won") is a misreading. And an
    opening "He" is resolved only where the sentence before does not open on a description
    ("The former France boss ... Mark Hughes. He ...": the nearest name is not the subject)."""
    original = sentence.text.split()
    rewritten = text.split()
    matcher = difflib.SequenceMatcher(a=original, b=rewritten, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or i1 == 0:
            continue
        removed, added = original[i1:i2], rewritten[j1:j2]
        if op == "delete" and [w.lower() for w in removed] == ["also"]:
            continue
        titled = removed and re.fullmatch(r"(?:Mr|Mrs|Ms|Miss|Dr)\.?", removed[0])
        if op == "replace" and titled and added and added[-1] == removed[-1]:
            continue
        return False
    if _OPENING_PRONOUN.match(sentence.text) and sentence.index > 0:
        previous = ctx.doc.sentences[sentence.index - 1]
        if DESCRIBED_SUBJECT.match(previous.text):
            return False
    return True


_HE_SHE = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.I)


def pronoun_before_a_name(text: str, gaps: Sequence[tuple[int, Fact]]) -> bool:
    """Whether "he" or "she" comes before the passage names anyone ("As a result he misses
    ..."): the person is in an earlier sentence of the article, not in the passage."""
    found = _HE_SHE.search(text)
    if not found:
        return False
    before = text[: found.start()]
    if before.count(BLANK) and any(
        f.type is FactType.PERSON for _, f in gaps[: before.count(BLANK)]
    ):
        return False
    # A name printed before the pronoun: two capitalised words, or a titled surname.
    names = re.findall(r"\b[A-Z][a-z][\w'’-]*\s+[A-Z][\w'’-]+", before.replace(BLANK, " "))
    return not names
