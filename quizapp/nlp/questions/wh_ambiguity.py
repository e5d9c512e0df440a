"""Whether a WH question cut down to its clause still has one answer in the article."""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.nlp.docindex import document_index
from quizapp.nlp.model import Document, Fact, FactType, Sentence, Token
from quizapp.nlp.questions.wh_clauses import Clause
from quizapp.nlp.words import lemma

_CONTENT_TAGS = ("NN", "VB", "JJ")
_VALUES = frozenset({FactType.QUANTITY, FactType.DATE, FactType.ORDINAL})
_LIGHT_VERBS = frozenset({"be", "have", "do", "will", "would", "can", "could", "may", "might"})


def ambiguous(
    doc: Document,
    sentence: Sentence,
    fact: Fact,
    clause: Clause,
    mentions: dict[int, tuple[Fact, ...]],
) -> bool:
    """Whether leaving words out lets the question fit another answer the article gives.

    A figure of the answer's kind in the words left out ("rose 15.1% over 2004, but by only
    2.8% in the second half") or another sentence that says the same words of another fact of
    the answer's kind ("sales rose 5% in 2004" when the article has 2003's figure too) keeps the
    words in: the full question is asked, or none.
    """
    tokens = sentence.tokens
    dropped = {tokens[i].start for i in clause.dropped} | {tokens[i].end for i in clause.dropped}
    times = [
        other.text
        for other in mentions.get(sentence.index, ())
        if other.type is FactType.DATE and other.start not in dropped and other is not fact
    ]
    dated = bool(times)
    for other in mentions.get(sentence.index, ()):
        if other.start == fact.start and other.end == fact.end:
            continue
        if fact.type not in _VALUES:
            break  # a name left out does not answer "which organisation bought ...?"
        if not dated and other.type is FactType.DATE and other.start in dropped:
            return True  # "by how much did prices rise [in December]": a figure needs its time
        left_out = other.start in dropped and other.end in dropped
        if left_out and _same_kind(other, fact) and not _other_verb(sentence, clause, other):
            return True
    words = _content(clause.sentence.tokens, clause.fact)
    if not words:
        return True
    lemmas = document_index(doc, "wh_clause_lemmas", _sentence_lemmas)
    answer = fact.text.lower()
    for index, held in enumerate(lemmas):
        if index == sentence.index or not words <= held:
            continue
        if not all(time in doc.sentences[index].text for time in times):
            continue  # "in 2009" kept, the other sentence's figure is for another time
        if answer in doc.sentences[index].text.lower():
            continue  # says the same again
        if any(_same_kind(other, fact) for other in mentions.get(index, ())):
            return True
    return False


def _other_verb(sentence: Sentence, clause: Clause, other: Fact) -> bool:
    """Whether a fact left out belongs to another verb than the kept clause's: the other
    conjunct's ("was presented with ... by Spall and ... was announced by Stewart"), or a verb
    inside the modifier left off."""
    tokens = sentence.tokens
    at = [i for i, t in enumerate(tokens) if other.start <= t.start and t.end <= other.end]
    if not at:
        return False
    if not all(i in clause.apart for i in at):
        # A modifier left off: its figure is another verb's ("in a sale forced by Russia to
        # settle a $27.5bn claim") when a verb of its own stands between the cut and it; with
        # none (", but by only 2.8% in the second half") it is the kept verb's other value.
        gone = set(clause.dropped)
        k = at[0] - 1
        while k >= 0 and k in gone:
            if (
                tokens[k].tag[:2] == "VB"
                and lemma(tokens[k].text.lower(), "VB") not in _LIGHT_VERBS
            ):
                return True
            k -= 1
        return False
    kept_verbs = {lemma(t.text.lower(), "VB") for t in clause.sentence.tokens if t.tag[:2] == "VB"}
    apart_verbs = {
        lemma(tokens[i].text.lower(), "VB") for i in clause.apart if tokens[i].tag[:2] == "VB"
    }
    return not (kept_verbs & apart_verbs - _LIGHT_VERBS)


def _same_kind(other: Fact, fact: Fact) -> bool:
    """Another value of the answer's kind: a figure in the same unit, another date or rank."""
    if other.type is not fact.type:
        return False
    if fact.type is FactType.QUANTITY:
        return other.attr("unit") == fact.attr("unit") and other.attr("form") == fact.attr("form")
    return other.text != fact.text


def _content(tokens: Sequence[Token], fact: Fact) -> frozenset[str]:
    """The lemmas of the clause's nouns, verbs and adjectives outside the answer."""
    out = set()
    for t in tokens:
        if fact.start <= t.start and t.end <= fact.end:
            continue
        if t.tag.startswith(_CONTENT_TAGS) and t.text.isalpha():
            word = lemma(t.text.lower(), t.tag)
            if word not in _LIGHT_VERBS:
                out.add(word)
    return frozenset(out)


def _sentence_lemmas(doc: Document) -> list[frozenset[str]]:
    return [
        frozenset(
            lemma(t.text.lower(), t.tag)
            for t in s.tokens
            if t.tag.startswith(_CONTENT_TAGS) and t.text.isalpha()
        )
        for s in doc.sentences
    ]
