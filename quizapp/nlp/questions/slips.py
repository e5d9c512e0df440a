"""Slips an article makes that a stem must not copy: "tsumani", "a undecided fee", "the the"."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from quizapp.nlp.datacache import cached_table, package_file_stamp
from quizapp.nlp.model import Token

# "a undecided fee", "an new": an article that does not fit the word after it.
_A_BEFORE_VOWEL = re.compile(r"\b[Aa]\s+(?!one\b|once\b|eu|uni|use|usu|ut|ur)([aeiou][a-z]+)")
_AN_BEFORE_CONSONANT = re.compile(r"\b[Aa]n\s+(?!h)([b-df-gj-np-tv-z][a-z]+)\b")
_DOUBLED = re.compile(r"\b(the|a|an|to|of|and|in|for|is|was)\s+\1\b", re.I)
# Any other lower-case word typed twice ("will will"), but "had had" and "that that" are English.
_DOUBLED_WORD = re.compile(r"\b(?!had\b|that\b)([a-z]+)\s+\1\b")
# "On May 2004", "taken on July 2004": a month without its day takes "in"; the slip spans the
# answer too, so it is looked for with the answer in place.
_ON_MONTH_YEAR = re.compile(
    r"\b[Oo]n\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{4}\b"
)
_LOWER = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")
# "one his G8 priorities": "one of" with its "of" dropped before a possessive.
_ONE_WITHOUT_OF = re.compile(r"\b[Oo]ne\s+(?:his|her|their|its|our|my|your)\b")
# "a study from security from Symantec": a word lost between ("security firm"), so "from"
# comes twice around one word.
_FROM_TWICE = re.compile(r"\bfrom\s+[a-z]+\s+from\b")
# "Maggie Cheung , Emmanuelle Devos": a space typed before a comma.
_SPACE_BEFORE_COMMA = re.compile(r"\w\s+,(?=\s)")
# "four titles between 1965-71 and a European Cup": "between" takes two ends, not a range.
_BETWEEN_RANGE = re.compile(r"\bbetween\s+\d[\d,.]*\s*[-–]\s*\d[\d,.]*\s+and\b")
# "won approval for to build": "for" or a modal left before an infinitive's "to" (a word lost
# or left over in editing).
_STRAY_TO = re.compile(r"\b(?:for|can|could|would|should|must)\s+to\s+[a-z]+\b")
# The stray "for" alone, with the space after it: a stem leaves it out ("won approval to build").
STRAY_FOR = re.compile(r"(?<=\s)for\s+(?=to\s+[a-z]+\b)")
# '..." said Stop Stansted Expansion chairman Peter Sanders said.': one speaker, two verbs.
_SAID_TWICE = re.compile(
    r"\b(?:said|says|added)\s+(?:[\w'’.-]+\s+){1,8}(?:said|says|added)\W*$", re.I
)

# "for last 10 years", "over past decade": "last", "past" or "next" before a span of time
# takes "the" after a preposition ("in the last 10 years").
_SPAN_WITHOUT_THE = re.compile(
    r"\b(?:[Ff]or|[Ii]n|[Oo]ver|[Dd]uring|[Ww]ithin|[Tt]hroughout)\s+(?:last|past|next)\s+"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|"
    r"few|several|couple\s+of)\s+(?:years|months|weeks|days|decades|seasons|centuries)|"
    r"decade|century)\b"
)


# "the fact the America is growing": a country name that takes no article, given one, before
# its verb. (Names that take "the" are left alone.)
_THE_COUNTRY = re.compile(
    r"\bthe\s+([A-Z][a-z]+)\s+(?:is|was|has|had|will|would|could|can|are|were|may|might)\b"
)
_COUNTRIES_WITH_THE = frozenset(
    {"Netherlands", "Philippines", "Gambia", "Bahamas", "Congo", "Sudan", "Ukraine", "Lebanon"}
    | {"Yemen", "Maldives", "Seychelles", "Comoros", "Vatican", "Crimea", "Caribbean"}
)


def _country_with_the(text: str, a: int, b: int) -> str | None:
    from quizapp.nlp.gazetteers import place_kind

    for m in _THE_COUNTRY.finditer(text):
        name = m.group(1)
        if (m.start() < b and a < m.end()) or name in _COUNTRIES_WITH_THE:
            continue
        if place_kind(name) == "country":
            return m.group()
    return None


def copied_slip(text: str, a: int, b: int) -> str | None:
    """A slip the article made that the stem would copy: a misspelt word ("tsumani"), an
    article that does not fit ("a undecided fee"), a doubled word ("the the"), "on" before a
    month and year ("On May 2004"), "for last 10 years", "approval for to build", a closing "said X said", "between" before a range, a space
    before a comma, "one his" for "one of his", "from security from Symantec" (a word lost)."""
    for pattern in (
        _ON_MONTH_YEAR,
        _SPAN_WITHOUT_THE,
        _STRAY_TO,
        _SAID_TWICE,
        _BETWEEN_RANGE,
        _SPACE_BEFORE_COMMA,
        _ONE_WITHOUT_OF,
        _FROM_TWICE,
    ):
        found = pattern.search(text)
        if found:
            return found.group()
    country = _country_with_the(text, a, b)
    if country is not None:
        return country
    for pattern in (_A_BEFORE_VOWEL, _AN_BEFORE_CONSONANT, _DOUBLED, _DOUBLED_WORD):
        for m in pattern.finditer(text):
            if not (m.start() < b and a < m.end()):
                return m.group()
    for m in _LOWER.finditer(text):
        if not (m.start() < b and a < m.end()) and misspelt(m.group()):
            return m.group()
    return None


# Plural-looking nouns that take a singular verb ("the data shows", "the news is").
SINGULAR_PLURALS = frozenset(
    {"data", "media", "news", "series", "means", "species", "politics", "economics", "physics"}
    | {"athletics", "headquarters", "whereabouts", "crossroads", "odds", "aircraft"}
)
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "RB"})


def agreement_slip(tokens: Sequence[Token]) -> str | None:
    """A plural noun after "the" with a singular verb ("the average users spends"): the
    article's slip, which a stem must not copy. Returns the two words, or None."""
    for i, token in enumerate(tokens):
        if token.text.lower() != "the":
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].tag in _MODIFIER_TAGS:
            j += 1
        if j + 1 >= len(tokens):
            continue
        noun, verb = tokens[j], tokens[j + 1]
        if (
            noun.tag == "NNS"
            and noun.text.islower()
            and noun.text not in SINGULAR_PLURALS
            and verb.tag == "VBZ"
        ):
            return f"{noun.text} {verb.text}"
    return None


