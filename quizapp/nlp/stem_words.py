"""A stem's words with their part-of-speech tags and whether each is quoted, tagged once a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "get", "got"}
)
_QUOTES = frozenset({'"', "\u201c", "\u201d"})
_TOKEN = re.compile(
    r"[£$€]?\d[\d,.]*\d(?:[a-zA-Z]+|%)?|[£$€]?\d(?:[a-zA-Z]+|%)?|\w+(?:[-.]\w+)*|['\u2019]s\b|\S"
)


@dataclass(frozen=True, slots=True)
class _Word:
    """A token of the stem (blank filled in) with its tag and whether it is quoted words."""

    text: str
    start: int
    end: int
    tag: str
    quoted: bool


def _words(text: str) -> list[_Word]:
    return list(_tagged_words(text))


# The same stem is cut again for each kind of item asked on its fact (seven of eight calls on
# an article repeat a text): each is tagged once.
@lru_cache(maxsize=512)
def _tagged_words(text: str) -> tuple[_Word, ...]:
    from quizapp.nlp.tagging import tag_tokens

    spans = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    tags = tag_tokens([s[0] for s in spans])
    # "Fortune and Ronaldo silenced the jeers": a past form after its subject and before its
    # object is the clause's verb, though the tagger reads it as a participle.
    for k in range(1, len(tags) - 1):
        if (
            tags[k] == "VBN"
            and tags[k - 1] in ("NN", "NNS", "NNP", "NNPS")
            and (
                tags[k + 1] in ("DT", "PRP$", "CD", "NNP", "NNS")
                or (tags[k - 1] in ("NNP", "NNPS") and tags[k + 1] in ("NN", "RB"))
            )
            and not any(s[0].lower() in _AUXILIARIES for s in spans[max(0, k - 4) : k])
        ):
            tags[k] = "VBD"
    out = []
    quoted = False
    for (word, start, end), tag in zip(spans, tags, strict=True):
        if word in _QUOTES:
            quoted = not quoted
            out.append(_Word(word, start, end, "``", True))
            continue
        out.append(_Word(word, start, end, tag, quoted))
    return tuple(out)
