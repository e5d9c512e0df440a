"""Accepted forms of organisations, parties and places: acronym, short name, both word orders."""

from __future__ import annotations

import re

from quizapp.nlp.facts.name_words import ORG_HEADS, PLACE_HEADS, THING_HEADS
from quizapp.nlp.gazetteers import acronyms, demonyms, place_kind
from quizapp.nlp.model import Document, Fact
from quizapp.nlp.questions.accepting.lexicon import lexicon_word
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
    "Soviet Union": ("USSR",),
    "the Soviet Union": ("Soviet Union", "USSR"),
}
# Party names as newspapers shorten them, and the full forms a student may write instead.
PARTY_FORMS = {
    "lib dem": ("Liberal Democrat", "Liberal Democrats", "Lib Dems"),
    "lib dems": ("Liberal Democrats", "Liberal Democrat", "Lib Dem"),
    "tory": ("Conservative", "Conservatives", "Tories"),
    "tories": ("Conservatives", "Conservative", "Tory"),
    "liberal democrats": ("Lib Dems", "Liberal Democrat", "Lib Dem"),
    "liberal democrat": ("Lib Dem", "Liberal Democrats", "Lib Dems"),
    "conservatives": ("Tories", "Conservative", "Tory"),
    "conservative party": ("Conservatives", "Tories"),
    "labour party": ("Labour",),
    "plaid cymru": ("Plaid",),
    "scottish national party": ("SNP",),
}
# Words an organisation's short name leaves off ("Lycos Europe" is "Lycos" to a reader).
ORG_QUALIFIERS = frozenset(
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
# Short and long spellings of words in names, both in everyday use ("Warner Bros" is written
# "Warner Brothers"; "Marks & Spencer", "Marks and Spencer").
_ABBREVIATIONS = {
    "Bros": "Brothers",
    "&": "and",
    "Co": "Company",
    "Corp": "Corporation",
    "Ltd": "Limited",
    "Inc": "Incorporated",
    "Intl": "International",
    "Utd": "United",
    "Assoc": "Association",
    "Univ": "University",
    "Dept": "Department",
    "Govt": "Government",
    "Mt": "Mount",
    "Ft": "Fort",
}
# The last word of a sports club's name: "Welling United" is a club, not a Mr United.
CLUB_WORDS = frozenset(
    {"United", "City", "Rovers", "Town", "Athletic", "Wanderers", "Albion", "Rangers", "FC"}
)
# Clubs whose short names are in everyday use beyond "Utd" (a grader failed "Manchester United"
# refusing "Man Utd"); only the ones newspapers shorten this way, no nicknames.
_CLUB_SHORT = {
    "Manchester United": ("Man Utd", "Man United"),
    "Manchester City": ("Man City",),
}
# Institutions a report names by their short form ("replacing the Lords") that students write
# in full, and the other way round; a league by its two names.
_INSTITUTION_FORMS = {
    "Lords": ("House of Lords",),
    "House of Lords": ("Lords",),
    "Commons": ("House of Commons",),
    "House of Commons": ("Commons",),
    "Premiership": ("Premier League",),
    "Premier League": ("Premiership",),
}


def institution_forms(answer: str) -> list[str]:
    """ "House of Lords" for "the Lords", "Premier League" for "the Premiership"."""
    bare = answer.removeprefix("the ").removeprefix("The ")
    return list(_INSTITUTION_FORMS.get(bare, ()))


# The long words newspapers themselves shorten ("Man Utd", "Warner Bros").
_CONTRACTIONS = {"Brothers": "Bros", "United": "Utd", "and": "&"}
# British and American spellings of the words in a venue's name ("Kodak Theatre" is written
# "Kodak Theater" by half the world).
_SPELLINGS = {"Theatre": "Theater", "Theater": "Theatre", "Centre": "Center", "Center": "Centre"}
# A newspaper or broadcaster is known by its whole name: "Manchester Evening News" is never
# "Manchester", "Hollywood Reporter" never "Hollywood".
_MEDIA_WORDS = frozenset(
    {
        "Times",
        "Post",
        "News",
        "Reporter",
        "Herald",
        "Guardian",
        "Journal",
        "Telegraph",
        "Mail",
        "Standard",
        "Chronicle",
        "Gazette",
        "Observer",
        "Mirror",
        "Express",
        "Star",
        "Sun",
        "Tribune",
        "Magazine",
        "Radio",
        "Television",
        "TV",
        "Press",
    }
)
# A word this rare in general English names one thing ("Baikal", "Welling", "Hertfordshire");
# a commoner one ("Manchester", "England") names a place many bodies share.
_IDENTIFYING_MAX_ZIPF = 4.0
# An everyday word at least this common is the generic part of a name ("Finance", "United").
_GENERIC_MIN_ZIPF = 3.0


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
    if len(words) == 1 and text:
        out += spelt_out(bare, text)
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
    if words[-1] == "Party" and len(words) >= 2:
        out.append(" ".join(words[:-1]))  # "Scottish Labour" for the Scottish Labour Party
    out += spelling_swaps(bare)
    out += _CLUB_SHORT.get(bare, ())
    identifying = identifying_word(bare, text)
    if identifying:
        out.append(identifying)
    outlet = all(w in _MEDIA_WORDS or w in ("Online", "Sport", "World") for w in words[1:])
    if outlet and re.fullmatch(r"[A-Z]{2,5}", words[0]):
        out.append(words[0])  # "BBC" for the BBC News website

    head = words[0]
    short = words[:-1]
    while short and short[-1].lower().strip(".,") in ORG_QUALIFIERS:
        if len(short) == 1:
            break
        short = short[:-1]
    if words[-1].lower().strip(".,") in ORG_QUALIFIERS:
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


def spelling_swaps(name: str) -> list[str]:
    """The name with its short words spelt out, its long words shortened, or its British words
    spelt the American way (or back), where both are in everyday use: "Warner Brothers" for
    "Warner Bros", "Marks and Spencer" for "Marks & Spencer", "Kodak Theater" for "Kodak
    Theatre"."""
    words = name.split()
    swapped = [
        _ABBREVIATIONS.get(w.rstrip("."), _CONTRACTIONS.get(w, _SPELLINGS.get(w, w)))
        if i > 0
        else w
        for i, w in enumerate(words)
    ]
    return [" ".join(swapped)] if swapped != words else []


def _generic(word: str) -> bool:
    """A word in a name that says what kind of body it is, not which one ("Finance", "Group",
    "United", "University")."""
    if word in ORG_HEADS or word in PLACE_HEADS or word in THING_HEADS:
        return True
    if word.lower() in ORG_QUALIFIERS or word.lower() in _NAME_CONNECTORS:
        return True
    return lexicon_word(word) is not None and zipf(word) >= _GENERIC_MIN_ZIPF


def identifying_word(name: str, text: str) -> str | None:
    """The one word that tells a body apart, where every other word only says what kind of
    body it is: "Baikal" of Baikal Finance Group, "Welling" of Welling United, "Hertfordshire"
    of the University of Hertfordshire. None where that word is common in English or names a
    country, where the body is a newspaper or broadcaster, or where the article uses the word
    in another name too ("Lake Baikal" beside "Baikal Finance Group")."""
    words = name.split()
    if len(words) < 2 or any(w in _MEDIA_WORDS for w in words):
        return None
    own = [w for w in words if not _generic(w)]
    if len(own) != 1 or not own[0][:1].isupper() or not own[0].isalpha():
        return None
    word = own[0]
    if len(word) < 3 or zipf(word) >= _IDENTIFYING_MAX_ZIPF or word in demonyms():
        return None
    if place_kind(word) == "country":
        return None
    if text and _in_another_name(word, name, text):
        return None
    return word


_NAME_WORD = re.compile(r"[A-Z][\w'.&-]*|of|for|the|and|&")


def _in_another_name(word: str, name: str, text: str) -> bool:
    """Whether the article uses the word inside a name other than this one ("Lake Baikal"
    beside "Baikal Finance Group"); the word alone, or a part of this name, is no other name.
    Where the article also calls the body by the word alone ("project leader at Hertfordshire"
    beside "the Hertfordshire Cogniron team"), students may too."""
    other = alone = False
    for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        before = text[: match.start()].split()[-3:]
        after = text[match.end() :].split()[:3]
        run = [word]
        for w in reversed(before):
            if not _NAME_WORD.fullmatch(w) or w[-1] in ".!?:;,":
                break  # a sentence or clause ends before the word: no name runs across it
            run.insert(0, w)
        if text[match.end() : match.end() + 1] not in ".!?:;,":
            for w in after:
                bare = w.rstrip(".!?:;,")
                if not _NAME_WORD.fullmatch(bare):
                    break
                run.append(bare)
                if bare != w:
                    break
        # Small words and a sentence's "The" or "But" only join names, never start or end one.
        while run and (not run[0][:1].isupper() or _no_name_start(run[0])):
            run.pop(0)
        while run and not run[-1][:1].isupper():
            run.pop()
        joined = " ".join(run)
        if joined == word:
            alone = True
        elif joined not in name:
            other = True
    return other and not alone


def _no_name_start(word: str) -> bool:
    """A capitalised word that opens a sentence, not a name: "The", "But", "Fans" (an everyday
    word that is no head of a name, as "Lake" and "University" are)."""
    if word.lower() in STOPWORDS:
        return True
    heads = word in ORG_HEADS or word in PLACE_HEADS or word in THING_HEADS
    return not heads and lexicon_word(word) is not None and zipf(word) >= _GENERIC_MIN_ZIPF


# A run of capitalised words, with the small words a body's name holds ("Bank of England").
_CAPITALISED_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+|for\s+|and\s+|the\s+)*[A-Z][a-z]+)+")


