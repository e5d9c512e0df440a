"""Traits of every name in an article, from all its mentions: gender, field, work, place use."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.nlp.model import Document, Fact, FactType, Token
from quizapp.nlp.option_fit import FEMALE, FIELD_PREFIX, MALE, WORK, _pronoun_gender, mention_traits

# "lost four in a row under _____", "a side that thrived under _____": who runs the team.
_UNDER_BEFORE = re.compile(r"\b(?:under|managed\s+by|coached\s+by)\s+(?:new\s+)?$")
# "under pressure from _____", "under a challenge from _____": a player in the play.
_PLAY_WORDS = re.compile(r"\bunder\s+(?:pressure|a\s+challenge|challenge)\b[^.]{0,20}$")


def person_traits(facts: Sequence[Fact], doc: Document) -> dict[str, frozenset[str]]:
    """Traits of every name of the article, from all its mentions; a gender only where the
    article never gives the other one (and from the next sentence's opening pronoun when the
    name is the only person of its sentence)."""
    from quizapp.nlp.text import normalise

    people_in: dict[int, set[str]] = {}
    for fact in facts:
        if fact.type is FactType.PERSON:
            people_in.setdefault(fact.sentence, set()).add(fact.attr("canonical") or fact.text)
    # Names right after a person's possessive: a work of theirs, not another person.
    after_possessive = {
        person.end + 3
        for person in facts
        if person.type is FactType.PERSON
        and doc.text[person.end : person.end + 3] in ("'s ", "’s ")
    }
    from quizapp.nlp.distractors.teams import article_sport

    sport = article_sport(s.text for s in doc.sentences)
    found: dict[str, set[str]] = {}
    for fact in facts:
        if fact.type not in (
            FactType.PERSON,
            FactType.OTHER,
            FactType.PLACE,
            FactType.ORGANISATION,
        ):
            continue
        sentence = doc.sentences[fact.sentence]
        a, b = fact.start - sentence.start, fact.end - sentence.start
        if not (0 <= a < b <= len(sentence.text)):
            continue
        alone = len(people_in.get(fact.sentence, ())) <= 1
        traits = mention_traits(sentence.text, a, b, alone=alone)
        if fact.start in after_possessive:
            traits.add(WORK)  # "Leigh's Vera Drake", "Clarke's Jonathan Strange"
        if (
            sport
            and fact.type is FactType.PERSON
            and _UNDER_BEFORE.search(sentence.text[:a])
            and not _PLAY_WORDS.search(sentence.text[:a])
        ):
            # "four defeats in a row under Andy Robinson": in a sports report, the coach.
            traits.add(FIELD_PREFIX + "coaching")
        if fact.type is FactType.PLACE:
            traits.add(_place_use(sentence.tokens, fact))
        if alone and fact.sentence + 1 < len(doc.sentences):
            following = doc.sentences[fact.sentence + 1].text
            opening = re.match(r"\W*(\w+)", following)
            if opening and fact.sentence + 1 not in people_in:
                traits |= _pronoun_gender(opening.group(1))
        for key in {normalise(fact.text), normalise(fact.attr("canonical") or "")} - {""}:
            found.setdefault(key, set()).update(traits)
    _share_work_in_lists(facts, doc, found)
    out: dict[str, frozenset[str]] = {}
    for key, traits in found.items():
        if FEMALE in traits and MALE in traits:
            traits -= {FEMALE, MALE}
        out[key] = frozenset(traits)
    return out


# How a place is used: as a name of its own ("moved to Swindon") or only to qualify a noun
# ("the London club"); a place the article uses only so is no option for a team or a town.
AS_NOUN = "as-noun"
AS_MODIFIER = "as-modifier"


def _place_use(tokens: Sequence[Token], fact: Fact) -> str:
    following = next((t for t in tokens if t.start >= fact.end), None)
    if following is not None and following.tag in ("NN", "NNS") and following.text.islower():
        return AS_MODIFIER
    return AS_NOUN


_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or)\s+$")


def _share_work_in_lists(facts: Sequence[Fact], doc: Document, found: dict[str, set[str]]) -> None:
    """ "films such as Edward Scissorhands, Ed Wood and Sleepy Hollow": a name listed with a
    title is a title too."""
    from quizapp.nlp.text import normalise

    def keys(fact: Fact) -> set[str]:
        return {normalise(fact.text), normalise(fact.attr("canonical") or "")} - {""}

    by_sentence: dict[int, list[Fact]] = {}
    for fact in facts:
        if fact.type in (FactType.PERSON, FactType.OTHER):
            by_sentence.setdefault(fact.sentence, []).append(fact)
    for index, named in by_sentence.items():
        text, offset = doc.sentences[index].text, doc.sentences[index].start
        named.sort(key=lambda f: f.start)
        run: list[Fact] = named[:1]
        runs: list[list[Fact]] = []
        for previous, current in zip(named, named[1:], strict=False):
            gap = text[previous.end - offset : current.start - offset]
            if _LIST_GAP.match(gap):
                run.append(current)
            else:
                runs.append(run)
                run = [current]
        runs.append(run)
        for members in runs:
            if len(members) > 1 and any(
                WORK in found.get(k, set()) for m in members for k in keys(m)
            ):
                for member in members:
                    for key in keys(member):
                        found.setdefault(key, set()).add(WORK)
