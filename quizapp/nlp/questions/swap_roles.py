"""Whether the article ties a name to the act a sentence tells of its key (a false statement's
swap-in, or a wrong option, that the article makes right as well)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from quizapp.nlp.docindex import document_index
from quizapp.nlp.facts.parties import party_of
from quizapp.nlp.model import Document, Fact, FactType, Sentence
from quizapp.nlp.words import STOPWORDS, lemma

# Words too common in news to tie a name to one act: reporting verbs, light verbs, titles
# and time words ("said", "make", "Mr", "year").
_LIGHT = frozenset(
    """say said says tell told add added make made take took give gave get got go went come came
    also would could should will may might must can mr mrs ms dr sir lord year years time times
    day days week weeks month months people new last first one two three after before about
    over than more most other such into there their them they this that these those been being
    were was has had have which while when where what who whom whose""".split()  # noqa: SIM905
)
# A verb that makes what stands before it a subject ("Tyrie demanded", "Laws said").
_FINITE = frozenset({"VB", "VBD", "VBZ", "VBP", "MD"})
# How many other sentences make a word the article's topic rather than one act's.
TOPIC_SENTENCES = 3


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


@lru_cache(maxsize=4096)
def _forms(word: str) -> frozenset[str]:
    low = word.lower()
    return frozenset({low, lemma(low, "NN").lower(), lemma(low, "VB").lower()})


def _content(text: str, leave_out: frozenset[str]) -> set[str]:
    """The content words of a text as their lemmas, less the names' own words."""
    out: set[str] = set()
    for word in re.findall(r"[A-Za-z][A-Za-z'-]+", text):
        low = word.lower()
        if len(low) < 3 or low in STOPWORDS or low in _LIGHT or low in leave_out:
            continue
        out |= _forms(low)
    return out


def _mentions(sentence: str, name: str, kind: FactType) -> list[int]:
    """Where a sentence names the entity: in full, by surname (a person), or under another of
    its names or as its member (a party: "Tory frontbencher" for "the Tories")."""
    found = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence)]
    words = name.split()
    if kind is FactType.PERSON and len(words) >= 2:
        surname = rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])"
        found += [m.start() for m in re.finditer(surname, sentence)]
    party = party_of(name)
    if party:
        capitals = list(re.finditer(r"[A-Z]\w*", sentence))
        for size in (1, 2, 3):
            for i in range(len(capitals) - size + 1):
                if party_of(" ".join(m.group() for m in capitals[i : i + size])) == party:
                    found.append(capitals[i].start())
    return found


def _is_subject(sentence: Sentence, at: int) -> bool:
    """Whether a name at ``at`` (an offset into the sentence) stands before the sentence's
    first verb: the one who acts, not the one acted on. A participle counts unless it
    describes a noun ("called for", not "embattled Russian oil giant")."""
    tokens = sentence.tokens
    for i, token in enumerate(tokens):
        if token.start - sentence.start >= at:
            return True
        following = tokens[i + 1].tag if i + 1 < len(tokens) else ""
        if token.tag in _FINITE or (token.tag == "VBN" and not following.startswith(("NN", "JJ"))):
            return False
    return True


def _topic_words(doc: Document, own_sentence: int, leave_out: frozenset[str]) -> set[str]:
    """The title's words, and words of three or more other sentences: what the whole article
    is about ("foreign investment" in a story on it), which ties nobody to one act."""
    per_sentence, counts, where = document_index(doc, "swap_role_words", _sentence_words)
    own = per_sentence[own_sentence]
    # Words the names' own words may yield are counted again without them; any other word is
    # in a sentence exactly when the whole-article count says so.
    touched = set().union(*(_forms(word) for word in leave_out)) if leave_out else set()
    common = {
        word
        for word, count in counts.items()
        if word not in touched and count - (word in own) >= TOPIC_SENTENCES
    }
    for word in touched:
        count = sum(
            1
            for index in where.get(word, ())
            if index != own_sentence and not per_sentence[index][word] <= leave_out
        )
        if count >= TOPIC_SENTENCES:
            common.add(word)
    return _content(doc.title or "", leave_out) | common


def _sentence_words(
    doc: Document,
) -> tuple[list[dict[str, frozenset[str]]], Counter[str], dict[str, list[int]]]:
    """Per sentence, each content word's lemma with the written words that give it; how many
    sentences hold each lemma; and which sentences, once per document."""
    per_sentence: list[dict[str, frozenset[str]]] = []
    counts: Counter[str] = Counter()
    where: dict[str, list[int]] = {}
    # Each written word's lower case and lemmas, or None for a word left out: worked out once
    # per word, not once per use (a long document has tens of thousands).
    known: dict[str, tuple[str, frozenset[str]] | None] = {}
    for index, sentence in enumerate(doc.sentences):
        sources: dict[str, set[str]] = {}
        for word in _WORD.findall(sentence.text):
            if word in known:
                found = known[word]
            else:
                low = word.lower()
                skip = len(low) < 3 or low in STOPWORDS or low in _LIGHT
                found = known[word] = None if skip else (low, _forms(low))
            if found is None:
                continue
            low, forms = found
            for form in forms:
                sources.setdefault(form, set()).add(low)
        per_sentence.append({form: frozenset(words) for form, words in sources.items()})
        counts.update(sources.keys())
        for form in sources:
            where.setdefault(form, []).append(index)
    return per_sentence, counts, where


def tied_to_action(doc: Document, fact: Fact, name: str) -> bool:
    """Whether another sentence of the article puts ``name`` in the key's role (the one who
    acts, or the one acted on) beside a word of what the key's sentence says (its verb,
    object, other names): "The Tories called for Peter Hain to make a statement" is no false
    statement, nor "Andrew Tyrie" a wrong answer, where "Tory frontbencher Andrew Tyrie
    demanded an immediate ministerial statement"."""
    own = doc.sentences[fact.sentence]
    start, end = fact.start - own.start, fact.end - own.start
    names = f"{fact.text} {name}"
    leave_out = frozenset(w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", names))
    # The article's topic (a "leak" in a story headed by it) ties everybody in it to
    # everything; the statement's other words tie a name to an act.
    wanted = _content(own.text[:start] + " " + own.text[end:], leave_out)
    wanted -= _topic_words(doc, fact.sentence, leave_out)
    if not wanted:
        return False
    subject = _is_subject(own, start)
    for sentence in doc.sentences:
        if sentence.index == fact.sentence:
            continue
        mentions = _mentions(sentence.text, name, fact.type)
        if not any(_is_subject(sentence, at) == subject for at in mentions):
            continue
        if wanted & _content(sentence.text, leave_out):
            return True
    return False
