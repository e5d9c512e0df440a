"""Stems that stand alone: pronouns resolved, discourse words dropped, quotations kept whole.

A cloze or true/false statement is the source sentence, lightly rewritten so that a student who
has read the article but does not have it open can follow it. "He said ..." becomes "Vince
Cable said ..." when the previous sentences name exactly one person; "But" and a dangling "also"
go. Where that cannot be done safely (an unresolved "It" or "They", a quotation that runs on
from or into another sentence, an answer inside someone's quoted words) no stem is made and the
builder offers another form or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.nlp.dates import MONTHS, WEEKDAYS
from quizapp.nlp.distractors import common_noun_name, looks_like_place_or_body
from quizapp.nlp.model import Document, Fact, FactType, Sentence
from quizapp.nlp.questions.quoting import (
    STRAY,
    Regions,
    in_sentence,
    inside,
    is_speech,
    opens_long_quote,
    partial_quote,
)
from quizapp.nlp.questions.references import (
    Description,
    cuts_a_name,
    described_entities,
    embedded_pronoun,
    late_pronoun,
    named_antecedent,
    points_back,
    relative_time,
    unnamed_references,
    vague_opening,
)

MAX_STEM_WORDS = 45
_OPEN, _CLOSE = "“", "”"
_DISCOURSE = re.compile(
    r"^(?:(?:But|And|So|Yet|Or|Plus)\b,?|(?:However|Also|Meanwhile|Still|Moreover|Furthermore|"
    r"Nevertheless|Nonetheless|Instead|Indeed|Besides|Likewise|Similarly|Separately|Overall|"
    r"In addition|In turn|In fact|Even so|As a result|At the same time|By contrast|"
    r"On the other hand|Elsewhere|In comparison|By comparison|In contrast|Conversely|"
    r"Additionally|Consequently|Therefore|Thus|Again|Ultimately|Otherwise|Afterwards)\s*,)\s+"
)
_ALSO = re.compile(r"\s+also\b(?=\s)")
_PERSONAL = {"he": "", "she": "", "his": "'s", "her": "'s"}
_THING = {"it": "", "its": "'s"}
_UNRESOLVABLE = frozenset(
    {"they", "them", "their", "this", "these", "those", "that", "we", "i", "us", "our", "there"}
)
_NOUN_ANAPHORS = {
    "the country": ("place", "country"),
    "the nation": ("place", "country"),
    "the city": ("place", "city"),
    "the company": ("organisation", None),
    "the firm": ("organisation", None),
    "the group": ("organisation", None),
    "the bank": ("organisation", None),
    "the club": ("organisation", None),
    "the party": ("organisation", None),
}
_ANAPHOR = re.compile(r"(" + "|".join(re.escape(p) for p in _NOUN_ANAPHORS) + r")\b(?!-)", re.I)
_SPEECH_PRONOUN = re.compile(
    r"\b(?:(?P<p1>he|she)\s+(?:said|says|added|told|explained|insisted|warned|stressed|argued|"
    r"claimed|admitted|continued|noted|wrote)|(?:said|says|added|told)\s+(?P<p2>he|she))\b"
)
_LOOKBACK = 3
# The pronouns of each sex, to find a sentence that speaks of the other one.
_SEX_OF = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f"}
_OTHER_SEX = {
    "m": re.compile(r"\b(?:she|her|hers)\b", re.I),
    "f": re.compile(r"\b(?:he|his|him)\b", re.I),
}
_NOT_AGENT_VERBS = frozenset(
    {"is", "was", "s", "has", "had", "will", "would", "may", "might", "could", "can", "should"}
    | {"seems", "seemed", "appears", "appeared", "remains", "remained", "means", "meant"}
    | {"emerged", "follows", "followed", "comes", "came", "took", "takes", "became", "becomes"}
)


@dataclass(frozen=True, slots=True)
class Stem:
    """A rewritten sentence and where the fact now sits in it."""

    text: str
    start: int
    end: int

    def with_blank(self, blank: str) -> str:
        """The stem with the fact replaced by a blank (or any other text)."""
        return (self.text[: self.start] + blank + self.text[self.end :]).strip()


def _recent(
    doc: Document,
    mentions: dict[int, tuple[Fact, ...]],
    sentence: Sentence,
    want: FactType,
    kind: str | None,
    depth: int = 0,
    *,
    subject_only: bool = False,
    sex: str | None = None,
) -> str | None:
    """What an opening pronoun or "the company" refers to, or None when that is not clear.

    The nearest earlier sentence that names such an entity decides: its subject if it opens
    with one ("Liam Fox said ..."), what its own opening pronoun referred to, or the one entity
    of the type it names. Two candidates and no clear subject leave the reference unresolved.
    """
    for back in range(1, _LOOKBACK + 1):
        index = sentence.index - back
        if index < 0 or depth > _LOOKBACK:
            return None
        earlier = doc.sentences[index]
        if sex is not None and _OTHER_SEX[sex].search(earlier.text):
            # "His involvement ..." before "She now combines ...": the sentences speak of a man
            # and a woman, and which name is hers is not clear from their order.
            return None
        found = [
            f
            for f in mentions.get(index, ())
            if f.type is want
            and (kind is None or f.attr("kind") == kind)
            and (want is not FactType.PERSON or " " in (f.attr("canonical") or f.text))
            and (want is not FactType.PERSON or not looks_like_place_or_body(f.text))
            # "Police Officers" is no antecedent of "he" ("Police Officers said police ...").
            and (want is not FactType.PERSON or not common_noun_name(f.text))
        ]
        opening = re.match(r"(?:\W*)(\w+)", earlier.text)
        first_word = opening.group(1).lower() if opening else ""
        pronouns = _PERSONAL if want is FactType.PERSON else _THING
        carried = first_word in pronouns or (
            want is FactType.PERSON and re.search(r"\b(?:he|she)\b", earlier.text) is not None
        )
        if carried and not _subject(earlier, found):
            # "He said ..." after "He insisted ...": the same referent as that sentence's.
            return _recent(
                doc, mentions, earlier, want, kind, depth + 1, subject_only=subject_only, sex=sex
            )
        subject = _subject(earlier, found)
        if subject is not None:
            return subject.attr("canonical") or subject.text
        names = {f.attr("canonical") or f.text for f in found}
        if subject_only and names:
            return None
        if len(names) == 1:
            return names.pop()
        if len(names) > 1:
            return None
    return None


_SAYS = re.compile(r"^\s+(?:has\s+)?(?:said|says|told|tells|added|insisted|argued|warned)\b")


def _subject(sentence: Sentence, found: list[Fact]) -> Fact | None:
    """The entity the sentence opens with (after its role or title words), or the speaker."""
    found = [f for f in found if not looks_like_place_or_body(f.text)]
    speakers = [f for f in found if _SAYS.match(sentence.text[f.end - sentence.start :])]
    if len({f.attr("canonical") or f.text for f in speakers}) == 1:
        return speakers[0]  # "..., Mr Neeson said that ...": the speaker is the subject
    for i, fact in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if after is not None and re.fullmatch(
            r",?\s+(?:and|or|,)\s+",
            sentence.text[fact.end - sentence.start : after.start - sentence.start],
        ):
            return None  # "Anna Berg and Tomas Holm said ...": two subjects, "he" is unclear
        before = sentence.text[: fact.start - sentence.start]
        role = fact.attr("role") or ""
        if role and before.rstrip().endswith(role):
            before = before.rstrip()[: -len(role)]
        words = re.findall(r"[A-Za-z][\w'’-]*", before)
        if all(w[:1].isupper() or w.lower() in ("the", "a", "an") for w in words):
            return fact
        return None
    return None


def _people_outside_quotes(
    mentions: dict[int, tuple[Fact, ...]], sentence: Sentence, quotes: list[tuple[int, int, bool]]
) -> bool:
    return any(
        f.type is FactType.PERSON and not inside(tuple(quotes), f.start, f.end)
        for f in mentions.get(sentence.index, ())
    )


def stand_alone_stem(
    doc: Document,
    sentence: Sentence,
    fact: Fact,
    mentions: dict[int, tuple[Fact, ...]],
    regions: Regions,
) -> Stem | None:
    """The sentence rewritten to stand alone, with the fact's place in it; None if it cannot."""
    reopened = False
    if partial_quote(doc, sentence, regions):
        if not opens_long_quote(doc, sentence, regions):
            return None
        reopened = True  # the quoted sentence is closed with a mark of its own below
    quotes = in_sentence(regions, sentence)
    if inside(tuple(quotes), fact.start, fact.end):
        return None  # the exact wording of someone's quote is not worth asking
    text = sentence.text
    a, b = fact.start - sentence.start, fact.end - sentence.start
    if not any(t.tag.startswith("VB") or t.tag == "MD" for t in sentence.tokens):
        return None  # a team sheet or a list of results, not a statement to ask about
    if (
        sentence.tokens
        and sentence.tokens[0].tag in ("VBZ", "VBD", "VBP", "MD")
        and not sentence.text.rstrip().endswith("?")
    ):
        return None  # "Is expected to sell ...": its subject was split off (a title's "?")
    if re.search(r"\b(?:told|tells|telling)\s*$", text[:a]) and (
        fact.type is not FactType.PERSON or looks_like_place_or_body(fact.text)
    ):
        return None  # "X told _____:" asks which outlet a quote was given to
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), relative to the sentence
    edits += [
        (m.start(), m.end() + 1, "") for m in STRAY.finditer(text) if m.start() > b or m.end() < a
    ]
    if fact.type in _LISTED_TYPES and in_a_list_of_names(text, a, b):
        return None  # "Dionne Warwick, Diana Ross and _____": any name of the list would do
    if text[:a].rstrip().endswith("(") and fact.text.isupper() and " " not in fact.text:
        return None  # "Low-fare Airlines Association (_____)": the name spells the acronym
    if fact.type in (FactType.PLACE, FactType.OTHER) and _modifies_a_noun(sentence, fact):
        return None  # "_____ dollars", "_____ citizens": a place as an adjective, not a fact
    if fact.type is FactType.QUANTITY and _CONVERTS.search(text):
        return None  # "The _____m/s top speed translates to about 38mph": worked out, not known
    if fact.type is FactType.QUANTITY:
        converted = _conversion(text, a, b)
        if converted is None:
            return None
        edits += converted
    lead = 0
    match = _DISCOURSE.match(text)
    if match and match.end() <= a:
        edits.append((0, match.end(), ""))
        lead = match.end()
    body = text[lead:]
    if body[:1] in ('"', _OPEN):
        first = re.match(r"[\"“]\s*(\w+)", body)
        word = first.group(1).lower() if first else ""
        if word in _PERSONAL or word in _THING or word in _UNRESOLVABLE - {"we", "i", "us", "our"}:
            return None  # "“It is a triumph,” said ...": what "it" is stays unknown
    else:
        resolved = _resolve_lead(doc, body, lead, a, sentence, mentions)
        if resolved is None:
            return None
        edits += resolved
    leaning = _leaning(sentence, fact, quotes)
    if isinstance(leaning, Description):
        words = [*leaning.before, (leaning.head, leaning.start, leaning.end)]
        for word, start, end in reversed(words):
            named = named_antecedent(doc, sentence, word)
            if named is not None:
                edits.append((start, end, named))
                break
        else:
            standing = _stand_ins(doc, sentence, fact, mentions, quotes, edits)
            if standing is None or not any(s <= leaning.start < e for s, e, _ in standing):
                return None  # "The band ..." with no one band named before
    elif leaning is not None:
        return None
    if relative_time(sentence, a, b):
        return None  # "34 years later": later than what, the stem cannot say
    if embedded_pronoun(text, a, b):
        return None  # "Latest figures suggest it has sold ...": what "it" is stays unknown
    quoted = [(q0 - sentence.start, q1 - sentence.start) for q0, q1, _ in quotes]
    described = {start for start, _, _ in edits}
    for head, start, end in unnamed_references(sentence, a, b, quoted):
        if start in described:
            continue
        named = named_antecedent(doc, sentence, head)
        if named is None:
            return None  # "the case", "the changes": which one, the stem cannot say
        edits.append((start, end, named))
    standing = _stand_ins(doc, sentence, fact, mentions, quotes, edits)
    if standing is None:
        return None  # "the company", "the Mallorcan": who is meant, the stem cannot say
    edits += standing
    speech = [q for q in quotes if is_speech(doc.text[q[0] : q[1]])]
    if speech and not _people_outside_quotes(mentions, sentence, quotes):
        speaker = _resolve_speaker(doc, text, sentence, mentions, quotes, a, b)
        if speaker is None:
            return None
        edits += speaker
    edits += _full_names(mentions, sentence, fact, quotes, edits)
    for m in _ALSO.finditer(text):
        if not (m.start() < b and a < m.end()) and not inside(
            tuple(quotes), sentence.start + m.start(), sentence.start + m.end()
        ):
            edits.append((m.start(), m.end(), ""))
    if reopened:
        closing = '"' if '"' in text else _CLOSE
        edits.append((len(text.rstrip()), len(text), closing))
    stem = _apply(text, sorted(edits), a, b)
    if len(stem.text.split()) > MAX_STEM_WORDS:
        return None
    return stem


