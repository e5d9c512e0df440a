"""Where a place key belongs: its continent, a city's home country, home nations counted apart."""

from __future__ import annotations

import re

from quizapp.nlp.distractors.gazetteer_names import (
    city_countries,
)
from quizapp.nlp.distractors.pools import Pools
from quizapp.nlp.gazetteers import cities, countries
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.option_fit import (
    HOME_NATIONS,
)

_UNITED_KINGDOM = frozenset({"United Kingdom", "Britain", "Great Britain", "UK"})
# Contexts where the home nations play or count apart: a football or rugby competition.
_NATIONS_APART = re.compile(
    r"\b(?:World\s+Cup|Six\s+Nations|qualif\w*|Euro\s+\d{4}|European\s+Championships?|"
    r"Commonwealth\s+Games|Grand\s+Slam|Triple\s+Crown)\b"
)


def _home_nations_apart(pools: Pools, sentence: str) -> bool:
    """Whether the article names a home nation ("England") or the stem speaks of a
    competition the home nations enter apart."""
    named = any(f.text in HOME_NATIONS for f in pools.by_type.get(FactType.PLACE, ()))
    return named or _NATIONS_APART.search(sentence) is not None


def _home_countries(city: str, pools: Pools) -> frozenset[str]:
    """The country a city key is in: the one of its namesakes' countries the article names,
    else the gazetteer's best known ("Dublin": Ireland, not Ohio)."""
    named = {
        country.code
        for f in pools.by_type.get(FactType.PLACE, ())
        if f.attr("kind") == "country"
        and (country := countries().get(f.attr("canonical") or f.text)) is not None
    }
    shared = city_countries(city) & named
    if shared:
        return frozenset(shared)
    best = cities().get(city, ("", 0))[0]
    return frozenset({best}) if best else frozenset()


def _continent(fact: Fact) -> str:
    """The key's continent when it is a country, else ''."""
    if fact.type is not FactType.PLACE or fact.attr("kind") != "country":
        return ""
    return _continent_of(fact.attr("canonical") or fact.text)


def _continent_of(name: str) -> str:
    country = countries().get(name)
    return country.continent if country is not None else ""


def nested_places(key: str, option: str, article: str) -> bool:
    """Whether an option is the key's place at another level, so the article makes it right
    as well: the country of a city key or a city of a country key ("England" beside
    "London"), or a place the article writes beside the key ("Twickenham, London")."""
    if _home_code(option) in _place_codes(key) or _home_code(key) in _place_codes(option):
        return True
    a, b = re.escape(key), re.escape(option)
    return re.search(rf"\b(?:{a},\s+{b}|{b},\s+{a})\b", article) is not None


def _home_code(name: str) -> str:
    """A country's code ("England" and "Britain" count as the United Kingdom's), or ''."""
    if name in HOME_NATIONS or name in _UNITED_KINGDOM:
        return "GB"
    country = countries().get(name)
    return country.code if country is not None else "-"


def _place_codes(city: str) -> frozenset[str]:
    """The countries a city of that name lies in, by the gazetteer; none for a country."""
    if countries().get(city) is not None or city in HOME_NATIONS:
        return frozenset()
    return frozenset(city_countries(city))


# Capitalised names of a stem, one or several words ("Kuala Lumpur", "the UK").
_STEM_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)*")


def stem_place_names(stem: str) -> list[str]:
    """The capitalised names a stem prints, each also without a possessive ending."""
    names = [m.group().rstrip(".") for m in _STEM_NAME.finditer(stem)]
    names = [re.sub(r"^(?:The|A|An)\s+", "", n) for n in names]  # "The UK" at the start
    return [re.sub(r"['’]s?$", "", n) for n in names]


def same_country(a: str, b: str) -> bool:
    """Whether two different names are one country ("UK" and "United Kingdom", "US" and
    "America"); no home nation is the United Kingdom, nor another home nation."""
    if a == b or a in HOME_NATIONS or b in HOME_NATIONS:
        return False
    code = _home_code(a)
    return code != "-" and code == _home_code(b)


def place_inside(name: str, country: str) -> bool:
    """Whether the gazetteer puts a city of that name in the country, and nowhere else big."""
    if countries().get(name) is not None or name in HOME_NATIONS or name in _UNITED_KINGDOM:
        return False
    code = _home_code(country)
    return code != "-" and city_countries(name) == frozenset({code})


def stem_gives_place(key: str, stem: str) -> str | None:
    """How the stem's own places give a place key away, or None: it names the key as a
    country under another name ("the UK" for United Kingdom), a city that lies only in the
    key country ("Kuala Lumpur" for Malaysia), or the country whose capital the key is."""
    names = [n for n in stem_place_names(stem) if n != key]
    if any(same_country(key, n) for n in names):
        return "the stem names the key under another name"
    if _home_code(key) != "-" and any(place_inside(n, key) for n in names):
        return "the stem names a city of the key country"
    for name in names:
        country = countries().get(name)
        if country is not None and country.capital == key:
            return "the key is the capital of a country the stem names"
    return None
