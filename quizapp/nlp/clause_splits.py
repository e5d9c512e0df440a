"""Coordinated clauses split so a stem keeps only the half that holds its blank.

Three shapes, read from part-of-speech tags:

- a shared subject: "WorldCom emerged from bankruptcy protection in 2004, and is now known as
  _____." -> "WorldCom is now known as _____." (the second verb phrase with the subject both
  halves share);
- a gapped verb: "prices rose 15.1% over the whole of 2004, but by only _____ in the second half
  of the year" -> "prices rose by only _____ in the second half of the year"; "Taylor played the
  last 20 minutes of ... and then _____ in a friendly against ..." -> "Taylor played _____ in a
  friendly against ..." (the verb the second half leaves out, put back);
- a clause an "after", "when", "because" ... takes as fact: "Everton's problems worsened
  when _____ limped off with an injury" -> "_____ limped off with an injury".

Only where the kept half is whole: its verb is not one the first half's auxiliary carries
("was arrested and charged"), it points back at nothing the cut half said ("also", "then",
"too"), it holds no negation the cut would turn round, and the head promises no pair ("both",
"between").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.nlp.stem_words import _Word

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_AUXILIARY = frozenset(
    {"is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can", "could"}
    | {"may", "might", "should", "must", "shall", "did", "does", "do"}
)
_POINTS_BACK = frozenset(
    {"also", "too", "again", "then", "instead", "still", "same", "this", "these", "those"}
    | {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "there", "so"}
)
# Connectors whose clause is a fact whatever the head says ("after", "when", "because").
_FACTIVE = frozenset({"after", "when", "because", "although", "though", "since", "whereas", "as"})
_REPORTING = frozenset(
    {"said", "says", "say", "told", "tells", "claimed", "claims", "believes", "thinks"}
    | {"reported", "reports", "argued", "argues", "warned", "insisted", "added"}
)
_BOUNDARIES = frozenset(
    {",", ";", ":", "but", "and", "or", "while", "whereas", "that", "which", "who", "when"}
    | {"after", "before", "because", "although", "though", "since", "as", "if", "until"}
)
_SUBJECT_PREPOSITIONS = frozenset({"of", "from", "at", "on", "for", "with", "in"})
_NEGATION = frozenset({"not", "never", "no", "nor", "n't", "neither"})
_PAIRED = re.compile(r"\b(?:both|either|neither|not only|between|respectively)\b", re.I)
_SUBJECT_TAGS = frozenset({"DT", "NNP", "NNPS", "NN", "NNS", "JJ", "POS", "CD", "PRP$"})
_GAP_START = frozenset({"IN", "RB", "CD", "$", "DT", "JJ", "RBR"})
MAX_SUBJECT = 8


def split_spans(
    words: list[_Word], blank: tuple[int, int], end: int
) -> list[tuple[int, int, bool]]:
    """Character spans (start, end, opens the stem) whose removal leaves the second half of a
    coordination, with the subject or verb it shares with the first, or on its own where it
    has its own subject; the blank is in the second half."""
    if any(w.quoted for w in words[:end]):
        return []
    in_blank = [blank[0] <= w.start < blank[1] for w in words]
    head_text = " ".join(w.text for w in words[:end])
    if _PAIRED.search(head_text):
        return []
    out = []
    for c in range(1, end - 2):
        if (
            words[c].text.lower() in _FACTIVE
            and not any(in_blank[: c + 1])
            and any(in_blank[c + 1 : end])
            and _subordinate_alone(words, c, end)
        ):
            out.append((words[0].start, words[c + 1].start, True))
            continue
        if words[c].text.lower() not in ("and", "but"):
            continue
        if any(in_blank[: c + 1]) or not any(in_blank[c + 1 : end]):
            continue
        span = _shared_subject(words, c, end) or _gapped(words, c, end)
        if span is not None:
            out.append((*span, False))
        elif _own_clause(words, c, end):
            out.append((words[0].start, words[c + 1].start, True))
    return out


def _subordinate_alone(words: list[_Word], c: int, end: int) -> bool:
    """Whether the clause after a connector at c is true on its own and can be kept alone:
    "Everton's problems worsened when _____ limped off with an injury" -> "_____ limped off
    with an injury". Only connectors that take their clause as fact ("after", "when", not
    "before" or "until"), after a head that reports what happened (no "will", "would", "said"),
    with its own subject and a verb that is no modal."""
    head = words[:c]
    if not any(w.tag in ("VBD", "VBZ", "VBP") for w in head):
        return False
    if any(w.tag == "MD" or w.text.lower() in _REPORTING for w in head):
        return False
    rest = words[c + 1 : end]
    if not rest or rest[0].tag not in ("DT", "NNP", "NNPS", "NN", "NNS", "JJ"):
        return False  # "after 23 minutes": a time, not a subject
    # "when James McFadden limped off": a past form straight after a name is its verb.
    verb = next(
        (
            k
            for k, w in enumerate(rest[:9])
            if w.tag in _FINITE or (k and w.tag == "VBN" and rest[k - 1].tag in ("NNP", "NNS"))
        ),
        None,
    )
    if verb is None or verb == 0 or rest[verb].tag == "MD":
        return False
    # "when Ronaldo's low drive from 25 yards took ...": a subject may hold a phrase.
    if not all(w.tag in _SUBJECT_TAGS or w.text in _SUBJECT_PREPOSITIONS for w in rest[:verb]):
        return False
    return not any(w.text.lower() in _POINTS_BACK for w in rest)


def _own_clause(words: list[_Word], c: int, end: int) -> bool:
    """Whether "and" at c (no comma before it) joins two clauses, each with its own subject
    and verb, so the second stands alone ("Leigh was presented with ... and Staunton's award
    was announced by _____")."""
    if words[c].text.lower() != "and" or words[c - 1].text in (",", ";"):
        return False
    # The clause "and" closes has its verb: "goals from Fortune and Ronaldo silenced ..." joins
    # two names in a subject, not two clauses.
    k = c - 1
    while k >= 0 and words[k].tag not in _FINITE:
        if words[k].text.lower() in _BOUNDARIES:
            return False
        k -= 1
    if k < 0:
        return False
    rest = words[c + 1 : end]
    if rest[0].tag not in ("DT", "NNP", "NNPS", "NN", "NNS", "CD"):
        return False  # "and he ...", "and also ...": the second half leans on the first
    verb = next((k for k, w in enumerate(rest[:8]) if w.tag in _FINITE), None)
    if verb is None or not all(w.tag in _SUBJECT_TAGS for w in rest[:verb]):
        return False
    return not any(w.text.lower() in _POINTS_BACK | _NEGATION for w in rest)


def _shared_subject(words: list[_Word], c: int, end: int) -> tuple[int, int] | None:
    """ "S did X, and is now Y" -> "S is now Y": the span from the first verb to the second."""
    t = c + 1
    if words[t].tag in ("RB",) and words[t].text.lower() not in _POINTS_BACK:
        t += 1
    if t >= end or words[t].tag not in _FINITE:
        return None
    verbs = [k for k in range(c) if words[k].tag in _FINITE]
    if len(verbs) != 1:
        return None  # "said it lost money, and is ...": which subject goes on is unclear
    v = verbs[0]
    subject = words[:v]
    if not 1 <= len(subject) <= MAX_SUBJECT or subject[0].tag not in _SUBJECT_TAGS:
        return None
    if any(w.text in (",", ";", ":", "(", "-") for w in subject):
        return None
    if words[v].text.lower() in _AUXILIARY and words[t].tag in ("VBD", "VBN"):
        return None  # "was arrested and charged": the second verb leans on the first's "was"
    if any(w.text.lower() in _POINTS_BACK | _NEGATION for w in words[c + 1 : end]):
        return None
    if any(w.text in (";", ":") for w in words[v:c]):
        return None
    return (words[v].start, words[c + 1].start)


def _gapped(words: list[_Word], c: int, end: int) -> tuple[int, int] | None:
    """ "rose A over X, but by only B in Y" -> "rose by only B in Y": the span after the verb
    up to the second half."""
    comma = words[c - 1].text == ","
    t = c + 1
    if words[t].text.lower() == "then":
        t += 1
    elif not (comma and words[c].text.lower() == "but"):
        return None  # "Leeds and Paris": a pair of names, either of which may fill the blank
    if t >= end or words[t].tag not in _GAP_START:
        return None
    # ", the Islay Trust said" after the second half reports both halves, and stays.
    stop = next((k for k in range(t, end) if words[k].text in (",", ";")), end)
    tail = words[t:stop]
    if any(w.tag in _FINITE for w in tail):
        return None  # a clause of its own (see clause_cuts)
    if any(w.text.lower() in _NEGATION or w.text.lower() in _POINTS_BACK for w in tail):
        return None
    verbs = [k for k in range(c) if words[k].tag in _FINITE]
    if not verbs:
        return None
    v = verbs[-1]
    first = words[v + 1 : c - 1 if comma else c]
    if not first or any(w.text in (",", ";", ":") for w in first):
        return None
    return (words[v + 1].start, words[t].start)