_LISTED_TYPES = frozenset({FactType.PERSON, FactType.ORGANISATION, FactType.PLACE, FactType.OTHER})
_LIST_NAME = r"(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,5}"
_LIST_JOIN = re.compile(r"^(?:\s?,\s+(?:and\s+)?|\s+and\s+)")
_LIST_NAME_AT = re.compile(_LIST_NAME)
_LIST_NAME_BEFORE = re.compile(_LIST_NAME + r"$")
_POSSESSIVE = re.compile(r"['’]s?$")
# A list of this many names is an enumeration: which one was blanked, only recall can tell.
MIN_LISTED = 3


def in_a_list_of_names(text: str, a: int, b: int) -> bool:
    """Whether the answer at [a, b) is one name of a list of three or more ("Sony, IBM and
    Toshiba"): a student can only name the one missing, a guess among the list's kind."""
    count = 1
    pos = b
    while True:
        join = _LIST_JOIN.match(text[pos:])
        name = _LIST_NAME_AT.match(text, pos + join.end()) if join else None
        if not join or not name or _calendar(name.group()) or _POSSESSIVE.search(name.group()):
            break  # "_____, Michael Mann's former deputy": a description, not a list member
        count += 1
        pos = name.end()
    pos = a
    while True:
        join = re.search(r"(?:\s?,\s+(?:and\s+)?|\s+and\s+)$", text[:pos])
        name = _LIST_NAME_BEFORE.search(text[: join.start()]) if join else None
        if not join or not name or _calendar(name.group()):
            break
        count += 1
        pos = name.start()
    return count >= MIN_LISTED


