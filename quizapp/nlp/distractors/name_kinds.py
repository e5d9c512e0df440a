"""What kind a name is (person, organisation, place) by its title, head word and the article."""

from __future__ import annotations

import re

from quizapp.nlp.dates import MONTHS
from quizapp.nlp.distractors.pools import Pools
from quizapp.nlp.docindex import document_index
from quizapp.nlp.model import Fact
from quizapp.nlp.option_fit import FEMALE, MALE
from quizapp.nlp.text import normalise

_TITLES = re.compile(
    r"^(?:Sir|Dame|Lord|Lady|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|President|Minister|Prince|"
    r"Princess|King|Queen|Judge|Justice|Senator|Governor|General|Captain|Chancellor)\.?\s"
)
_ORG_WORDS = re.compile(
    r"\b(?:Committee|Office|Ministry|Department|Party|Council|Association|Group|Company|Bank|"
    r"Corp|Corporation|Ltd|Inc|plc|Organi[sz]ation|Union|University|Agency|Commission|Service|"
    r"Network|News|Institute|Authority|Board|Federation|League|Club|Court|Parliament|Trust|"
    r"Foundation|Society|Fund|Securities|Airways|Records|Studios|Radio|Television|TV|Times|Post|"
    r"Award|Awards|Prize|Campaign|Programme|Program|Centre|Center|School|College|Hospital|"
    r"Museum|Stadium|Park|Street|Road|Square|Bros|Brothers|Pictures|Films|Entertainment|"
    r"Productions|Studio|Airlines|Holdings|Partners|Motors|Technologies|Systems)\b"
)


_PARTIES = frozenset(
    {"lib dems", "lib dem", "tories", "tory", "labour", "conservatives", "liberal democrats"}
)


def common_noun_name(text: str) -> bool:
    """A capitalised phrase that is a title, a group or a body, never a person's name ("Lord
    Chancellor", "Police Officers", "Metropolitan Police"): its last word is a role, or one of
    its words heads names of organisations and places. Never an option among people."""
    from quizapp.nlp.facts.name_words import ORG_HEADS, PLACE_HEADS
    from quizapp.nlp.gazetteers import role_words

    words = text.replace("-", " ").split()
    if not words:
        return False
    roles = role_words()
    if normalise(text) in _PARTIES:
        return True  # "Lib Dems" is a party, not a person
    last = words[-1].lower().strip(".,")
    singular = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    titled = len(words) == 1 or bool(_TITLES.match(text)) or words[0].lower() in roles
    if (titled and (last in roles or singular in roles)) or " ".join(words).lower() in roles:
        return True  # "Lord Chancellor", not "John Major"
    return any(w in ORG_HEADS or w in PLACE_HEADS for w in words)


_SPEAKS = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:said|says|believes|believed|told|tells|added|thinks|insisted|"
    r"warned|admitted|claimed|argued|explained)\b"
)


def introduced_as_person(sentence: str, fact: Fact) -> bool:
    """A name the sentence gives a role ("Tony Macklin, spokesman for ...", "economist Jo
    Hart"): a person, whatever the name index made of it."""
    from quizapp.nlp.gazetteers import role_words

    at = sentence.find(fact.text)
    if at < 0 or " " not in fact.text.strip():
        return False
    if _SPEAKS.match(sentence[at + len(fact.text) :]):
        return True  # "William Gallas believes ...": only people say and believe
    after = re.match(
        r",\s+(?:the\s+|a\s+|an\s+|its\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)\b",
        sentence[at + len(fact.text) :],
    )
    before = re.search(r"([\w-]+)\s+$", sentence[:at])
    roles = role_words()
    words = [after.group(1).lower()] if after else []
    if after:
        words += after.group(1).lower().split()
    if before:
        words.append(before.group(1).lower())
    return any(w in roles for w in words)


_INITIAL = re.compile(r"^(?:[A-Z]\.?\s)+[A-Z]")


def _name_shape(name: str) -> tuple[bool, bool]:
    """Whether a name carries a title and whether it opens on an initial: a key that alone has
    either stands out among its options."""
    return bool(_TITLES.match(name)), bool(_INITIAL.match(name))


def looks_like_place_or_body(text: str) -> bool:
    """A name whose head word makes it a place or an organisation ("Olympic Stadium")."""
    return bool(_ORG_WORDS.search(text)) and not _TITLES.match(text)


def looks_like_person(text: str, pools: Pools) -> bool:
    """A name the article gives a person, or one with a personal title ("Sir Bobby Robson")."""
    if _TITLES.match(text):
        return True
    if _ORG_WORDS.search(text):
        return False
    return normalise(text) in pools.person_keys


def _kind_of_name(text: str, pools: Pools) -> str:
    """'person', 'organisation', 'place' or '' for a name, by title, head word and the article."""
    # Asked of the same gazetteer names for item after item: remembered per document's pools.
    known = document_index(pools, "kind_of_name", lambda _: {})
    kind = known.get(text)
    if kind is None:
        kind = known[text] = _name_kind(text, pools)
    return kind


def _name_kind(text: str, pools: Pools) -> str:
    if looks_like_person(text, pools):
        return "person"
    if _ORG_WORDS.search(text):
        return "organisation"
    return pools.kind_keys.get(normalise(text), "")


def _same_kind(answer_kind: str, candidate: str, pools: Pools) -> bool:
    """A person among people, never an organisation or a place; a non-person never a person."""
    kind = _kind_of_name(candidate, pools)
    if answer_kind == "person":
        return kind in ("person", "")
    if answer_kind:
        return kind in (answer_kind, "")
    return kind != "person"


def _shown_as_person(name: str, pools: Pools) -> bool:
    """Whether the article shows a name as a person's: a title, a role or a gender it gives,
    or a first word used as a given name in general English ("Roberto", not "Aguas")."""
    from quizapp.nlp.salience import zipf

    if _TITLES.match(name) or pools.traits.get(normalise(name), frozenset()) & {FEMALE, MALE}:
        return True
    if normalise(name) in pools.roles:
        return True
    first = name.split()[0] if name.split() else ""
    if first in MONTHS or first.lower() in _CALENDAR_WORDS:
        return False  # "Christmas Day", "Easter Monday"
    return zipf(first) >= 3.0


_CALENDAR_WORDS = frozenset(
    {"christmas", "easter", "new", "boxing", "good", "valentine's", "halloween", "thanksgiving"}
)
