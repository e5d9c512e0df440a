"""Accepted forms of a common-noun phrase: its other number, and its head where unambiguous."""

from __future__ import annotations

import re

from quizapp.nlp.gazetteers import role_words
from quizapp.nlp.model import Document, Fact
from quizapp.nlp.questions.accepting.lexicon import lexicon_word
from quizapp.nlp.salience import zipf
from quizapp.nlp.words import STOPWORDS, VAGUE_NOUNS, lemma, other_number

# Words before a noun that name again the thing already spoken of ("the ledger").
_SAME_THING = frozenset({"the", "this", "that", "these", "those", "its", "their"})
# A common noun more frequent than this in general English is too vague to stand for a phrase.
_HEAD_MAX_ZIPF = 5.0


def common_phrase(fact: Fact, doc: Document) -> bool:
    """Whether the answer is a common-noun phrase: lower-case, or capitalised only because it
    opens the sentence ("Low-cost airlines have ...")."""
    if not fact.text[:1].isupper() or fact.text.split()[-1].islower():
        return True  # "EU-based airlines": a common noun, whatever stands before it
    sentence = doc.sentences[fact.sentence]
    words = fact.text.split()
    if fact.start != sentence.start or not all(w[1:].islower() for w in words):
        return False
    first = words[0].lower()
    return lexicon_word(first) is not None or all(
        lexicon_word(part) is not None for part in first.split("-")
    )


def _phrase_tokens(fact: Fact, doc: Document) -> list:
    return [
        t
        for t in doc.sentences[fact.sentence].tokens
        if fact.start <= t.start and t.end <= fact.end
    ]


def phrase_number(fact: Fact, doc: Document) -> list[str]:
    """The phrase in the other grammatical number ("trade deficit" for "trade deficits"),
    lower-cased where only the sentence's start capitalised it."""
    tokens = _phrase_tokens(fact, doc)
    text = fact.text
    first = text.split()[0] if text.split() else ""
    opens = fact.start == doc.sentences[fact.sentence].start
    if opens and first[:1].isupper() and first[1:].islower() and common_phrase(fact, doc):
        text = text[:1].lower() + text[1:]  # "Low-cost airlines" opening its sentence
    out = [text] if text != fact.text else []
    if not tokens or tokens[-1].tag not in ("NN", "NNS") or not text.endswith(tokens[-1].text):
        return out
    other = other_number(tokens[-1].text, tokens[-1].tag)
    if other != tokens[-1].text:
        out.append(text[: len(text) - len(tokens[-1].text)] + other)
    return out


def _describing(word: str, tag: str) -> bool:
    """An adjective or participle before a noun, or a compound ending in one ("EU-based",
    "state-owned"): it narrows the noun down without naming another thing."""
    if tag.startswith("JJ") or tag == "VBN":
        return True
    last = word.rsplit("-", 1)[-1] if "-" in word else ""
    return bool(last) and (lexicon_word(last) or "") in ("JJ", "VBN", "VBD")


def phrase_heads(fact: Fact, doc: Document) -> list[str]:
    """The head noun of a common-noun phrase ("forums" for "discussion forums") and its rarest
    noun ("caretaker" for "caretaker manager"), each only where the article uses that word for
    nothing but this phrase (so it can only mean this)."""
    tokens = _phrase_tokens(fact, doc)
    if len(tokens) < 2:
        return []
    nouns = [
        t
        for t in tokens
        if t.tag in ("NN", "NNS")
        and t.text.isalpha()
        and t.text.lower() not in STOPWORDS
        and t.text.lower() not in VAGUE_NOUNS
        and zipf(t.text) <= _HEAD_MAX_ZIPF
    ]
    if not nouns:
        return []
    picks = []
    if nouns[-1] is tokens[-1]:
        picks.append(nouns[-1].text)
    rarest = min(nouns, key=lambda t: zipf(t.text))
    if len(tokens) == 2 and rarest.text not in picks:
        picks.append(rarest.text)  # "caretaker" for "caretaker manager"; longer phrases: head only
    phrase = re.compile(re.escape(fact.text), re.I)
    spans = [(m.start(), m.end()) for m in phrase.finditer(doc.text)]
    # Only describing words before the head ("low-cost airlines", "rogue diallers"): the head
    # alone names the same things, less precisely, and a fair teacher takes it.
    # Not a role: "interim coach" and "head coach" are different people.
    described = all(_describing(t.text, t.tag) for t in tokens[:-1]) and (
        tokens[-1].text.lower() not in role_words()
        and lemma(tokens[-1].text, "NN").lower() not in role_words()
    )
    out = []
    for word in picks:
        if described and word == tokens[-1].text:
            out.append(word)
            continue
        uses = re.finditer(rf"(?:(\w+)\s+)?\b{re.escape(word)}\b", doc.text, re.I)
        if all(
            any(a <= m.end() - len(word) < b for a, b in spans)
            or (m.group(1) or "").lower() in _SAME_THING
            for m in uses
        ):
            out.append(word)
    return out


# Words newspapers shorten that students write in full, and the other way round.
_SHORT_WORDS = {"net": "internet", "internet": "net", "phone": "telephone"}


def phrase_synonyms(forms: list[str]) -> list[str]:
    """The forms with a shortened word written in full ("internet cafes" for "net cafes")."""
    out = []
    for form in forms:
        words = form.split()
        swapped = [_SHORT_WORDS.get(w.lower(), w) for w in words]
        if len(words) >= 2 and swapped != words:
            out.append(" ".join(swapped))
    return out
