"""Proper-name mentions in a document, each classed as organisation, person, place or other.

The classes come from cues a reader uses too: titles and roles before a name, head words
("… Organisation", "… River"), gazetteers, an acronym defined in parentheses, and mentions
of the same surname elsewhere in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from quizapp.nlp.facts.name_classes import _classify, _could_be_given_name
from quizapp.nlp.facts.name_runs import _ACRONYM, _runs
from quizapp.nlp.facts.name_words import (
    CONNECTORS,
    HONORIFICS,
    NOT_NAMES,
)
from quizapp.nlp.facts.parties import TRAILING_SEATS, is_party_name, party_prefix
from quizapp.nlp.facts.spelt_acronyms import spelt_out_acronyms
from quizapp.nlp.gazetteers import COUNTRY_ALIASES, demonyms, place_kind, role_words
from quizapp.nlp.model import Document, Sentence


@dataclass(frozen=True, slots=True)
class NameMention:
    """A proper name in one sentence, its class and, for people, the role the article gives."""

    sentence: int
    start: int
    end: int
    text: str
    cls: str  # "organisation" | "person" | "place" | "other"
    role: str | None = None
    acronym: str | None = None
    expansion: str | None = None
    place_kind: str | None = None
    canonical: str = ""


@dataclass(slots=True)
class NameIndex:
    """All name mentions of a document plus what links them (surnames, acronyms)."""

    mentions: list[NameMention] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)  # ACR -> expansion
    surnames: dict[str, str] = field(default_factory=dict)  # surname -> full name
    roles: dict[str, str] = field(default_factory=dict)  # full name -> role


def _role_before(sentence: Sentence, i: int) -> tuple[str | None, int]:
    """A lower-case role phrase right before token i ("managing director", "US lawyer")."""
    tokens = sentence.tokens
    roles = role_words()
    k = i
    found = False
    while k > 0 and i - k < 6:
        prev = tokens[k - 1]
        low = prev.text.lower()
        if prev.tag in (
            "RB",
            "DT",
            "PRP$",
            ",",
            "IN",
            "CC",
            "VBD",
            "VBZ",
            "VBP",
            "VB",
            ".",
            ":",
            "``",
            "''",
        ):
            break
        if low in roles or any(part in roles for part in low.split("-")):
            found = True
        k -= 1
    if not found:
        return None, i
    return sentence.text[tokens[k].start - sentence.start : tokens[i - 1].end - sentence.start], k


def _role_after(sentence: Sentence, j: int) -> str | None:
    """An appositive role after a name: "Matthias Huss, the head of GLAMOS, …"."""
    tokens = sentence.tokens
    if j + 2 >= len(tokens) or tokens[j].text != "," or tokens[j + 1].tag not in ("DT", "PRP$"):
        return None
    k = j + 2
    while k < len(tokens) and tokens[k].text not in (",", ".", ";", ":") and k - j < 10:
        k += 1
    phrase = tokens[j + 2 : k]
    if not phrase or not any(t.text.lower() in role_words() for t in phrase[:3]):
        return None
    return sentence.text[phrase[0].start - sentence.start : phrase[-1].end - sentence.start]


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """True when the acronym's letters appear in order in the long form, starting with its first."""
    letters = acronym.replace(".", "").replace("&", "").lower()
    long_form = " ".join(w for w in words if w.lower() not in CONNECTORS).lower()
    if not letters or not long_form or letters[0] != long_form[0]:
        return False
    at = 0
    for ch in letters:
        at = long_form.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def _acronym_after(sentence: Sentence, j: int) -> str | None:
    tokens = sentence.tokens
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
        candidate = tokens[j + 1].text
        if _ACRONYM.match(candidate):
            return candidate
    return None


def index_names(doc: Document) -> NameIndex:
    """Find and class every proper-name mention in the document's body."""
    index = NameIndex()
    midcaps = frozenset(
        t.text
        for sentence in doc.sentences
        for k, t in enumerate(sentence.tokens)
        if k > 0
        and t.text[:1].isupper()
        and sentence.tokens[k - 1].text not in ('"', "``", "(", ":")
    )
    raw: list[tuple[Sentence, int, int]] = []
    for sentence in doc.sentences:
        for i, j in _runs(sentence, midcaps):
            raw.append((sentence, i, j))
    # First pass: acronym definitions and people introduced with a role or honorific.
    for sentence, i, j in raw:
        tokens = sentence.tokens
        words = [t.text for t in tokens[i:j]]
        acronym = _acronym_after(sentence, j)
        if acronym and _abbreviates(acronym, words):
            index.acronyms[acronym] = sentence.text[
                tokens[i].start - sentence.start : tokens[j - 1].end - sentence.start
            ]
        role_end = max(
            (k for k, w in enumerate(words[:-1]) if w.lower() in role_words()), default=-1
        )
        role_end = max(role_end, party_prefix(words, _could_be_given_name) - 1)
        if role_end >= 0 or (i > 0 and tokens[i - 1].text in HONORIFICS):
            name = [w for w in words[role_end + 1 :] if w not in HONORIFICS]
            if 2 <= len(name) <= 4 and not _portfolio(name):
                index.surnames.setdefault(name[-1], " ".join(name))
    index.acronyms.update(spelt_out_acronyms(doc, index.acronyms))
    for sentence, i, j in raw:
        words = [t.text for t in sentence.tokens[i:j]]
        if 2 <= len(words) <= 3 and _classify(words, sentence.tokens, i, j, index) == "person":
            index.surnames.setdefault(words[-1], " ".join(words))
    for sentence, i, j in raw:
        index.mentions.extend(_mentions(sentence, i, j, index))
    _speaking_places(index, doc)
    _harmonise(index)
    return index


