"""A textbook sentence opening on "This rock" or "These advances", named from the sentence before.

Encyclopedia and textbook prose carries its subject from one sentence to the next with a
demonstrative: "When a rock crystallizes from melt, it is an igneous rock. This rock can be
weathered ...". Where the sentence before speaks of exactly one such thing with the same head
noun, the stem says which ("The igneous rock can be weathered ..."); otherwise the sentence is
left alone, as before. Only in textbook prose (salience.textbook_prose): in a news story "This
system" points at whatever the story was about, often more than a phrase away.
"""

from __future__ import annotations

import re

from quizapp.nlp.model import Document, Sentence

_THIS = re.compile(r"(This|These)\s+")
# The words of "This biogeochemical cycle": lower-case adjectives and nouns, at most three.
_DESCRIBING_TAGS = frozenset({"JJ", "NN", "NNS", "VBG"})
MAX_DESCRIPTION_WORDS = 3


def name_this_opening(
    doc: Document, body: str, lead: int, a: int, sentence: Sentence
) -> tuple[int, int, str] | None:
    """The edit that names an opening "This <noun>" from the sentence before, or None."""
    from quizapp.nlp.salience import textbook_prose

    if sentence.index == 0 or not textbook_prose(doc):
        return None
    match = _THIS.match(body)
    if match is None:
        return None
    words = _description(sentence, lead + match.end())
    if not words:
        return None
    start, end = lead + match.start(), words[-1].end - sentence.start
    if end > a:
        return None  # the answer itself is in the opening phrase
    head = words[-1].text
    # ("coupling" in "This coupling between ..." is tagged as a gerund.)
    if words[-1].tag not in ("NN", "NNS", "VBG"):
        return None
    before = doc.sentences[sentence.index - 1].text
    found = {
        m.group(1)
        for m in re.finditer(
            rf"\b(?:[Aa]n?|[Tt]he)\s+((?:[a-z][a-z-]*\s+){{0,2}}{re.escape(head)})\b(?![-\w])",
            before,
        )
    }
    # A bare "a rock" before "an igneous rock" is the same thing, said before it is named.
    named = found - {head}
    if len(named) == 1:
        return (start, end, "The " + next(iter(named)))
    if found:
        return None  # two ("an igneous rock or a sedimentary rock"): which one?
    # "Newton's First Law of Motion states ... This law is ...": the name before, as written.
    titled = {
        m.group(0)
        for m in re.finditer(
            rf"(?:[A-Z][a-z]+'s\s+)?(?:[A-Z][a-z]+\s+){{0,3}}{re.escape(head.title())}"
            rf"(?:\s+of\s+[A-Z][a-z]+)?\b",
            before,
        )
        if len(m.group(0).split()) > 1  # a bare "Law" is no name
    }
    if len(titled) != 1 or len(words) > 1:
        return None  # none, two, or "This new law": more than the name says
    return (start, end, next(iter(titled)))


def _description(sentence: Sentence, at: int) -> list:
    """The lower-case words after "This" up to its head noun ("biogeochemical cycle"), or []
    when the phrase runs on (a verb the tagger took for a noun) or holds a capital."""
    tokens = [t for t in sentence.tokens if t.start - sentence.start >= at]
    words = []
    for token in tokens:
        if token.tag not in _DESCRIBING_TAGS or not token.text.islower():
            break
        words.append(token)
    if not words or len(words) > MAX_DESCRIPTION_WORDS:
        return []
    # "This rock type is ...": the last word is the head; a participle after it is the verb.
    while words and words[-1].tag == "VBG" and len(words) > 1:
        words.pop()
    return words