# Verbs taking two objects: "brought it trouble", "give it time" are English.
_TWO_OBJECTS = frozenset(
    {"bring", "brings", "brought", "give", "gives", "gave", "given", "giving", "make", "makes"}
    | {"made", "making", "cost", "costs", "earn", "earns", "earned", "win", "wins", "won"}
    | {"lend", "lent", "offer", "offered", "send", "sent", "show", "showed", "grant", "granted"}
    | {"deny", "denied", "owe", "owed", "call", "called", "name", "named", "get", "got"}
)


def it_for_its(tokens: Sequence[Token]) -> str | None:
    """ "it" where "its" is meant ("moving it arm as a pointer"): a verb, "it", then a singular
    noun and a preposition. Returns the words, or None."""
    for i in range(1, len(tokens) - 2):
        verb, it, noun, after = tokens[i - 1], tokens[i], tokens[i + 1], tokens[i + 2]
        if it.text != "it" or not verb.tag.startswith("VB") or verb.text.lower() in _TWO_OBJECTS:
            continue
        if noun.tag == "NN" and noun.text.islower() and after.tag == "IN":
            return f"it {noun.text}"
    return None


_CAUSATIVES = frozenset({"let", "lets", "letting", "make", "makes", "making", "help", "helps"})
_OBJECT_TAGS = frozenset({"DT", "CD", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP"})


def bare_infinitive_slip(tokens: Sequence[Token]) -> str | None:
    """A past or third-person verb where "let", "make" or "help" takes a bare infinitive
    ("let 10,000 users shared pirated films"): the article's slip. Returns the words, or None."""
    for i, token in enumerate(tokens):
        if token.text.lower() not in _CAUSATIVES:
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 4 and tokens[j].tag in _OBJECT_TAGS:
            j += 1
        if j == i + 1 or j >= len(tokens):
            continue
        verb = tokens[j]
        # "made himself heard" is English; after "let", a participle is a slip all the same.
        past = ("VBD", "VBN") if token.text.lower().startswith("let") else ("VBD",)
        if verb.tag in past or (verb.tag == "VBZ" and verb.text not in ("is", "has", "'s")):
            return " ".join(t.text for t in tokens[i : j + 1])
    return None


_REPORTING = frozenset(
    {"said", "says", "added", "adds", "claims", "claimed", "argues", "argued", "believes"}
    | {"thinks", "insists", "insisted", "suggests", "suggested", "warns", "warned", "admits"}
)


def subject_comma(tokens: Sequence[Token]) -> str | None:
    """A lone comma between a sentence's subject and its verb ("The World War I romantic drama
    starring Audrey Tautou, was recently ruled ..."): the article's slip. ("The plan, says
    Smith, is ..." sets a speaker between commas.) Returns the comma and verb, or None."""
    if not tokens or tokens[0].tag != "DT":
        return None
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma + 1 >= len(tokens) or comma < 2:
        return None
    verb = tokens[comma + 1]
    if any(t.tag in _FINITE for t in tokens[:comma]):
        return None  # the subject's verb came before the comma
    if verb.tag in _FINITE and verb.text.islower() and verb.text not in _REPORTING:
        return f", {verb.text}"
    return None


_FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})
_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})


