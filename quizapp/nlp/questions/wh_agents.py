"""WH questions on the agent of a passive clause, asked in the active voice.

"Staunton's award was announced by Patrick Stewart" asks "Who announced Staunton's award?";
"The unit was bought by Rosneft" asks "Which organisation bought the unit?". The inverted
passive ("Whom was Staunton's award announced by?") reads badly, so the clause is turned round.
"""

from __future__ import annotations

import re

from quizapp.nlp.model import Fact, FactType, Sentence, Token
from quizapp.nlp.words import inflect_verb, lemma

_NP_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$"})
_MIDDLE_TAGS = _NP_TAGS | {"IN", "TO"}
_PRONOUN_OPENERS = frozenset(
    {"it", "its", "he", "she", "they", "his", "her", "their", "this", "these", "those", "that"}
)
_BE_TENSE = {"was": "VBD", "were": "VBD", "is": "VBZ", "are": "VBZ"}


def agent_question(sentence: Sentence, fact: Fact) -> str | None:
    """The active-voice question on a passive clause's "by" agent, or None where the clause is
    not "SUBJECT be/has been/will be PARTICIPLE [PP] by ANSWER" ending with the answer."""
    if fact.type is FactType.PERSON:
        wh = "Who"
    elif fact.type is FactType.ORGANISATION:
        wh = "Which organisation"
    else:
        return None
    tokens = [t for t in sentence.tokens if t.tag != "." and t.text not in (".", "!", "?")]
    a = next((i for i, t in enumerate(tokens) if t.start == fact.start), None)
    b = next((i + 1 for i, t in enumerate(tokens) if t.end == fact.end), None)
    if a is None or b is None or a < 4 or b != len(tokens) or tokens[a - 1].text != "by":
        return None
    verb = next((i for i, t in enumerate(tokens) if t.tag in ("VBZ", "VBD", "VBP", "MD")), None)
    if verb is None or not 1 <= verb <= 8:
        return None
    subject = tokens[:verb]
    if any(t.tag not in _NP_TAGS for t in subject) or subject[-1].tag not in _NOUNS:
        return None
    if subject[0].text.lower() in _PRONOUN_OPENERS:
        return None
    words, participle = _active_verb(tokens, verb)
    if participle is None or participle >= a - 1:
        return None
    middle = tokens[participle + 1 : a - 1]
    if len(middle) > 6 or any(t.tag not in _MIDDLE_TAGS for t in middle):
        return None
    if middle and middle[-1].tag in ("IN", "TO", "DT"):
        return None
    text = " ".join([wh, *words, _lower_first(subject[0]), *(t.text for t in subject[1:])])
    text += "".join(" " + t.text for t in middle)
    text = re.sub(r" (?='s\b|')", "", text)
    return text + "?"


_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD"})


def _active_verb(tokens: list[Token], verb: int) -> tuple[list[str], int | None]:
    """The active verb words for the passive verb group at `verb`, and where its participle
    stands: "was announced" -> ["announced"], "has been named" -> ["has", "named"], "will be
    given" -> ["will", "give"]."""
    first = tokens[verb].text.lower()
    k = verb + 1
    if first in _BE_TENSE:
        if k < len(tokens) and tokens[k].tag == "VBN":
            base = lemma(tokens[k].text.lower(), "VBN")
            if first == "are":
                return [], None  # "are chosen by X": singular or plural agent, unsaid
            return [inflect_verb(base, _BE_TENSE[first])], k
        return [], None
    if first in ("has", "have", "had"):
        if k + 1 < len(tokens) and tokens[k].text == "been" and tokens[k + 1].tag == "VBN":
            return ["has" if first != "had" else "had", tokens[k + 1].text], k + 1
        return [], None
    if (
        tokens[verb].tag == "MD"
        and k + 1 < len(tokens)
        and tokens[k].text == "be"
        and tokens[k + 1].tag == "VBN"
    ):
        return [first, lemma(tokens[k + 1].text.lower(), "VBN")], k + 1
    return [], None


def _lower_first(token: Token) -> str:
    if token.tag in ("NNP", "NNPS") or any(c.isupper() for c in token.text[1:]):
        return token.text
    return token.text[:1].lower() + token.text[1:]
