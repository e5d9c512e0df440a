"""A plural name's possessive ("Saints' fortunes"), which a blank cannot take as "_____'s"."""

from __future__ import annotations

import re

from quizapp.nlp.questions.accepting.lexicon import lexicon_word

# A possessive apostrophe with no "s" after it: "Saints' fortunes", "MSPs' pay".
_BARE_APOSTROPHE = re.compile(r"^['’](?!\w)")


def plural_possessive(name: str, after: str, tag: str | None = None) -> bool:
    """Whether the name is a plural ("Saints", "Liberal Democrats", "MSPs", "Wolves") followed
    by a bare possessive apostrophe: the blank would read "_____'s" and the key "Saints's".
    A singular name ending in "s" ("Yukos'", "Jones'") takes "'s" well and is left alone.
    ``tag`` is the tagger's reading of the name's last word in its sentence: a plural proper
    noun (NNPS: "Saracens'") is one whatever the word lists know."""
    if not _BARE_APOSTROPHE.match(after):
        return False
    if tag == "NNPS" and name.endswith("s"):
        return True
    words = name.split()
    last = words[-1] if words else ""
    if not last.endswith("s") or last.endswith(("ss", "us", "is")) or len(last) < 3:
        return False
    base = last[:-1]
    if base.isupper() or last.endswith("ves"):
        return True  # "MSPs", "Wolves"
    return lexicon_word(base.lower()) in ("NN", "NNS") or lexicon_word(last.lower()) == "NNS"