def plural_its(tokens: Sequence[Token]) -> str | None:
    """A plural subject that a later "its" refers back to ("films like Harry Potter took
    £11.5m in its first three days"): the article's slip, which a stem must not copy. Only an
    "its" with no other noun between the verb and it can point back at the subject. Returns
    the subject noun and "its", or None."""
    verb = next((k for k, t in enumerate(tokens) if t.tag in _FINITE), None)
    if verb is None or tokens[verb].tag == "VBZ":
        return None
    nouns = [t for t in tokens[:verb] if t.tag in ("NN", "NNS") and t.text.islower()]
    if not nouns or nouns[-1].tag != "NNS" or nouns[-1].text in SINGULAR_PLURALS:
        return None
    for token in tokens[verb + 1 :]:
        if token.text.lower() == "its":
            return f"{nouns[-1].text} ... its"
        amount = token.text[:1] in "£$€¥" or token.text[:1].isdigit()  # "£11.5m": no referent
        if (token.tag in _NOUNS and not amount) or token.text in (",", ";", "and", "which"):
            return None
    return None


# A stem's words recur across the items built from one sentence: ~10 asks per word.
@lru_cache(maxsize=20000)
def misspelt(word: str) -> bool:
    """Whether a lower-case word is unknown to general English and is a common word with two
    letters swapped ("tsumani" for "tsunami") or one letter wrong, missing or added
    ("goverment"): a typing slip, not a rare word."""
    from quizapp.nlp.salience import zipf

    if zipf(word) > 0 or any(zipf(stem) > 0 for stem in _stems(word)):
        return False
    if not any(zipf(w) >= _COMMON for w in _one_edit(word) | _two_swapped(word)):
        return False
    # Rare words ("halve", "vying", "bequest") are missing from the small list: only a word
    # the large list does not know either is a slip.
    return _large_word_list().get(word, 0.0) < _KNOWN


_COMMON = 3.5
_KNOWN = 1.0


def _large_word_list() -> Mapping[str, float]:
    """wordfreq's large English list as {word: Zipf}, read word by word from the local cache
    (loading it whole would double a cold start)."""

    def build() -> dict[str, float]:
        import math

        import wordfreq

        return {
            word: round(math.log10(freq) + 9, 2)
            for word, freq in wordfreq.get_frequency_dict("en", wordlist="large").items()
            if word.isalpha()
        }

    return cached_table(
        "wordfreq-large-en", package_file_stamp("wordfreq", "data/large_en.msgpack.gz"), build
    )


def _stems(word: str) -> list[str]:
    out = []
    for suffix, back in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + back)
    for suffix in ("ly", "er", "ers", "ist", "ists", "ism", "ness", "ment", "ments", "ation"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            out.append(word[: -len(suffix)])
    return out


def _one_edit(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + c + right[1:] for left, right in splits if right for c in letters}
    inserts = {left + c + right for left, right in splits for c in letters}
    return (deletes | swaps | replaces | inserts) - {word}


def _two_swapped(word: str) -> set[str]:
    out = set()
    for i in range(len(word)):
        for j in range(i + 1, len(word)):
            if word[i] != word[j]:
                out.add(word[:i] + word[j] + word[i + 1 : j] + word[i] + word[j + 1 :])
    return out
