"""A sentence without its scene-setting opening clause, where that clause leans on the article.

"When he arrived in Albany, Abercrombie refused to act until Loudoun approved." cannot be asked
as it stands ("he" is someone the article named before), but its main clause says the fact on
its own: "Abercrombie refused to act until Loudoun approved." The opening goes only where it
only sets the scene (a time, a concession, a circumstance: "When", "After", "Although", a
participle such as "Faced with this strength,"), never a condition ("If", "Unless", "Had ...")
whose loss would change what the rest claims, and only where the main clause opens on a name
followed by its own verb, so that what is kept says who did what.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, TypeVar

from quizapp.nlp.model import Document, Fact, Sentence

_Made = TypeVar("_Made")

# Openings that set the scene; "If", "Unless", "Once", "Until", "Had", "Were", "Should" state
# conditions and stay.
_SCENE_SETTERS = frozenset(
    {"when", "after", "before", "while", "whilst", "as", "although", "though", "since"}
)
# Words in the opening that make the sentence lean on the article: the reason to drop it.
_LEANING = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"}
    | {"this", "these", "that", "those", "such", "later", "earlier", "same"}
)
# Words in the main clause that point back at the dropped opening or the article.
_POINTS_BACK = frozenset(
    {"also", "too", "again", "instead", "then", "same", "this", "these", "those", "there"}
    | {"such", "thus", "therefore"}
)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A main clause that would only hold under the condition the opening states.
_UNREAL = frozenset({"would", "could", "might"})
_MAX_OPENING_WORDS = 16
_QUOTES = re.compile(r"[\"“”‘’]|'(?!s\b)")


def main_clause(sentence: Sentence, fact: Fact) -> Sentence | None:
    """The sentence cut to its main clause, where its opening clause leans on the article and
    the fact lies in what is kept; None otherwise."""
    tokens = sentence.tokens
    if len(tokens) < 6 or sentence.text.rstrip().endswith("?"):
        return None
    first = tokens[0]
    scene = first.text.lower() in _SCENE_SETTERS
    participle = first.tag in ("VBN", "VBG") and first.text[:1].isupper()
    if not (scene or participle):
        return None
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma > _MAX_OPENING_WORDS or comma + 3 >= len(tokens):
        return None
    opening = tokens[:comma]
    cut = tokens[comma + 1].start - sentence.start
    if fact.start - sentence.start < cut:
        return None  # the fact is in the opening
    opening_text = sentence.text[:cut]
    if _QUOTES.search(opening_text) or "(" in opening_text:
        return None
    if not any(t.text.lower() in _LEANING for t in opening):
        return None  # the sentence does not lean on the opening: nothing to gain by cutting
    kept = tokens[comma + 1 :]
    names = 0
    while names < len(kept) and kept[names].tag in ("NNP", "NNPS"):
        names += 1
    if names == 0 or names + 1 >= len(kept):
        return None  # "the expedition was ...": what is kept must say who
    verb = kept[names]
    if verb.tag == "RB" and names + 2 < len(kept):
        verb = kept[names + 1]
    if verb.tag not in _FINITE or verb.text.lower() in _UNREAL:
        return None
    if any(t.text.lower() in _POINTS_BACK for t in kept):
        return None
    return Sentence(
        index=sentence.index,
        start=sentence.start + cut,
        end=sentence.end,
        text=sentence.text[cut:],
        paragraph=sentence.paragraph,
        tokens=tuple(kept),
    )


def or_main_clause(
    build: Callable[..., _Made | None],
) -> Callable[..., _Made | None]:
    """A stem builder (document, sentence, fact, ...) that, where the whole sentence gives no
    stem, tries the sentence's main clause (``main_clause``)."""

    @functools.wraps(build)
    def built(
        doc: Document, sentence: Sentence, fact: Fact, *args: Any, **kwargs: Any
    ) -> _Made | None:
        made = build(doc, sentence, fact, *args, **kwargs)
        if made is None:
            main = main_clause(sentence, fact)
            if main is not None:
                made = build(doc, main, fact, *args, **kwargs)
        return made

    return built