_SPEAKS = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+)?(?:said|says|told|announced|reported|added|warned)\b"
)


# "Ministers in Leeds said": the town is where the speakers are, not who speaks.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|of|across|near|to|around)\s+$", re.IGNORECASE)
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Prof)\.?\s+$")


def _speaking_places(index: NameIndex, doc: Document) -> None:
    """A town's name that speaks ("the Halifax has said", "Orange said") is a firm named
    after it: every mention of it is an organisation, so its options are firms, not towns.
    A country or nation that speaks is its government, and stays a place."""
    text = doc.text
    speaking = {
        m.canonical
        for m in index.mentions
        if m.cls == "place"
        and m.place_kind == "city"
        and not _LOCATIVE_BEFORE.search(text[max(0, m.start - 12) : m.start])
        and _SPEAKS.match(text[m.end : m.end + 30])
        and not _HONORIFIC_BEFORE.search(text[max(0, m.start - 12) : m.start])
        and not (len(m.text.split()) > 1 and _could_be_given_name(m.text.split()[0]))
    }
    index.mentions[:] = [
        replace(m, cls="organisation", place_kind=None) if m.canonical in speaking else m
        for m in index.mentions
    ]


def _portfolio(words: list[str]) -> bool:
    """The words after a title are its portfolio or a further title, not a person's name:
    "Commissioner for Transport", "Chief Secretary" (blind graders saw "for Transport" matched
    with "Commissioner", and "Secretary" asked as a person)."""
    if not words:
        return False
    if words[0].lower() in CONNECTORS and words[0].islower() and len(words) <= 2:
        return True
    return all(w.lower() in role_words() for w in words)


def _harmonise(index: NameIndex) -> None:
    """Give every mention of one name the most specific class any of its mentions got."""
    rank = {"person": 3, "organisation": 2, "place": 1, "other": 0}
    best: dict[str, str] = {}
    for m in index.mentions:
        if rank[m.cls] > rank.get(best.get(m.canonical, "other"), 0):
            best[m.canonical] = m.cls
    index.mentions[:] = [
        m
        if best.get(m.canonical, m.cls) == m.cls or m.cls != "other"
        else NameMention(
            m.sentence,
            m.start,
            m.end,
            m.text,
            best[m.canonical],
            m.role,
            m.acronym,
            m.expansion,
            m.place_kind,
            m.canonical,
        )
        for m in index.mentions
    ]


def _mentions(sentence: Sentence, i: int, j: int, index: NameIndex) -> list[NameMention]:
    tokens = sentence.tokens
    words = [t.text for t in tokens[i:j]]
    while words and (words[0] in demonyms() or words[0] in HONORIFICS):
        if len(words) == 1 or (words[1].lower() not in role_words() and words[0] in demonyms()):
            if words[0] in HONORIFICS:
                words, i = words[1:], i + 1
                continue
            break
        words, i = words[1:], i + 1
    role_end = max((k for k, w in enumerate(words[:-1]) if w.lower() in role_words()), default=-1)
    role_end = max(role_end, party_prefix(words, _could_be_given_name) - 1)  # "Lib Dem Ann Lee"
    role = None
    if role_end >= 0:
        role_start_token = i
        # A demonym right before the title belongs to the role ("Uzbek President").
        if i > 0 and tokens[i - 1].text in demonyms():
            role_start_token = i - 1
        role = sentence.text[
            tokens[role_start_token].start - sentence.start : tokens[i + role_end].end
            - sentence.start
        ]
        words, i = words[role_end + 1 :], i + role_end + 1
    if role is not None and _portfolio(words):
        return []
    if role is not None and len(words) == 1 and j < len(tokens) and tokens[j].text[:1].isupper():
        return []  # "Labour MSP Christine | May": a name the run split, not a person's whole
    while words and words[0].lower() in CONNECTORS:
        words, i = words[1:], i + 1
    if not words or all(w in demonyms() or w in NOT_NAMES for w in words):
        return []
    if len(words) >= 3 and words[-1] in TRAILING_SEATS:
        role, words, j = role or words[-1], words[:-1], j - 1  # "Andrew Tyrie MP"
    start, end = tokens[i].start, tokens[j - 1].end
    text = sentence.text[start - sentence.start : end - sentence.start]
    cls = "person" if role else _classify(words, tokens, i, j, index)
    if is_party_name(words):
        cls = "organisation"  # "the Lib Dems called for ...": a party, not a person
    if cls != "person" and words[-1] in index.surnames and len(words) == 1:
        cls = "person"
    if cls == "person" and role is None:
        role, _ = _role_before(sentence, i)
        role = role or _role_after(sentence, j)
    acronym = _acronym_after(sentence, j)
    expansion = index.acronyms.get(text)
    canonical = text
    if cls == "person":
        canonical = index.surnames.get(words[-1], text)
        if role:
            index.roles.setdefault(canonical, role)
    elif text in COUNTRY_ALIASES:
        canonical = COUNTRY_ALIASES[text]
    elif expansion:
        canonical = expansion
    kind = place_kind(canonical) if cls == "place" else None
    if cls == "organisation" and index.acronyms.get(acronym or "") != text:
        acronym = None
    if cls == "place" and acronym:
        acronym = None
    return [
        NameMention(
            sentence=sentence.index,
            start=start,
            end=end,
            text=text,
            cls=cls,
            role=role,
            acronym=acronym,
            expansion=expansion,
            place_kind=kind,
            canonical=canonical,
        )
    ]
