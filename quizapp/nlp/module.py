"""The learning module of an article: sentences with highlighted facts, a glossary, a fact sheet.

Pure: article text in, frozen dataclasses out. Offsets index the article text exactly as given,
so a view can cut the text into escaped pieces and wrap the highlighted spans itself.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.nlp.document import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact, FactType, Sentence, Token

__all__ = [
    "HIGHLIGHTED",
    "FactLine",
    "GlossaryEntry",
    "GlossaryKind",
    "Highlight",
    "ModuleSentence",
    "StudyModule",
    "build_module",
    "fact_label",
]

# The fact types a student sees highlighted, in the order the legend lists them.
HIGHLIGHTED: tuple[FactType, ...] = (
    FactType.QUANTITY,
    FactType.ORGANISATION,
    FactType.PERSON,
    FactType.PLACE,
    FactType.DATE,
)
_SHEET_TYPES = (FactType.QUANTITY, FactType.DATE)
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "measures", "measured"})
# Words that may sit between a verb and its quantity without changing what is counted.
_BRIDGE_TAGS = frozenset({"RB", "RBR", "IN", "TO", "JJR", "DT"})
_BRIDGE_WORDS = frozenset(
    {
        "about",
        "around",
        "nearly",
        "almost",
        "up",
        "to",
        "by",
        "more",
        "less",
        "than",
        "over",
        "some",
    }
)
_SUBJECT_TAGS = frozenset({"DT", "PRP$", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "POS"})
_SUBJECT_JOINERS = frozenset({"of", "between", "and", "in", "on", "for"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "that", "which", "who", "while", "when", "because"})
_NP_TAGS = frozenset({"DT", "PRP$", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "CD"})
_MAX_SUBJECT_TOKENS = 9


class GlossaryKind(enum.StrEnum):
    """What a glossary line explains."""

    ACRONYM = "acronym"
    PERSON = "person"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Highlight:
    """A fact span to highlight, with offsets into the article text."""

    start: int
    end: int
    fact_type: FactType


@dataclass(frozen=True, slots=True)
class ModuleSentence:
    """A body sentence with its paragraph number and the fact spans inside it."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    highlights: tuple[Highlight, ...]


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """An acronym and its full name, a person and their role, or a place and what is said of it."""

    kind: GlossaryKind
    term: str
    meaning: str
    sentence: int


@dataclass(frozen=True, slots=True)
class FactLine:
    """One fact-sheet line: a label and its value, or (no honest label) the sentence itself.

    ``spans`` index ``sentence_text``: the values to bold where the line is the whole sentence
    (one line per sentence gathers all its unlabelled values).
    """

    fact_type: FactType
    label: str | None
    value: str
    sentence: int
    sentence_text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class StudyModule:
    """Everything the study view shows of an article."""

    title: str | None
    standfirst: str | None
    paragraphs: tuple[tuple[ModuleSentence, ...], ...]
    glossary: tuple[GlossaryEntry, ...]
    fact_sheet: tuple[FactLine, ...]

    def sentence_at(self, offset: int) -> int | None:
        """The index of the sentence holding this article offset (or the nearest after it)."""
        after: int | None = None
        for paragraph in self.paragraphs:
            for sentence in paragraph:
                if sentence.start <= offset < sentence.end:
                    return sentence.index
                if after is None and sentence.start > offset:
                    after = sentence.index
        return after


def build_module(text: str, *, max_fact_lines: int = 15) -> StudyModule:
    """Read the article and lay out its learning module."""
    doc = read_document(text)
    facts = extract_facts(doc, types=HIGHLIGHTED)
    shown = [f for f in facts if f.type in HIGHLIGHTED]
    by_sentence: dict[int, list[Fact]] = {}
    for fact in shown:
        by_sentence.setdefault(fact.sentence, []).append(fact)
    paragraphs: dict[int, list[ModuleSentence]] = {}
    for sentence in doc.sentences:
        highlights = tuple(
            Highlight(f.start, f.end, f.type)
            for f in _without_overlaps(by_sentence.get(sentence.index, []))
            if sentence.start <= f.start and f.end <= sentence.end
        )
        paragraphs.setdefault(sentence.paragraph, []).append(
            ModuleSentence(
                index=sentence.index,
                paragraph=sentence.paragraph,
                start=sentence.start,
                end=sentence.end,
                text=sentence.text,
                highlights=highlights,
            )
        )
    return StudyModule(
        title=doc.title,
        standfirst=doc.standfirst,
        paragraphs=tuple(tuple(paragraphs[n]) for n in sorted(paragraphs)),
        glossary=build_glossary(doc.sentences, shown),
        fact_sheet=build_fact_sheet(doc.sentences, shown, limit=max_fact_lines),
    )


