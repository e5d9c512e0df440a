"""Ordinal identifiers: "the 201st military base", "its 12th report"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizapp.nlp.facts.context import FactContext, make_fact
from quizapp.nlp.model import Fact, FactType

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def extract_ordinals(context: FactContext) -> Iterator[Fact]:
    """Ordinal facts; attrs: number, head (the noun phrase it identifies)."""
    for sentence in context.doc.sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if not _ORDINAL.match(token.text):
                continue
            j = i + 1
            while (
                j < len(tokens) and tokens[j].tag in ("JJ", "NN", "NNS", "NNP", "VBN") and j - i < 4
            ):
                j += 1
            head = " ".join(t.text for t in tokens[i + 1 : j])
            if not head or head.split()[-1].lower() in ("century", "centuries"):
                continue
            yield make_fact(
                FactType.ORDINAL,
                sentence,
                token.start,
                token.end,
                number=re.match(r"\d+", token.text).group(),  # type: ignore[union-attr]
                head=head,
            )
