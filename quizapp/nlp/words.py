"""Small word lists and word forms (lemmas via lemminflect) used across the generator."""

from __future__ import annotations

from functools import lru_cache

from quizapp.nlp.datacache import cached_table, package_file_stamp

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "its",
        "it",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "not",
        "no",
        "nor",
        "so",
        "than",
        "too",
        "very",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "also",
        "such",
        "other",
        "more",
        "most",
        "some",
        "any",
        "each",
        "every",
        "all",
        "both",
        "few",
        "many",
        "much",
        "own",
        "same",
        "only",
        "just",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "between",
        "through",
        "during",
        "without",
        "within",
        "along",
        "across",
        "against",
        "among",
        "around",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "then",
        "once",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "me",
        "him",
        "them",
        "us",
        "one",
    ]
)
VAGUE_NOUNS = frozenset(
    [
        "thing",
        "things",
        "part",
        "parts",
        "way",
        "ways",
        "lot",
        "lots",
        "number",
        "kind",
        "kinds",
        "sort",
        "type",
        "types",
        "time",
        "times",
        "year",
        "years",
        "day",
        "days",
        "case",
        "cases",
        "fact",
        "facts",
        "point",
        "points",
        "area",
        "areas",
        "side",
        "sides",
        "place",
        "places",
        "people",
        "person",
        "man",
        "woman",
        "men",
        "women",
        "group",
        "end",
        "use",
        "uses",
        "form",
        "forms",
        "deal",
        "other",
        "others",
        "month",
        "months",
        "week",
        "weeks",
        "decade",
        "decades",
        "today",
        "yesterday",
        "tomorrow",
        "something",
        "anything",
        "everything",
        "nothing",
        "someone",
        "anyone",
        "everyone",
    ]
)


@lru_cache(maxsize=1)
def _lemminflect_tables() -> None:
    """Give lemminflect its lookup tables from the local data cache.

    lemminflect parses its text tables on first use (0.7 s per process). From the cache they
    are read word by word, as lemminflect asks for them (it only calls ``.get`` on them): a
    document needs a few hundred of their 100,000 entries. The attributes set are the ones
    lemminflect fills lazily itself, so with no cache it loads them as before.
    """
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflections = Lemmatizer(), Inflections()
    if not hasattr(lemmatizer, "lemma_dict"):
        stamp = package_file_stamp("lemminflect", "resources/lemma_lu.csv.gz")
        lemmatizer.lemma_dict = cached_table("lemminflect-lemmas", stamp, lemmatizer._getLemmaDict)
    if not hasattr(inflections, "infl_dict"):
        stamp = package_file_stamp("lemminflect", "resources/infl_lu.csv.gz")
        inflections.infl_dict = cached_table(
            "lemminflect-inflections", stamp, inflections._getInflDict
        )


@lru_cache(maxsize=20000)
def lemma(word: str, tag: str) -> str:
    """The lemma of a word for its Penn tag (falls back to the word)."""
    from lemminflect import getLemma

    _lemminflect_tables()
    upos = "NOUN" if tag.startswith("NN") else "VERB" if tag.startswith("VB") else "ADJ"
    if tag.startswith("NNP"):
        return word
    found = getLemma(word, upos=upos)
    return found[0] if found else word


@lru_cache(maxsize=20000)
def inflect_verb(lemma_: str, tag: str) -> str:
    """The verb lemma inflected for a Penn tag (VBZ, VBD, VBN, …)."""
    from lemminflect import getInflection

    _lemminflect_tables()
    found = getInflection(lemma_, tag=tag)
    return found[0] if found else lemma_


@lru_cache(maxsize=20000)
def other_number(noun: str, tag: str) -> str:
    """A common noun in the other grammatical number ("deficits" <-> "deficit"), or itself."""
    from lemminflect import getInflection

    if tag == "NNS":
        return lemma(noun, tag)
    if tag != "NN":
        return noun
    _lemminflect_tables()
    found = getInflection(noun, tag="NNS")
    return found[0] if found else noun