def _without_overlaps(facts: Sequence[Fact]) -> list[Fact]:
    """Facts in text order, dropping any that overlap an earlier one (marks cannot nest)."""
    kept: list[Fact] = []
    for fact in sorted(facts, key=lambda f: (f.start, -f.end)):
        if kept and fact.start < kept[-1].end:
            continue
        kept.append(fact)
    return kept


def build_glossary(
    sentences: Sequence[Sentence], facts: Sequence[Fact]
) -> tuple[GlossaryEntry, ...]:
    """Acronyms with their full names, people with their roles, places with their first sentence."""
    entries: list[GlossaryEntry] = []
    seen: set[tuple[GlossaryKind, str]] = set()

    def add(kind: GlossaryKind, term: str, meaning: str, sentence: int) -> None:
        key = (kind, term.casefold())
        if key in seen or not term or not meaning or term.casefold() == meaning.casefold():
            return
        seen.add(key)
        entries.append(GlossaryEntry(kind, term, meaning, sentence))

    ordered = sorted(facts, key=lambda f: (f.start, f.end))
    for n, fact in enumerate(ordered):
        if fact.type is FactType.ORGANISATION:
            acronym, expansion = fact.attr("acronym"), fact.attr("expansion")
            if acronym:
                add(
                    GlossaryKind.ACRONYM,
                    acronym,
                    fact.attr("canonical") or fact.text,
                    fact.sentence,
                )
            elif expansion:
                add(GlossaryKind.ACRONYM, fact.text, expansion, fact.sentence)
            elif n and _defines_acronym(sentences, ordered[n - 1], fact):
                add(GlossaryKind.ACRONYM, fact.text, ordered[n - 1].text, fact.sentence)
        elif fact.type is FactType.PERSON and fact.attr("role"):
            add(
                GlossaryKind.PERSON,
                fact.attr("canonical") or fact.text,
                fact.attr("role") or "",
                fact.sentence,
            )
        elif fact.type is FactType.PLACE:
            add(
                GlossaryKind.PLACE,
                fact.text,
                _sentence_text(sentences, fact.sentence),
                fact.sentence,
            )
    order = {GlossaryKind.ACRONYM: 0, GlossaryKind.PERSON: 1, GlossaryKind.PLACE: 2}
    return tuple(sorted(entries, key=lambda e: (order[e.kind], e.term.casefold())))


def _defines_acronym(sentences: Sequence[Sentence], name: Fact, acronym: Fact) -> bool:
    """True for "Swiss Academy of Sciences (SCNAT)": an all-capitals name in brackets after another."""
    if name.type is not FactType.ORGANISATION or name.sentence != acronym.sentence:
        return False
    if not (acronym.text.isupper() and 2 <= len(acronym.text) <= 10 and " " not in acronym.text):
        return False
    sentence = next((s for s in sentences if s.index == acronym.sentence), None)
    if sentence is None:
        return False
    between = sentence.text[name.end - sentence.start : acronym.start - sentence.start]
    initials = "".join(w[0] for w in name.text.split() if w[:1].isupper())
    return between.strip() == "(" and acronym.text[0] == initials[:1]


def _sentence_text(sentences: Sequence[Sentence], index: int) -> str:
    """The text of the sentence with this index ("" if there is none)."""
    return next((s.text for s in sentences if s.index == index), "")


