"""What a stem tells a reader about its key, and whether an option agrees with it.

"Chinese actress _____" says the key is a woman and Chinese: an option list of three men is
answered without the article. "played undercover cop _____" asks for a character, so a real
director among the options is absurd; "the city of _____" asks for a place, so people and
companies are. Each option must carry what the stem says of the key, as the article shows it
(its titles, the words around its mentions, the pronouns that follow them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from quizapp.nlp.model import Fact
from quizapp.nlp.option_words import (
    FEMALE_PRONOUNS,
    FEMALE_WORDS,
    FIELDS,
    MALE_PRONOUNS,
    MALE_WORDS,
)

FEMALE = "female"
MALE = "male"
CHARACTER = "character"
PLACE = "place"

# "played undercover cop _____", "starred as _____", "the character _____": a part in a
# story, answered only by other parts.
_CHARACTER_BEFORE = re.compile(
    r"\b(?:play(?:s|ed|ing)?|portray(?:s|ed|ing)?|portrayal\s+of|characters?|role\s+of|"
    r"part\s+of|(?:starred|stars|starring|cast|appears|appeared|appearing|performance|"
    r"role|turn)\s+as|voiced)\s+"
    r"(?:the\s+|an?\s+)?(?:(?!(?:alongside|with|for|against|in|at|opposite|by|to|on|under|"
    r"and|but|a|an|the)\b)[a-z][\w'-]*\s+){0,3}$"
)
# "starring Leonardo DiCaprio as _____", "with Kate Winslet as _____": the star's part.
_STAR_AS_BEFORE = re.compile(
    r"\b(?:starring|stars|starred|co-starring|features|featuring|with)\s+"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+as\s+$"
)
# Words one of which _CHARACTER_BEFORE needs.
_CHARACTER_WORDS = (
    "play", "portray", "character", "role", "part", "star", "cast", "appear", "performance",
    "turn", "voiced",
)  # fmt: skip
# "the city of _____", "the Bolivian town of _____": a place, whatever the name index says.
_PLACE_BEFORE = re.compile(
    r"\b(?:city|town|village|capital|province|region|state|county|district|island|suburb|"
    r"port|municipality)\s+of\s+$",
    re.I,
)
# "merchant bank _____", "mobile phone giant _____": a company or another body.
_BODY_BEFORE = re.compile(
    r"\b(?:bank|company|firm|group|label|giant|maker|retailer|airline|carrier|broadcaster|"
    r"network|studio|publisher|agency|charity|union|website|newspaper|magazine|channel|"
    r"operator|manufacturer|chain|brand|insurer|lender|conglomerate)\s+$"
)
# "the West End show _____", "her 2000 album _____": a title, never a person.
_WORK_BEFORE = re.compile(
    r"\b(?:(?:(?:show|film|movie|musical|album|song|play|novel|book|series|programme|"
    r"sitcom|opera|ballet|game|drama|comedy|documentary|track|video|thriller|blockbuster)s?"
    # "single", but not "singles": "In the reverse singles, Carlos Moya ..." is tennis.
    r"|single)(?:\s+(?:such\s+as|including|like))?|directed|(?:starred|stars|starring|appeared|"
    r"appears|performance|performances|role|roles)\s+in|sequel\s+to|remake\s+of)"
    r"(?:\s*,)?\s+$"
)
_WORK_NOUNS = [
    "show",
    "film",
    "movie",
    "musical",
    "album",
    "song",
    "play",
    "novel",
    "book",
    "series",
    "programme",
    "sitcom",
    "opera",
    "ballet",
    "game",
    "drama",
    "comedy",
    "documentary",
    "track",
    "video",
    "thriller",
    "blockbuster",
]
# How what _WORK_BEFORE matches ends (before its comma and space).
_WORK_ENDINGS = (
    *_WORK_NOUNS, *(n + "s" for n in _WORK_NOUNS),
    "single", "as", "including", "like", "directed", "in", "to", "of",
)  # fmt: skip
# "Bridget Jones: The Edge of Reason", "Vera Drake (2004)": a title, never a person.
# "Ed Wood, starred Depp as ...", "Vera Drake - Leigh's 1950s drama": a title too.
_WORK_AFTER = re.compile(
    r"^(?::\s+[A-Z]|\s+\((?:19|20)\d\d\)|,?\s+(?:starred|stars|starring)\s+[A-Z]|"
    r"\s*[-–,]\s+(?:[\w'’]+\s+){0,3}(?:film|drama|comedy|movie|musical|album|novel|book|"
    r"play|thriller|documentary|series|sitcom|show|biopic|sequel)\b)"
)
# "films such as My Beautiful Laundrette, Billy Elliot and ...": every item of the list.
_WORK_LIST = re.compile(
    r"\b(?:films|movies|shows|albums|songs|singles|plays|novels|books|hits|titles|musicals|"
    r"dramas|comedies|series)\s+(?:such\s+as|including|like)\s+(?:[^,.;:]+(?:,|\s+and)\s+)*$"
)
_LIST_WORDS = ("such", "including", "like")
# Role words by field: a person's options work in the key's field where the article says
# what each does ("director Marc Forster" is not answered by "singer Iggy Pop"). Some roles
# belong to two fields ("producer", "manager"). Who plays, who coaches and who referees are
# three fields: a player is no wrong answer to "referee _____".
FIELD_PREFIX = "field:"
# "played by Leonardo DiCaprio", "starring Kate Winslet": someone of the screen.
_SCREEN_BEFORE = re.compile(r"\b(?:played\s+by|starring|co-starring|opposite)\s+$")
# "the Ben Stiller comedy", "Madonna's new album": a person named as the maker or star of a
# work belongs to its world.
_WORK_FIELDS = {
    **dict.fromkeys(
        ("comedy", "film", "movie", "drama", "thriller", "sitcom", "documentary", "musical"),
        "screen",
    ),
    **dict.fromkeys(("album", "single", "song"), "music"),
    **dict.fromkeys(("novel", "memoir"), "letters"),
}
_MAKER_OF_WORK = re.compile(
    r"^(?:['’]s)?\s+(?:(?:new|latest|first|last|debut|hit|classic|recent)\s+)?("
    + "|".join(_WORK_FIELDS)
    + r")s?\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
WORK = "work"
BODY = "body"
PERSON = "person"


@dataclass(frozen=True, slots=True)
class KeyCues:
    """What the stem says of the key: the traits every option must share."""

    needs: frozenset[str] = frozenset()
    # A trait every option must lack ("female" where the stem says "he").
    excludes: frozenset[str] = frozenset()
    # The stem calls for a place ("the city of _____") whatever type the key was given.
    wants_place: bool = False
    # The stem calls for a body ("merchant bank _____") or a person ("singer _____").
    wants: str = ""


def _gender_of_words(words: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for word in words:
        low = word.lower().strip(".")
        if low in FEMALE_WORDS:
            found.add(FEMALE)
        elif low in MALE_WORDS:
            found.add(MALE)
    return found


def _window(sentence: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Up to three words before a mention, and an apposition after it (", the actress, ")."""
    before = _WORD.findall(sentence[:start])[-3:]
    after_match = re.match(r",\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s*[,.]", sentence[end:])
    after = _WORD.findall(after_match.group(1)) if after_match else []
    if not after_match:
        # A longer apposition says its role first: ", president of the industry's tracker ...".
        role = re.match(r",\s+(?:the\s+|an?\s+)?([\w'’-]+)\s+(?:of|at|for)\s", sentence[end:])
        after = [role.group(1)] if role else []
    return before, after


