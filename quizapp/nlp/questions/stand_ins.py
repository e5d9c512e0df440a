"""Who a description ("the company", "the prime minister") stands for, from the sentences before."""

from __future__ import annotations

import re

from quizapp.nlp.distractors import looks_like_place_or_body
from quizapp.nlp.model import Document, Fact, FactType, Sentence
from quizapp.nlp.questions.antecedents import LOOKBACK
from quizapp.nlp.questions.descriptions import described_entities
from quizapp.nlp.questions.reference_words import PARTY_NAME


def stand_ins(
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
        office = _OFFICE.search(sentence.text[stand_in.start : stand_in.end])
        if office and not _holds_office(mentions, name, " ".join(office["office"].lower().split())):
            return None  # "The prime minister" is not whoever the sentence before named
        out.append((stand_in.start, stand_in.end, name))
    return out


# An office one person holds at a time: "the prime minister", "the president", "the chancellor".
# ("The former Labour minister" held an office once, and is whoever the article describes.)
_OFFICE = re.compile(
    r"^(?:(?!former|ex-).)*\b(?P<office>prime\s+minister|president|chancellor|premier)\b", re.I
)


def _holds_office(mentions: dict[int, tuple[Fact, ...]], name: str, office: str) -> bool:
    """Whether the article gives the person that office ("Prime Minister Tony Blair")."""
    return any(
        f.type is FactType.PERSON
        and (f.attr("canonical") or f.text) == name
        and office in (f.attr("role") or "").lower()
        for facts in mentions.values()
        for f in facts
    )


_SELF_IDENTIFYING = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z]")


def _only_one_recent(
    mentions: dict[int, tuple[Fact, ...]], sentence: Sentence, want: FactType, *, party: bool
) -> str | None:
    """The one person or organisation the nearest earlier sentence naming any names; None when
    it names two (a description, unlike a pronoun, gives no grammatical cue to choose by).
    "The party" is only ever a party, "the company" never one."""
    for back in range(1, LOOKBACK + 1):
        found = {
            f.attr("canonical") or f.text
            for f in mentions.get(sentence.index - back, ())
            if f.type is want
            and (want is not FactType.PERSON or not looks_like_place_or_body(f.text))
            and (want is not FactType.ORGANISATION or bool(PARTY_NAME.search(f.text)) == party)
        }
        if found:
            return found.pop() if len(found) == 1 else None
    return None