def build_fact_sheet(
    sentences: Sequence[Sentence], facts: Sequence[Fact], *, limit: int = 15
) -> tuple[FactLine, ...]:
    """Quantities and dates as short labelled lines; a sentence whose values have no honest
    label becomes one line with every such value bold."""
    by_index = {s.index: s for s in sentences}
    lines: list[FactLine] = []
    unlabelled: dict[int, int] = {}
    seen: set[tuple[int, str]] = set()
    for fact in sorted(facts, key=lambda f: (f.start, f.end)):
        sentence = by_index.get(fact.sentence)
        if fact.type not in _SHEET_TYPES or sentence is None or (fact.sentence, fact.text) in seen:
            continue
        seen.add((fact.sentence, fact.text))
        label, value_end = fact_label(sentence, fact)
        span = (fact.start - sentence.start, value_end - sentence.start)
        value = sentence.text[span[0] : span[1]]
        if label is None and sentence.index in unlabelled:
            at = unlabelled[sentence.index]
            line = lines[at]
            lines[at] = FactLine(
                line.fact_type,
                None,
                f"{line.value}, {value}",
                line.sentence,
                line.sentence_text,
                (*line.spans, span),
            )
            continue
        if len(lines) >= limit:
            break
        if label is None:
            unlabelled[sentence.index] = len(lines)
        lines.append(FactLine(fact.type, label, value, sentence.index, sentence.text, (span,)))
    return tuple(lines)


def fact_label(sentence: Sentence, fact: Fact) -> tuple[str | None, int]:
    """A label for a fact from its sentence's subject and verb, and where its value ends.

    "The border between Tajikistan and Afghanistan is 1,360 km long" gives ("Border between
    Tajikistan and Afghanistan", end of "1,360 km"); a value followed by "of <noun phrase>"
    takes that phrase along ("6% of their remaining volume"). None where no subject and verb
    lead straight to the value: the sheet then shows the whole sentence instead.
    """
    tokens = sentence.tokens
    first = next((i for i, t in enumerate(tokens) if t.end > fact.start), None)
    last = max((i for i, t in enumerate(tokens) if t.start < fact.end), default=None)
    if first is None or last is None:
        return None, fact.end
    value_end = _of_tail(tokens, last, fact.end)
    verb = first - 1
    while verb >= 0 and _bridges(tokens[verb]):
        verb -= 1
    if verb < 1 or not tokens[verb].tag.startswith("VB"):
        return None, value_end
    start = verb - 1
    while start >= 0 and tokens[start].text.lower() not in _CLAUSE_BREAKS:
        start -= 1
    subject = tokens[start + 1 : verb]
    if not _is_subject(subject):
        return None, value_end
    text = sentence.text[subject[0].start - sentence.start : subject[-1].end - sentence.start]
    verb_words = [tokens[verb].text]
    # "shrank by 6%": the preposition belongs to the label, "about"/"up to" to the value.
    if verb + 1 < first and tokens[verb + 1].text.lower() == "by":
        verb_words.append(tokens[verb + 1].text)
    if verb_words[0].lower() in _COPULAS and len(verb_words) == 1:
        if subject[0].tag == "DT":
            text = sentence.text[
                subject[1].start - sentence.start : subject[-1].end - sentence.start
            ]
    else:
        text = " ".join([text, *verb_words])
    return text[:1].upper() + text[1:], value_end


def _bridges(token: Token) -> bool:
    """A word allowed between the verb and its value ("lost up to 6 metres")."""
    return token.tag in _BRIDGE_TAGS and (token.tag != "IN" or token.text.lower() in _BRIDGE_WORDS)


def _is_subject(tokens: Sequence[Token]) -> bool:
    """A short noun phrase: determiners, adjectives, nouns, possessives, a few joining words."""
    if not tokens or len(tokens) > _MAX_SUBJECT_TOKENS or tokens[-1].tag not in _SUBJECT_TAGS:
        return False
    if not any(t.tag.startswith("NN") for t in tokens):
        return False
    return all(t.tag in _SUBJECT_TAGS or t.text.lower() in _SUBJECT_JOINERS for t in tokens)


def _of_tail(tokens: Sequence[Token], last: int, end: int) -> int:
    """Where the value ends once an "of <noun phrase>" right after it is included."""
    if last + 2 >= len(tokens) or tokens[last + 1].text.lower() != "of":
        return end
    stop = last + 2
    while stop < len(tokens) and tokens[stop].tag in _NP_TAGS:
        stop += 1
    if stop == last + 2 or not tokens[stop - 1].tag.startswith("NN"):
        return end
    return tokens[stop - 1].end
