"""The name an earlier sentence gave a description: "The band ..." -> "The band Busted ..."."""

from __future__ import annotations

import re

from quizapp.nlp.docindex import sentences_with_words
from quizapp.nlp.gazetteers import demonyms
from quizapp.nlp.model import Document, Sentence
from quizapp.nlp.questions.reference_words import CALENDAR, DESCRIBING_NAME, PERSON_DESCRIPTIONS

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
    texts = [(0, doc.title or ""), (1, doc.standfirst or "")]
    # Only the earlier sentences that may hold the head (a per-document index), numbered as
    # in the whole list: scanning every one for every stem made long documents quadratic.
    where = sentences_with_words(doc, [head])
    earlier = range(sentence.index) if where is None else [s for s in where if s < sentence.index]
    texts += [(2 + s, doc.sentences[s].text) for s in earlier]
    # A head with a bare name ("song Bout") counts from the headline, the standfirst and the
    # sentence just before only: "The autobiographical song" after a sentence about "Thank You"
    # is not the "comeback song Bout" of two sentences earlier.
    near = {0, 1, 1 + sentence.index}
    # The headline, standfirst and opening sentence name the article's topic ("Howard poster",
    # "the 2005 Sundance Film Festival"): a later "The poster", "The festival" is that one.
    # Only for a sentence that opens on "The <head>" ("The no-nonsense coach" is described).
    framing: set[int] = set()
    if re.match(rf"\W*The\s+{word}\b", sentence.text):
        framing = {0, 1, 2} if sentence.index > 0 else {0, 1}
    # "The prime minister" is not the "Finance minister Tomas Holm" of before: a mention
    # names the description only where it carries the description's own modifiers.
    modifiers = _modifiers(sentence.text, word)
    person = head.lower() in PERSON_DESCRIPTIONS
    # One candidate per mention of the head, the fullest description first.
    found: dict[tuple[int, int], str] = {}
    for i, text in texts:
        for m in described.finditer(text):
            if _agrees(text, m.start("h"), modifiers, person):
                found.setdefault((i, m.start("h")), f"{head} {_trim(m.group(2))}")
        if i in framing:
            for name, h, at in _topic_names(text, word, i == 0):
                if _agrees(text, at, modifiers, person):
                    found.setdefault((i, at), f"{name} {h}")
        if i not in near:
            continue
        for m in after.finditer(text):
            name = _trim(m.group(2))
            if name.split()[0] not in CALENDAR and _agrees(text, m.start("h"), modifiers, person):
                found.setdefault((i, m.start("h")), f"{head} {name}")
        for m in before.finditer(text):
            name = m.group(1).strip()
            if all(DESCRIBING_NAME.fullmatch(w) for w in name.split()):
                continue  # "The Ballymena-born actor": described, not named
            if name.split()[0] not in CALENDAR and _agrees(text, m.start("h"), modifiers, person):
                found.setdefault((i, m.start("h")), f"{name} {head}")
    if len(set(found.values())) != 1:
        return None
    return next(iter(found.values()))


def _modifiers(text: str, word: str) -> frozenset[str]:
    """The lower-case words between the determiner and the head of the sentence's first
    description with that head ("prime" in "The prime minister promised ...")."""
    match = re.search(
        rf"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+((?:[a-z][\w'’-]*\s+){{0,3}}){word}\b", text
    )
    return frozenset(match.group(1).split()) if match else frozenset()


def _agrees(text: str, head_at: int, modifiers: frozenset[str], person: bool) -> bool:
    """Whether the earlier mention whose head starts at ``head_at`` may be the description:
    a person's role must carry all the description's modifiers ("Finance minister Tomas
    Holm" is "the finance minister", never "the prime minister"); a thing's, if it has any
    of its own ("A group of MPs", with none, may be "the cross-party group")."""
    # The mention's own modifiers: the two words before its head, within its phrase.
    own: set[str] = set()
    for word in reversed(re.split(r"[^\w\s'’-]", text[:head_at])[-1].split()[-2:]):
        if word.lower() in _PHRASE_STARTS:
            break
        own.add(word.lower())
    return not modifiers or (not own and not person) or modifiers <= own


_PHRASE_STARTS = frozenset(
    {"the", "a", "an", "this", "that", "of", "with", "to", "by", "for", "from", "in", "on"}
    | {"at", "and", "or", "as", "said", "says", "told", "named", "called", "including"}
)


_TOPIC_NAME = r"((?:(?:19|20)\d\d\s+)?(?:[A-Z][\w'’-]*\s+){1,4})"
# A capitalised word opening a headline or sentence this common in English is no name.
_COMMON_OPENING_ZIPF = 3.5
_LEADING_WORD = re.compile(r"^(?:The|A|An|This|Its|His|Her|Their)\s+")


def _topic_names(text: str, word: str, headline: bool) -> list[tuple[str, str, int]]:
    """(name, head, where) for each run of capitalised words straight before the head noun with
    no "the" ("Howard poster", "2005 Sundance Film Festival"), the whole run only; a headline
    in title case, where every word is capitalised, names nothing this way."""
    from quizapp.nlp.salience import zipf

    if headline and sum(w[:1].isupper() for w in text.split()) * 2 > len(text.split()):
        return []
    out = []
    for m in re.finditer(rf"(?<![\w'’-]){_TOPIC_NAME}(?P<h>{word})\b", text):
        if re.search(r"[A-Z][\w'’-]*\s+$", text[: m.start()]):
            continue  # the run goes on to the left: only part of a longer name
        name = _LEADING_WORD.sub("", m.group(1)).strip()
        if m.start() == 0 and name and zipf(name.split()[0].lower()) >= _COMMON_OPENING_ZIPF:
            name = " ".join(name.split()[1:])  # "Pop band Busted": a capital opening a line
        if not name or all(
            DESCRIBING_NAME.fullmatch(w) or w in demonyms() or zipf(w.lower()) >= 4.5
            for w in name.split()
        ):
            continue  # "The poster", "Legendary Dutch coach": described, not named
        if name.split()[0] in CALENDAR:
            continue
        out.append((name, m.group("h"), m.start("h")))
    return out


_BY = (
    r"(?:led|run|published|organised|organized|conducted|commissioned|held|made|released|"
    r"directed|written|founded|owned|funded|carried out|produced)\s+by"
)


def _trim(name: str) -> str:
    return re.sub(r"(?:\s+(?:of|the|and))+$", "", name.rstrip(".,;:"))
