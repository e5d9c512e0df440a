"""Other answerable spans: names no gazetteer types, and key noun phrases ("the oxygen cycle")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from quizapp.nlp.facts.context import FactContext, make_fact
from quizapp.nlp.facts.names import NameMention
from quizapp.nlp.gazetteers import demonyms, role_words
from quizapp.nlp.model import Fact, FactType, Sentence
from quizapp.nlp.words import STOPWORDS, VAGUE_NOUNS, lemma

_TITLED = re.compile(r"^(?:Sir|Dame|Lord|Lady|Baroness|Baron)\s+[A-Z]")
_NP_TAGS = frozenset({"JJ", "NN", "NNS", "VBN", "VBG", "JJR", "JJS"})
_HEAD_TAGS = frozenset({"NN", "NNS"})
MAX_NPS_PER_SENTENCE = 2
# Technical terms taken besides those (a word this rare in English names a thing of the
# subject: "asthenosphere", "magma", "kilopond").
MAX_TERMS_PER_SENTENCE = 2
TECHNICAL_ZIPF = 3.3
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})


def extract_others(context: FactContext) -> Iterator[Fact]:
    """Untyped names, then up to two salient noun phrases per sentence; attrs: form, head."""
    sentences = context.doc.sentences
    for m in context.names.mentions:
        if m.cls == "other" and _TITLED.match(m.text) and len(m.text.split()) > 1:
            # "Sir Clive Woodward", "Lord Ashcroft": a person whatever the name index made of it.
            yield make_fact(
                FactType.PERSON, sentences[m.sentence], m.start, m.end, canonical=m.canonical
            )
        elif (
            m.cls == "other"
            and m.text.split()[-1] not in demonyms()
            and len(m.text) > 2
            and m.text.lower() not in role_words()  # "The MSP had been a partner": a title
        ):
            yield make_fact(
                FactType.OTHER,
                sentences[m.sentence],
                m.start,
                m.end,
                form="name",
                canonical=m.canonical,
            )
    heads = Counter(
        lemma(t.text.lower(), t.tag)
        for s in sentences
        for t in s.tokens
        if t.tag in _HEAD_TAGS and t.text.isalpha()
    )
    names_by_sentence: dict[int, list[NameMention]] = {}
    for m in context.names.mentions:
        names_by_sentence.setdefault(m.sentence, []).append(m)
    for sentence in sentences:
        chunks = _noun_phrases(sentence, names_by_sentence.get(sentence.index, []))
        scored = sorted(
            chunks,
            key=lambda c: (-(heads[c[2]] + 0.5 * (c[1] - c[0] > 1)), c[0]),
        )
        chosen = scored[:MAX_NPS_PER_SENTENCE]
        # A technical term is a fact of the text however crowded its sentence ("the sthène,
        # which is equivalent to 1000 N, and the kip"): textbook sentences name several.
        chosen += [c for c in scored[MAX_NPS_PER_SENTENCE:] if _technical(sentence, *c)][
            :MAX_TERMS_PER_SENTENCE
        ]
        for i, j, head in sorted(chosen):
            tokens = sentence.tokens
            yield make_fact(
                FactType.OTHER,
                sentence,
                tokens[i].start,
                tokens[j - 1].end,
                form="phrase",
                head=head,
                salience=str(heads[head]),
            )


def _technical(sentence: Sentence, i: int, j: int, head: str) -> bool:
    """Whether a noun phrase is built on a rare lower-case word (a term of the subject)."""
    from quizapp.nlp.salience import zipf

    tokens = sentence.tokens
    joined = {",", "and", "or"}
    explained = j + 1 < len(tokens) and tokens[j + 1].text in ("which", "also", "called")
    after = tokens[j].text if j < len(tokens) and not explained else ""
    if (i > 0 and tokens[i - 1].text in joined) or after in joined:
        return False  # "overbooking, _____ or flight delays": one of a list, any would do
    words = [t.text for t in tokens[i:j]]
    return all(w.islower() for w in words) and any(
        zipf(w) <= TECHNICAL_ZIPF and w.replace("-", "").isalpha() for w in words
    )


def _noun_phrases(sentence: Sentence, names: list[NameMention]) -> list[tuple[int, int, str]]:
    """Maximal adjective/noun runs ending in a common noun, outside names: (i, j, head lemma)."""
    tokens = sentence.tokens
    out = []
    i = 0
    while i < len(tokens):
        if tokens[i].tag not in _NP_TAGS or tokens[i].text.lower() in STOPWORDS:
            i += 1
            continue
        if tokens[i].text.endswith("ing") and i > 0 and tokens[i - 1].text.lower() in _BE:
            i += 1  # "IBM is spending $100m": a verb in the progressive, not a noun
            continue
        if tokens[i].tag in ("VBN", "VBG") and (i == 0 or tokens[i - 1].tag not in ("DT", "PRP$")):
            i += 1  # "had seen double digit growth": a verb, not the start of a noun phrase
            continue
        if i > 0 and tokens[i - 1].tag == "TO" and tokens[i].tag in ("NN", "VB"):
            i += 1  # "in a bid to court first-time buyers": after "to", a verb
            continue
        j = i
        while j < len(tokens) and tokens[j].tag in _NP_TAGS and tokens[j].text.isascii():
            if j > i and tokens[j].tag in ("VBN", "VBD") and tokens[j - 1].tag in _HEAD_TAGS:
                break  # "the government postponed plans": after a noun, a participle is its verb
            j += 1
        while j > i and tokens[j - 1].tag not in _HEAD_TAGS:
            j -= 1
        if (
            j - i > 1
            and j < len(tokens)
            and tokens[j].tag in ("RB", "VB", "TO")
            and tokens[j - 1].tag == "NN"
            and tokens[j - 2].tag == "NNS"
        ):
            j -= 1  # "construction companies need only get …": a verb the tagger took for a noun
        if j > i and j - i <= 4:
            head_token = tokens[j - 1]
            head = lemma(head_token.text.lower(), head_token.tag)
            start, end = tokens[i].start, tokens[j - 1].end
            clash = any(start < m.end and m.start < end for m in names)
            # A "noun" followed by a determiner or "that" is a verb the tagger missed
            # ("historians estimate that …").
            following = tokens[j] if j < len(tokens) else None
            if following is not None and (
                following.tag in ("DT", "PRP$", "PRP") or following.text.lower() == "that"
            ):
                clash = True

            if (
                not clash
                and head not in VAGUE_NOUNS
                and len(head) > 3
                and head_token.text.isalpha()
                and not (i > 0 and tokens[i - 1].tag in ("NNP", "NNPS", "POS", "CD"))
            ):
                out.append((i, j, head))
        i = max(j, i + 1)
    return out