def _pronoun_gender(text: str) -> set[str]:
    words = {w.lower() for w in _WORD.findall(text)}
    female, male = bool(words & FEMALE_PRONOUNS), bool(words & MALE_PRONOUNS)
    if female and not male:
        return {FEMALE}
    if male and not female:
        return {MALE}
    return set()


def mention_traits(sentence: str, start: int, end: int, *, alone: bool) -> set[str]:
    """Traits one mention shows: its title and the words around it, its sentence's pronouns
    when it is the only person there (``alone``), a nationality right before it, a part."""
    name = sentence[start:end]
    before, after = _window(sentence, start, end)
    traits = _gender_of_words([*before, *after, *name.split()[:1]])
    if alone:
        traits |= _pronoun_gender(sentence[end:])
    from quizapp.nlp.gazetteers import demonyms

    traits |= {f"demonym:{w}" for w in before if w in demonyms()}
    prefix = sentence[:start]
    # Each pattern before the mention ends in a space after its own words: cheap tests of
    # those words first, as most mentions have none of them (thousands in a long document).
    tail = prefix.rstrip()
    spaced = tail != prefix
    listed = tail[:-1].rstrip() if tail.endswith(",") else tail
    if (
        spaced and any(w in prefix for w in _CHARACTER_WORDS) and _CHARACTER_BEFORE.search(prefix)
    ) or (spaced and tail.endswith(" as") and _STAR_AS_BEFORE.search(prefix)):
        traits.add(CHARACTER)
    if spaced and tail[-2:].lower() == "of" and _PLACE_BEFORE.search(prefix):
        traits.add(PLACE)
    if (
        (spaced and listed.endswith(_WORK_ENDINGS) and _WORK_BEFORE.search(prefix))
        or _WORK_AFTER.match(sentence[end:])
        or (spaced and any(w in prefix for w in _LIST_WORDS) and _WORK_LIST.search(prefix))
    ):
        traits.add(WORK)
    from quizapp.nlp.distractors.role_parts import role_parts

    for word in (*before, *after):
        low = word.lower()
        single = low[:-1] if low.endswith("s") and low not in FIELDS else low
        traits |= {FIELD_PREFIX + field for field in FIELDS.get(single, ())}
        traits |= role_parts(low)
    if spaced and tail.endswith(("by", "starring", "opposite")) and _SCREEN_BEFORE.search(prefix):
        traits.add(FIELD_PREFIX + "screen")
    maker = _MAKER_OF_WORK.match(sentence[end:])
    if maker:
        # "the Ben Stiller comedy Meet the Parents": someone of the work's world.
        traits.add(FIELD_PREFIX + _WORK_FIELDS[maker.group(1).lower()])
    from quizapp.nlp.distractors.entity_class import body_words

    traits |= {f"body:{kind}" for kind in body_words([*before[-1:], *after])}
    return traits


