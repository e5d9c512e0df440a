"""Tags and word lists the WH clause rules share, and look-ups over tagged words."""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.nlp.model import Token


def words_of(text: str) -> list[str]:
    return text.split()


FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
NOUNISH = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "PRP"})
NP_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$"})
# Prepositions that open a modifier a clause can do without. "of", "than", "as" and the
# subordinators tie what follows to the word before them.
TAIL_PREPS = frozenset(
    words_of(
        "in on at for from to by with during after before since until over under against "
        "between among into across through amid despite following"
    )
)
# Verbs whose object is a whole clause: "X said A and B fell" is one report, not two clauses.
REPORT_VERBS = frozenset(
    words_of(
        "say tell add warn argue believe think claim insist hope want expect fear admit "
        "deny announce agree decide promise suggest show reveal report know predict "
        "estimate forecast note explain confirm mean"
    )
)
SUBORDINATORS = frozenset(
    {"that", "which", "who", "whom", "whose", "because", "while", "although", "if", "when"}
)


def finite_positions(tokens: Sequence[Token], kept: list[int]) -> list[int]:
    return [k for k, i in enumerate(kept) if tokens[i].tag in FINITE]


def subject_start(tokens: Sequence[Token], kept: list[int], verb: int) -> int | None:
    """Where the subject before the verb at position `verb` starts (after an opening comma)."""
    start = 0
    for k in range(verb):
        if tokens[kept[k]].text == ",":
            start = k + 1
    if start >= verb:
        return None
    return start


def list_goes_on(tokens: Sequence[Token], i: int) -> bool:
    """Whether short noun phrases separated by commas run from i to an "and" or "or"."""
    run = 0
    for n, t in enumerate(tokens[i:], start=i):
        word = t.text.lower()
        if word in ("and", "or"):
            following = tokens[n + 1] if n + 1 < len(tokens) else None
            return run > 0 and following is not None and following.tag in NP_TAGS
        if t.text == ",":
            run = 0
            continue
        if t.tag not in NP_TAGS or run >= 4:
            return False
        run += 1
    return False


def clause_follows(tokens: Sequence[Token], i: int) -> bool:
    """Whether a new clause starts at i: a short noun phrase and its finite verb ("and
    Staunton's award was announced"), not another item of a list."""
    n = i
    while n < len(tokens) and tokens[n].tag in NP_TAGS and n - i < 7:
        n += 1
    return n > i and n < len(tokens) and tokens[n].tag in FINITE
