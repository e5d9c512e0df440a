"""Stems that lean on the article: "The film ...", "such a size", a blank that halves a name.

A student who has read the article but does not have it open cannot tell which film "The film"
is, what "such a size" was, or who "he" is in "Since then he ...". And a blank must never cut a
proper name in two ("the _____ and Social Care"): the answer would be a fragment of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.nlp.dates import MONTHS, WEEKDAYS
from quizapp.nlp.facts.name_words import ORG_HEADS, PLACE_HEADS, THING_HEADS
from quizapp.nlp.gazetteers import demonyms
from quizapp.nlp.model import Document, Fact, FactType, Sentence

# A sentence opening on a determiner and only lower-case words: "The band ...", "This target".
_DEFINITE = re.compile(r"(?:The|This|That|These|Those|Such)\s+", re.I)
_LOWER_WORD = re.compile(r"[a-z][\w'’-]*|\d[\w-]*-[a-z][\w-]*")
_NP_TAGS = frozenset({"NN", "NNS", "JJ", "JJR", "JJS", "CD", "POS"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# "this year", "the next day": times, read against the article's date, not things left unnamed.
_TIME_HEADS = frozenset(
    {
        "year",
        "week",
        "month",
        "day",
        "season",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "summer",
        "winter",
        "spring",
        "autumn",
        "decade",
        "century",
        "time",
        "moment",
        "past",
        "future",
        "world",
        "public",
        "government",
        "police",
        "economy",
    }
)
# Mid-sentence "such a size", "this problem", "these plans": they point back to text not shown.
_POINTING = re.compile(r"\b(?:such\s+(?:an?\s+)?|this\s+|these\s+)(?!as\b)([a-z][\w-]*)")
_CALENDAR = frozenset(MONTHS) | {d.capitalize() for d in WEEKDAYS}
# "Since then he ...", "Last year she ...": an opening phrase, then an unresolved pronoun.
_LATE_PRONOUN = re.compile(
    r"^(?:Since|In|On|At|Last|Earlier|Later|After|Before|Then|Now|During|Until|By|Yesterday|"
    r"Today|Recently|Previously|Next|Within|Over|Throughout|Already|Still|Eventually|Finally|For)"
    r"(?:\s+(?:[a-z][\w'’-]*|\d[\w,.]*)){0,4},?\s+(he|she|they|it|his|her|their|"
    r"(?:this|that)(?=\s+(?:has|had|is|was|will|would|could|means|meant)\b))\b"
)
_HEADS = ORG_HEADS | PLACE_HEADS | THING_HEADS
_CONNECTOR = re.compile(r"\s(?:of|for|and|&|de|du)\s")
_NAME_GOES_ON = re.compile(r"^\s+(?:and|&|of|for)\s+[A-Z][\w'’-]*")
_OWN_NAME = re.compile(r"^\s+and\s+[A-Z][\w'’-]*\s+([A-Z][\w'’-]*)")
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)\s+(?:of|for|and|&)\s+$")
# Capitalised words before a name that are not part of it ("The Aviator", "Mr Evans").
_NOT_PART_OF_NAME = frozenset({"the", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "st", "i"})
_NOT_NAMES = frozenset({FactType.QUANTITY, FactType.DATE, FactType.ORDINAL, FactType.QUOTE})


@dataclass(frozen=True, slots=True)
class Description:
    """An unnamed subject a sentence opens with: its head noun and where it sits."""

    head: str
    start: int
    end: int
    # The description's earlier words, for a head the tagger took for a noun ("researchers
    # estimate"): (word, start, end), nearest last.
    before: tuple[tuple[str, int, int], ...] = ()


def vague_opening(
    body: str, sentence: Sentence, offset: int, a: int, b: int | None = None
) -> Description | None:
    """The description the text opens with when the reader cannot identify it ("The dinner, on
    Tuesday, is ...", "The 29-year-old finished ..."); ``offset`` is where ``body`` starts in
    the sentence and ``a`` where the answer starts. A description that names something before
    its verb ("The sequel to Meet The Parents") or that holds the answer is not vague."""
    opening = _DEFINITE.match(body)
    if not opening:
        return None
    pos = opening.end()
    head: Description | None = None
    for token in sentence.tokens:
        at = token.start - sentence.start - offset
        if at < pos:
            continue
        demonym = token.text in demonyms() or _DESCRIBING_NAME.fullmatch(token.text) is not None
        if at > pos + 1 or not (_LOWER_WORD.fullmatch(token.text) or demonym):
            break
        if token.tag not in _NP_TAGS and not demonym:
            break
        earlier = (*head.before, (head.head, head.start, head.end)) if head else ()
        head = Description(token.text, offset + at, offset + at + len(token.text), earlier)
        pos = at + len(token.text)
    b = a if b is None else b
    if head is None or offset + pos > a:
        return None  # "The Xbox game ...", or the answer is the subject itself
    low = head.head.lower()
    if low in _TIME_HEADS or low.rstrip("s") in _TIME_HEADS:
        return None
    # Up to the sentence's first verb, does the subject name anything?
    first, commas = True, 0
    for token in sentence.tokens:
        at = token.start - sentence.start
        if at < offset + pos:
            continue
        # A past form right after the subject or after an aside between commas is its verb
        # ("The band released ...", "The play, directed by X, won ...").
        if token.tag in _FINITE or ((first or commas >= 2) and token.tag.startswith("VB")):
            return head
        first = False
        commas += token.text == ","
        if a <= at < b:
            continue  # the answer names nothing for the student: it is the blank
        if token.text[:1].isupper() and token.text not in _CALENDAR | demonyms():
            return None  # a name; "The French international defender" still names nobody
    return head


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|\d+)){0,4}"


def named_antecedent(doc: Document, sentence: Sentence, head: str) -> str | None:
    """The head noun with the one name the article gave it before ("band" -> "band Busted" after
    "pop band Busted"; "site" -> "Suprnova site" after "the Suprnova site"; "survey" -> "survey
    led by the University of Vienna" after "A survey led by the University of Vienna"), or None
    when the article names no such thing, or more than one."""
    word = rf"(?i:{re.escape(head)})"
    after = re.compile(rf"\b(?P<h>{word})\s+({_NAME})")
    before = re.compile(rf"\b[Tt]he\s+((?:[A-Z][\w'’-]*\s+){{1,3}})(?P<h>{word})\b")
    described = re.compile(
        rf"(?:^|\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){{0,2}})(?P<h>{word})\s+"
        rf"((?:{_BY}|of|from|at|for)\s+(?:the\s+)?{_NAME})"
    )
    texts = [doc.title or "", doc.standfirst or ""]
    texts += [s.text for s in doc.sentences[: sentence.index]]
    # A head with a bare name ("song Bout") counts from the headline, the standfirst and the
    # sentence just before only: "The autobiographical song" after a sentence about "Thank You"
    # is not the "comeback song Bout" of two sentences earlier.
    near = {0, 1, len(texts) - 1}
    # One candidate per mention of the head, the fullest description first.
    found: dict[tuple[int, int], str] = {}
    for i, text in enumerate(texts):
        for m in described.finditer(text):
            found.setdefault((i, m.start("h")), f"{head} {_trim(m.group(2))}")
        if i not in near:
            continue
        for m in after.finditer(text):
            name = _trim(m.group(2))
            if name.split()[0] not in _CALENDAR:
                found.setdefault((i, m.start("h")), f"{head} {name}")
        for m in before.finditer(text):
            name = m.group(1).strip()
            if all(_DESCRIBING_NAME.fullmatch(w) for w in name.split()):
                continue  # "The Ballymena-born actor": described, not named
            if name.split()[0] not in _CALENDAR:
                found.setdefault((i, m.start("h")), f"{name} {head}")
    if len(set(found.values())) != 1:
        return None
    return next(iter(found.values()))


_BY = (
    r"(?:led|run|published|organised|organized|conducted|commissioned|held|made|released|"
    r"directed|written|founded|owned|funded|carried out|produced)\s+by"
)


def _trim(name: str) -> str:
    return re.sub(r"(?:\s+(?:of|the|and))+$", "", name.rstrip(".,;:"))


def points_back(sentence: Sentence, a: int, b: int, quoted: list[tuple[int, int]]) -> bool:
    """'such a size', 'this problem' outside quoted words and outside the answer."""
    text = sentence.text
    nouns = {
        t.start - sentence.start for t in sentence.tokens if t.tag in ("NN", "NNS", "JJ", "VBN")
    }
    for m in _POINTING.finditer(text):
        if m.start() < b and a < m.end():
            continue
        if any(q0 <= m.start() < q1 for q0, q1 in quoted) or m.start(1) not in nouns:
            continue
        noun = m.group(1).lower()
        if noun in _TIME_HEADS or noun.rstrip("s") in _TIME_HEADS:
            continue
        return True
    return False


def late_pronoun(body: str) -> bool:
    """Whether the text opens on a phrase and then a pronoun: "Since then he ...", "In 2003 it"."""
    return _LATE_PRONOUN.match(body) is not None


def cuts_a_name(fact: Fact, text: str, a: int, b: int) -> bool:
    """Whether the answer span [a, b) of the sentence text is a strict part of a longer proper
    name: "Welsh Institute for Health| and Social Care", "Bank of |England", "|New York| Marathon"
    (a name's own word follows)."""
    if fact.type in (FactType.QUANTITY, FactType.ORDINAL) and re.match(
        r"\d+\b(?![.,-]\d)", text[a:b]
    ):
        named = re.search(r"(?<=\S )([A-Z][\w'’-]*)\s$", text[:a])
        if (
            named
            and named.group(1) not in _CALENDAR
            and named.group(1).lower() not in _NOT_PART_OF_NAME
        ):
            return True  # "Chapter |11", "Windows |95": the number is part of the name
    if fact.type in _NOT_NAMES:
        return False
    span, after, before = text[a:b], text[b:], text[:a]
    words = span.split()
    inner = bool(_CONNECTOR.search(f" {span} "))
    own_name = _OWN_NAME.match(after)  # "Oxford University and Cambridge University"
    own = own_name is not None and own_name.group(1) in _HEADS
    if _NAME_GOES_ON.match(after) and (inner or any(w in _HEADS for w in words)) and not own:
        return True
    following = re.match(r"^ ([A-Z][\w'’-]*)", after)
    if following and following.group(1) in _HEADS:
        return True  # "New York| Marathon", "Lycos| Group"
    if (
        fact.type is FactType.OTHER
        and following
        and following.group(1) not in _CALENDAR
        and fact.attr("form") == "name"
    ):
        return True  # "Eternal Sunshine of the Spotless| Mind": a title goes on
    if re.match(r"^ (?:I|II|III|IV|V|VI)\b", after) and span[:1].isupper():
        return True  # "World War| I", "Henry| VIII": the numeral is part of the name
    number_after = re.match(r"^ \d+\b(?![.,:-]?\d)", after)
    if fact.type is not FactType.PERSON and words and words[-1][:1].isupper() and number_after:
        return True  # "Sony PlayStation| 2", "Halo| 2": the number is part of the name
    earlier = _NAME_BEFORE.search(before)
    if earlier and earlier.group(1) in _HEADS:
        return True  # "Bank of |England"
    if earlier and words and words[-1] in _HEADS and earlier.group(1)[:1].isupper():
        return True  # "Pew Internet and |American Life Project": one name, cut at its "and"
    if fact.type is not FactType.PERSON and span[:1].isupper():
        if re.search(r"(?<=\S )\d+\s$", before):
            return True  # "21 |Jump Street": the number opens the name
        if re.search(r"(?<=\S )[A-Z][\w'’-]*\s+(?:The|A|Of|In|On)\s$", before):
            return True  # "Meet The |Fockers": a title's capitalised words run on
    previous = re.search(r"(\S+)\s$", before)
    if fact.type is not FactType.PERSON and span[:1].isupper() and previous:
        word = previous.group(1)
        opening = before.strip() == word
        if (
            word[:1].isupper()
            and word.replace("-", "").isalpha()
            and not opening
            and word not in _CALENDAR
            and word.lower() not in _NOT_PART_OF_NAME
            and not (word.isupper() and len(word) <= 3)
        ):
            return True  # "the Welsh |Assembly", "My |Beautiful Laundrette": the name goes back
    return False


# Nouns that, after "the", refer back to one thing the article introduced earlier ("the case",
# "the changes", "the document"): out of the article a student cannot tell which one.
REFERRING_NOUNS = frozenset(
    [
        "case",
        "changes",
        "change",
        "question",
        "legislation",
        "document",
        "call",
        "action",
        "move",
        "decision",
        "deal",
        "plan",
        "plans",
        "proposal",
        "proposals",
        "scheme",
        "report",
        "study",
        "survey",
        "research",
        "figures",
        "results",
        "picture",
        "issue",
        "problem",
        "matter",
        "incident",
        "row",
        "dispute",
        "ban",
        "bill",
        "measure",
        "measures",
        "idea",
        "policy",
        "project",
        "attack",
        "claims",
        "allegations",
        "charges",
        "trial",
        "ruling",
        "verdict",
        "agreement",
        "talks",
        "meeting",
        "event",
        "film",
        "song",
        "album",
        "book",
        "game",
        "match",
        "show",
        "programme",
        "program",
        "site",
        "device",
        "product",
        "technology",
        "service",
        "software",
        "target",
        "offer",
        "bid",
        "takeover",
        "merger",
        "sale",
        "lead",
        "move",
        "scandal",
        "affair",
        "episode",
        "investigation",
        "inquiry",
        "probe",
        "case",
        "decision",
        "announcement",
        "letter",
        "statement",
        "comments",
        "remarks",
        "campaign",
        "strategy",
        "initiative",
        "law",
        "rule",
        "rules",
        "reform",
        "reforms",
        "contract",
        "deadline",
        "experiment",
        "competition",
        "tournament",
        "contest",
        "award",
        "prize",
        "race",
        "series",
        "role",
        "roles",
        "post",
        "posts",
        "positions",
        "jobs",
    ]
)
# What may follow such a noun and name it: "the case of ...", "the deal with Sony", "the film
# Ray", a relative clause that says which one.
_SAYS_WHICH = re.compile(
    r"^(?:\s+(?:of|with|between|for|to|on|about|against|over|by|from|that|which|who|in)\b|"
    r"\s+[A-Z0-9\"“‘'])"
)
# "34 years later", "two days earlier": a time counted from an event the stem does not give.
_RELATIVE_TIME = re.compile(
    r"\b(?:[\w-]+)\s+(?:years?|months?|weeks?|days?|decades?|hours?|minutes?|seconds?)\s+"
    r"(?:later|earlier)\b|"
    r"\b(?:[Tt]he\s+same|[Tt]hat)\s+(?:year|month|week|day|season|night|morning|afternoon)\b"
)


def unnamed_references(
    sentence: Sentence, a: int, b: int, quoted: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """Definite references the stem leaves unnamed ("the case", "the changes"), outside the
    answer and quoted words: (head noun, start, end) in the sentence. A noun named right after
    ("the case of ...", "the film Ray") or named before it ("the Kyoto agreement") is not one."""
    text = sentence.text
    tokens = sentence.tokens
    out = []
    for i, token in enumerate(tokens):
        if token.text.lower() != "the":
            continue
        j = i + 1
        # Right after "the", a word tagged as a verb is a noun ("The call comes ...").
        while (
            j < len(tokens)
            and (tokens[j].tag in _NP_TAGS or (j == i + 1 and tokens[j].tag in ("VB", "VBP")))
            and _LOWER_WORD.fullmatch(tokens[j].text)
        ):
            j += 1
        head_tags = ("NN", "NNS", "VB", "VBP") if j == i + 2 else ("NN", "NNS")
        if j == i + 1 or j - i > 4 or tokens[j - 1].tag not in head_tags:
            continue  # "the best foreign film prize": the head is "prize", not "film"
        head = tokens[j - 1]
        if head.text.lower() not in REFERRING_NOUNS or tokens[i + 1].text.lower() == "same":
            continue
        start, end = token.start - sentence.start, head.end - sentence.start
        if start < b and a < end:
            continue
        if any(q0 <= start < q1 for q0, q1 in quoted):
            continue
        if _SAYS_WHICH.match(text[end:]) or text[end : end + 1] in ("'", "’", "-"):
            continue
        if b <= start and re.fullmatch(r"[\s,]*", text[b:start]):
            continue  # "_____, the film ...": the answer (a title or name) says which
        out.append((head.text, head.start - sentence.start, end))
    return out


def relative_time(sentence: Sentence, a: int, b: int) -> bool:
    """Whether the sentence counts time from an unnamed event ("34 years later"). A blanked
    count ("_____ minutes later") leaves the event unnamed all the same; only an answer that
    holds the "later" itself takes the reference away."""
    return any(not (a < m.end() <= b) for m in _RELATIVE_TIME.finditer(sentence.text))


# "Latest figures suggest it has sold ...": a reported clause whose subject is a bare pronoun.
_REPORTED_PRONOUN = re.compile(
    r"\b(?:suggests?|suggested|shows?|showed|says?|said|believes?|believed|thinks?|thought|"
    r"claims?|claimed|hopes?|hoped|expects?|expected|reports?|reported|insists?|insisted)\s+"
    r"(?:that\s+)?(it|he|she|they)\b"
)


def embedded_pronoun(text: str, a: int, b: int) -> bool:
    """Whether a reported clause opens on an unresolved pronoun ("figures suggest it has
    sold ...") outside the answer and before any name the sentence gives."""
    for m in _REPORTED_PRONOUN.finditer(text):
        if m.start(1) < b and a < m.end(1):
            continue
        before = text[: m.start()]
        named = re.search(r"(?<=\S )[A-Z][a-z]", before) or (a < m.start() and b <= m.start())
        if not named:
            return True
    return False


# Nouns that stand in for a person or an organisation the article named before ("the
# presenter", "the company"): out of the article a student cannot tell who is meant.
PERSON_DESCRIPTIONS = frozenset(
    {
        "presenter",
        "host",
        "star",
        "actor",
        "actress",
        "singer",
        "player",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "winger",
        "captain",
        "coach",
        "manager",
        "boss",
        "chairman",
        "chief",
        "minister",
        "spokesman",
        "spokeswoman",
        "director",
        "producer",
        "writer",
        "author",
        "novelist",
        "rapper",
        "musician",
        "comedian",
        "champion",
        "veteran",
        "youngster",
        "teenager",
        "executive",
        "founder",
        "businessman",
        "tycoon",
        "entrepreneur",
        "politician",
        "leader",
    }
)
ORGANISATION_DESCRIPTIONS = frozenset(
    {
        "company",
        "firm",
        "group",
        "party",
        "bank",
        "band",
        "airline",
        "operator",
        "retailer",
        "broadcaster",
        "corporation",
        "studio",
        "label",
        "carrier",
        "network",
        "manufacturer",
        "publisher",
        "giant",
    }
)
_BODIES = (FactType.PERSON, FactType.ORGANISATION)
# "the Mallorcan", "the Spaniard", "the Scot": a person named only by where they come from.
# Not "the French", "the Chinese": those are a people, not one person.
_DEMONYM_NOUN = re.compile(r"[A-Z][a-z]+(?:an|ard|man|woman|ot)")
_PEOPLE_WORD = re.compile(r".*(?:sh|ch|ese|ss)")
# "British-born", "Paris-based": a capitalised word that describes, not names.
_DESCRIBING_NAME = re.compile(r"[A-Z][a-z]+-[a-z][\w-]*")


@dataclass(frozen=True, slots=True)
class StandIn:
    """A description standing in for a named person or organisation, and where it sits."""

    type: FactType
    start: int
    end: int


def described_entities(
    sentence: Sentence,
    a: int,
    b: int,
    quoted: list[tuple[int, int]],
    named: list[Fact],
    *,
    answer_is_a_name: bool = True,
) -> list[StandIn]:
    """Descriptions that stand in for a person or organisation named earlier in the article
    ("The British-born presenter", "the Mallorcan", "the company"), outside the answer, quoted
    words and the sentence's own names; a description followed by a name ("the presenter Jerry
    Springer") or in apposition to the answer ("_____, the company ...") names itself."""
    text, tokens = sentence.text, sentence.tokens
    spans = [(f.start - sentence.start, f.end - sentence.start) for f in named]
    out = []
    for i, token in enumerate(tokens):
        if token.text.lower() != "the":
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 4:
            word = tokens[j].text
            describing = _DESCRIBING_NAME.fullmatch(word) or word in demonyms()
            if not (
                (tokens[j].tag in _NP_TAGS and _LOWER_WORD.fullmatch(word))
                or (describing and tokens[j].tag in ("JJ", "NNP", "NN"))
            ):
                break
            j += 1
        kind = None
        if j > i + 1:
            head = tokens[j - 1].text.lower()
            if head in PERSON_DESCRIPTIONS:
                kind = FactType.PERSON
            elif head in ORGANISATION_DESCRIPTIONS:
                kind = FactType.ORGANISATION
        elif (
            j < len(tokens) - 1
            and (
                _DEMONYM_NOUN.fullmatch(tokens[j].text)
                or (tokens[j].text in demonyms() and not _PEOPLE_WORD.fullmatch(tokens[j].text))
            )
            and tokens[j + 1].tag in _FINITE | {"VBN"}
        ):
            kind, j = FactType.PERSON, j + 1  # "the Mallorcan became ..."
        if kind is None:
            continue
        start, end = token.start - sentence.start, tokens[j - 1].end - sentence.start
        if (start < b and a < end) or any(q0 <= start < q1 for q0, q1 in quoted):
            continue
        if any(s < end and start < e for s, e in spans):
            continue  # part of a name the sentence gives ("the Labour Party")
        if re.match(r"^\s+[A-Z][a-z]", text[end:]) or text[end : end + 1] in ("-",):
            continue  # "the presenter Jerry Springer"
        places = [(s, e) for (s, e), f in zip(spans, named, strict=True) if f.type not in _BODIES]
        before = re.search(r"([A-Z][\w'’-]*)\s*,\s*$", text[:start])
        if before and not (
            any(s <= before.start(1) < e for s, e in places)
            or (a <= before.start(1) < b and not answer_is_a_name)
        ):
            continue  # "BAA, the company ...": apposition names it ("At Gatwick, the" does not)
        if answer_is_a_name and b <= start and re.fullmatch(r"[\s,]*", text[b:start]):
            continue
        if any(f.type is kind and f.end - sentence.start <= start for f in named):
            # "Kluivert set Bowyer free, but the Dutchman ...": the sentence's own name is
            # likelier than one before it, and which of them is meant the stem cannot say.
            return [StandIn(kind, -1, -1)]
        out.append(StandIn(kind, start, end))
    return out
