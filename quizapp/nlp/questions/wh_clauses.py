"""The clause that holds a fact, without the modifiers that carry the sentence's other facts.

"WorldCom emerged from bankruptcy protection in 2004, and is now known as MCI." holds two
clauses; asking MCI from the second ("What is WorldCom now known as?") leaves 2004 unprinted,
so another item may ask it. A clause is cut down by general rules on the tagged words only:
a parenthesis, an opening adverbial ("In July 2004, ..."), an apposition after the subject
(", a lecturer at Imperial College,"), the other half of a coordination, and a tail that
starts at a comma or a preposition after a noun ("... the Yugansk unit [for $9.3bn in a sale
...]"). A cut that would leave the question with two answers is refused (see ``ambiguous``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from quizapp.nlp.model import Fact, Sentence, Token
from quizapp.nlp.questions.wh_cuts import POINTING_ADVERBS, tail_cuts
from quizapp.nlp.questions.wh_reports import reported, said_after
from quizapp.nlp.questions.wh_tokens import (
    FINITE,
    NOUNISH,
    NP_TAGS,
    REPORT_VERBS,
    SUBORDINATORS,
    clause_follows,
    finite_positions,
    list_goes_on,
    subject_start,
)
from quizapp.nlp.words import lemma

_CLAUSE_JOINS = frozenset({"and", "but"})
_LEAD_TAGS = frozenset({"IN", "RB", "VBG"})
_LEAD_WORDS = frozenset({"Last", "Earlier", "Later", "Next"})
_END_TAGS = frozenset({".", ":"})
_QUOTE_MARKS = frozenset({'"', "``", "''", "“", "”", "‘", "’"})


@dataclass(frozen=True, slots=True)
class Clause:
    """Words of a sentence kept for a question, as a sentence of their own, with the fact
    re-placed in it and the token positions of the original that were left out."""

    sentence: Sentence
    fact: Fact
    dropped: tuple[int, ...]
    # The positions of the other conjunct, a clause (or verb phrase) of its own.
    apart: frozenset[int] = frozenset()
    # Who said it, when the clause is what someone said ("Halifax said prices rose 15.1%"):
    # the question ends "according to Halifax".
    speaker: str = ""


def fact_tokens(sentence: Sentence, fact: Fact) -> tuple[int, int] | None:
    """The token range [a, b) of the fact in its sentence, or None where it splits a token."""
    tokens = sentence.tokens
    a = next((i for i, t in enumerate(tokens) if t.start == fact.start), None)
    b = next((i + 1 for i, t in enumerate(tokens) if t.end == fact.end), None)
    if a is None or b is None or b <= a:
        return None
    return a, b


def short_clauses(sentence: Sentence, fact: Fact) -> list[Clause]:
    """Shorter sentences holding the fact, each a whole clause, longest first."""
    span = fact_tokens(sentence, fact)
    if span is None:
        return []
    a, b = span
    sentence = replace(sentence, tokens=_past_tense_fixed(sentence.tokens))
    tokens = sentence.tokens
    if _in_list(tokens, a, b):
        return []  # "Kunzru, Smith and Sayle": one of several answers, asked alone
    end = len(tokens)
    while end > b and (tokens[end - 1].tag in _END_TAGS or tokens[end - 1].text in _QUOTE_MARKS):
        end -= 1
    base = _without_brackets(tokens, list(range(end)), a)
    if base is None:
        return []
    speaker = ""
    trailing = said_after(tokens, base, a)
    if trailing is not None:
        base, speaker = trailing
    clause = _inner_clause(tokens, base, a) or _own_clause(tokens, base, a)
    if clause is None:
        return []
    apart = frozenset(base) - frozenset(clause)
    said = None if speaker else reported(tokens, clause, a)
    if said is not None:
        clause, speaker = said
    shapes: list[list[int]] = []
    for lead in (False, True) if not speaker else (False,):
        kept = _without_lead(tokens, clause, a) if lead else clause
        if kept is None:
            continue
        kept = _without_apposition(tokens, kept, a, b)
        shapes.append(kept)
        for cut in tail_cuts(tokens, kept, b):
            shapes.append(kept[:cut])
    out: list[Clause] = []
    seen: set[tuple[int, ...]] = set()
    for kept in sorted(shapes, key=lambda k: (-len(k), k)):
        key = tuple(kept)
        if key in seen or len(kept) == end:
            continue
        seen.add(key)
        out.append(_as_sentence(sentence, fact, kept, a, b, apart, speaker))
    return out


def _past_tense_fixed(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The tags with a past tense the tagger read as a participle ("UK house prices increased/VBN
    by 1.1%") made finite: the first verb after a noun, in a stretch up to a comma with no
    finite verb of its own."""
    out = list(tokens)
    stretch_start = 0
    for i, t in enumerate((*tokens, Token(",", 0, 0, ","))):
        if t.text not in (",", ";", ":"):
            continue
        stretch = range(stretch_start, i)
        stretch_start = i + 1
        if any(tokens[k].tag in FINITE for k in stretch):
            continue
        verb = next((k for k in stretch if tokens[k].tag[:2] == "VB"), None)
        if verb is None or verb == stretch.start or tokens[verb].tag != "VBN":
            continue
        if tokens[verb - 1].tag in ("NN", "NNS", "NNP", "NNPS"):
            out[verb] = replace(tokens[verb], tag="VBD")
    return tuple(out)


