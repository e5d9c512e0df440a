"""Descriptions standing in for a person or body named before: "the presenter", "the company",
"the Mallorcan"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.nlp.gazetteers import demonyms, place_kind
from quizapp.nlp.model import Fact, FactType, Sentence
from quizapp.nlp.questions.reference_words import (
    DESCRIBING_NAME,
    FINITE,
    LOWER_WORD,
    NP_TAGS,
    ORGANISATION_DESCRIPTIONS,
    PARTY_NAME,
    PERSON_DESCRIPTIONS,
)

_BODIES = (FactType.PERSON, FactType.ORGANISATION)
# "the Mallorcan", "the Spaniard", "the Scot": a person named only by where they come from.
# Not "the French", "the Chinese": those are a people, not one person.
_DEMONYM_NOUN = re.compile(r"[A-Z][a-z]+(?:an|ard|man|woman|ot)")
_PEOPLE_WORD = re.compile(r".*(?:sh|ch|ese|ss)")


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
            # "The US company", "the Indian firm": where it is from says no name.
            # "The former France boss": a country inside it, a person's description.
            describing = (
                DESCRIBING_NAME.fullmatch(word)
                or word in demonyms()
                or ((j == i + 1 or tokens[j].tag == "NNP") and place_kind(word) == "country")
            )
            if not (
                (tokens[j].tag in NP_TAGS and LOWER_WORD.fullmatch(word))
                or (describing and tokens[j].tag in ("JJ", "NNP", "NN", "PRP"))
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
            and tokens[j + 1].tag in FINITE | {"VBN"}
        ):
            kind, j = FactType.PERSON, j + 1  # "the Mallorcan became ..."
        if kind is None:
            continue
        start, end = token.start - sentence.start, tokens[j - 1].end - sentence.start
        if (start < b and a < end) or any(q0 <= start < q1 for q0, q1 in quoted):
            continue
        country = place_kind(tokens[i + 1].text) == "country"
        nations = {
            t.start - sentence.start for t in tokens[i + 1 : j] if place_kind(t.text) == "country"
        }
        if nations and kind is FactType.ORGANISATION and not country:
            continue  # "the former Soviet bank": named by more than the country; left as it was
        inside = [(s, e) for s, e in spans if s not in nations]
        if any(s < end and start < e for s, e in inside):
            continue  # part of a name the sentence gives ("the Labour Party")
        if re.match(r"^\s+[A-Z][a-z]", text[end:]) or text[end : end + 1] in ("-",):
            continue  # "the presenter Jerry Springer"
        if re.match(r"^\s*,\s+[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3}\s*,", text[end:]):
            continue  # "The airline, SpiceJet, will ...": the apposition names it
        if country and kind is FactType.ORGANISATION:
            # "The US company": the nearest body may be another country's; which one is
            # meant the stem cannot say, and a wrong name would be false.
            return [StandIn(kind, -1, -1)]
        places = [(s, e) for (s, e), f in zip(spans, named, strict=True) if f.type not in _BODIES]
        before = re.search(r"([A-Z][\w'’-]*)\s*,\s*$", text[:start])
        if before and not (
            any(s <= before.start(1) < e for s, e in places)
            or (a <= before.start(1) < b and not answer_is_a_name)
        ):
            continue  # "BAA, the company ...": apposition names it ("At Gatwick, the" does not)
        if answer_is_a_name and b <= start and re.fullmatch(r"[\s,]*", text[b:start]):
            continue
        earlier = {
            f.attr("canonical") or f.text
            for f in named
            if f.type is kind and f.end - sentence.start <= start
        }
        if _the_one_body(kind, earlier, tokens[j - 1].text.lower()):
            continue  # "Martin Ellis, Halifax chief economist, said the bank's ...": that one
        if earlier:
            # "Kluivert set Bowyer free, but the Dutchman ...": the sentence's own name is
            # likelier than one before it, and which of them is meant the stem cannot say.
            return [StandIn(kind, -1, -1)]
        out.append(StandIn(kind, start, end))
    return out


def _the_one_body(kind: FactType, earlier: set[str], head: str) -> bool:
    """Whether an organisation's description ("the bank", "the party") can only mean the one
    body of its kind the sentence names before it: read in the sentence, it means that one."""
    if kind is not FactType.ORGANISATION or len(earlier) != 1:
        return False
    return (head == "party") == bool(PARTY_NAME.search(next(iter(earlier))))
