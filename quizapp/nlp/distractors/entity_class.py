"""Finer classes of names: what a person does, what kind of body an organisation is, and
names that are never a person's (a competition, a building, a newspaper)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizapp.nlp.distractors.pools import Pools
from quizapp.nlp.distractors.role_parts import PART_PREFIX
from quizapp.nlp.facts.parties import party_of
from quizapp.nlp.option_fit import FIELD_PREFIX
from quizapp.nlp.text import normalise

# Head words of competitions, events, buildings, venues and publications: "Zurich Premiership",
# "Petronas Towers" or "Evening Standard" among players or speakers is plainly no person.
# Words that are also common surnames ("Hall", "Bridge", "Lane", "Park", "Day") are left out.
_NOT_A_PERSON = re.compile(
    r"(?<![\w-])(?:Premiership|Premier|Cup|League|Championships?|Trophy|Games|Olympics?|Series|"
    r"Tour|Prix|Open|Festival|Awards?|Prize|Towers?|Building|Palace|Arena|Cathedral|Abbey|"
    r"Airport|Station|Hotel|Mall|Diary|Show|Stadium|Theatre|Cinema|Gallery|Museum|Road|Street|"
    r"Stakes|Derby|Marathon|Nations|Times|News|Review|Magazine|Journal|Herald|Gazette|Tribune|"
    r"Telegraph|Guardian|Observer|Independent|Mirror|Express|Standard|Chronicle|Sport|Sports|"
    r"Edition|Records|Productions|Pictures|Studios|Limited|Ltd|Inc|plc|Citizen|Echo|Argus|"
    r"Courier|Bulletin)(?![\w-])"
)
# Football and rugby clubs, also inside a fixture ("Manchester United-Arsenal").
_CLUB = re.compile(r"\b(?:United|Rovers|Athletic|Wanderers|Albion|Hotspur|Rangers|Celtic|FC)\b")


def never_a_person(name: str) -> bool:
    """Whether a name's words make it a competition, a building or a publication."""
    return _NOT_A_PERSON.search(name) is not None or _CLUB.search(name) is not None


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Kinds of organisation by the words of their names or the word the article puts before or
# after them ("the newspaper Clarin", "carmaker Rover"): a newspaper among trade unions, or a
# union among broadcasters, is plainly not the answer.
_BODY_CLASSES: dict[str, frozenset[str]] = {
    "media": _word_set(
        "news times post journal herald gazette telegraph guardian independent mirror sun "
        "express mail tribune chronicle observer standard radio television tv press channel "
        "broadcasting reuters bbc cnn itv newspaper paper magazine broadcaster daily tabloid "
        "website weekly"
    ),
    "union": _word_set("union unions confederation tuc"),
    "party": _word_set("party democrats republicans tories tory labour conservatives conservative"),
    "company": _word_set(
        "ltd limited inc plc corp corporation company holdings motors airways airlines "
        "technologies communications telecom pharmaceuticals industries firm giant maker "
        "carmaker carrier airline retailer manufacturer insurer lender group conglomerate "
        "chain brand operator supplier publisher label studio studios records"
    ),
    "bank": _word_set("bank banks"),
    # Kinds of public body, apart: a parliament has no chairman and a ministry no members,
    # so "Parliament" and "Home Office" beside "the chairman of the Bar Council" are absurd.
    "legislature": _word_set("parliament assembly senate congress commons lords duma"),
    "department": _word_set("ministry department office treasury"),
    "government": _word_set("government cabinet administration executive"),
    "public body": _word_set(
        "commission agency authority regulator watchdog council committee board"
    ),
    "court": _word_set("court tribunal"),
    "forces": _word_set("police army navy forces"),
    "education": _word_set("university college school institute academy centre center"),
    "sport": _word_set("club fc rovers team side"),
    "charity": _word_set("trust foundation charity"),
}
_LEGAL_SUFFIX = re.compile(r"(?<![\w-])(?:Ltd|Limited|Inc|plc|PLC|LLC|Corp|GmbH|AG|SA)\.?$")


def body_words(words: Iterable[str]) -> set[str]:
    """The kinds of body the words around a name say it is ("newspaper", "union")."""
    return _classes_of_words(words)


def _classes_of_words(words: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for word in words:
        low = word.lower().strip(".,")
        for kind, heads in _BODY_CLASSES.items():
            if low in heads:
                found.add(kind)
    return found


# A public body of many nations ("Gulf Cooperation Council", "European Commission") is no
# option for a national one ("Bar Council"), nor the other way round.
_INTERNATIONAL = re.compile(
    r"\b(?:International|World|Global|United\s+Nations|European|Gulf|Atlantic|African|Arab|"
    r"Asian|Pacific|Commonwealth|Co-?operation|Intergovernmental|Inter-American)\b"
)
_PUBLIC_KINDS = frozenset({"legislature", "department", "government", "public body", "court"})


def body_classes(name: str, pools: Pools) -> frozenset[str]:
    """The kinds of body a name is, by its head word, else by the words the article puts
    around it (empty when neither tells)."""
    # The head stands before "of" or "for" ("Department of Trade", "Centre for the Study").
    head_part = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0]
    words = head_part.replace("-", " ").split()
    own = _classes_of_words(words[-1:]) if words else set()
    if own & _PUBLIC_KINDS and _INTERNATIONAL.search(name):
        return frozenset({"international"})
    if own:
        return frozenset(own)
    shown = pools.traits.get(normalise(name), frozenset())
    found = frozenset(t.removeprefix("body:") for t in shown if t.startswith("body:"))
    if not found and _is_a_club(name):
        return frozenset({"sport"})  # "Chelsea" or "Blackburn Rovers" among companies
    return found


