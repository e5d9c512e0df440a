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

_THIS_PHRASE = re.compile(
    r"(This|These)\s+([a-z][a-z-]*)\b(?!\s+[a-z][a-z-]*\s+(?:is|are|was|were)\b)"
)


def name_this_opening(
    doc: Document, body: str, lead: int, a: int, sentence: Sentence
) -> tuple[int, int, str] | None:
    """The edit that names an opening "This <noun>" from the sentence before, or None."""
    from quizapp.nlp.salience import textbook_prose

    if sentence.index == 0 or not textbook_prose(doc):
        return None
    match = _THIS_PHRASE.match(body)
    if match is None:
        return None
    start, end = lead + match.start(), lead + match.end()
    if end > a:
        return None  # the answer itself is in the opening phrase
    head = match.group(2)
    token = next(
        (t for t in sentence.tokens if t.start - sentence.start == lead + match.start(2)), None
    )
    # ("coupling" in "This coupling between ..." is tagged as a gerund.)
    if token is None or token.tag not in ("NN", "NNS", "VBG"):
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
    if len(named) != 1:
        return None  # none, or two ("an igneous rock or a sedimentary rock"): which one?
    return (start, end, "The " + next(iter(named)))
