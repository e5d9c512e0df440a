"""Accepted forms of organisations, parties and places: acronym, short name, both word orders."""

from __future__ import annotations

import re

from quizapp.nlp.gazetteers import acronyms, demonyms
from quizapp.nlp.model import Fact
from quizapp.nlp.salience import zipf
from quizapp.nlp.words import STOPWORDS

SHORT_PLACES = {
    "Great Britain": ("Britain", "UK"),
    "United Kingdom": ("UK", "Britain"),
    "United States": ("US", "USA", "America"),
    "United States of America": ("US", "USA", "America"),
    "Czech Republic": ("Czechia",),
    "Republic of Ireland": ("Ireland",),
    "the Netherlands": ("Netherlands", "Holland"),
}
# Party names as newspapers shorten them, and the full forms a student may write instead.
PARTY_FORMS = {
    "lib dem": ("Liberal Democrat", "Liberal Democrats", "Lib Dems"),
    "lib dems": ("Liberal Democrats", "Liberal Democrat", "Lib Dem"),
    "tory": ("Conservative", "Conservatives", "Tories"),
    "tories": ("Conservatives", "Conservative", "Tory"),
}
# Words an organisation's short name leaves off ("Lycos Europe" is "Lycos" to a reader).
_ORG_QUALIFIERS = frozenset(
    {
        "europe",
        "uk",
        "us",
        "international",
        "worldwide",
        "global",
        "inc",
        "ltd",
        "plc",
        "llc",
        "group",
        "corp",
        "corporation",
        "holdings",
        "co",
        "company",
        "securities",
        "ag",
        "sa",
    }
)
_NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "&", "on", "in"})


def place_forms(fact: Fact, answer: str) -> list[str]:
    """The short name of a place ("Britain" for "Great Britain"), without its "the", and the
    name the article settles on where it differs."""
    out: list[str] = []
    for name in (answer, fact.attr("canonical") or ""):
        out += SHORT_PLACES.get(name, ())
        if name.startswith("the "):
            out.append(name[4:])
    if fact.attr("canonical") and fact.attr("canonical") != answer:
        out.append(fact.attr("canonical") or "")
    return out


def organisation_forms(fact: Fact, answer: str, text: str) -> list[str]:
    """Acronym and full name; the acronym of the name where the article uses it ("MPAA");
    the short name without a qualifier ("Lycos" for "Lycos Europe")."""
    out: list[str] = []
    for key in ("acronym", "expansion", "canonical"):
        if fact.attr(key):
            out.append(fact.attr(key) or "")
    bare = answer.removeprefix("the ").removeprefix("The ")
    if bare != answer:
        out.append(bare)
    out += known_acronyms(bare)  # "MPAA" for the Motion Picture Association of America
    words = bare.split()
    if len(words) < 2 or not text:
        return out
    initials = "".join(w[0] for w in words if w.lower() not in _NAME_CONNECTORS and w[:1].isupper())
    if len(initials) >= 2 and re.search(rf"\b{re.escape(initials)}\b", text):
        out.append(initials)
    inverted = re.fullmatch(r"([A-Z][a-z]+) of ([A-Z][a-z]+)", bare)
    if inverted:
        # "Appeal Court" for the Court of Appeal, "Hertfordshire University" for the University
        # of Hertfordshire: both orders are in everyday use.
        out.append(f"{inverted.group(2)} {inverted.group(1)}")

    head = words[0]
    short = words[:-1]
    while short and short[-1].lower().strip(".,") in _ORG_QUALIFIERS:
        if len(short) == 1:
            break
        short = short[:-1]
    if words[-1].lower().strip(".,") in _ORG_QUALIFIERS:
        if len(short) > 1 or zipf(short[0]) < 4.0:
            out.append(" ".join(short))  # "Lycos", never "Popular" for "Popular Securities"
    elif (
        len(head) > 2
        and head.lower() not in STOPWORDS
        and head.lower() not in demonyms()
        and zipf(head) < 4.0
        and re.search(rf"\b{re.escape(head)}\b(?!\s+[A-Z])", text)
    ):
        out.append(head)  # the article itself calls it by its first word alone
    return out


def known_acronyms(name: str) -> list[str]:
    """The curated acronym of an organisation's full name, or its full name for the acronym
    ("Organisation" and "Organization" alike)."""

    def same(x: str) -> str:
        return x.casefold().replace("organization", "organisation")

    key = same(name)
    out = [acr for acr, full in acronyms() if same(full) == key]
    return out + [full for acr, full in acronyms() if acr == name]
