"""Whether two options are one name twice: shared words, plurals, one inside the other."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.nlp.text import content_tokens


def same_words(a: str, b: str) -> bool:
    """Whether two names or phrases share most of their words ("Court of Appeal", "Appeal Court")."""
    wa, wb = content_tokens(a), content_tokens(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= 0.6


def _stem(text: str) -> str:
    """A crude singular, enough to tell "Tory" and "Tories" are one name."""
    if text.endswith("ies"):
        return text[:-3] + "y"
    if text.endswith("es") and text[-3:-2] in "sxz":
        return text[:-2]
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text


def _overlapping(a: str, b: str) -> bool:
    """One option inside the other, as whole words."""
    return bool(_whole_word(a).search(b) or _whole_word(b).search(a))


@lru_cache(maxsize=4096)
def _whole_word(text: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(text)}\b")
