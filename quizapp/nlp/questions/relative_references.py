"""Stems that count from something earlier in the article: "his next film", "the 60% rise".

Read alone, "Johnny Depp played a serious role in his next major film" leaves the film before
it unsaid, "The government has rejected the 60% rise" never says what rises (the article said
so sentences before), and "Rooney is seen only as the worst example" drops whose view it is.
Such an item is not made.
"""

from __future__ import annotations

import re

from quizapp.nlp.model import BLANK

# Quoted words are the speaker's own; only the stem's own words must stand.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")

# "in his next major film", "the following day": a step on from an event told before.
_NEXT = re.compile(
    r"\b(?:(?:his|her|its|their)\s+next|[Tt]he\s+(?:next|following)\s+"
    r"(?=(?:day|morning|afternoon|evening|night|week|weekend|month|season|year|game|match)\b))"
)
# A stem that looks ahead from now ("his next film will open in May") counts from today.
_AHEAD = re.compile(
    r"\b(?:will|would|shall|'ll|going\s+to|set\s+to|plans?|planned|due|expected|hopes?|"
    r"wants?|is|are|am)\b"
)

# "the 60% rise", "the £5m deal": a change or a sum given as something known, whose subject
# the noun leaves unsaid (a rise of what, a deal for what).
_DEFINITE_FIGURE = re.compile(
    r"\b[Tt]he\s+(?P<figure>[$£€]?\d[\d,.]*(?:%|bn|m|tn|k)?)"
    r"(?:\s+(?:per\s*cent|percent|billion|million))?[\s-]+(?:[a-z]+\s+)?"
    r"(?P<noun>rise|rises|increase|increases|fall|falls|drop|cut|cuts|hike|jump|decline|"
    r"reduction|deal|bid|offer|fine|package|fee|payout|settlement|loan|payment|rescue)\b"
    r"(?!\s+(?:of|in|on|for|to|from|by|at|with|over|which|that|who)\b)"
)
_YEAR = re.compile(r"(?:1[0-9]|20)\d\d")

# "is seen only as the worst example": an opinion in the passive whose holder is left out.
_OPINION = re.compile(
    r"\b(?:is|are|was|were)\s+(?:(?:now|still|only|also|just|not)\s+)?"
    r"(?:seen|regarded|viewed|perceived)\s+(?:(?:only|merely|simply|largely|mainly)\s+)?as\b"
)
_OPINION_GENERAL = re.compile(
    r"\b(?:widely|generally|often|commonly|universally|increasingly|by)\b"
)


def relative_reference_problems(
    prompt: str, text: str, source_start: int, answer: str | None = None
) -> list[str]:
    """What in the stem counts from the article before it: "his next film" in a past story,
    a definite figure ("the 60% rise", or "the _____% rise" asking it) the article introduced
    in an earlier sentence, or an opinion in the passive whose holder the stem leaves out."""
    own = QUOTED.sub(" ", prompt.removeprefix("True or false? "))
    own = own.replace(BLANK, answer if answer and answer[:1].isdigit() else " ")
    problems = []
    if _NEXT.search(own) and not _AHEAD.search(own):
        problems.append("'next' counts from an event told before the stem")
    before = text[:source_start]
    for match in _DEFINITE_FIGURE.finditer(own):
        figure = match.group("figure")
        if _YEAR.fullmatch(figure) or len(figure.strip("$£€")) < 2:
            continue  # "the 2005 fiscal year", "the 3 lions": no figure told before
        if re.search(rf"(?<![\w.,]){re.escape(figure)}(?![\d,.]\d)", before):
            problems.append(f"'{match.group(0)}' refers to a figure told before the stem")
            break
    opinion = _OPINION.search(own)
    if opinion and not _OPINION_GENERAL.search(own[max(0, opinion.start() - 20) :]):
        problems.append("an opinion in the passive whose holder the stem leaves out")
    return problems
