"""An opening "It" named from a chain of subjects: the thing the sentences before were about.

"Yukos has claimed it sought help in the US ... It has claimed that Russia imposed the tax
bill": a reader takes "It" for the subject of the sentence before (and of the one before that,
when that too opens on "It"). The stem names it, "Yukos has claimed that ...", only where no
other reading is likely: the earlier sentence opens on one named thing (an organisation, a
place, a title) that is directly followed by its verb, and "It" is followed by a verb that says
what the thing did ("It took", "It has claimed"), never the "It is ...", "It was announced ..."
that point at nothing.
"""

from __future__ import annotations

import re

from quizapp.nlp.model import Document, Fact, FactType, Sentence

# How many sentences the chain of "It" subjects may run back.
_LOOKBACK = 3
_FINITE = ("VBD", "VBZ", "VBP", "MD")
# After "It": a copula or a verb of seeming says nothing the thing did.
_NOT_DONE = frozenset(
    {"is", "was", "s", "seems", "seemed", "appears", "appeared", "remains", "remained"}
    | {"means", "meant", "looks", "looked", "sounds", "sounded", "feels", "felt", "takes"}
)
# Auxiliaries that need a main verb after them to say what was done ("It has claimed").
_AUXILIARY = frozenset(
    {"has", "had", "will", "would", "may", "might", "could", "can", "should", "must", "did"}
    | {"does"}
)
# "It has been announced", "It will be ...": passive or copula after the auxiliary.
_NO_AGENT_AFTER = frozenset({"been", "be", "become", "emerged", "to", "not", "also", "now"})
_IT = re.compile(r"It\s+(\w+)(?:\s+(\w+))?")


def _says_what_it_did(sentence: Sentence, body: str) -> bool:
    """Whether "It" opens a clause saying what the thing did: "It took $19.1m", "It has
    claimed that ..." (not "It is thought", "It was announced", "It has been a year")."""
    match = _IT.match(body)
    if match is None:
        return False
    verb = match.group(1).lower()
    if verb in _NOT_DONE:
        return False
    tags = {t.text.lower(): t.tag for t in sentence.tokens[:5]}
    if verb in _AUXILIARY:
        main = (match.group(2) or "").lower()
        return bool(main) and main not in _NO_AGENT_AFTER and tags.get(main, "") in ("VBN", "VB")
    return tags.get(verb) in ("VBD", "VBZ")


def _named_subject(sentence: Sentence, mentions: dict[int, tuple[Fact, ...]]) -> str | None:
    """The one named thing the sentence opens on, as the article writes it, directly followed
    by its verb ("Yukos has claimed", "Software firm Novell said"); None otherwise."""
    found = sorted(mentions.get(sentence.index, ()), key=lambda f: f.start)
    if not found:
        return None
    first = found[0]
    named = first.type in (FactType.ORGANISATION, FactType.PLACE) or (
        first.type is FactType.OTHER and first.attr("form") == "name"
    )
    if not named:
        return None
    before = sentence.text[: first.start - sentence.start]
    words = before.split()
    # A descriptor only ("US firm", "Software giant"): any capitalised word after the first
    # may be the rest of a name the extraction cut ("Comedy Meet The Fockers").
    if len(words) > 3 or re.search(r"[^\w\s'’-]", before):
        return None
    if any(w[:1].isupper() for w in words[1:]) or (words and words[0].lower() in ("it", "its")):
        return None
    following = [t for t in sentence.tokens if t.start >= first.end]
    if following and following[0].tag == "RB":
        following = following[1:]  # "Rosneft already faces ..."
    if not following or following[0].tag not in _FINITE:
        return None
    return first.text


def named_it(
    doc: Document,
    body: str,
    lead: int,
    sentence: Sentence,
    mentions: dict[int, tuple[Fact, ...]],
) -> list[tuple[int, int, str]] | None:
    """The edit naming an opening "It" after the chain of subjects before it, or None."""
    if not _says_what_it_did(sentence, body):
        return None
    for back in range(1, _LOOKBACK + 1):
        index = sentence.index - back
        if index < 0:
            return None
        earlier = doc.sentences[index]
        if re.match(r"\W*It\s", earlier.text):
            if not _says_what_it_did(earlier, earlier.text.lstrip("\"“‘'( ")):
                return None  # "It is ..." before: the chain is not one of doings
            continue
        name = _named_subject(earlier, mentions)
        return None if name is None else [(lead, lead + 2, name)]
    return None