def spelt_out(acronym: str, text: str) -> list[str]:
    """The one name the article writes whose initials are the acronym asked ("European
    Commission" for "EC" where the article names the Commission once in full): a student who
    writes the name out is right. None where two names fit."""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return []
    found = set()
    for match in _CAPITALISED_NAME.finditer(text):
        words = match.group().split()
        # A name that opens a sentence may carry the sentence's first word: try each start.
        for start in range(len(words) - 1):
            name = words[start:]
            if name[0].lower() in _NAME_CONNECTORS:
                continue
            initials = "".join(w[0] for w in name if w.lower() not in _NAME_CONNECTORS)
            if initials == acronym:
                found.add(" ".join(name))
    return sorted(found) if len(found) == 1 else []


def known_acronyms(name: str) -> list[str]:
    """The curated acronym of an organisation's full name, or its full name for the acronym
    ("Organisation" and "Organization" alike; "Office of" and "Office for" alike)."""

    def same(x: str) -> str:
        x = x.casefold().replace("organization", "organisation").replace("&", "and")
        return " ".join(w for w in x.split() if w not in ("of", "for", "the"))

    key = same(name)
    out = [acr for acr, full in acronyms() if same(full) == key]
    return out + [full for acr, full in acronyms() if acr == name]


# A football ground among a club's names ("White Hart Lane", "St Mary's"): where the ground is
# asked the club is no answer, nor the ground where the club is.
_GROUND = re.compile(
    r"\b(?:Park|Road|Stadium|Lane|Ground|Bridge|Cottage|Street|Dell|Den|Light|Hawthorns|Camp|"
    r"Nou|Bernabeu|Highbury|Anfield|Goodison|Molineux|Ibrox|Parkhead|Tynecastle|Pittodrie|"
    r"Hillsborough)\b|^St\b"
)


