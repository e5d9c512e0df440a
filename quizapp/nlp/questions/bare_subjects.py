"""A clause that opens on a bare common-noun subject naming nothing: "Foreign oil exports ..."."""

from __future__ import annotations

import re

from quizapp.nlp.gazetteers import demonyms
from quizapp.nlp.model import Sentence
from quizapp.nlp.questions.anchors import NOT_ANCHORS, SCOPES, acronym, singular, word_set

# Words that may open a bare subject: "Many people ...", "Some 40 firms ...", "Overall sales".
_QUANTIFIERS = frozenset({"many", "some", "most", "few", "several", "more", "other", "all"})
_BARE_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "CD", "VBG", "VBN", "POS", "HYPH"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# An opening phrase set off by a comma before the subject ("Excluding the car sector, ...",
# "In December, ..."): it opens on a preposition or an adverb and holds no verb of its own.
_OPENING_PHRASE = re.compile(r"^[A-Z][^,\"“]{0,60},\s+")
_PHRASE_OPENERS = frozenset({"IN", "RB", "VBG", "TO"})
_PEOPLE = frozenset(
    [
        "people",
        "ministers",
        "officials",
        "experts",
        "analysts",
        "observers",
        "critics",
        "fans",
        "police",
        "scientists",
        "researchers",
        "voters",
        "consumers",
        "customers",
        "users",
        "passengers",
        "students",
        "parents",
        "children",
        "teachers",
        "doctors",
        "workers",
        "residents",
        "campaigners",
        "investors",
        "economists",
    ]
)


def _opening_name(word: str, names: frozenset[str]) -> bool:
    """Whether a capitalised opening word is a name: the article uses it as one, it is an
    acronym, a word of scope ("World", "Global") or no English word at all ("Activision")."""
    from quizapp.nlp.salience import zipf

    return (
        word in names
        or word in demonyms()
        or acronym(word)
        or word in SCOPES
        or word.lower() in _PARTIES
        or zipf(word.lower()) < _NAME_ZIPF
    )


# Adjectives that measure a subject against something the stem does not give: foreign to
# whom, the other ones than which, previous to what.
_RELATIONAL = word_set(
    "foreign domestic other previous overall remaining new latest local similar such "
    "additional further total former current"
)
_PARTIES = frozenset({"republicans", "democrats", "conservatives", "tories", "liberals"})
# Below this, an opening capitalised word is no everyday English word: a name.
_NAME_ZIPF = 2.0


# Adverbs that stand between a subject and its verb ("Programs also need to ...").
_BETWEEN_ADVERBS = frozenset({"also", "still", "now", "often", "already", "usually", "even"})


def bare_subject(sentence: Sentence, lead: int, a: int, b: int, names: frozenset[str]) -> bool:
    """Whether the clause opens on a bare common-noun subject that names nothing before its verb
    ("Foreign oil exports surged ...", "Programs need to be tailored ...", "In December,
    overall retail sales rose ..."): whose exports, which programs, the stem cannot say. A
    subject holding the answer or a name ("Hospital waiting times in Wales") is not bare."""
    tokens = [t for t in sentence.tokens if t.start - sentence.start >= lead]
    phrase = _OPENING_PHRASE.match(sentence.text[lead:])
    if (
        phrase
        and tokens
        and tokens[0].tag in _PHRASE_OPENERS
        and not (lead <= a < lead + phrase.end())
    ):
        inside = [t for t in tokens if t.start - sentence.start < lead + phrase.end()]
        if not any(t.tag in FINITE for t in inside):
            tokens = tokens[len(inside) :]
    nouns = 0
    superlative = bool(tokens) and tokens[0].tag == "JJS"
    relative = key = False
    for i, token in enumerate(tokens[:14]):
        at = token.start - sentence.start
        if a <= at < b:
            return False  # the answer is (part of) the subject
        # "Programs need to be ...": the tagger often reads a plural subject's "need" as a noun.
        needs = (
            token.text.lower() in ("need", "needs")
            and nouns > 0
            and i + 1 < len(tokens)
            and tokens[i + 1].tag == "TO"
        )
        if token.tag in FINITE or needs:
            # "People could be given ...", "Ministers have been asked ...": people in general
            # are no unnamed thing; "Best actors are ..." still asks which award. A key term of
            # the article ("Oxygen bars are ...") says what it is about, unless a word of the
            # subject measures it against something unsaid ("Foreign oil exports").
            head = tokens[i - 1].text.lower() if i else ""
            if key and not relative:
                return False
            return nouns > 0 and (head not in _PEOPLE or superlative)
        word = token.text
        relative = relative or word.lower() in _RELATIONAL or token.tag in ("JJR", "JJS")
        key = key or word.lower() in names or singular(word.lower()) in names
        if word in NOT_ANCHORS:
            nouns += 1  # "Christmas takings", "the end of November": a time, not a name
            continue
        if word[:1].isupper() and (i or _opening_name(word, names)):
            return False  # a name inside the subject: "Digital sales in the US"
        if word.capitalize() in SCOPES:
            return False  # "global sales": sales everywhere, no unnamed market
        if token.tag in ("NN", "NNS") or (i == 0 and token.tag in ("NNP", "NNPS")):
            nouns += 1
        elif token.tag in ("IN", "CC", "TO", "DT", "PRP$") and nouns:
            continue  # "Sales at clothing and clothing accessory stores"
        elif token.tag == "RB" and nouns and word.lower() in _BETWEEN_ADVERBS:
            continue  # "Programs also need ...": the adverb stands between subject and verb
        elif token.tag not in _BARE_TAGS and not (i == 0 and word.lower() in _QUANTIFIERS):
            return False  # a determiner, a pronoun, a name: not a bare subject
    return False
