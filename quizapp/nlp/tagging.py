"""Part-of-speech tags from TextBlob's offline Pattern tagger, with fixes for news text."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.nlp.datacache import cached_table, package_file_stamp
from quizapp.nlp.partialimport import import_submodule

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}s?$")
_NUMBERISH = re.compile(r"^\d[\d,.]*(?:bn|m|k|tn)?$")
_MONEY_SUFFIX = re.compile(r"^\d[\d,.]*(?:bn|m|k|tn)$")
_PASSIVE_AUX = frozenset({"been", "being", "be", "is", "are", "was", "were", "has", "have", "had"})


@lru_cache(maxsize=1)
def _pattern_english():
    """TextBlob's English Pattern module (`textblob.en`), its lexicon filled.

    Imported without TextBlob's package `__init__`, which imports all of NLTK; `textblob.en`
    itself needs none of it. `textblob.en.tag` is what TextBlob's PatternTagger calls.
    """
    english = import_submodule("textblob.en")
    lexicon = english.lexicon
    # TextBlob parses its 100,000-word lexicon on first use (a quarter of a second). From the
    # local data cache it is read word by word instead: the tagger asks `lexicon.get(word)`
    # for each token (and, in the suffix rules for unknown words, `word in lexicon`), so
    # those answer from the cached table (an instance `get`, as TextBlob's lazy dictionary
    # itself swaps its methods in). With no usable cache the lexicon is filled as TextBlob
    # fills it.
    if not dict.__len__(lexicon):
        stamp = package_file_stamp("textblob", "en/en-lexicon.txt")
        table = cached_table("textblob-lexicon", stamp, lambda: dict(lexicon.items()))
        if isinstance(table, dict):
            dict.update(lexicon, table)
        else:
            lexicon.get = table.get
            lexicon.morphology.lexicon = table
    return english


def tag_tokens(words: list[str]) -> list[str]:
    """Penn Treebank tags for pre-tokenised words (one tag per word)."""
    if not words:
        return []
    # Pattern splits on spaces; Treebank tokens never contain one.
    tagged = _pattern_english().tag(" ".join(words), tokenize=False)
    tags = [tag for _, tag in tagged]
    if len(tags) != len(words):  # defensive: never misalign tags with tokens
        tags = (tags + ["NN"] * len(words))[: len(words)]
    for i, word in enumerate(words):
        tag = tags[i]
        if _ORDINAL.match(word):
            tags[i] = "JJ"
        elif _MONEY_SUFFIX.match(word) or (_NUMBERISH.match(word) and tag != "CD"):
            tags[i] = "CD"
        elif _ACRONYM.match(word) and tag not in ("PRP", "DT"):
            tags[i] = "NNP" if not word.endswith("s") or word.isupper() else "NNPS"
        elif tag == "VBD" and i and words[i - 1].lower() in _PASSIVE_AUX:
            tags[i] = "VBN"
        elif (
            word[:1].isupper()
            and tag in ("NN", "NNS", "JJ")
            and i
            and not _sentence_start(words, i)
        ):
            # Mid-sentence capitalised words are names ("Menatep Group", "Saharan dust" stays JJ).
            tags[i] = "NNP" if tag != "NNS" else "NNPS"
    return tags


def _sentence_start(words: list[str], i: int) -> bool:
    return i == 0 or words[i - 1] in ('"', "``", "(", ":", "''")
