"""The study view's glossary made readable: what each term is, a short sentence chosen for it,
and one line per thing ("US" and "United States" merged)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.nlp.gazetteers import countries, country_by_code, place_kind
from quizapp.nlp.module import GlossaryEntry, GlossaryKind, ModuleSentence, StudyModule

__all__ = ["GlossaryLine", "glossary_lines"]

# A definition sentence longer than this reads as a paragraph, not a gloss: it is cut.
MAX_DEFINITION_WORDS = 30


@dataclass(frozen=True, slots=True)
class GlossaryLine:
    """One glossary line: the term (and the other names it goes by in the article), what kind
    of thing it is, what the article says it is, and the sentence to link to."""

    kind: GlossaryKind
    term: str
    also: tuple[str, ...]
    what: str
    meaning: str
    sentence: int


def _place_kind(name: str) -> str:
    """country, city, region or place."""
    return place_kind(name) or "place"


def _place_key(name: str) -> str:
    """One key for the names of one place: a country's code, else the folded name."""
    country = countries().get(name)
    return f"country:{country.code}" if country is not None else name.casefold()


def _mentions(sentences: Sequence[ModuleSentence], names: Sequence[str]) -> list[ModuleSentence]:
    """The sentences that name the place under any of its names."""
    return [s for s in sentences if any(name in s.text for name in names)]


def _short_sentence(
    sentences: Sequence[ModuleSentence], names: Sequence[str], fallback: int
) -> tuple[str, int]:
    """The shortest sentence mentioning the term; a long one is cut to the words around it."""
    chosen = min(sentences, key=lambda s: (len(s.text.split()), s.index), default=None)
    if chosen is None:
        return "", fallback
    words = chosen.text.split()
    if len(words) <= MAX_DEFINITION_WORDS:
        return chosen.text, chosen.index
    at = next((i for i, w in enumerate(words) if any(n.split()[0] in w for n in names)), 0)
    start = max(0, min(at - MAX_DEFINITION_WORDS // 2, len(words) - MAX_DEFINITION_WORDS))
    window = " ".join(words[start : start + MAX_DEFINITION_WORDS])
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + MAX_DEFINITION_WORDS < len(words) else ""
    return prefix + window + suffix, chosen.index


def _place_lines(
    entries: Sequence[GlossaryEntry], sentences: Sequence[ModuleSentence]
) -> list[GlossaryLine]:
    """Place entries merged by the place they name, each with its kind and a short sentence."""
    groups: dict[str, list[GlossaryEntry]] = {}
    for entry in entries:
        groups.setdefault(_place_key(entry.term), []).append(entry)
    lines = []
    for key, members in groups.items():
        names = [m.term for m in members]
        what = _place_kind(names[0])
        if key.startswith("country:"):
            full = country_by_code()[key.removeprefix("country:")].name
            term = full if full in names else max(names, key=len)
            if term != full:
                what = f"country: {full}"  # "US" says which country it is
        else:
            term = max(names, key=len)
        also = tuple(dict.fromkeys(n for n in names if n != term))
        text, index = _short_sentence(_mentions(sentences, names), names, members[0].sentence)
        lines.append(
            GlossaryLine(
                kind=GlossaryKind.PLACE,
                term=term,
                also=also,
                what=what,
                meaning=text or members[0].meaning,
                sentence=index,
            )
        )
    return lines


def glossary_lines(module: StudyModule) -> list[GlossaryLine]:
    """Every glossary line of the module: acronyms, people (with their role), places."""
    sentences = [s for paragraph in module.paragraphs for s in paragraph]
    lines: list[GlossaryLine] = []
    seen: set[tuple[GlossaryKind, str]] = set()
    for entry in module.glossary:
        if entry.kind is GlossaryKind.PLACE:
            continue
        key = (entry.kind, entry.term.casefold())
        if key in seen:
            continue
        seen.add(key)
        what = "acronym" if entry.kind is GlossaryKind.ACRONYM else "person"
        lines.append(
            GlossaryLine(
                kind=entry.kind,
                term=entry.term,
                also=(),
                what=what,
                meaning=entry.meaning,
                sentence=entry.sentence,
            )
        )
    places = [e for e in module.glossary if e.kind is GlossaryKind.PLACE]
    return lines + _place_lines(places, sentences)
