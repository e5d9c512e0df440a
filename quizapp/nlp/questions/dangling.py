"""Pronouns inside a stem with nothing in it to stand for: "Many people use it ..."."""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizapp.nlp.model import Fact, FactType, Sentence, Token
from quizapp.nlp.questions.anchors import word_set
from quizapp.nlp.questions.bare_subjects import FINITE
from quizapp.nlp.questions.reference_words import PERSON_DESCRIPTIONS

# Pronouns that need an antecedent inside the stem, by the kind of antecedent they take.
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
_THING_PRONOUNS = frozenset({"it", "its"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their"})
# "it is thought", "it emerged", "make it clear": "it" standing for nothing before it.
_EMPTY_IT = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|seems|seemed|appears|appeared|"
    r"emerged|remains|took|takes|comes|came)\b|\s+(?:clear|possible|difficult|easier|harder)\b"
)
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady"})
# Common nouns for one person: "The former chief financial officer ... his ex-boss".
_PERSON_NOUNS = PERSON_DESCRIPTIONS | word_set(
    "man woman boy girl father mother son daughter wife husband brother sister friend "
    "officer secretary president editor official spokesperson chairwoman head judge "
    "lawyer analyst economist teacher doctor"
)


def dangling_pronoun(
    sentence: Sentence,
    a: int,
    b: int,
    fact: Fact,
    names: Iterable[Fact],
    quoted: list[tuple[int, int]],
    edits: list[tuple[int, int, str]],
) -> str | None:
    """The first pronoun outside quoted words and the answer with nothing in the stem it could
    stand for: "he" or "his" with no person named before ("On a visit to Los Angeles, his
    former wife introduced him to ..."), "it" with no singular thing ("Many people use it
    ..."), "they" or "their" with nothing plural and no body ("Ms Hutt said they were ...").
    A pronoun in an opening phrase may point ahead ("Whatever his abilities, Bernie Ebbers").
    An opening pronoun is the stem builder's to resolve; this looks further in."""
    facts = list(names)
    tokens = [
        t
        for t in sentence.tokens
        if not any(q0 <= t.start - sentence.start < q1 for q0, q1 in quoted)
    ]
    comma = sentence.text.find(",")
    opening = [t for t in tokens if t.start - sentence.start < comma]
    names = 0
    while names < len(opening) and opening[names].tag in ("NNP", "NNPS"):
        names += 1
    # "Newcastle replaced/VBN him ...": a name and a past form is a clause, whatever the tag.
    named_subject = 0 < names < len(opening) and opening[names].tag in ("VBD", "VBN")
    if named_subject or any(t.tag in FINITE for t in opening):
        comma = -1  # a clause of its own before the comma, no opening phrase pointing ahead
    after_comma = [t for t in tokens if 0 <= comma < t.start - sentence.start][:_SUBJECT_SPAN]
    for i, token in enumerate(tokens):
        low = token.text.lower()
        at = token.start - sentence.start
        if low not in _PRONOUNS or i == 0 or token.text[:1].isupper():
            continue  # "Do They Know It's Christmas?": a title's word, not a pronoun
        if a <= at < b or any(s <= at < e for s, e, _ in edits):
            continue  # the answer, or already replaced by the stem builder
        if low == "it" and _EMPTY_IT.match(sentence.text[token.end - sentence.start :]):
            continue
        ahead = after_comma if 0 <= at < comma else []
        before = tokens[:i]
        raised = i + 1 < len(tokens) and tokens[i + 1].text == "to"
        if raised and _RAISING.fullmatch(tokens[i - 1].text.lower()):
            # "the Cell consortium expects it to ...": not the subject, something before it.
            before = before[: max(0, i - 1 - _SUBJECT_SPAN)]
        candidates = [t for t in before if not a <= t.start - sentence.start < b] + ahead
        # The words the pronoun cannot mean: where they start and end in the sentence.
        barred = (0, 0)
        if 0 <= comma < at and low in _SUBJECTS and tokens[i - 1].start - sentence.start == comma:
            # "Leaving a force at Fort William to distract Montcalm, he began ...": the subject
            # after an opening phrase is not a name inside that phrase (the writer would have
            # used the name); it is someone named before the sentence.
            barred = (0, comma)
        elif low in _OBJECTS and tokens[i - 1].tag.startswith("VB") and not _owns(tokens, i):
            # "Newcastle replaced him ...": a verb's object is never its own subject ("himself").
            barred = (_clause_start(tokens, i) - sentence.start, at)
        candidates = [
            t
            for j, t in enumerate(candidates)
            if not barred[0] <= t.start - sentence.start < barred[1] or _possessor(candidates, j)
        ]
        # "... Tory leader _____ 'coming in the back door', he added.": the speaker of the tag
        # is not whom the reported words name, nor the answer's role; a name must say who.
        tag = i + 1 < len(tokens) and tokens[i + 1].text.lower() in _REPORTING
        # "... when he explained that ...": a clause of the sentence, not a speech tag.
        tag = tag and tokens[i - 1].text.lower() not in _CLAUSE_OPENERS
        if tag and low in _PERSON_PRONOUNS:
            role = _role_before(tokens, a, sentence)
            candidates = [t for t in candidates if t.tag == "NNP" and t not in role]
        answer_near = (a < at and not barred[0] <= a < barred[1]) or (ahead and a > comma)
        if (
            answer_near
            and not (tag and low in _PERSON_PRONOUNS)
            and fact.type not in _NOT_ANTECEDENTS
            and (low not in _PERSON_PRONOUNS or fact.type not in _NOT_PEOPLE)
        ):
            continue  # the answer before it (or right after the opening phrase) it may mean
        if not any(
            _may_stand_for(low, t, j, candidates, sentence, facts, edits)
            for j, t in enumerate(candidates)
        ):
            return token.text
    return None


_PRONOUNS = _PERSON_PRONOUNS | _THING_PRONOUNS | _GROUP_PRONOUNS
_SUBJECTS = frozenset({"he", "she", "it", "they"})
_OBJECTS = frozenset({"him", "her", "them"})
# Words that open a new clause: a name before one of them may be what a later object means.
_CLAUSE_BOUNDARIES = frozenset(
    {",", ";", ":", "and", "but", "or", "that", "who", "which", "when", "while", "after"}
    | {"before", "because", "as", "if", "since", "until", "although", "though", "where"}
)


def _possessor(tokens: list[Token], j: int) -> bool:
    """Whether token j owns what follows ("his former wife", "Depp's wife"): the subject's
    owner may be what its object pronoun means ("Depp's wife introduced him to ...")."""
    return tokens[j].tag == "PRP$" or (j + 1 < len(tokens) and tokens[j + 1].tag == "POS")


def _owns(tokens: list[Token], i: int) -> bool:
    """Whether the "her" at i owns the word after it ("admitted her crew"): a possessive, not
    the verb's object (taggers read both as either, so the next word decides)."""
    return (
        tokens[i].text.lower() == "her"
        and i + 1 < len(tokens)
        and tokens[i + 1].tag[:2] in ("NN", "JJ", "CD")
    )


def _clause_start(tokens: list[Token], i: int) -> int:
    """Where the clause holding token i starts (the offset of its first token)."""
    for k in range(i - 1, -1, -1):
        if tokens[k].text.lower() in _CLAUSE_BOUNDARIES:
            return tokens[k].end
    return tokens[0].start


_CLAUSE_OPENERS = frozenset({"when", "as", "after", "before", "because", "since", "until", "while"})
# Verbs whose object is the subject of the next clause ("expects it to"): never their own
# subject, so the words just before the verb are not what the pronoun stands for.
_RAISING = re.compile(r"(?:expect|believe|want|consider|need|allow|think|thought)(?:s|ed|d)?")
_SUBJECT_SPAN = 4
_REPORTING = frozenset(
    {
        "said",
        "says",
        "added",
        "adds",
        "told",
        "warned",
        "explained",
        "insisted",
        "argued",
        "continued",
        "claimed",
        "stressed",
        "admitted",
        "conceded",
        "noted",
        "remarked",
    }
)
# "In _____, it sued ...": a date or an ordinal is nothing a pronoun can stand for.
_NOT_ANTECEDENTS = frozenset({FactType.DATE, FactType.ORDINAL})
_NOT_PEOPLE = frozenset(
    {FactType.ORGANISATION, FactType.PLACE, FactType.QUANTITY, FactType.DATE, FactType.ORDINAL}
)


def _role_before(tokens: list[Token], a: int, sentence: Sentence) -> list[Token]:
    """The words right before the answer that describe it ("Tory leader _____")."""
    before = [t for t in tokens if t.end - sentence.start <= a]
    role: list[Token] = []
    for token in reversed(before):
        if token.tag not in ("NNP", "NN", "JJ") or len(role) == 4:
            break
        role.append(token)
    return role


def _may_stand_for(
    pronoun: str,
    token: Token,
    j: int,
    tokens: list[Token],
    sentence: Sentence,
    facts: list[Fact],
    edits: list[tuple[int, int, str]],
) -> bool:
    """Whether the pronoun could refer to the token (a word of the stem before it)."""
    at = token.start - sentence.start
    if any(s <= at < e and text for s, e, text in edits):
        # An opening "He" or "It" the stem builder replaced by a name stands for that name.
        was = token.text.lower()
        if was in _PERSON_PRONOUNS:
            return pronoun in _PERSON_PRONOUNS
        if was in _THING_PRONOUNS:
            return pronoun in _THING_PRONOUNS
    fact = next((f for f in facts if f.start - sentence.start <= at < f.end - sentence.start), None)
    kind = fact.type if fact is not None else None
    capital = token.text[:1].isupper() and token.text not in _TITLES
    if pronoun in _PERSON_PRONOUNS:
        if kind is FactType.PERSON or token.text.lower() in _PERSON_NOUNS:
            return True
        return (
            capital and token.tag == "NNP" and kind not in (FactType.ORGANISATION, FactType.PLACE)
        )
    if pronoun in _THING_PRONOUNS:
        # A head noun, not a modifier of the next one ("computer servers").
        modifier = j + 1 < len(tokens) and tokens[j + 1].tag in ("NN", "NNS")
        # (Any name may be a company's: the extractor takes "Brantwick Mills" for a person.)
        return token.tag in ("NN", "NNP", "NNPS") and not (modifier and token.tag == "NN")
    # "they": a plural, a body, or a name that may be a team; not one titled person ("Ms Hutt").
    if token.tag in ("NNS", "NNPS") or (j and tokens[j - 1].tag == "CD"):
        return True
    if kind is FactType.PERSON:
        return len(fact.text.split()) == 1 and not any(
            t.text in _TITLES for t in tokens[max(0, j - 2) : j]
        )
    # A name, not a word capitalised only because it opens the sentence ("Even their ...").
    return capital and (kind is not None or token.tag in ("NNP", "NNPS"))
