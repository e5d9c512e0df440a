"""Passing voices: people who only comment on a story, and the outlets they talk to.

Blind graders failed items on "which critic called it heart-wrenching", a federation
spokesman's tribute, the employer of an economist quoted once, and "told the _____ news
agency": the article is not about these people, so a student who read it well need not know
them. A person the article names once, outside its headline, whose sentence only gives their
words, with a commentator's role or none, is such a voice; so is the firm in that person's
role ("deputy chief economist at Nomura") when the article names it once, and an outlet
someone "told".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.nlp.model import Document, Fact, FactType, Sentence

# Roles of people who comment on a story rather than act in it.
COMMENTATOR_ROLES = frozenset(
    {"economist", "analyst", "spokesman", "spokeswoman", "spokesperson", "critic", "reviewer"}
    | {"editor", "columnist", "commentator", "expert", "researcher", "correspondent", "pundit"}
    | {"strategist", "observer", "writer", "consultant", "forecaster", "watcher"}
)
# Roles of people who saw or served at an event rather than act in it ("said HMV manager Clive
# Smith" where the Prime Minister walked into HMV): asked only when the article returns to them.
WITNESS_ROLES = frozenset(
    {"witness", "eyewitness", "onlooker", "bystander", "passer-by", "shopper", "customer"}
    | {"resident", "neighbour", "neighbor", "villager", "shopkeeper", "local", "diner"}
)
# Staff roles that make a witness where the body they work for is where the event happened.
STAFF_ROLES = frozenset({"manager", "owner", "assistant", "worker", "employee", "staff", "clerk"})
# Words that say someone is speaking or judging (a voice, not an act).
REPORTING = frozenset(
    {"said", "says", "told", "tells", "added", "adds", "warned", "stressed", "explained"}
    | {"wrote", "writes", "argued", "insisted", "noted", "commented", "replied", "believes"}
    | {"believed", "thinks", "predicted", "predicts", "lauding", "lauded", "praised", "called"}
    | {"described", "suggested", "agreed", "admitted", "claimed", "according", "reckons"}
)
# A commentator quoted more often than this is part of the story.
MAX_VOICE_MENTIONS = 3
# A firm named this often is one the story is about; its economist speaks for it.
CENTRAL_MENTIONS = 3
# How far (in words) a reporting word may stand from the name it belongs to.
REACH = 12
_OUTLET = re.compile(
    r"(?:\btold|\bspeaking to|\bwriting in|\bwrote in|\bquoted in|\bquoted by|"
    r"\bcontacted by|\binterviewed by|\binterview with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_EMPLOYER = re.compile(r"\b(?:at|of|from|for|with)\s+(?:the\s+)?$", re.IGNORECASE)


def passing_voices(
    facts: Sequence[Fact], doc: Document, mentions: dict[str, int], framed: set[Fact]
) -> set[Fact]:
    """The facts that are only passing voices (people, their employers, outlets told)."""
    from quizapp.nlp.salience import identity

    out: set[Fact] = set()
    voices: list[Fact] = []
    by_name: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.type not in (FactType.PERSON, FactType.QUOTE, FactType.OTHER):
            continue
        if fact.type is FactType.OTHER and fact.attr("form") != "name":
            continue
        by_name.setdefault(identity(fact), []).append(fact)
    central = {
        key
        for key, count in mentions.items()
        if count >= CENTRAL_MENTIONS or any(identity(f) == key for f in framed)
    }
    for key, group in by_name.items():
        if any(f in framed or f.sentence == 0 for f in group):
            continue
        if mentions.get(key, 0) > MAX_VOICE_MENTIONS:
            continue
        sentences = [doc.sentences[f.sentence] for f in group]
        if not all(_speaks(f, s) for f, s in zip(group, sentences, strict=True)):
            continue  # somewhere the article says what they did, not only what they said
        roles = [_commentator(f, s) for f, s in zip(group, sentences, strict=True)]
        if mentions.get(key, 0) == 1:
            roles += [_witness(f, s, doc) for f, s in zip(group, sentences, strict=True)]
        if not any(roles) or (mentions.get(key, 0) > 1 and _speaks_for(group, doc, central)):
            continue
        out.update(group)
        voices.extend(group)
    for fact in facts:
        if fact.type not in (FactType.ORGANISATION, FactType.OTHER) or fact in framed:
            continue
        if fact in out:
            continue
        if mentions.get(identity(fact), 0) > 1:
            continue
        sentence = doc.sentences[fact.sentence]
        before = sentence.text[: fact.start - sentence.start]
        told = _OUTLET.search(before) is not None
        in_role = any(_in_role_of(fact, v, sentence) for v in voices)
        # "libraries of music": a common noun is nobody's employer.
        named = fact.type is FactType.ORGANISATION or fact.attr("form") == "name"
        employer = (
            named
            and _EMPLOYER.search(before) is not None
            and any(v.sentence == fact.sentence and 0 <= fact.start - v.end <= 80 for v in voices)
        )
        if told or in_role or employer:
            out.add(fact)
    return out


def _speaks_for(group: Sequence[Fact], doc: Document, central: set[str]) -> bool:
    """The commentator's role names a firm the story is about ("Halifax chief economist")."""
    from quizapp.nlp.text import normalise

    said = " ".join(normalise(_described(f, doc.sentences[f.sentence])) for f in group)
    return any(f" {name} " in f" {said} " for name in central if name)