def key_cues(sentence: str, fact: Fact, people_here: int = 1) -> KeyCues:
    """What the question's sentence says of the key at ``fact`` (found by its text)."""
    at = sentence.find(fact.text)
    if at < 0:
        return KeyCues()
    end = at + len(fact.text)
    shown = mention_traits(sentence, at, end, alone=people_here <= 1)
    # "... Emmanuelle Devos, _____ and Karin Viard for best actress": a sentence that speaks
    # only of women asks for a woman wherever its word for them stands.
    rest = _gender_of_words(_WORD.findall(sentence[:at] + " " + sentence[end:]))
    if rest == {FEMALE} and not _pronoun_gender(sentence) - {FEMALE}:
        shown.add(FEMALE)
    needs = {t for t in shown if t in (FEMALE, CHARACTER) or t.startswith("demonym:")}
    excludes = {FEMALE} if MALE in shown and FEMALE not in shown else set()
    if FEMALE in needs and MALE in shown:
        needs.discard(FEMALE)
    wants = ""
    if WORK in shown:
        wants = WORK
    elif _BODY_BEFORE.search(sentence[:at]):
        wants = BODY
    else:
        from quizapp.nlp.gazetteers import role_words

        before = re.search(r"\b([a-z][\w-]*)\s+$", sentence[:at])
        if before and before.group(1) in role_words():
            wants = PERSON
    return KeyCues(frozenset(needs), frozenset(excludes), PLACE in shown, wants)


def fits(cues: KeyCues, traits: frozenset[str]) -> bool:
    """Whether an option with these traits (from the article) agrees with the stem's cues."""
    return cues.needs <= traits and not (cues.excludes & traits)


def fitting(
    candidates: Sequence[str], cues: KeyCues, traits: Mapping[str, frozenset[str]]
) -> list[str]:
    """The candidates that carry every trait the stem gives the key."""
    from quizapp.nlp.text import normalise

    if not cues.needs and not cues.excludes:
        return list(candidates)
    return [c for c in candidates if fits(cues, traits.get(normalise(c), frozenset()))]


# Nations of the United Kingdom: options for one are the others, never sovereign states
# ("patients in Wales ... those in _____": England among Norway and Serbia is obvious).
HOME_NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")

# "about _____", "more than _____": a figure given roughly; an option within this share of it
# would be about right as well.
APPROXIMATE_BEFORE = re.compile(
    r"\b(?:nearly|almost|about|around|roughly|some|approximately|close\s+to|just\s+under|"
    r"just\s+over|an\s+estimated|estimated|up\s+to|more\s+than|less\s+than|over|under)\s+$",
    re.I,
)
CLOSE_SHARE = 0.2


# A year the stem speaks of as ahead ("prospects for the EU in _____", "will open in _____").
_AHEAD = re.compile(
    r"\b(?:will|shall|plans?|planned|planning|prospects?|expects?|expected|expecting|"
    r"forecasts?|forecast|predicted|predicts?|outlook|upcoming|ahead|targets?|aims?|due|"
    r"intends?|hopes?|scheduled|set\s+to|going\s+to|next)\b",
    re.I,
)


def looks_ahead(sentence: str) -> bool:
    """Whether the sentence speaks of what is to come (a future, a plan, a forecast)."""
    return _AHEAD.search(sentence) is not None
