"""Whether a WH question's kept words make a whole clause: no cut predicate, no lost complement."""

from __future__ import annotations

from quizapp.nlp.model import Token

# What may follow the last kept word of a question's clause: the sentence's own end.
_END = frozenset({".", "!", "?", "''", '"', "”", "’"})
_SPEECH = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "stressed",
        "warned",
        "argued",
        "believes",
        "thinks",
        "claims",
        "insisted",
    }
)


_MIND = frozenset(
    {
        "hopes",
        "hoped",
        "wants",
        "wanted",
        "believed",
        "thought",
        "expects",
        "expected",
        "plans",
        "planned",
        "fears",
        "feared",
        "claimed",
        "admitted",
        "denied",
        "announced",
        "agreed",
        "decided",
        "promised",
        "urged",
        "accused",
        "praised",
    }
)


_REPORTING = frozenset(
    {"assured", "assures", "informed", "reminded", "convinced", "persuaded", "see", "ask", "asked"}
)


def _cut_complement(tokens: tuple[Token, ...] | list[Token], kept: int) -> bool:
    """Whether the kept words stop just before the clause their verb needs.

    "ordered the contracts to be examined to see [if …]" and "assured foreign companies …
    [that …]" leave a question that cannot be answered as asked.
    """
    if kept >= len(tokens) or kept == 0:
        return False
    following = tokens[kept].text.lower()
    if following not in ("that", "if", "whether", "how", "why", "what", "when", "where"):
        return False
    words = {t.text.lower() for t in tokens[:kept]}
    return tokens[kept - 1].tag.startswith("VB") or bool(words & (_SPEECH | _MIND | _REPORTING))


def _reaches_end(tokens: tuple[Token, ...] | list[Token], kept: int) -> bool:
    """Whether the kept words run to the sentence's end: a clause cut before a comma, "to" or
    "that" asks a question the sentence does not answer ("Who wants Roddick?")."""
    return all(t.text in _END or t.tag == "." for t in tokens[kept:])


def _complete(tokens: tuple[Token, ...], kept: int) -> bool:
    """Whether the first `kept` tokens read as a whole predicate, not one cut mid-phrase.

    "said the money will fund a variety of technical" (cut at a list comma) and "has said"
    (cut before its "that"-clause) are not questions a reader can answer.
    """
    if kept < 2 and tokens[0].tag not in ("VBD", "VBZ", "VBP"):
        return False
    last = tokens[kept - 1]
    if last.tag in ("JJ", "JJR", "JJS", "DT", "IN", "CC", "TO", "PRP$", "MD"):
        return False
    words = {t.text.lower() for t in tokens[:kept]}
    if kept < len(tokens) and tokens[kept].text.lower() in ("that", ",") and words & _SPEECH:
        return False
    return last.text.lower() not in _SPEECH