def _calendar(name: str) -> bool:
    """ "On Monday, MCI and Verizon ...": a day or month before a comma is no list member."""
    last = name.split()[-1]
    if name.split()[0] in ("In", "On", "At", "By", "For", "From"):
        return True  # "In Paris, Ida Marsh and ...": a place or time set before the clause
    return last.lower() in WEEKDAYS or last in MONTHS


def _stand_ins(
    doc: Document,
    sentence: Sentence,
    fact: Fact,
    mentions: dict[int, tuple[Fact, ...]],
    quotes: list[tuple[int, int, bool]],
    edits: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]] | None:
    """Edits that name the person or organisation a description stands in for ("the company"
    -> "BAA"), taken from the sentences just before; None when one of them cannot be named
    unambiguously, or its name is the answer."""
    a, b = fact.start - sentence.start, fact.end - sentence.start
    quoted = [(q0 - sentence.start, q1 - sentence.start) for q0, q1, _ in quotes]
    # Names, not the common nouns and demonyms the extractor also keeps ("Mallorcan").
    kinds = (FactType.PERSON, FactType.ORGANISATION, FactType.PLACE)
    named = [f for f in mentions.get(sentence.index, ()) if f.type in kinds]
    answer = {fact.text, fact.attr("canonical") or fact.text}
    out = []
    # An answer in apposition names the description only if it is a person or a body.
    is_name = fact.type in kinds[:2] or fact.attr("form") == "name"
    for stand_in in described_entities(sentence, a, b, quoted, named, answer_is_a_name=is_name):
        if stand_in.start < 0:
            return None  # the sentence names another of its kind before it
        if any(s < stand_in.end and stand_in.start < e for s, e, _ in edits):
            continue  # already named by another edit
        if _SELF_IDENTIFYING.match(sentence.text[stand_in.end :]):
            # "The joint founder of merchant bank X gave ...": a new person the article
            # describes, not one it named before; giving them that name would be false.
            continue
        head = sentence.text[stand_in.start : stand_in.end].split()[-1].lower()
        name = _only_one_recent(mentions, sentence, stand_in.type, party=head == "party")
        if name is None or name in answer or any(name in n or n in name for n in answer):
            return None
        out.append((stand_in.start, stand_in.end, name))
    return out


