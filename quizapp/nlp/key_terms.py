"""Key terms: how common a word is, and which common-noun phrases name what a text is about."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from quizapp.nlp.datacache import cached, package_file_stamp
from quizapp.nlp.model import Document, Fact, Sentence
from quizapp.nlp.words import STOPWORDS

# Zipf scale: 6 = "people", 4.5 = "retail", 4 = "mortgage", 3 = "militancy". A common-noun
# phrase is a key term when one of its words lies outside everyday English (about the
# 5,000 commonest words), or when the article keeps returning to its head noun and one of
# its words is at least uncommon.
RARE_ZIPF = 3.9
COMMON_ZIPF = 4.2
KEY_TERM_REPEATS = 3
# A phrase said once is a key term only when its head noun itself is this rare.
TERM_HEAD_ZIPF = 3.3
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# A word the article is about: written this often (as a word of any phrase or name)...
TOPIC_REPEATS = 4
# ...and no everyday word ("people", "year", "house"): "oxygen" (4.25), "mantle", "tariff".
TOPIC_ZIPF = 4.3
# A term the text defines: "... is called the asthenosphere", "known as pressure swing
# adsorption" (what comes before names it for the reader)...
_NAMED_AS = re.compile(
    r"\b(?:is|are|was|were|be|been)\s+(?:also\s+|now\s+|often\s+|sometimes\s+)?"
    r"(?:called|known\s+as|termed|named|referred\s+to\s+as)\s+(?:the\s+|an?\s+)?$",
    re.I,
)
# ... or a rare term followed by what it is.
_EXPLAINED = re.compile(
    r"^(?:\s*\([^)]*\))?(?:,\s+which\s+(?:is|are)\b|,\s+(?:also\s+)?(?:called|known\s+as)\b|"
    r"\s+\((?:also\s+|sometimes\s+)?(?:called|known\s+as)\b)"
)
# ... or the subject of a definition opening its sentence: "Photosynthesis is a process ...".
_DEFINES = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:is|are)\s+(?:a|an|the)\s+[a-z]")
VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "MD"})


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    """wordfreq's small English list as {word: Zipf}; importing wordfreq takes a third of a
    second, so the table is kept in the local data cache."""

    def build() -> dict[str, float]:
        import wordfreq

        return {
            word: wordfreq.zipf_frequency(word, "en", wordlist="small")
            for word in wordfreq.iter_wordlist("en", wordlist="small")
        }

    return cached(
        "wordfreq-small-en", package_file_stamp("wordfreq", "data/small_en.msgpack.gz"), build
    )


def zipf(word: str) -> float:
    """How common a word is in general English (Zipf scale, 0 for unknown words)."""
    return _zipf_table().get(word.lower(), 0.0)


def is_key_term(
    fact: Fact, head_counts: Counter[str], *, framed: bool = False, repeated: int = 1
) -> bool:
    """Whether a common-noun phrase names something the article is about, not everyday words.

    A rare word alone does not make a key term: "exorbitant salaries", "hi-tech gear" and "a
    large chunk" are the writer's wording, which a student cannot be expected to give back, and
    blind grading failed nearly all such items. The phrase must also be what the article is
    about: named in its headline or standfirst (``framed``), written again (``repeated``), or
    built on a head noun the article keeps returning to.
    """
    words = [w.lower() for w in _WORD.findall(fact.text) if w.lower() not in STOPWORDS]
    if not words:
        return False
    rarest = min(zipf(w) for w in words)
    head = fact.attr("head") or words[-1]
    returns_to = head_counts[head] >= KEY_TERM_REPEATS
    if rarest <= RARE_ZIPF:
        # A technical term names its thing with a rare noun ("photosynthesis", "ablation");
        # the writer's colour puts a rare word before an everyday one ("exorbitant salaries").
        return framed or repeated > 1 or returns_to or zipf(words[-1]) <= TERM_HEAD_ZIPF
    return returns_to and len(words) > 1 and rarest <= COMMON_ZIPF and (framed or repeated > 1)


def defined(fact: Fact, doc: Document) -> bool:
    """Whether the sentence defines the phrase: it is what something "is called", or the
    subject a definition opens with ("Photosynthesis is a process ...", "The oxygen cycle
    is the ...")."""
    sentence = doc.sentences[fact.sentence]
    a, b = fact.start - sentence.start, fact.end - sentence.start
    if _NAMED_AS.search(sentence.text[:a]):
        return True
    opening = sentence.text[:a].strip().lower()
    if opening in ("", "the") and _DEFINES.match(sentence.text[b:]) is not None:
        return True
    # "the sthène, which is equivalent to 1000 N", "the kilogram-force (kgf)": a rare term
    # the sentence explains.
    words = [w.lower() for w in _WORD.findall(fact.text) if w.lower() not in STOPWORDS]
    rare = any(zipf(w) <= RARE_ZIPF for w in words)
    return rare and _EXPLAINED.match(sentence.text[b:]) is not None


# The last article's topic words (stems ask for them once per fact).
_TOPIC_MEMO: dict[str, frozenset[str]] = {}


def uncommon(fact: Fact) -> bool:
    """A phrase with a word outside everyday English ("aerobic exercise", not "a new plan")."""
    words = [w.lower() for w in _WORD.findall(fact.text) if w.lower() not in STOPWORDS]
    return any(zipf(w) <= TOPIC_ZIPF for w in words)


def topic_words(doc: Document) -> frozenset[str]:
    """The uncommon words the article keeps writing: what a textbook passage is about
    ("oxygen" in a passage on the oxygen cycle, "kilogram-force"), never an everyday word."""
    known = _TOPIC_MEMO.get(doc.text)
    if known is not None:
        return known
    counts = Counter(
        w.lower()
        for s in doc.sentences
        for t in s.tokens
        if t.tag in ("NN", "NNS", "JJ")
        for w in _WORD.findall(t.text)
    )
    out = frozenset(
        w
        for w, n in counts.items()
        if n >= TOPIC_REPEATS
        and w not in STOPWORDS
        and len(w) > 3
        and (0 < zipf(w) <= TOPIC_ZIPF or (zipf(w) == 0 and w.replace("-", "").isalpha()))
    )
    _TOPIC_MEMO.clear()
    _TOPIC_MEMO[doc.text] = out
    return out


# A story reports what people said; a textbook passage rarely does.
_REPORTED = re.compile(r"\b(?:said|says|told|according\s+to)\b")


def textbook_prose(doc: Document) -> bool:
    """Whether the text reads as a textbook or encyclopedia passage: no headline, no
    standfirst, and nobody reported as saying anything (a news story pasted without its
    headline still quotes its sources)."""
    return not (doc.title or doc.standfirst) and _REPORTED.search(doc.text) is None


def names_its_subject(doc: Document, sentence: Sentence, head: str) -> bool:
    """Whether a description opening a sentence of textbook prose names what it is about by a
    word the text keeps writing, other than its own head noun ("The main driving factor of
    the oxygen cycle", "The sedimentary rock" in a passage on oxygen or on rocks): a kind,
    not a story's unnamed "The deficit" or "The band"."""
    if not textbook_prose(doc):
        return False
    topics = topic_words(doc) - {head.lower()}
    for token in sentence.tokens:
        if token.tag in VERB_TAGS:
            return False
        if any(w.lower() in topics for w in _WORD.findall(token.text)) and token.text.islower():
            return True
    return False


def topic_term(fact: Fact, topics: frozenset[str], repeated: int) -> bool:
    """A phrase of two or three words, written again, built on a word the article is about
    ("the oxygen cycle" in a passage about oxygen): a term of the subject, not wording."""
    words = [w.lower() for w in _WORD.findall(fact.text) if w.lower() not in STOPWORDS]
    return repeated > 1 and 2 <= len(words) <= 3 and any(w in topics for w in words)


# squad: a word this rare in general English ("toxicity" 3.6, "seismic" 3.5, "nitrogen" 3.8;
# not "expedition" 4.0, "pressure", "features") makes a short phrase of a textbook passage a
# term of its subject.
TEXTBOOK_TERM_ZIPF = 3.9


def textbook_term(fact: Fact, doc: Document, used: int) -> bool:
    """Whether a common-noun phrase of a textbook passage names a thing of its subject: at most
    three words, one of them outside everyday English, on a head noun the passage uses again
    ("oxygen toxicity" beside "acute oxygen toxicity", "seismic waves" beside "wave speeds").
    Textbook passages have no headline to frame their terms, and name each only once or twice."""
    if not textbook_prose(doc) or fact.text.lower().endswith("ing"):
        return False
    words = [w.lower() for w in _WORD.findall(fact.text) if w.lower() not in STOPWORDS]
    if not words or len(words) > 3 or _in_parentheses(fact, doc):
        return False
    return used > 1 and any(zipf(w) <= TEXTBOOK_TERM_ZIPF for w in words)


def _in_parentheses(fact: Fact, doc: Document) -> bool:
    """Whether the phrase sits in a bracketed aside ("convulsions (normally fatal for divers)"):
    a side remark of the passage, not what it teaches."""
    sentence = doc.sentences[fact.sentence]
    before = sentence.text[: fact.start - sentence.start]
    return before.count("(") > before.count(")")


def taught_term(phrase: str, doc: Document) -> bool:
    """Whether a two-word phrase of a textbook passage is a term it teaches ("oxygen cycle",
    "seismic waves"): both words written again in the passage, one of them outside everyday
    English or a word the passage is about, the modifier no vague word. Students name such a
    term as the passage does, so it can be typed."""
    words = phrase.split()
    if len(words) != 2 or not all(w.isalpha() for w in words) or not textbook_prose(doc):
        return False
    if zipf(words[0]) >= 5.0:
        return False
    for word in words:
        if len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", doc.text, re.I)) < 2:
            return False
    topics = topic_words(doc)
    return any(zipf(w) <= TEXTBOOK_TERM_ZIPF or w.lower() in topics for w in words)