def club_forms(answer: str, doc: Document) -> list[str]:
    """In a football or rugby report, the other names of the club asked ("Southampton" for
    "Saints' fortunes", "Spurs" for Tottenham, "Leicester" for the rugby "Tigers"), never its
    ground; none for a ground or in other reports ("Saints" of a rugby side is no Southampton)."""
    from quizapp.nlp.distractors.teams import article_sport, club_names

    if _GROUND.search(answer):
        return []
    names = club_names(answer, article_sport(s.text for s in doc.sentences))
    if not names:
        return []
    return [n for n in names if n.casefold() != answer.casefold() and not _GROUND.search(n)]


def role_acronym_forms(answer: str) -> list[str]:
    """A role's acronym spelt out from the role words the project knows: "CEO" -> "chief
    executive", "chief executive officer"; "MD" -> "managing director"."""
    from quizapp.nlp.gazetteers import role_words

    if not re.fullmatch(r"[A-Z]{2,4}", answer) or answer.lower() not in role_words():
        return []
    out = []
    for role in sorted(role_words()):
        words = role.split()
        if len(words) < 2:
            continue
        initials = "".join(w[0] for w in words).upper()
        if initials == answer:
            out.append(role)
        elif initials + "O" == answer:  # "chief executive" + officer
            out += [role, f"{role} officer"]
    return out