def _in_list(tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether the answer is one item of a list ("A, B and C", "A and B")."""
    before = tokens[a - 1].text.lower() if a > 0 else ""
    after = tokens[b].text.lower() if b < len(tokens) else ""
    if before in ("and", "or", "&"):
        return True
    if after in ("and", "or", "&"):
        return not clause_follows(tokens, b + 1)
    if before == "," and a > 1 and tokens[a - 2].tag in ("NNP", "NNPS", "NNS", "CD"):
        return list_goes_on(tokens, b) or after == ","
    if after == ",":
        return list_goes_on(tokens, b + 1)
    return False


def _without_brackets(tokens: Sequence[Token], kept: list[int], a: int) -> list[int] | None:
    """The words outside any parenthesis ("$1.5bn (£800m)"), or None when the answer is in one."""
    out: list[int] = []
    depth_start: int | None = None
    for i in kept:
        text = tokens[i].text
        if text in ("(", "[", "-LRB-"):
            depth_start = i
            continue
        if text in (")", "]", "-RRB-"):
            if depth_start is not None and depth_start <= a <= i:
                return None
            depth_start = None
            continue
        if depth_start is None:
            out.append(i)
    if depth_start is not None:
        return None
    return out


def _own_clause(tokens: Sequence[Token], kept: list[int], a: int) -> list[int] | None:
    """The conjunct of "S V1 X, and V2 Y" or "S1 V1 X and S2 V2 Y" that holds the answer; a
    verb phrase of its own gets the shared subject back."""
    finite = finite_positions(tokens, kept)
    if not finite:
        return None
    first = finite[0]
    joins: list[tuple[int, bool]] = []  # (position of the "and", whether it has its own subject)
    for k in range(first + 1, len(kept)):
        t = tokens[kept[k]]
        if t.text.lower() not in _CLAUSE_JOINS:
            continue
        between = [tokens[i] for i in kept[first + 1 : k]]
        if any(x.tag in FINITE or x.text.lower() in SUBORDINATORS for x in between):
            break  # a second verb or a subordinate clause before it: no simple coordination
        if lemma(tokens[kept[first]].text.lower(), "VB") in REPORT_VERBS:
            break
        j = k + 1
        while j < len(kept) and tokens[kept[j]].tag == "RB":
            j += 1
        if j < len(kept) and tokens[kept[j]].tag in FINITE:
            joins.append((k, False))
            break
        n = j
        while n < len(kept) and tokens[kept[n]].tag in NP_TAGS and n - j < 7:
            n += 1
        if n > j and n < len(kept) and tokens[kept[n]].tag in FINITE:
            subject = [tokens[i] for i in kept[j:n]]
            # "England and Wales unveiled": a bare name after "and" is more likely a list than
            # a new subject; a comma, an article or a possessive marks the new clause.
            marked = tokens[kept[k - 1]].text == "," or any(
                t.tag == "POS" or t.text.lower() == "the" for t in subject
            )
            pointing = subject[0].text.lower() in ("this", "that", "these", "those")
            if marked and subject[0].tag not in ("PRP", "PRP$") and not pointing:
                joins.append((k, True))
            break
    if not joins:
        return kept
    k, own_subject = joins[0]
    where = kept.index(a) if a in kept else -1
    if where < 0:
        return None
    if where < k:
        cut = k - 1 if tokens[kept[k - 1]].text == "," else k
        return kept[:cut]
    rest = kept[k + 1 :]
    if own_subject:
        return rest
    begin = subject_start(tokens, kept, first)
    if begin is None:
        return None
    return kept[begin:first] + rest


# Words opening a clause that states a fact of its own ("before Nadal faces Fish", "because
# the firm had lost money"); "if", "unless" and "as" (a comparison or a time) do not.
_INNER_OPENERS = frozenset(
    {"before", "after", "while", "when", "because", "although", "though", "whereas", "until"}
)


def _inner_clause(tokens: Sequence[Token], kept: list[int], a: int) -> list[int] | None:
    """The subordinate or relative clause holding the answer, as a clause of its own:
    "... before Rafael Nadal faces Mardy Fish" -> "Rafael Nadal faces Mardy Fish"; "Leroi, who
    teaches at Imperial College, won ..." -> "Leroi teaches at Imperial College"."""
    if a not in kept:
        return None
    where = kept.index(a)
    for k in range(where - 1, 0, -1):
        t = tokens[kept[k]]
        if t.text in (",", ";") and t.text != ",":
            return None
        word = t.text.lower()
        end = next((n for n in range(k + 1, len(kept)) if tokens[kept[n]].text in (",", ";")), None)
        end = len(kept) if end is None else end
        if where >= end:
            continue
        if word in _INNER_OPENERS and t.tag in ("IN", "WRB"):
            if not clause_follows(tokens, kept[k + 1]):
                return None
            # "In Sunday's reverse singles, ... before Nadal faces Fish": which match stays.
            lead = [n for n in _event_lead(tokens, kept, kept[k + 1]) if n < kept[k]]
            return lead + kept[k + 1 : end]
        if word in ("who", "which") and tokens[kept[k - 1]].text == ",":
            name = k - 1
            while name > 0 and tokens[kept[name - 1]].tag in ("NNP", "NNPS"):
                name -= 1
            if name == k - 1 or k + 1 >= len(kept) or tokens[kept[k + 1]].tag not in FINITE:
                return None
            if name != 0:
                return None  # "son of George Harrison, who has inherited": whose clause is it?
            return kept[name : k - 1] + kept[k + 1 : end]
    return None


def _without_lead(tokens: Sequence[Token], kept: list[int], a: int) -> list[int] | None:
    """Without an opening adverbial ("In July 2004, ...", "Last year, ..."), or None if none,
    or if the opening names the event the clause is about."""
    comma = _lead_comma(tokens, kept, a)
    if comma is None or _names_an_event(tokens, kept[:comma]):
        return None  # "In Sunday's reverse singles, ...": the event the question is about
    return kept[comma + 1 :]


def _event_lead(tokens: Sequence[Token], kept: list[int], a: int) -> list[int]:
    """The opening adverbial with its comma where it names the event ("In Sunday's reverse
    singles,"): a clause asked on its own keeps it. [] otherwise."""
    comma = _lead_comma(tokens, kept, a)
    if comma is None or not _names_an_event(tokens, kept[:comma]):
        return []
    return kept[: comma + 1]


def _lead_comma(tokens: Sequence[Token], kept: list[int], a: int) -> int | None:
    """Where the comma closing an opening adverbial stands in ``kept``, or None if none."""
    finite = finite_positions(tokens, kept)
    opening = tokens[kept[0]]
    if not finite or (opening.tag not in _LEAD_TAGS and opening.text not in _LEAD_WORDS):
        return None
    comma = next((k for k in range(finite[0]) if tokens[kept[k]].text == ","), None)
    if comma is None or comma + 1 >= finite[0] or a <= kept[comma]:
        return None
    if tokens[kept[comma + 1]].tag not in NP_TAGS:
        return None
    return comma


def _names_an_event(tokens: Sequence[Token], lead: list[int]) -> bool:
    """Whether an opening holds a common noun other than a stretch of time ("singles", "final")."""
    return any(
        tokens[k].tag in ("NN", "NNS") and tokens[k].text.lower() not in _TIME_NOUNS for k in lead
    )


# Common nouns of an opening that only dates the clause ("Last year", "Earlier this month").
_TIME_NOUNS = frozenset(
    {"year", "years", "week", "weeks", "month", "months", "day", "days", "weekend", "time"}
    | {"morning", "afternoon", "evening", "night", "season", "decade", "century", "quarter"}
)


def _without_apposition(tokens: Sequence[Token], kept: list[int], a: int, b: int) -> list[int]:
    """Without ", a lecturer at Imperial College," or ", who ...," between subject and verb."""
    finite = finite_positions(tokens, kept)
    if not finite:
        return kept
    verb = finite[0]
    if verb < 3 or tokens[kept[verb - 1]].text != ",":
        # The verb of a relative clause ("Leroi, who teaches at ..., scooped") comes first.
        verb = next(
            (k for k in finite if k >= 3 and tokens[kept[k - 1]].text == ","),
            -1,
        )
        if verb < 0:
            return kept
    opening = next((k for k in range(verb - 1) if tokens[kept[k]].text == ","), None)
    if opening is None or opening == 0 or tokens[kept[opening - 1]].tag not in NOUNISH:
        return kept
    inside = kept[opening:verb]
    if any(i in range(a, b) for i in inside):
        return kept
    first = tokens[kept[opening + 1]]
    relative = first.text.lower() in ("who", "which")
    if not relative and any(tokens[i].tag in FINITE for i in inside):
        return kept
    if any(tokens[i].tag in FINITE for i in kept[:opening]):
        return kept
    return kept[:opening] + kept[verb:]


def _as_sentence(
    sentence: Sentence,
    fact: Fact,
    kept: list[int],
    a: int,
    b: int,
    apart: frozenset[int],
    speaker: str,
) -> Clause:
    """The kept words as a sentence of their own (offsets from 0), closed with a full stop."""
    tokens = sentence.tokens
    pieces: list[str] = []
    new_tokens: list[Token] = []
    at = 0
    previous: int | None = None
    fact_start = fact_end = 0
    for i in kept:
        t = tokens[i]
        if t.tag == "RB" and t.text.lower() in POINTING_ADVERBS:
            continue  # "Jenas then missed": the question stands alone without what came before
        if previous is not None:
            gap = sentence.text[tokens[previous].end - sentence.start : t.start - sentence.start]
            glue = gap if previous == i - 1 else " "
            pieces.append(glue)
            at += len(glue)
        if i == a:
            fact_start = at
        new_tokens.append(Token(t.text, at, at + len(t.text), t.tag))
        pieces.append(t.text)
        at += len(t.text)
        if i == b - 1:
            fact_end = at
        previous = i
    new_tokens.append(Token(".", at, at + 1, "."))
    pieces.append(".")
    text = "".join(pieces)
    short = Sentence(
        index=sentence.index,
        start=0,
        end=len(text),
        text=text,
        paragraph=sentence.paragraph,
        tokens=tuple(new_tokens),
    )
    moved = Fact(fact.type, text[fact_start:fact_end], fact_start, fact_end, 0, fact.attrs)
    dropped = tuple(i for i in range(len(tokens)) if i not in set(kept))
    return Clause(short, moved, dropped, apart, speaker)