_SELF_IDENTIFYING = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z]")
_PARTY = re.compile(r"\b(?:Party|Labour|Conservatives?|Tor(?:y|ies)|Democrats?|Greens?)\b")


def _only_one_recent(
    mentions: dict[int, tuple[Fact, ...]], sentence: Sentence, want: FactType, *, party: bool
) -> str | None:
    """The one person or organisation the nearest earlier sentence naming any names; None when
    it names two (a description, unlike a pronoun, gives no grammatical cue to choose by).
    "The party" is only ever a party, "the company" never one."""
    for back in range(1, _LOOKBACK + 1):
        found = {
            f.attr("canonical") or f.text
            for f in mentions.get(sentence.index - back, ())
            if f.type is want
            and (want is not FactType.PERSON or not looks_like_place_or_body(f.text))
            and (want is not FactType.ORGANISATION or bool(_PARTY.search(f.text)) == party)
        }
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def leans_on_article(
    sentence: Sentence, fact: Fact, quotes: list[tuple[int, int, bool]] | Regions
) -> bool:
    """Whether the sentence cannot be asked as it stands without the article at hand: it opens
    on an unnamed "The film ..." or "Since then he ...", points back with "such a size" or
    "this problem", or the answer is part of a longer name. (Quoted words are left alone.)"""
    return _leaning(sentence, fact, quotes) is not None


