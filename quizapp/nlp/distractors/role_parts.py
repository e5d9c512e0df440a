"""What part a person plays in their field: on stage or pitch, or behind it (producing,
managing, owning). A producer and a manager are no wrong answers for one of the "acts"."""

from __future__ import annotations

PART_PREFIX = "part:"

# Both parts are of one field ("music"): who performs and who backs the performers. A key
# shown as one is answered only by people the article shows as the same, or as neither.
_PERFORM = frozenset(
    [
        "actor",
        "actress",
        "comedian",
        "presenter",
        "star",
        "co-star",
        "singer",
        "musician",
        "rapper",
        "guitarist",
        "drummer",
        "bassist",
        "frontman",
        "frontwoman",
        "rocker",
        "band",
        "bands",
        "act",
        "acts",
        "vocalist",
        "pianist",
        "violinist",
        "dancer",
        "player",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "keeper",
        "winger",
        "athlete",
        "runner",
        "sprinter",
        "cyclist",
        "swimmer",
        "golfer",
        "boxer",
        "jockey",
        "batsman",
        "bowler",
        "champion",
    ]
)
_BACK = frozenset(
    [
        "producer",
        "manager",
        "mogul",
        "impresario",
        "promoter",
        "agent",
        "executive",
        "boss",
        "tycoon",
        "entrepreneur",
        "founder",
        "owner",
        "chairman",
        "chairwoman",
        "financier",
        "backer",
        "investor",
        "svengali",
    ]
)


# Who makes the work others perform: a director or a writer is neither on stage nor only
# paying for it (a managing director is behind the scenes too).
_CREATE = frozenset(
    [
        "director",
        "film-maker",
        "filmmaker",
        "screenwriter",
        "writer",
        "songwriter",
        "composer",
        "playwright",
        "author",
        "novelist",
        "poet",
        "cinematographer",
        "choreographer",
    ]
)


def role_parts(word: str) -> frozenset[str]:
    """The parts a role word names ("producer" -> behind the scenes), as traits; a plural
    names the same part ("novelists")."""
    low = word.lower()
    parts = set()
    for form in {low, low[:-1] if low.endswith("s") and low not in _PERFORM else low}:
        if form in _PERFORM:
            parts.add(PART_PREFIX + "perform")
        if form in _BACK or form == "director":
            parts.add(PART_PREFIX + "back")
        if form in _CREATE:
            parts.add(PART_PREFIX + "create")
    return frozenset(parts)
