"""A long sentence of textbook prose asked without the asides and clauses that hold its other facts."""

from __future__ import annotations

import re

from quizapp.nlp.clause_cuts import clause_cut
from quizapp.nlp.key_terms import textbook_prose
from quizapp.nlp.model import BLANK, Document, Fact, FactType, Sentence
from quizapp.nlp.questions.anchors import name_words

# Parts left out of one stem at most: past that the sentence is a paragraph's worth of facts.
MAX_CUTS = 3
# A non-restrictive relative clause: ", which includes the crust ...,", ", the most important of
# which was seafloor spreading,", ", who was influenced by ...": what it adds, the sentence says
# whole without it. Up to the next comma (taken with it) or the closing stop (left in place).
_RELATIVE = re.compile(
    r",\s+(?:which|who|whom|whose|(?:the\s+)?(?:\w+\s+){1,3}of\s+which)\s[^,;:()\"“”]*?(?:,|(?=[.;]\s*$))"
)
# A figure or a year keeps the parts that date it ("the 1960s", "in June 1755").
_DATED_TYPES = frozenset({FactType.QUANTITY, FactType.DATE})


def shortened_stem(
    doc: Document,
    sentence: Sentence,
    fact: Fact,
    text: str,
    span: tuple[int, int],
    mentions: dict[int, tuple[Fact, ...]],
    limit: int,
) -> tuple[str, int, int] | None:
    """``text`` (the stem, the fact at ``span``) within ``limit`` words once the clauses and
    asides holding the sentence's other facts are left out, as (text, start, end); None where
    it cannot be. Encyclopedia sentences run long ("In the 1960s, a series of discoveries, the
    most important of which was seafloor spreading, showed that ..."), and the fact asked is
    often in their main clause; a news story's long sentence is left unasked, as before."""
    if not textbook_prose(doc):
        return None
    answer = text[span[0] : span[1]]
    prompt = text[: span[0]] + BLANK + text[span[1] :]
    names = name_words(f for facts in mentions.values() for f in facts)
    others = [
        f.text
        for f in mentions.get(sentence.index, ())
        if f.text and f.text != answer and not (f.start < fact.end and fact.start < f.end)
    ]
    for _cut in range(MAX_CUTS):
        if len(prompt.split()) <= limit:
            break
        relative = next((m for m in _RELATIVE.finditer(prompt) if BLANK not in m.group()), None)
        if relative is not None:
            prompt = prompt[: relative.start()] + " " + prompt[relative.end() :]
            prompt = re.sub(r"\s+([.;])", r"\1", re.sub(r"\s{2,}", " ", prompt))
            continue
        for other in others:
            cut = clause_cut(prompt, answer, other, names, fact.type in _DATED_TYPES)
            if cut is not None and len(cut) < len(prompt):
                prompt = cut
                break
        else:
            return None
    if len(prompt.split()) > limit or prompt.count(BLANK) != 1:
        return None
    at = prompt.index(BLANK)
    return prompt[:at] + answer + prompt[at + len(BLANK) :], at, at + len(answer)