def _leaning(
    sentence: Sentence, fact: Fact, quotes: list[tuple[int, int, bool]] | Regions
) -> str | Description | None:
    """What makes the sentence lean on the article: a reason, or the unnamed description."""
    text = sentence.text
    a, b = fact.start - sentence.start, fact.end - sentence.start
    if cuts_a_name(fact, text, a, b):
        return "the answer is part of a longer name"
    match = _DISCOURSE.match(text)
    lead = match.end() if match and match.end() <= a else 0
    body = text[lead:]
    quoted = [(q0 - sentence.start, q1 - sentence.start) for q0, q1, _ in quotes]
    if points_back(sentence, a, b, quoted):
        return "it points back ('such a size', 'this problem')"
    if body[:1] not in ('"', _OPEN):
        if late_pronoun(body):
            return "a pronoun after an opening phrase"
        if not _ANAPHOR.match(body):
            return vague_opening(body, sentence, lead, a, b)
    return None


def _resolve_lead(
    doc: Document,
    body: str,
    lead: int,
    a: int,
    sentence: Sentence,
    mentions: dict[int, tuple[Fact, ...]],
) -> list[tuple[int, int, str]] | None:
    """Edits that replace an opening pronoun or "the country" with its antecedent; [] if none."""
    first = re.match(r"(\w+)\b", body)
    if not first:
        return []
    word = first.group(1)
    low = word.lower()
    if lead + first.end() > a and lead <= a:
        return []  # the answer itself opens the sentence
    if low in _UNRESOLVABLE:
        return None
    if low in _PERSONAL:
        name = _recent(doc, mentions, sentence, FactType.PERSON, None, sex=_SEX_OF[low])
        if name is None or _OTHER_SEX[_SEX_OF[low]].search(sentence.text):
            return None
        return [(lead, lead + first.end(), name + _PERSONAL[low])]
    if low in _THING:
        following = re.match(r"\w+\s+(\w+)", body)
        verb = following.group(1).lower() if following else ""
        if low == "it" and (verb in _NOT_AGENT_VERBS or not _tagged_verb(sentence, verb)):
            return None  # "It is thought that ...", "It was announced ...": no antecedent
        name = _recent(doc, mentions, sentence, FactType.ORGANISATION, None, subject_only=True)
        if name is None:
            return None
        return [(lead, lead + first.end(), name + _THING[low])]
    anaphor = _ANAPHOR.match(body)
    if anaphor:
        phrase = anaphor.group(1).lower()
        cls, kind = _NOUN_ANAPHORS[phrase]
        if lead + len(phrase) > a:
            return None
        fact_type = FactType.PLACE if cls == "place" else FactType.ORGANISATION
        name = _recent(doc, mentions, sentence, fact_type, kind)
        if name is None:
            return None
        return [(lead, lead + len(phrase), name)]
    return []


