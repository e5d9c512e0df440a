"""Teams: the sport an article reports, the nations that play it, and the other names of a
club (its ground, its nickname) that a stem may show."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from quizapp.nlp.model import Fact, FactType

if TYPE_CHECKING:
    from quizapp.nlp.distractors.pools import Pools

# Words by which an article reports a sport; the one with the most (two at least) is its sport.
_SPORT_WORDS: dict[str, re.Pattern[str]] = {
    "football": re.compile(
        r"\b(?:football|footballer|striker|midfielder|goalkeeper|goalless|Premiership|"
        r"Premier\s+League|FA\s+Cup|Champions\s+League|Uefa|Fifa|penalty\s+spot|"
        r"equaliser|relegation|the\s+Championship|League\s+Cup|offside|free-kick|own\s+goal|"
        r"red\s+card|sent\s+off|hat-trick|clean\s+sheet)\b",
        re.I,
    ),
    "rugby": re.compile(
        # Not "try": a verb far more often than a score.
        r"\b(?:rugby|scrum|scrum-half|fly-half|line-out|lineout|flanker|Six\s+Nations|"
        r"Heineken\s+Cup|Powergen\s+Cup|Zurich\s+Premiership|All\s+Blacks|Springboks|"
        r"Wallabies|drop\s+goal|sin-bin|sin\s+bin)\b",
        re.I,
    ),
    "cricket": re.compile(
        r"\b(?:cricket|wicket|wickets|innings|batsman|batsmen|bowler|bowled|Ashes|"
        r"Test\s+series|one-day\s+international)\b"
    ),
}
# Fewer than this many sport words: the article is no sports report.
_MIN_SPORT_WORDS = 2


# The case-blind patterns again, in lower case and matched with case: the same matches in a text
# whose ASCII capitals are lowered (a third of the time: a long document's sport words took
# over half a second). Only patterns whose escapes keep their meaning in lower case (\b, \s, \w).
_LOWERED = {
    sport: re.compile(pattern.pattern.lower(), pattern.flags & ~re.IGNORECASE)
    for sport, pattern in _SPORT_WORDS.items()
    if pattern.flags & re.IGNORECASE and set(re.findall(r"\\(.)", pattern.pattern)) <= set("bsw")
}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ANY_ASCII_LETTER = re.compile(r"[a-z]", re.IGNORECASE)


def _ascii_lowered(text: str) -> str | None:
    """The text with its ASCII capitals lowered, or None when it holds a character that a
    case-blind pattern matches to an ASCII letter ("ſ", the Kelvin sign): there lowering ASCII
    alone would not give the same matches."""
    if any(_ANY_ASCII_LETTER.match(c) for c in set(_NON_ASCII.findall(text))):
        return None
    return text.translate(_ASCII_LOWER)


def article_sport(sentences: Iterable[str]) -> str:
    """The team sport an article reports ("football", "rugby", "cricket"), or ""."""
    return _text_sport(" ".join(sentences))


@lru_cache(maxsize=4)  # asked for twice per document: by the pools and by the names' traits
def _text_sport(text: str) -> str:
    lowered = _ascii_lowered(text)
    counts = {
        sport: len(
            _LOWERED[sport].findall(lowered)
            if lowered is not None and sport in _LOWERED
            else pattern.findall(text)
        )
        for sport, pattern in _SPORT_WORDS.items()
    }
    sport, count = max(counts.items(), key=lambda pair: (pair[1], pair[0]))
    return sport if count >= _MIN_SPORT_WORDS else ""


# Nations that field teams in a sport: Belgium or Portugal among Ireland's rugby opponents is
# plainly no answer, whatever continent they share.
SPORT_NATIONS: dict[str, frozenset[str]] = {
    "rugby": frozenset(
        [
            "England",
            "Scotland",
            "Wales",
            "Ireland",
            "France",
            "Italy",
            "Argentina",
            "Australia",
            "Fiji",
            "Samoa",
            "Tonga",
            "Japan",
            "Canada",
            "Romania",
            "Georgia",
            "Namibia",
            "Uruguay",
        ]
    )
    | {"New Zealand", "South Africa", "United States", "USA"},
    "cricket": frozenset(
        [
            "England",
            "Australia",
            "India",
            "Pakistan",
            "Bangladesh",
            "Zimbabwe",
            "Kenya",
            "Ireland",
            "Scotland",
            "Netherlands",
            "Canada",
        ]
    )
    | {"New Zealand", "South Africa", "Sri Lanka", "West Indies"},
}

# Football clubs and the other names a report gives them: full name, ground, nickname. Only
# names that point to one club (not "the Blues", "the Magpies" or "San Siro").
_FOOTBALL_CLUBS: tuple[tuple[str, ...], ...] = (
    ("Arsenal", "Highbury", "Gunners", "Emirates Stadium"),
    ("Aston Villa", "Villa Park"),
    ("Birmingham", "Birmingham City", "St Andrew's"),
    ("Blackburn", "Blackburn Rovers", "Ewood Park"),
    ("Bolton", "Bolton Wanderers", "Reebok Stadium", "Burnden Park", "Trotters"),
    ("Charlton", "Charlton Athletic", "Addicks"),
    ("Chelsea", "Stamford Bridge"),
    ("Crystal Palace", "Selhurst Park"),
    ("Everton", "Goodison Park", "Goodison", "Toffees"),
    ("Fulham", "Craven Cottage", "Cottagers"),
    ("Liverpool", "Anfield"),
    ("Manchester City", "Man City", "Maine Road", "City of Manchester Stadium"),
    ("Manchester United", "Man Utd", "Man United", "Old Trafford", "Red Devils"),
    ("Middlesbrough", "Boro", "Riverside Stadium"),
    ("Newcastle", "Newcastle United", "St James' Park", "St James's Park"),
    ("Norwich", "Norwich City", "Carrow Road", "Canaries"),
    ("Portsmouth", "Fratton Park", "Pompey"),
    ("Southampton", "St Mary's", "The Dell", "Saints"),
    ("Tottenham", "Tottenham Hotspur", "Spurs", "White Hart Lane"),
    ("West Brom", "West Bromwich Albion", "The Hawthorns", "Baggies"),
    ("Leeds", "Leeds United", "Elland Road"),
    ("West Ham", "West Ham United", "Upton Park", "Hammers"),
    ("Sunderland", "Stadium of Light", "Roker Park", "Black Cats"),
    ("Wolves", "Wolverhampton", "Wolverhampton Wanderers", "Molineux"),
    ("Leicester", "Leicester City", "Filbert Street", "Walkers Stadium", "Foxes"),
    ("Derby", "Derby County", "Pride Park", "Rams"),
    ("Nottingham Forest", "City Ground"),
    ("Sheffield Wednesday", "Hillsborough", "Owls"),
    ("Sheffield United", "Bramall Lane", "Blades"),
    ("Ipswich", "Ipswich Town", "Portman Road", "Tractor Boys"),
    ("Millwall", "The Den", "New Den"),
    ("Celtic", "Parkhead", "Celtic Park"),
    ("Rangers", "Ibrox"),
    ("Hearts", "Heart of Midlothian", "Tynecastle"),
    ("Hibernian", "Hibs", "Easter Road"),
    ("Aberdeen", "Pittodrie"),
    ("Barcelona", "Nou Camp", "Camp Nou", "Barca"),
    ("Real Madrid", "Bernabeu", "Santiago Bernabeu"),
)

# Rugby union clubs and the other names a report gives them (no grounds: a marker takes these).
_RUGBY_CLUBS: tuple[tuple[str, ...], ...] = (
    ("Leicester", "Leicester Tigers", "Tigers"),
    ("Northampton", "Northampton Saints", "Saints"),
    ("Wasps", "London Wasps"),
    ("Sale", "Sale Sharks", "Sharks"),
    ("Leeds", "Leeds Tykes", "Tykes"),
    ("Harlequins", "Quins", "NEC Harlequins"),
    ("Saracens", "Sarries"),
    ("Newcastle", "Newcastle Falcons", "Falcons"),
    ("Worcester", "Worcester Warriors", "Warriors"),
    ("Bristol", "Bristol Shoguns", "Shoguns"),
    ("Llanelli", "Llanelli Scarlets", "Scarlets"),
    ("Cardiff", "Cardiff Blues"),
    ("Glasgow", "Glasgow Warriors"),
    ("Edinburgh", "Edinburgh Gunners"),
)
_CLUBS = {"football": _FOOTBALL_CLUBS, "rugby": _RUGBY_CLUBS}


@lru_cache(maxsize=2)
def _club_of_name(sport: str) -> dict[str, int]:
    return {name.casefold(): i for i, names in enumerate(_CLUBS[sport]) for name in names}


def club_names(name: str, sport: str = "football") -> tuple[str, ...]:
    """Every name of the club of a sport a name is (itself included), or () for none known."""
    if sport not in _CLUBS:
        return ()
    index = _club_of_name(sport).get(name.strip().casefold())
    return () if index is None else _CLUBS[sport][index]


def stem_names_club(stem: str, name: str) -> bool:
    """Whether the stem shows the club ``name`` by another of its names ("lured to White
    Hart Lane by _____" for Tottenham, "Saints' fortunes" for Southampton)."""
    for other in club_names(name):
        if other.casefold() == name.strip().casefold():
            continue
        if re.search(rf"(?<![\w-]){re.escape(other)}(?![\w-])", stem):
            return True
    return False


def teams_only(
    fact: Fact, from_doc: list[str], extra: list[str], pools: Pools, sentence: str
) -> tuple[list[str], list[str]]:
    """In a sports report a town or a club is a team: its options are the article's own
    teams, never the gazetteer's towns ("Edinburgh", a city and a rugby side, among football
    clubs); a nation's are nations that play the sport; none is a club the stem shows by
    another name ("Saints' fortunes" rules Southampton out)."""
    from quizapp.nlp.distractors.entity_class import body_classes
    from quizapp.nlp.option_fit import HOME_NATIONS

    answer = fact.text
    if answer in HOME_NATIONS:
        return from_doc, extra  # the other home nations, as for any report
    if fact.type is FactType.PLACE and fact.attr("kind") == "country":
        nations = SPORT_NATIONS.get(pools.sport)
        if nations and answer in nations:
            from_doc = [c for c in from_doc if c in nations]
            extra = [c for c in extra if c in nations]
        return from_doc, extra
    if fact.type is FactType.ORGANISATION and body_classes(answer, pools) - {"sport"}:
        return from_doc, extra  # a body of another kind ("the Football Association")
    rest = sentence.replace(answer, " ")
    if pools.sport == "football":
        from_doc = [c for c in from_doc if not stem_names_club(rest, c)]
    return from_doc, []


def team_of(person: Fact, pools: Pools) -> str:
    """The team the article ties a person to in a sports report: the team named nearest their
    mention in the same sentence, one in the same stretch between commas first ("England
    skipper Jason Robinson", "Yachvili slotted over four penalties as France overhauled the
    deficit", "been with France, Jason White with Scotland"), or "" for none or no sports
    report."""
    if not pools.sport or not 0 <= person.sentence < len(pools.sentences):
        return ""
    offset, text = pools.sentences[person.sentence]
    start, end = person.start - offset, person.end - offset
    found: list[tuple[bool, int, str]] = []
    for match in _team_names(pools.sport).finditer(text):
        if match.start() < end and match.end() > start:
            continue  # the person's own name ("Jason White" is no "White" side)
        low, high = (match.end(), start) if match.end() <= start else (end, match.start())
        apart = re.search(r"[,;:]", text[low:high]) is not None
        names = club_names(match.group(), pools.sport)
        found.append((apart, high - low, names[0] if names else match.group()))
    return min(found)[2] if found else ""


def rival_sides(one: str, other: str, sport: str) -> bool:
    """Whether two teams are rival sides of one kind: two nations or two clubs. A player has a
    club and a national side both ("Sale" and "England"), so a club is no rival of a nation."""
    from quizapp.nlp.option_fit import HOME_NATIONS

    if not one or not other or one == other:
        return False
    nations = SPORT_NATIONS.get(sport, frozenset()) | frozenset(HOME_NATIONS)
    return (one in nations) == (other in nations)


@lru_cache(maxsize=4)
def _team_names(sport: str) -> re.Pattern[str]:
    """The nations that play a sport and its clubs, as whole capitalised names."""
    from quizapp.nlp.option_fit import HOME_NATIONS

    names = set(SPORT_NATIONS.get(sport, ())) | set(HOME_NATIONS)
    names |= {name for club in _CLUBS.get(sport, ()) for name in club}
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")
