"""The class of a proper-name run: organisation, person, place or other, from the cues around it."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from quizapp.nlp.facts.name_runs import _ACRONYM
from quizapp.nlp.facts.name_words import (
    CONNECTORS,
    GEO_ADJECTIVES,
    LOCATIVE,
    NAME_PARTICLES,
    ORG_CUES_AFTER,
    ORG_CUES_BEFORE,
    ORG_HEADS,
    PLACE_FIRST,
    PLACE_HEADS,
    STATES,
    THING_HEADS,
)
from quizapp.nlp.gazetteers import COUNTRY_ALIASES, demonyms, organisations, place_kind, role_words
from quizapp.nlp.model import Token

if TYPE_CHECKING:  # names.py imports this module; the index is only named in a signature
    from quizapp.nlp.facts.names import NameIndex


@lru_cache(maxsize=1)
def _organisation_names() -> frozenset[str]:
    return frozenset(name for _, name in organisations())


@lru_cache(maxsize=1)
def _organisation_acronyms() -> frozenset[str]:
    return frozenset(acronym for acronym, _ in organisations())


_SAYING = frozenset({"said", "says", "reported", "reports", "announced", "added", "warned"})


def _classify(words: list[str], tokens: tuple[Token, ...], i: int, j: int, index: NameIndex) -> str:
    text = " ".join(words)
    if text in STATES:
        return "place"
    if text in COUNTRY_ALIASES or place_kind(text):
        return "place"
    if words[-1] in ORG_HEADS or text in index.acronyms or text in _organisation_names():
        return "organisation"
    if any(
        w in ORG_HEADS and k + 1 < len(words) and words[k + 1] in ("of", "for", "on")
        for k, w in enumerate(words)
    ):
        return "organisation"
    if text in _organisation_acronyms():
        return "organisation"
    if words[-1] in PLACE_HEADS or words[0] in PLACE_FIRST:
        return "place"
    if len(words) == 1:
        word = words[0]
        if word in index.surnames:
            return "person"
        if _ACRONYM.match(word) and len(word.replace(".", "")) >= 3:
            return "organisation"  # "CT", "TV": two letters are more often a thing than a body
        before = tokens[i - 1].text.lower() if i > 0 else ""
        after = tokens[j].text.lower() if j < len(tokens) else ""
        if before in ORG_CUES_BEFORE or after in ORG_CUES_AFTER:
            return "organisation"
        if before == "the" and after in _SAYING and word not in demonyms():
            return "organisation"  # "the Nationwide said": a person never takes "the"
        if before in LOCATIVE:
            return "place"
        return "other"
    if words[-1] in demonyms():
        return "other"
    if words[0] in GEO_ADJECTIVES:
        return "place"
    if any(place_kind(w) in ("country", "region") for w in words) or words[0] in demonyms():
        return "other"
    if any(w.isupper() and len(w) > 1 for w in words) or any(w[0].isdigit() for w in words):
        return "other"
    if any(w in CONNECTORS and w not in NAME_PARTICLES for w in words):
        return "other"
    if any(w in THING_HEADS or w in PLACE_HEADS or w in ORG_HEADS for w in words):
        return "other"
    if words[-1] in _VENUE_HEADS and i > 0 and tokens[i - 1].text.lower() in ("at", "'s", "’s"):
        return "other"  # "at New York's SoHo House": a venue, though "House" is a surname too
    if _named_after_a_place(words) and not (i > 0 and tokens[i - 1].text.lower() in role_words()):
        return "other"  # "Aguas de Barcelona", "Banco de Bilbao": a firm named after its city
    if 2 <= len(words) <= 4 and _could_be_given_name(words[0]):
        return "person"
    if 2 <= len(words) <= 3 and i > 0 and tokens[i - 1].text.lower() in role_words():
        return "person"  # "team-mate Chris Paterson", "prop Matt Stevens": a role names a person
    return "other"


def _named_after_a_place(words: list[str]) -> bool:
    """A name ending in a particle and a city or country ("Aguas de Barcelona"): a body named
    after its home; "Robin van Persie", "Nigel de Jong" end in a family name instead."""
    return len(words) >= 3 and words[-2] in NAME_PARTICLES and place_kind(words[-1]) is not None


# Last words of a building's name that are surnames as well ("Arthur House", "Ed Hall").
_VENUE_HEADS = frozenset({"House", "Hall", "Palace", "Tower", "Gallery", "Hotel", "Club"})

# Given names that are also English words ("Mark", "Grace"): still names at the head of a run.
WORD_GIVEN_NAMES = frozenset(
    [
        "Mark",
        "Will",
        "Grace",
        "Rose",
        "Hope",
        "Bill",
        "Frank",
        "Faith",
        "Joy",
        "Dawn",
        "Guy",
        "Pat",
        "Rob",
        "Jack",
        "Sue",
        "Gene",
        "Ray",
        "Dean",
        "Don",
        "Drew",
        "Jean",
        "Iris",
        "Ruby",
        "Pearl",
        "Violet",
        "Holly",
        "Ivy",
        "Amber",
        "Brook",
        "Carol",
        "Sky",
        "Summer",
        "April",
        "June",
        "Victor",
        "Earl",
        "Duke",
        "Prince",
        "Wade",
        "Chase",
        "Hunter",
        "Miles",
        "Rich",
        "Bob",
        "Sandy",
        "Penny",
        "Lily",
        "Daisy",
        # Common given names the tagger's lexicon files as common nouns ("john", "william").
        "John",
        "William",
        "Terry",
        "Louis",
        "Bobby",
        "Donna",
        "Maria",
        "Heather",
    ]
)
GEO_FIRST = frozenset({"San", "Santa", "Nova", "Port", "Fort", "Saint", "St", "St.", "Sierra"})


def _could_be_given_name(word: str) -> bool:
    """Whether a run's first word may open a person's name rather than a thing's.

    "Crown Point", "Star Wars" and "Phantom Menace" open with common English words (the
    tagger's lexicon knows "crown" as a noun); people's names rarely do.
    """
    if word in GEO_FIRST:
        return False
    if word in WORD_GIVEN_NAMES:
        return True
    # The lexicon knows some given names as proper nouns ("Chris"); places it knows so are
    # told apart by the gazetteer.
    tag = _lexicon_tag(word.lower())
    return tag is None or (tag == "NNP" and place_kind(word) is None and word not in demonyms())


def _lexicon_tag(word: str) -> str | None:
    """The Pattern lexicon's tag for a lower-case word, or None if it is not an English word."""
    from textblob.en import lexicon

    return lexicon.get(word)