_CONVERTS = re.compile(r"\b(?:translates?|converts?|equates?|equivalent)\s+to\b", re.I)
_AFTER_CONVERSION = re.compile(r"\s*\((?=[^()]*\d)[^()]{1,30}\)")


def _conversion(text: str, a: int, b: int) -> list[tuple[int, int, str]] | None:
    """A figure written again in other units ("$33.6bn (£17.7bn)") gives the key away: the
    bracketed conversion after the answer is dropped; an answer that is itself the bracketed
    conversion of a figure before it is not asked (None)."""
    before = text[:a].rstrip()
    if before.endswith("(") and re.search(r"\d[^()]{0,20}$", before[:-1].rstrip()):
        return None
    opened = text.rfind("(", 0, a)
    if opened > text.rfind(")", 0, a) and re.search(r"\d", text[max(0, opened - 25) : a]):
        return None  # "400m pesos ($136m; _____)": the bracket converts a figure shown
    after = _AFTER_CONVERSION.match(text, b)
    if after:
        return [(b, after.end(), "")]
    # "_____m pesos ($136m; £72.3m)": the bracket follows the answer's unit word.
    later = re.match(r"[^()\s]*(?:\s+[a-z]+)?(\s*\((?=[^()]*\d)[^()]{1,30}\))", text[b:])
    return [(b + later.start(1), b + later.end(1), "")] if later else []


# Kind words a product's or a unit's name stands before ("IBM's Workplace software", "the
# Yugansk unit", "PC Pro magazine"): there the name names the thing, it is no adjective.
_KIND_WORDS = frozenset(
    {"software", "unit", "magazine", "browser", "programme", "program", "platform", "console"}
    | {"brand", "label", "drug", "vaccine", "album", "app", "website", "handset", "chip"}
)


_NOT_NOUNS = frozenset({"yesterday", "today", "tomorrow", "tonight", "last", "next", "this"})


