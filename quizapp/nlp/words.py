"""Small word lists and word forms (lemmas via lemminflect) used across the generator."""

from __future__ import annotations

from functools import lru_cache

from quizapp.nlp.datacache import RememberedAnswers, cached_table, package_file_stamp
from quizapp.nlp.partialimport import import_submodule

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


# lemminflect's modules import numpy at their top, for a small network that picks the rule for
# a word outside its tables (a fifth of a second of every process). They stand in un-executed
# until a word the local cache has no answer for needs that network.
_NUMPY_MODULES = {
    "lemminflect.kmodels.KInfer": ["getKInferInstance"],
    "lemminflect.kmodels.ModelLemmaInData": ["ModelLemmaInData"],
    "lemminflect.kmodels.ModelInflInData": ["ModelInflInData"],
}


@lru_cache(maxsize=1)
def _lemminflect():
    """lemminflect's lemmatizer and inflector (the singletons its getLemma / getInflection
    use), with lookup tables and answers for unknown words from the local data cache.

    lemminflect parses its text tables on first use (0.7 s per process). From the cache they
    are read word by word, as lemminflect asks for them (it only calls ``.get`` on them): a
    document needs a few hundred of their 100,000 entries. The attributes set are the ones
    lemminflect fills lazily itself, so with no cache it loads them as before.
    """
    lemmatizer_module = import_submodule("lemminflect.core.Lemmatizer", _NUMPY_MODULES)
    inflections_module = import_submodule("lemminflect.core.Inflections", _NUMPY_MODULES)
    lemmatizer = lemmatizer_module.Lemmatizer()
    inflections = inflections_module.Inflections()
    # The tables are built from lemminflect's files, never through its lazy getters: once a
    # cached table is in place those return the table itself, and a forked job whose cache
    # file was pruned meanwhile would build the table from the table (endless recursion).
    if not hasattr(lemmatizer, "lemma_dict"):
        stamp = package_file_stamp("lemminflect", "resources/lemma_lu.csv.gz")
        lemmatizer.lemma_dict = cached_table(
            "lemminflect-lemmas",
            stamp,
            lambda: lemmatizer_module.LemmaLUCodec.load(lemmatizer.lemma_lu_fn),
        )
    if not hasattr(inflections, "infl_dict"):
        stamp = package_file_stamp("lemminflect", "resources/infl_lu.csv.gz")
        inflections.infl_dict = cached_table(
            "lemminflect-inflections",
            stamp,
            lambda: inflections_module.InflectionLUCodec.load(inflections.infl_lu_fn),
        )
    if not hasattr(lemmatizer, "oov_lemmatizer"):
        lemmatizer.oov_lemmatizer = _RememberedLemmaRules()
    if not hasattr(inflections, "morph_style_model"):
        inflections.morph_style_model = _RememberedInflectionStyles()
    return lemmatizer, inflections


class _RememberedLemmaRules:
    """lemminflect's lemmatizer for words outside its tables (``LemmatizerRules``), its answer
    for each word and part of speech remembered in the local cache: most articles have a few
    such words ("km", "website"), and loading the network for them costs more than the rest
    of lemmatising."""

    def __init__(self) -> None:
        stamp = package_file_stamp("lemminflect", "resources/model_lemma.pkl.gz")
        self._answers = RememberedAnswers("lemminflect-oov-lemmas", stamp)
        self._rules = None

    def lemmatize(self, word: str, upos: str) -> str | None:
        return self._answers.get((word, upos), lambda: self._real().lemmatize(word, upos))

    def _real(self):
        if self._rules is None:
            from lemminflect.core.LemmatizerRules import LemmatizerRules

            self._rules = LemmatizerRules()
        return self._rules


class _RememberedInflectionStyles:
    """lemminflect's choice of inflection style for lemmas outside its tables
    (``MorphologyStyleModel``), remembered like :class:`_RememberedLemmaRules`."""

    def __init__(self) -> None:
        stamp = package_file_stamp("lemminflect", "resources/model_infl.pkl.gz")
        self._answers = RememberedAnswers("lemminflect-oov-styles", stamp)
        self._model = None

    # lemminflect calls this name.
    def getStyle(self, lemma: str, upos: str) -> str | None:
        return self._answers.get((lemma, upos), lambda: self._real().getStyle(lemma, upos))

    def _real(self):
        if self._model is None:
            from lemminflect.core.InflectionRules import MorphologyStyleModel

            self._model = MorphologyStyleModel()
        return self._model


@lru_cache(maxsize=20000)
def lemma(word: str, tag: str) -> str:
    """The lemma of a word for its Penn tag (falls back to the word)."""
    upos = "NOUN" if tag.startswith("NN") else "VERB" if tag.startswith("VB") else "ADJ"
    if tag.startswith("NNP"):
        return word
    lemmatizer, _ = _lemminflect()
    found = lemmatizer.getLemma(word, upos, True)  # what lemminflect.getLemma calls
    return found[0] if found else word


@lru_cache(maxsize=20000)
def inflect_verb(lemma_: str, tag: str) -> str:
    """The verb lemma inflected for a Penn tag (VBZ, VBD, VBN, …)."""
    _, inflections = _lemminflect()
    found = inflections.getInflection(lemma_, tag, True)  # what lemminflect.getInflection calls
    return found[0] if found else lemma_


@lru_cache(maxsize=20000)
def other_number(noun: str, tag: str) -> str:
    """A common noun in the other grammatical number ("deficits" <-> "deficit"), or itself."""
    if tag == "NNS":
        return lemma(noun, tag)
    if tag != "NN":
        return noun
    _, inflections = _lemminflect()
    found = inflections.getInflection(noun, "NNS", True)
    return found[0] if found else noun
