"""WH questions from a sentence and an answer span: subject replacement, inversion, do-support.

"Russia also maintains its 201st military base in Tajikistan" with the answer "201st"
gives "Which military base does Russia maintain in Tajikistan?".
"""

from __future__ import annotations

import re

from quizapp.nlp.model import Fact, FactType, Sentence, Token
from quizapp.nlp.questions.references import embedded_pronoun, relative_time, unnamed_references
from quizapp.nlp.questions.wh_clause_ends import (
    _MIND,
    _SPEECH,
    _complete,
    _cut_complement,
    _reaches_end,
)
from quizapp.nlp.questions.wh_phrases import wh_phrase
from quizapp.nlp.words import inflect_verb, lemma

_AUX = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
    }
)
_BAD_SUBJECT_START = frozenset(
    {
        "it",
        "its",
        "his",
        "her",
        "their",
        "he",
        "she",
        "they",
        "this",
        "these",
        "those",
        "that",
        "there",
        "however",
        "but",
        "and",
        "also",
        "we",
        "i",
        "you",
    }
)
_DO = {"VBZ": "does", "VBP": "do", "VBD": "did"}
_PREPS = frozenset({"in", "on", "at", "since", "by", "during", "from", "to", "until", "for"})
_CUT = frozenset({",", ";", ":", "--", "(", ")", "``", "''", '"', "“", "”", "‘", "’", "[", "]"})
_MIDDLE_TAGS = frozenset(
    {"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "IN", "PRP$", "CD", "RB", "POS", "TO"}
)
_CLAUSE_WORDS = frozenset(
    {
        "that",
        "as",
        "since",
        "because",
        "while",
        "when",
        "if",
        "whether",
        "which",
        "who",
        "whom",
        "where",
        "although",
        "though",
        "like",
        "than",
    }
)
_VERB_AFTER_AUX = frozenset({"VBN", "VBG", "VB"})
_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_SUBJECT_TAGS = _NOUN_TAGS | {"DT", "JJ", "CD", "PRP$"}


def make_wh_question(sentence: Sentence, fact: Fact) -> str | None:
    """A WH question whose answer is the fact, or None where the transformation is unsafe."""
    tokens = sentence.tokens
    a = next((i for i, t in enumerate(tokens) if t.start == fact.start), None)
    b = next((i + 1 for i, t in enumerate(tokens) if t.end == fact.end), None)
    if a is None or b is None or len(tokens) > 40:
        return None
    phrase = wh_phrase(fact, tokens, a, b)
    if phrase is None or phrase[0] is None:
        return None
    fa, fb = fact.start - sentence.start, fact.end - sentence.start
    if unnamed_references(sentence, fa, fb, []) or relative_time(sentence, fa, fb):
        return None  # "Who has pledged to contest the action?": which action, it cannot say
    if embedded_pronoun(sentence.text, fa, fb):
        return None
    wh, absorb = phrase
    if fact.type is FactType.ORDINAL:
        b += len((fact.attr("head") or "").split())
    role = fact.attr("role") or ""
    if role and sentence.text[: fact.start - sentence.start].rstrip().endswith(role):
        absorb = len(role.split())
    elif (
        a - absorb > 0
        and tokens[a - absorb - 1].tag == "DT"
        and fact.type in (FactType.ORGANISATION, FactType.OTHER, FactType.PLACE)
    ):
        absorb += 1
    start = a - absorb
    if b < len(tokens) and (
        tokens[b].tag in ("POS", "NN", "NNS", "NNP", "NNPS", "CD") or tokens[b].text == "of"
    ):
        return None  # the answer is only part of a larger noun phrase
    if (
        start > 0
        and tokens[start - 1].tag in ("NN", "NNS", "NNP", "NNPS", "JJ", "POS", "CD")
        and not (absorb and tokens[start].tag in ("IN", "DT"))  # "protection [in] 2004"
    ):
        return None
    if start > 0 and tokens[start - 1].tag == "PRP$":
        return None  # "open at its _____": the WH phrase cannot replace half a noun phrase
    verb = next((i for i, t in enumerate(tokens) if t.tag in ("VBZ", "VBD", "VBP", "MD")), None)
    if verb is None:
        return None
    if b <= verb:
        # Subject answer: "[Rosneft] bought the Yugansk unit…" -> "Which organisation bought …?"
        if wh == "what" and tokens[verb].text.lower() in _SPEECH | _MIND:
            return None  # "What hopes its new policy …?": only people and bodies hope or say
        lead = tokens[:start]
        if any(t.tag not in ("DT", "PRP$", "JJ") for t in lead):
            return None
        between = tokens[b:verb]
        if between and any(t.tag not in ("RB",) for t in between):
            return None
        rest = _clause(tokens[verb:])
        if not rest or not _complete(tokens[verb:], len(rest)):
            return None
        if not _reaches_end(tokens[verb:], len(rest)):
            return None  # "Who warned the picture was not?": the clause was cut mid-thought
        if _cut_complement(tokens[verb:], len(rest)):
            return None
        if fact.type is FactType.OTHER and " " not in fact.text:
            return None  # "What is seeking $20bn …?" -> "company": a vague stand-in, not a fact
        plural = tokens[verb].tag == "VBP" or tokens[verb].text.lower() in ("were", "are", "have")
        if plural and (wh.startswith("which") or wh == "what"):
            return None  # "Which city were relegated …?": a team, or a plural the WH word hides
        return _finish(wh, [t.text for t in between] + rest, sentence.text, tokens[verb].start)
    subject = tokens[:verb]
    if not subject or len(subject) > 6 or subject[0].text.lower() in _BAD_SUBJECT_START:
        return None
    if any(
        t.tag in (",", "IN", "VBN", "VBG", "``", "''", ":", "POS") or t.text in _CUT
        for t in subject
    ):
        return None
    v = tokens[verb]
    if v.text.lower() in _SPEECH:
        return None  # "What did Dr Fox tell?": asking who was told, or what about, reads badly
    verb_end = verb + 1
    while verb_end < start and tokens[verb_end].tag in ("RB",):
        verb_end += 1
    is_aux = (
        v.tag == "MD"
        or (
            v.text.lower() in _AUX
            and verb_end < len(tokens)
            and tokens[verb_end].tag in _VERB_AFTER_AUX
        )
        or v.text.lower() in ("is", "are", "was", "were")
    )
    if is_aux and v.tag != "MD" and v.text.lower() not in ("is", "are", "was", "were"):
        # Keep the participle chain ("has played") with the verb; the subject goes before it.
        pass
    middle = tokens[verb_end:start]
    if b < len(tokens) and tokens[b].tag == "VB":
        return None  # "Bath prop/VB Matt Stevens": a noun read as a verb, the answer a modifier
    if b < len(tokens) and tokens[b].text.lower() == "by" and fact.type is not FactType.PERSON:
        return None  # "include White Teeth by Zadie Smith": the "by" belongs to the answer
    after = _clause(tokens[b:])
    if _cut_complement(tokens[b:], len(after)):
        return None
    if not _reaches_end(tokens[b:], len(after)):
        return None  # "Who wants Roddick?" from "... wants Roddick to lose, ...": cut short
    if any(t.tag in _FINITE_TAGS for t in tokens[b : b + len(after)]):
        return None  # "... by the _____ he has had": a second clause the inversion garbles
    if any(t.tag not in _SUBJECT_TAGS for t in subject) or subject[-1].tag not in _NOUN_TAGS:
        return None  # "european champions Wasps back": the tagger's subject is not a noun phrase
    if len(middle) > 6 or len(after) > 10:
        return None
    named_as = [t.text.lower() for t in middle[-2:]] in (["known", "as"], ["described", "as"])
    if (
        middle
        and not named_as
        and (
            middle[-1].text.lower() in ("of", "than", "as", "to")
            or (middle[-1].tag == "IN" and len(middle) > 1)
        )
    ):
        # "What can seismologists use the arrival times of …?", "What did scientists blame a
        # winter with …?": a preposition stranded after a noun phrase reads as broken English.
        return None
    if any(
        t.text in _CUT
        or (t.tag not in _MIDDLE_TAGS and not (is_aux and t.tag == "VBN"))
        or (t.text.lower() in _CLAUSE_WORDS and not (named_as and t is middle[-1]))
        for t in middle
    ):
        return None
    subj_words = [_lower_first(subject[0])] + [t.text for t in subject[1:]]
    adverbs = [t.text for t in tokens[verb + 1 : verb_end]]
    if adverbs and not is_aux:
        return None  # "fought back through": a particle put before the verb ("did X back fight")
    if is_aux:
        words = [v.text.lower(), *subj_words, *adverbs, *(t.text for t in middle), *after]
    else:
        aux = _DO.get(v.tag)
        if aux is None:
            return None
        base = lemma(v.text.lower(), "VB")
        words = [
            aux,
            *subj_words,
            *adverbs,
            inflect_verb(base, "VB") if base else v.text,
            *(t.text for t in middle),
            *after,
        ]
    if middle and middle[-1].text.lower() in _PREPS and absorb == 0 and wh in ("who", "what"):
        wh = "whom" if wh == "who" else wh
    return _finish(wh, words, sentence.text, None)


def _lower_first(token: Token) -> str:
    # "WorldCom", "eBay" tagged as common nouns keep their capitals: a name's spelling.
    if (
        token.tag in ("NNP", "NNPS")
        or token.text.isupper()
        or any(c.isupper() for c in token.text[1:])
    ):
        return token.text
    return token.text[:1].lower() + token.text[1:]


def _clause(tokens: tuple[Token, ...] | list[Token]) -> list[str]:
    """Words up to the first clause break, conjunction or the sentence end."""
    out = []
    for t in tokens:
        if t.text in _CUT or t.tag in (".", "CC", "WDT", "WP") or t.text in (".", "?", "!"):
            break
        if t.text.lower() in _CLAUSE_WORDS:
            break
        out.append(t.text)
    return out


_DANGLING = frozenset({"DT", "IN", "TO", "PRP$", "CC", "POS", "MD"})
_DANGLING_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "and",
        "or",
        "by",
        "from",
        "its",
        "their",
        "his",
        "her",
        "mr",
        "dr",
        "mrs",
    }
)


def _finish(wh: str, words: list[str], _sentence: str, _at: int | None) -> str | None:
    # Under four words ("Who wants Roddick?", "Who has offered State help?") a question has
    # lost what it is about.
    if len(words) < 4 or len(words) > 28:
        return None
    if words[-1].lower() in _DANGLING_WORDS and not wh.startswith("whom"):
        return None
    text = " ".join([wh[:1].upper() + wh[1:], *words])
    for before, after in ((" 's", "'s"), (" n't", "n't"), (" %", "%"), ("$ ", "$"), (" ,", ",")):
        text = text.replace(before, after)
    text = re.sub(r"(?<=[A-Za-z]) ' (?=\w)", "' ", text)  # "Baros ' pass" -> "Baros' pass"
    return text.rstrip(" .") + "?"