def _is_a_club(name: str) -> bool:
    from quizapp.nlp.distractors.teams import club_names

    return bool(club_names(name)) or _CLUB.search(name) is not None


def same_body_class(key: str, candidate: str, pools: Pools) -> bool:
    """Whether a candidate is of the key's kind of body, as far as either is known, and
    has the key's legal shape (a "Ltd" key only among other "Ltd"s)."""
    if bool(_LEGAL_SUFFIX.search(key)) != bool(_LEGAL_SUFFIX.search(candidate)):
        return False
    if bool(party_of(key)) != bool(party_of(candidate)):
        return False  # a party among parties only: "BBC News" beside "Tories" is none
    if party_of(key) and party_of(key) == party_of(candidate):
        return False  # "Lib Dems" is the key "Liberal Democrats" under another name
    mine, theirs = body_classes(key, pools), body_classes(candidate, pools)
    return not mine or not theirs or bool(mine & theirs)


def is_acronym(name: str) -> bool:
    """A name written as capitals alone ("HIV", "CSTO")."""
    return name.isupper() and " " not in name and len(name) >= 2


def known_body(name: str, pools: Pools) -> bool:
    """Whether an acronym is known to stand for a body: the article spells it out, or it is
    a widely known one. "HIV" or "GMT" is no organisation, and no option for one."""
    if not is_acronym(name):
        return True
    from quizapp.nlp.gazetteers import acronyms
    from quizapp.nlp.model import FactType

    if any(acr == name for acr, _ in acronyms()):
        return True
    return any(
        (f.text == name and f.attr("expansion")) or f.attr("acronym") == name
        for f in pools.by_type.get(FactType.ORGANISATION, ())
    )


def fields_of(name: str, pools: Pools) -> frozenset[str]:
    """The fields the article shows a person working in ("director" -> screen, business),
    and the part they play there (on stage, or behind it)."""
    shown = pools.traits.get(normalise(name), frozenset())
    return frozenset(t for t in shown if t.startswith((FIELD_PREFIX, PART_PREFIX)))


def _parts(traits: frozenset[str]) -> frozenset[str]:
    return frozenset(t for t in traits if t.startswith(PART_PREFIX))


def _fields(traits: frozenset[str]) -> frozenset[str]:
    return frozenset(t for t in traits if t.startswith(FIELD_PREFIX))


def same_field(
    key_fields: frozenset[str], candidate: str, pools: Pools, *, strict: bool = False
) -> bool:
    """A person of another field than the key's ("singer Iggy Pop" among film directors) is
    no option; one whose field the article does not say may be, unless ``strict`` (the stem
    itself names the key's role: "HMV manager _____" wants managers, not unknown singers)."""
    theirs = fields_of(candidate, pools)
    mine_parts, their_parts = _parts(key_fields), _parts(theirs)
    if mine_parts and their_parts and not mine_parts & their_parts:
        return False  # a producer among the "acts", a singer among the managers
    mine, theirs = _fields(key_fields), _fields(theirs)
    if not mine:
        return True
    if not theirs:
        return not strict
    return bool(_widened(mine) & _widened(theirs))


def stem_fields(sentence: str, key: str) -> frozenset[str]:
    """The fields of the role the stem gives the key right beside it ("actor _____")."""
    from quizapp.nlp.option_fit import mention_traits

    at = sentence.find(key)
    if at < 0 or not key:
        return frozenset()
    shown = mention_traits(sentence, at, at + len(key), alone=False)
    return frozenset(t for t in shown if t.startswith((FIELD_PREFIX, PART_PREFIX)))


# Officials of government and of business stand in for each other ("Mayor _____" among a
# port manager and a finance director); a film-maker and a singer do not.
_NEAR_FIELDS = {"field:politics": "field:business", "field:business": "field:politics"}


def _widened(fields: frozenset[str]) -> frozenset[str]:
    return fields | {_NEAR_FIELDS[f] for f in fields if f in _NEAR_FIELDS}


def shares_a_name_word(candidate: str, key: str) -> bool:
    """Whether a person option shares a word with the key ("Juan Carlos" beside "Carlos
    Moya"): the fragment looks made from the key, and a student picks the fuller one."""

    def words(name: str) -> list[str]:
        plain = (re.sub(r"[^\w]", "", w).lower() for w in name.split())
        return [w for w in plain if w and w not in PERSON_TITLES]

    mine, theirs = words(key), words(candidate)
    shared = set(mine) & set(theirs)
    # One family name at the end of both ("Tony Marsh", "Ida Marsh") is two people, not a
    # fragment of one.
    if shared == {mine[-1]} and theirs[-1] == mine[-1] and len(mine) > 1 and len(theirs) > 1:
        return False
    return bool(shared)


# Titles two people share without being one ("Lord Anders Fell", "Lord Henrik Lund").
PERSON_TITLES = frozenset(
    [
        "sir",
        "dame",
        "lord",
        "lady",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "president",
        "minister",
        "prince",
        "princess",
        "king",
        "queen",
        "judge",
        "justice",
        "senator",
        "governor",
        "general",
        "captain",
        "chancellor",
    ]
)
# Lower-case words a person's name may hold ("Julio De Vido", "Ruud van Nistelrooy").
_PARTICLES = frozenset(
    {"de", "von", "van", "der", "da", "di", "du", "la", "le", "del", "bin", "al"}
)


def plain_person_name(name: str) -> bool:
    """A name and nothing more: "Nestor Kirchner of Argentina" or "Smith, the coach" is a
    shape the key does not have."""
    if "," in name or "(" in name:
        return False
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in name.split())
