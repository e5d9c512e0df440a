"""Text normalisation shared by checks and distractors (SQuAD-style: case, punctuation, articles)."""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

_PUNCT = set(string.punctuation) | {"“", "”", "‘", "’", "–", "—", "…"}
_ARTICLES = re.compile(r"\b(a|an|the)\b")
CONTENT_STOP = frozenset(
    {
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "by",
        "with",
        "from",
        "its",
        "his",
        "her",
        "their",
    }
)


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, no punctuation, no articles, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    text = "".join(ch for ch in text if ch not in _PUNCT)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def content_tokens(text: str) -> set[str]:
    """The normalised words of a text, minus the small function words."""
    return {t for t in normalise(text).split() if t not in CONTENT_STOP}
