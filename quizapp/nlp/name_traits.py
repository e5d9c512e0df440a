"""Traits of every name in an article, from all its mentions: gender, field, work, place use."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from quizapp.nlp.model import Document, Fact, FactType, Token
from quizapp.nlp.option_fit import FEMALE, FIELD_PREFIX, MALE, WORK, _pronoun_gender, mention_traits

# "lost four in a row under _____", "a side that thrived under _____": who runs the team.
_UNDER_BEFORE = re.compile(r"\b(?:under|managed\s+by|coached\s+by)\s+(?:new\s+)?$")
# "under pressure from _____", "under a challenge from _____": a player in the play.
_PLAY_WORDS = re.compile(r"\bunder\s+(?:pressure|a\s+challenge|challenge)\b[^.]{0,20}$")


class _Mentions:
    """What every name mention's own sentence shows of it, worked out once per fact."""

    def __init__(self, facts: Sequence[Fact], doc: Document) -> None:
        from quizapp.nlp.distractors.teams import article_sport

        self.facts, self.doc = facts, doc
        self.people_in: dict[int, set[str]] = {}
        for fact in facts:
            if fact.type is FactType.PERSON:
                self.people_in.setdefault(fact.sentence, set()).add(
                    fact.attr("canonical") or fact.text
                )
        # Names right after a person's possessive: a work of theirs, not another person.
        self.after_possessive = {
            person.end + 3
            for person in facts
            if person.type is FactType.PERSON
            and doc.text[person.end : person.end + 3] in ("'s ", "’s ")
        }
        self.sport = article_sport(s.text for s in doc.sentences)
        self._traits: dict[int, set[str]] = {}

    def named(self) -> list[Fact]:
        """The mentions that have traits: names of a sentence, within its bounds."""
        out = []
        for fact in self.facts:
            if fact.type not in _NAMED_TYPES:
                continue
            sentence = self.doc.sentences[fact.sentence]
            if 0 <= fact.start - sentence.start < fact.end - sentence.start <= len(sentence.text):
                out.append(fact)
        return out

    def traits(self, fact: Fact) -> set[str]:
        """The traits one mention shows (of a fact ``named`` returns)."""
        known = self._traits.get(id(fact))
        if known is None:
            known = self._traits[id(fact)] = self._work_out(fact)
        return known

    def _work_out(self, fact: Fact) -> set[str]:
        doc = self.doc
        sentence = doc.sentences[fact.sentence]
        a, b = fact.start - sentence.start, fact.end - sentence.start
        alone = len(self.people_in.get(fact.sentence, ())) <= 1
        traits = mention_traits(sentence.text, a, b, alone=alone)
        if fact.start in self.after_possessive:
            traits.add(WORK)  # "Leigh's Vera Drake", "Clarke's Jonathan Strange"
        if (
            self.sport
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
            if opening and fact.sentence + 1 not in self.people_in:
                traits |= _pronoun_gender(opening.group(1))
        return traits


_NAMED_TYPES = (FactType.PERSON, FactType.OTHER, FactType.PLACE, FactType.ORGANISATION)


def _keys(fact: Fact) -> set[str]:
    from quizapp.nlp.text import normalise

    return {normalise(fact.text), normalise(fact.attr("canonical") or "")} - {""}


def _one_gender(traits: set[str]) -> frozenset[str]:
    """A gender only where the article never gives the other one."""
    if FEMALE in traits and MALE in traits:
        traits = traits - {FEMALE, MALE}
    return frozenset(traits)


def person_traits(facts: Sequence[Fact], doc: Document) -> dict[str, frozenset[str]]:
    """Traits of every name of the article, from all its mentions; a gender only where the
    article never gives the other one (and from the next sentence's opening pronoun when the
    name is the only person of its sentence)."""
    mentions = _Mentions(facts, doc)
    found: dict[str, set[str]] = {}
    for fact in mentions.named():
        traits = mentions.traits(fact)
        for key in _keys(fact):
            found.setdefault(key, set()).update(traits)
    for members in _lists(facts, doc):
        if any(WORK in found.get(k, set()) for m in members for k in _keys(m)):
            for member in members:
                for key in _keys(member):
                    found.setdefault(key, set()).add(WORK)
    return {key: _one_gender(traits) for key, traits in found.items()}


class NameTraits(Mapping[str, frozenset[str]]):
    """``person_traits`` worked out only for the names looked up: a long document names
    thousands, a quiz's distractors look up a few dozen (the rest cost a third of a second)."""

    def __init__(self, facts: Sequence[Fact], doc: Document) -> None:
        self._facts, self._doc = facts, doc
        self._mentions = _Mentions(facts, doc)
        self._by_key: dict[str, list[Fact]] = {}
        for fact in self._mentions.named():
            for key in _keys(fact):
                self._by_key.setdefault(key, []).append(fact)
        self._lists = _lists(facts, doc)
        self._listed = {k for members in self._lists for m in members for k in _keys(m)}
        self._shared_work: set[str] | None = None
        self._done: dict[str, frozenset[str]] = {}
        self._all: dict[str, frozenset[str]] | None = None

    def _base(self, key: str) -> set[str]:
        found: set[str] = set()
        for fact in self._by_key.get(key, ()):
            found.update(self._mentions.traits(fact))
        return found

    def _work_shared(self) -> set[str]:
        """The listed names a title in their list makes titles too, list after list in the
        article's order, as ``person_traits`` shares them."""
        if self._shared_work is None:
            work = {k for k in self._listed if WORK in self._base(k)}
            for members in self._lists:
                keys = {k for m in members for k in _keys(m)}
                if keys & work:
                    work |= keys
            self._shared_work = work
        return self._shared_work

    def __getitem__(self, key: str) -> frozenset[str]:
        done = self._done.get(key)
        if done is not None:
            return done
        shared = key in self._listed and key in self._work_shared()
        if key not in self._by_key and not shared:
            raise KeyError(key)
        traits = self._base(key)
        if shared:
            traits.add(WORK)
        done = self._done[key] = _one_gender(traits)
        return done

    def __iter__(self) -> Iterator[str]:
        if self._all is None:
            self._all = person_traits(self._facts, self._doc)
        return iter(self._all)

    def __len__(self) -> int:
        return sum(1 for _ in self)


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


def _lists(facts: Sequence[Fact], doc: Document) -> list[list[Fact]]:
    """ "films such as Edward Scissorhands, Ed Wood and Sleepy Hollow": the runs of names
    listed together, in the article's order; a name listed with a title is a title too."""
    by_sentence: dict[int, list[Fact]] = {}
    for fact in facts:
        if fact.type in (FactType.PERSON, FactType.OTHER):
            by_sentence.setdefault(fact.sentence, []).append(fact)
    out: list[list[Fact]] = []
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
        out.extend(members for members in runs if len(members) > 1)
    return out
