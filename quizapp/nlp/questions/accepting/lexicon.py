"""The everyday-English lexicon the accepted forms consult: is a word in common use?"""

from __future__ import annotations


def lexicon_word(word: str) -> str | None:
    """The Pattern lexicon's tag for a word used in everyday English, or None."""
    from textblob.en import lexicon

    return lexicon.get(word.lower())
