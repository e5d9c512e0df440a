"""A party label at the front of a person's name ("Liberal Democrat David Laws", "Labour MP
Joan Pettigrew") is the person's role, not part of the name a student is asked for."""

from __future__ import annotations

from collections.abc import Callable

# Party labels as they stand before a name, longest first.
_PARTIES = (
    ("Liberal", "Democrat"),
    ("Lib", "Dem"),
    ("Scottish", "Nationalist"),
    ("Sinn", "Fein"),
    ("Plaid", "Cymru"),
    ("Labour",),
    ("Conservative",),
    ("Tory",),
    ("Republican",),
    ("Democrat",),
    ("Democratic",),
    ("Green",),
    ("Unionist",),
    ("Nationalist",),
    ("Liberal",),
    ("SNP",),
    ("UKIP",),
    ("DUP",),
    ("SDLP",),
    ("Ukip",),
)
_FIRST_WORDS = frozenset(party[0] for party in _PARTIES)
# Seat titles that may follow the label ("Labour MP", "Tory MEP", "SNP MSP").
_SEATS = frozenset({"MP", "MEP", "MSP", "AM", "MLA", "TD", "peer", "councillor", "Senator"})


def party_prefix(words: list[str], given_name: Callable[[str], bool]) -> int:
    """How many leading words are a party label (and seat), when a name of two to four
    capitalised words follows, opening with what may be a given name ("Tory Treasurer Lord
    Ashcroft" is a title, not a name); 0 otherwise."""
    if not words or words[0] not in _FIRST_WORDS:
        return 0  # no label opens with this word (most names: checked first, as it is cheap)
    for party in _PARTIES:
        n = len(party)
        if tuple(words[:n]) != party:
            continue
        while n < len(words) and words[n] in _SEATS:
            n += 1
        name = words[n:]
        if 2 <= len(name) <= 4 and all(w[:1].isupper() for w in name) and given_name(name[0]):
            return n
        return 0
    return 0


# A party named by itself ("the Lib Dems called for ..."): a body, never a person.
_PARTY_NAMES = frozenset(
    {
        "Lib Dems",
        "Lib Dem",
        "Liberal Democrats",
        "Tories",
        "Conservatives",
        "Labour",
        "Democrats",
        "Republicans",
        "Greens",
        "Nationalists",
        "Unionists",
        "SNP",
        "UKIP",
        "Ukip",
        "DUP",
        "SDLP",
        "Plaid Cymru",
        "Sinn Fein",
    }
)
# Seats written after a name ("Andrew Tyrie MP").
TRAILING_SEATS = frozenset({"MP", "MEP", "MSP", "MLA", "TD"})


def is_party_name(words: list[str]) -> bool:
    """Whether a name is a party's own ("Lib Dems", "Tories")."""
    return " ".join(words) in _PARTY_NAMES


# One party under its several names: "Lib Dems" is no wrong answer for "Liberal Democrats".
_SAME_PARTY = {
    "lib dem": "liberal democrats",
    "lib dems": "liberal democrats",
    "liberal democrat": "liberal democrats",
    "liberal democrats": "liberal democrats",
    "liberal democrat party": "liberal democrats",
    "tory": "conservatives",
    "tories": "conservatives",
    "conservative": "conservatives",
    "conservatives": "conservatives",
    "conservative party": "conservatives",
    "tory party": "conservatives",
    "labour": "labour",
    "labour party": "labour",
    "snp": "scottish national party",
    "scottish national party": "scottish national party",
    "ukip": "uk independence party",
    "uk independence party": "uk independence party",
    "plaid": "plaid cymru",
    "plaid cymru": "plaid cymru",
    "greens": "green party",
    "green party": "green party",
    "sinn fein": "sinn fein",
    "democrats": "democrats",
    "democratic party": "democrats",
    "republicans": "republicans",
    "republican party": "republicans",
}


def party_of(name: str) -> str:
    """The one name of the party a name stands for ("Tories" -> "conservatives"), or ""."""
    low = " ".join(name.lower().replace("the ", " ").split())
    return _SAME_PARTY.get(low, "")