def _in_role_of(fact: Fact, voice: Fact, sentence: Sentence) -> bool:
    """The name stands in the voice's role just before it ("BBC correspondent Sarah
    Mukherjee", "Evening Standard film critic Derek Malcolm")."""
    if voice.sentence != fact.sentence or fact.end > voice.start:
        return False
    between = sentence.text[fact.end - sentence.start : voice.start - sentence.start]
    words = between.split()
    return len(words) <= 4 and all(w.islower() and w.isalpha() for w in words)


def _described(fact: Fact, sentence: Sentence) -> str:
    """What the sentence says the person is: their role, the words just before the name and
    an aside after it, lower-cased."""
    before = sentence.text[: fact.start - sentence.start]
    after = sentence.text[fact.end - sentence.start :]
    aside = re.split(r"\b(?:" + "|".join(sorted(REPORTING)) + r")\b", after, maxsplit=1)[0]
    aside = " ".join(aside.split()[:REACH])
    return " ".join([fact.attr("role") or "", " ".join(re.findall(r"[\w'-]+", before)[-6:]), aside])


def _commentator(fact: Fact, sentence: Sentence) -> bool:
    """The person comments: a commentator's role ("chief economist", "spokesman") in their
    role, in the words just before the name or in an aside after it, or only "of"/"at" a
    firm after the name ("Anne Thompson of the Hollywood Reporter said")."""
    near = _described(fact, sentence).lower()
    if any(
        w.rstrip("s") in COMMENTATOR_ROLES or w == "spokesmen" for w in re.findall(r"[a-z]+", near)
    ):
        return True
    after = sentence.text[fact.end - sentence.start :]
    return (
        not fact.attr("role")
        and re.match(r"\s*,?\s*(?:of|at)\s+(?:the\s+)?[A-Z]", after) is not None
    )


def _witness(fact: Fact, sentence: Sentence, doc: Document) -> bool:
    """The person saw or served at the event: a witness's role ("resident", "shopper"), or a
    staff role at a body the article names elsewhere only as the place where something
    happened ("said HMV manager Clive Smith" beside "walked into HMV")."""
    before = sentence.text[: fact.start - sentence.start]
    words = re.findall(r"[\w'-]+", before)[-4:]
    if any(w.lower().rstrip("s") in WITNESS_ROLES for w in words[-2:]):
        return True
    staff = re.search(r"((?:[A-Z][\w'&-]*\s+){1,3})(?:[a-z]+\s+)?([a-z]+)\s+$", before)
    if staff is None or staff.group(2) not in STAFF_ROLES:
        return False
    body = staff.group(1).strip()
    elsewhere = [
        m
        for m in re.finditer(rf"(?<![\w-]){re.escape(body)}(?![\w-])", doc.text)
        if not sentence.start <= m.start() < sentence.end
    ]
    return bool(elsewhere) and all(
        _VENUE_BEFORE.search(doc.text[max(0, m.start() - 20) : m.start()]) for m in elsewhere
    )


# "walked into HMV", "at Harrods", "outside Tesco": a body named as the place of the event.
_VENUE_BEFORE = re.compile(r"\b(?:into|at|in|inside|outside|from)\s+(?:the\s+)?$")


def _speaks(fact: Fact, sentence: Sentence) -> bool:
    """The sentence gives the person's words or judgement: a reporting word just before the
    name ("said Gatland"), or after it within reach ("X, economist at Y, said")."""
    words_before = re.findall(r"[\w'-]+", sentence.text[: fact.start - sentence.start])
    words_after = re.findall(r"[\w'-]+", sentence.text[fact.end - sentence.start :])
    if any(w.lower() in REPORTING for w in words_before[-4:]):
        return True  # "said Gatland", "said awards pundit Tom O'Neil"
    return any(w.lower() in REPORTING for w in words_after[:REACH])