def _modifies_a_noun(sentence: Sentence, fact: Fact) -> bool:
    """Whether a lower-case common noun follows the place ("US dollars", "UK firms")."""
    after = [t for t in sentence.tokens if t.start >= fact.end]
    if after and fact.attr("form") == "name" and after[0].text in _KIND_WORDS:
        return False
    return bool(
        after
        and after[0].tag in ("NN", "NNS")
        and after[0].text[:1].islower()
        and after[0].text.lower() not in _NOT_NOUNS
    )


_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$")


def _full_names(
    mentions: dict[int, tuple[Fact, ...]],
    sentence: Sentence,
    fact: Fact,
    quotes: list[tuple[int, int, bool]],
    edits: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """ "Mr Evans" -> "Huw Evans": out of the article a title and surname name nobody, while
    the full name the article gave earlier does (only outside the answer and quoted words)."""
    out = []
    taken = [(start, end) for start, end, _ in edits]
    for other in mentions.get(sentence.index, ()):
        if other.type is not FactType.PERSON or other is fact:
            continue
        if other.start < fact.end and fact.start < other.end:
            continue
        full = other.attr("canonical") or ""
        start, end = other.start - sentence.start, other.end - sentence.start
        title = _TITLE_BEFORE.search(sentence.text[:start])
        if title is None or len(full.split()) < 2 or full == other.text:
            continue
        if _HONORIFIC.match(full) or inside(tuple(quotes), other.start, other.end):
            continue
        start = title.start()
        if any(s0 < end and start < e0 for s0, e0 in taken):
            continue
        out.append((start, end, full))
    return out


def _tagged_verb(sentence: Sentence, word: str) -> bool:
    """Whether the word after the opening pronoun is tagged as a finite verb."""
    return any(t.text.lower() == word and t.tag in ("VBD", "VBZ") for t in sentence.tokens[1:4])


def _resolve_speaker(
    doc: Document,
    text: str,
    sentence: Sentence,
    mentions: dict[int, tuple[Fact, ...]],
    quotes: list[tuple[int, int, bool]],
    a: int,
    b: int,
) -> list[tuple[int, int, str]] | None:
    """'..., he said': the pronoun replaced by the one person the previous sentences name."""
    for m in _SPEECH_PRONOUN.finditer(text):
        group = "p1" if m.group("p1") else "p2"
        p_start, p_end = m.start(group), m.end(group)
        if inside(tuple(quotes), sentence.start + p_start, sentence.start + p_end):
            continue
        if p_start < b and a < p_end:
            return None
        sex = _SEX_OF[m.group(group).lower()]
        if _OTHER_SEX[sex].search(text):
            return None
        name = _recent(doc, mentions, sentence, FactType.PERSON, None, sex=sex)
        if name is None:
            return None
        return [(p_start, p_end, name)]
    return None  # a quotation whose speaker is not named in the sentence


def _apply(text: str, edits: list[tuple[int, int, str]], a: int, b: int) -> Stem:
    """Apply non-overlapping edits, tracking where [a, b) moves; capitalise the new opening."""
    out: list[str] = []
    pos = 0
    new_a = new_b = 0
    cursor = 0
    for start, end, replacement in edits:
        if start < pos:
            continue
        if start >= b and pos <= a:
            out.append(text[pos:a])
            cursor += a - pos
            new_a = cursor
            out.append(text[a:b])
            cursor += b - a
            new_b = cursor
            pos = b
        chunk = text[pos:start]
        out.append(chunk)
        cursor += len(chunk)
        out.append(replacement)
        cursor += len(replacement)
        pos = end
    if pos <= a:
        out.append(text[pos:a])
        cursor += a - pos
        new_a = cursor
        out.append(text[a:b])
        cursor += b - a
        new_b = cursor
        pos = b
    out.append(text[pos:])
    joined = "".join(out)
    stripped = len(joined) - len(joined.lstrip())
    joined = joined.lstrip()
    new_a, new_b = new_a - stripped, new_b - stripped
    if joined[:1].islower() and new_a > 0:
        joined = joined[0].upper() + joined[1:]
    return Stem(joined, new_a, new_b)
