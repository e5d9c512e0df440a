"""Details that frame a story rather than tell it: the minute of a goal, the month a statistic
covers, the city where something was said, an acronym that is only part of a stock compound.

Blind graders failed items on each of these as not worth asking: a student who understood the
article need not know that the goal came in the 18th minute rather than the 11th, that the
figures were for "the first two months of 2005", that the conference was in San Francisco, or
that the cards are "SIM" cards. Each rule reads the fact's place in its sentence and how the
article uses it, not particular words of one article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.nlp.guessable import default_country, neighbour_year, parallel_place, title_year
from quizapp.nlp.model import Document, Fact, FactType
from quizapp.nlp.side_figures import (
    dated_example,
    event_month,
    guest_count,
    list_size,
    passing_age,
    population,
    prize_value,
    sample_size,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of a match report: an article with several of them keeps its clock in minutes.
_MATCH_WORDS = re.compile(
    r"\b(?:goals?|scored|penalty|penalties|half-time|header|equaliser|striker|midfielder|"
    r"goalkeeper|tries|free-kick|referee|match|wicket|innings|break point|laps)\b",
    re.IGNORECASE,
)
_MATCH_REPORT_WORDS = 4
_MINUTE = re.compile(r"^(?:minutes?|mins?)$", re.IGNORECASE)
_MINUTE_AFTER = re.compile(r"^(?:-|\s)?(?:minutes?|mins?)\b", re.IGNORECASE)
# Yards on a pitch ("25 yards out", "a 40-yard run"), or metres a shot came from.
_YARDS = re.compile(r"^(?:yards?|yds?)$", re.IGNORECASE)
_YARDS_AFTER = re.compile(r"^(?:-|\s)?(?:yards?|yds?)\b|^(?:-|\s)?(?:metres?|m)\s+out\b", re.I)
# "43 minutes per month", "ten minutes a day": a rate, not the clock of an event.
_RATE_AFTER = re.compile(r"^\s*(?:-|\s)?(?:minutes?\s+)?(?:per|a|an|each|every)\s+\w+", re.I)


def match_report(doc: Document) -> bool:
    """Whether the article reports a game: it uses several words of a match."""
    return len(_MATCH_WORDS.findall(doc.text)) >= _MATCH_REPORT_WORDS


def match_minute(fact: Fact, doc: Document) -> bool:
    """A minute of play in a match report ("after 18 minutes", "in the 11th minute"), or how
    far out a shot or kick was ("a free-kick 25 yards out"): when or from where a goal came is
    a detail of the game, not the news."""
    if fact.type not in (FactType.QUANTITY, FactType.ORDINAL):
        return False
    sentence = doc.sentences[fact.sentence]
    after = sentence.text[fact.end - sentence.start :]
    unit = fact.attr("unit") or fact.attr("head") or ""
    if _YARDS.match(unit) or _YARDS_AFTER.match(after):
        return match_report(doc)
    if not (_MINUTE.match(unit) or _MINUTE_AFTER.match(after)):
        return False
    if _RATE_AFTER.match(after):
        return False
    return match_report(doc)


# "in the first two months of _____", "the same period in _____", "the year to _____": the
# date only says which stretch a figure covers.
_PERIOD_BEFORE = re.compile(
    r"\b(?:(?:first|last|final|past|previous|same|opening|latter|early|earlier|later|"
    r"second|third|fourth|\w+)\s+)?(?:\w+\s+)?(?:months?|quarters?|half|halves|weeks?|"
    r"period|days)\s+(?:of|in)\s+(?:the\s+)?$|"
    r"\b(?:year|quarter|months?|period|weeks?|figures|statistics|data)\s+"
    r"(?:to|ending|ended|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DURING = re.compile(r"\b(?:during|over|throughout)\s+$", re.IGNORECASE)
# A figure in the sentence: a percentage, a share, a count or an amount.
_STATISTIC = re.compile(
    r"\d[\d,.]*\s*(?:%|per\s*cent|percent)|\b(?:half|quarter|third|majority|doubled?|tripled?|"
    r"tenfold)\b|[£$€]\s?\d|\b\d[\d,.]*\s*(?:m|bn|million|billion)\b",
    re.IGNORECASE,
)


def reporting_period(fact: Fact, doc: Document) -> bool:
    """A month or year that only dates the stretch a statistic covers ("sales in the first two
    months of _____", "traffic during _____")."""
    if fact.type is not FactType.DATE or fact.attr("granularity") not in (
        "year",
        "month",
        "month_name",
    ):
        return False
    sentence = doc.sentences[fact.sentence]
    before = sentence.text[: fact.start - sentence.start]
    rest = sentence.text[: fact.start - sentence.start] + sentence.text[fact.end - sentence.start :]
    if not _STATISTIC.search(rest):
        return False
    return bool(_PERIOD_BEFORE.search(before) or _DURING.search(before))


# Words before "in"/"at" that make the place where something was said or held: "announced in
# _____", "a conference in _____", "speaking in _____".
_WHERE_SAID = re.compile(
    r"\b(?:said|says|told|announced|announcing|explained|speaking|spoke|addressing|addressed|"
    r"unveiled|unveiling|revealed|declared|confirmed|conference|summit|convention|meeting|"
    r"briefing|forum|expo|exhibition|fair|seminar|symposium|gathering|rally|ceremony|"
    r"interview|statement|speech|news\s+conference|press\s+conference|decision)\b"
    r"(?:\s+[\w'’-]+){0,6}\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def where_it_was_said(fact: Fact, doc: Document, mentions: int, in_headline: bool) -> bool:
    """A city or venue the article names once, only as where something was said, announced or
    held ("explained during a conference in _____"): the place of the telling, not the news."""
    if fact.type is not FactType.PLACE or mentions > 1 or in_headline:
        return False
    sentence = doc.sentences[fact.sentence]
    before = sentence.text[: fact.start - sentence.start]
    clause = re.split(r"[,;:(]", before)[-1]
    return _WHERE_SAID.search(clause) is not None


_ACRONYM = re.compile(r"[A-Z]{2,5}s?")
# Nouns after an acronym that make it a body: its people, its output, its parts.
_BODY_NOUNS = _words(
    "industry body bodies programme programmes show shows website site news report survey "
    "figures research study studies member members official officials staff source "
    "sources chairman director boss leader leaders spokesman spokeswoman spokesperson "
    "chief chiefs executive executives team squad group party government council board "
    "headquarters office offices deal contract statement analysts economist economists "
    "division unit subsidiary rules ruling"
)


def _speaks_for_a_body(noun: str) -> bool:
    from quizapp.nlp.gazetteers import role_words

    return noun.lower() in _BODY_NOUNS or noun.lower() in role_words()


def stock_compound(fact: Fact, doc: Document) -> bool:
    """An acronym the article only ever writes before a common noun ("SIM cards", "DVD
    players"): part of an everyday compound, which a student fills in from general knowledge,
    not a body or a thing the article is about."""
    if fact.type not in (FactType.ORGANISATION, FactType.OTHER) or fact.attr("expansion"):
        return False
    if not _ACRONYM.fullmatch(fact.text):
        return False
    uses = 0
    for sentence in doc.sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if token.text != fact.text:
                continue
            uses += 1
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is None or following.tag not in ("NN", "NNS"):
                return False
            head = following
            for later in tokens[i + 2 :]:
                if later.tag not in ("NN", "NNS") or not later.text[:1].islower():
                    break
                head = later  # "BBC sketch programme": the compound's head says what it is
            if not following.text[:1].islower() or _speaks_for_a_body(head.text):
                return False  # "the DUP leader", "BBC programme": a body and its people
    return uses > 0


# "the final episode of _____ sketch programme The Fast Show": a channel named before the kind
# of show and its title, only to say which show.
_SHOW_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+[a-z-]+){0,2}\s+(?:programmes?|series|show|sitcom|drama|documentary|"
    r"soap|quiz|comedy)\s+[A-Z\"“‘']"
)


def channel_of_a_show(fact: Fact, doc: Document) -> bool:
    """A broadcaster named only as where a show went out, right before the kind of show and
    its title ("the final episode of _____ sketch programme The Fast Show"): the show is the
    story, its channel a label anyone guesses."""
    if fact.type not in (FactType.ORGANISATION, FactType.OTHER):
        return False
    sentence = doc.sentences[fact.sentence]
    return _SHOW_AFTER.match(sentence.text[fact.end - sentence.start :]) is not None


# "one of _____'s most maverick talents", "one of Britain's best-known": a place or body that
# only sets a stock phrase of praise.
_ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_PRAISE_AFTER = re.compile(
    r"^['’]s?\s+(?:most|best|greatest|biggest|finest|leading|top|brightest|foremost|"
    r"best-known|best-loved|favourite|great)\b",
    re.IGNORECASE,
)


def stock_praise(fact: Fact, doc: Document) -> bool:
    """A place or body that only sets a stock phrase ("one of _____'s most maverick
    talents"): anyone fills it in without reading."""
    if fact.type not in (FactType.PLACE, FactType.ORGANISATION, FactType.OTHER):
        return False
    sentence = doc.sentences[fact.sentence]
    before = sentence.text[: fact.start - sentence.start]
    after = sentence.text[fact.end - sentence.start :]
    return bool(_ONE_OF.search(before) and _PRAISE_AFTER.match(after))


# "said Paul Dergarabedian, president of the industry's tracker _____": where a quoted voice
# works, told only to say who is speaking.
_SPEAKER_BEFORE = re.compile(
    r"\b(?:said|says|added|according\s+to)\s+(?:(?:Mr|Mrs|Ms|Dr|Professor)\.?\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s*,\s+(?P<role>[^,;:]*)$"
)


def speakers_employer(fact: Fact, doc: Document, mentions: int, in_headline: bool) -> bool:
    """The firm of a voice the article quotes, named once in the apposition after its name
    ("said Paul Dergarabedian, president of _____"): an attribution, not the news."""
    if mentions > 1 or in_headline or fact.type in (FactType.DATE, FactType.QUANTITY):
        return False
    sentence = doc.sentences[fact.sentence]
    before = sentence.text[: fact.start - sentence.start]
    match = _SPEAKER_BEFORE.search(before)
    if match is None:
        return False
    from quizapp.nlp.gazetteers import role_words

    role = match.group("role").lower()
    return any(w.strip("'’s") in role_words() for w in role.split())


# Words that open a longer role or qualify one ("chief financial officer", "former chief
# executive"), and role acronyms no gazetteer line holds.
_ROLE_QUALIFIERS = _words(
    "chief executive financial operating technology technical information marketing "
    "deputy vice assistant acting interim senior junior joint general managing former ex "
    "foreign finance home shadow prime co"
)
_ROLE_ACRONYMS = _words("ceo cfo coo cto cio md gm mp mep msp mla am pm vp")


def role_title(fact: Fact) -> bool:
    """A job title or its acronym taken as the key ("the former _____ faces jail" with "CEO",
    "The _____ had been a partner" with "MSP"): who holds the role is the fact, not the role's
    name, and a student who writes "chief executive" or "boss" is marked wrong."""
    if fact.type in (FactType.PERSON, FactType.QUOTE, FactType.QUANTITY, FactType.DATE):
        return False
    if fact.type is FactType.ORDINAL:
        return False
    return _names_a_role(fact.text)


@lru_cache(maxsize=4096)
def _names_a_role(text: str) -> bool:
    # By text: a long document names the same bodies and places hundreds of times.
    from quizapp.nlp.gazetteers import role_words

    words = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE).lower()
    words = re.sub(r"s$", "", words) if words.rstrip("s") in _ROLE_ACRONYMS else words
    if words in role_words() or words in _ROLE_ACRONYMS:
        return True
    parts = words.replace("-", " ").split()
    if len(parts) < 2 or parts[-1] not in role_words():
        return False
    return all(p in _ROLE_QUALIFIERS or p in role_words() for p in parts[:-1])


def side_detail(fact: Fact, doc: Document, mentions: int, in_headline: bool) -> bool:
    """A detail that frames the story (a stock phrase, a show's channel, a population, a
    survey's size, a quoted voice's employer, a prize's value told in passing, an age, a job
    title, a list's size, the year of one dated example, a sporting event's month, a dinner's
    guests) rather than tells it, or one a student gives without reading (a title's year, the
    UK or the US as where, one of the places it goes through in turn)."""
    return (
        stock_praise(fact, doc)
        or channel_of_a_show(fact, doc)
        or population(fact, doc)
        or sample_size(fact, doc)
        or speakers_employer(fact, doc, mentions, in_headline)
        or prize_value(fact, doc)
        or dated_example(fact, doc)
        or event_month(fact, doc)
        or guest_count(fact, doc)
        or passing_age(fact, doc)
        or role_title(fact)
        or list_size(fact, doc)
        or title_year(fact, doc)
        or neighbour_year(fact, doc)
        or default_country(fact, doc)
        or parallel_place(fact, doc)
    )
