"""Accepted forms of a person's name: in full, without title or role, the surname alone."""

from __future__ import annotations

import re

from quizapp.nlp.dates import MONTHS
from quizapp.nlp.docindex import token_positions
from quizapp.nlp.facts.name_words import ORG_HEADS, PLACE_HEADS, THING_HEADS
from quizapp.nlp.gazetteers import demonyms, role_words
from quizapp.nlp.model import Document
from quizapp.nlp.questions.accepting.lexicon import lexicon_word
from quizapp.nlp.salience import zipf
from quizapp.nlp.words import STOPWORDS

TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "minister",
        "judge",
        "baroness",
        "baron",
        "earl",
        "countess",
        "viscount",
        "duke",
        "duchess",
        "rev",
        "revd",
        "reverend",
        "bishop",
        "archbishop",
        "cardinal",
        "rabbi",
        "sheikh",
    ]
)
# Lower-case words that join a surname to what precedes it ("De Niro", "van Gogh", "bin Laden").
_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la", "bin", "al"}
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})
# Letters after a name: "Andrew Tyrie MP" is "Tyrie", never "MP".
_POST_NOMINALS = frozenset({"mp", "mep", "msp", "am", "td", "qc", "kc", "obe", "mbe", "cbe", "kbe"})


def fuller_name(answer: str, doc: Document) -> str | None:
    """The one longer name the article gives a short one ("William Gallas" for "Gallas", "Sir
    Menzies Campbell" for "Sir Menzies"): proper nouns right before or after every other
    mention, when they all agree; None when the article has no such name or several."""
    words = answer.split()
    if not 1 <= len(words) <= 2:
        return None
    found: set[str] = set()
    # Only where the first word stands (a per-document index): scanning every sentence for
    # every answer made a long document quadratic.
    for s, i in token_positions(doc, words[0]):
        tokens = doc.sentences[s].tokens
        if [t.text for t in tokens[i : i + len(words)]] != words:
            continue
        before = [
            t.text
            for t in tokens[max(0, i - 2) : i]
            if t.tag == "NNP"
            and t.text.lower() not in TITLE_WORDS
            and not describes_before_name(t.text)
        ]
        end = i + len(words)
        after = tokens[end : end + 1]
        name = list(words)
        if before and i > 0 and tokens[i - 1].tag == "NNP" and tokens[i - 1].text == before[-1]:
            name = [before[-1], *name]
        if after and after[0].tag == "NNP" and after[0].text[:1].isupper():
            name = [*name, after[0].text]
        if len(name) > len(words):
            found.add(" ".join(name))
    if len(found) != 1:
        return None
    fuller = found.pop()
    if any(w.lower() in STOPWORDS or w in MONTHS for w in fuller.split()):
        return None
    last = fuller.split()[-1]
    if last != words[-1] and lexicon_word(last) in ("NN", "NNS"):
        return None  # "Gallas" -> "William Gallas", never "Apple" -> "Apple Developer"
    return fuller


# "Anne Thompson of the Hollywood Reporter": the person, then where they work.
_AFFILIATION = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z].*$")


def person_forms(name: str) -> list[str]:
    """A person's name as people write it: in full, without a title, without a role before the
    given name ("Farmer Geoff Brooks" -> "Geoff Brooks"), the surname alone with its particle
    ("Robert De Niro" -> "De Niro"; "Mr Ellis" -> "Ellis"), a knight by title and given name
    ("Sir Menzies Campbell" -> "Sir Menzies")."""
    out: list[str] = [name] if name.split() else []
    affiliated = _AFFILIATION.search(name)
    if affiliated and len(name[: affiliated.start()].split()) >= 2:
        name = name[: affiliated.start()]  # the surname is "Thompson", never "Reporter"
        out.append(name)
    words = name.split()
    # A knight or dame is "Sir Menzies" and "Dame Judi" as often as by surname.
    knighted = " ".join(words[:2]) if len(words) >= 3 and words[0] in _KNIGHTED else None
    while len(words) > 1 and words[0].rstrip(".").lower() in TITLE_WORDS:
        words = words[1:]
    while len(words) > 2 and words[-1].rstrip(".,").lower() in _NAME_SUFFIXES | _POST_NOMINALS:
        words = words[:-1]  # "Charles Evans Jr" is "Evans", never "Jr"
    if not words:
        return out
    out.append(" ".join(words))
    if descriptor_before_name(" ".join(words)):
        out.append(" ".join(words[1:]))
    elif len(words) >= 3 and all(_describes_a_person(w) for w in words[:-2]):
        out.append(" ".join(words[-2:]))  # "Liberal Democrat David Laws" -> "David Laws"
    if len(words) > 1:
        first = len(words) - 1
        while first > 1 and words[first - 1].lower() in _PARTICLES:
            first -= 1
        out.append(" ".join(words[first:]))
        surname = words[-1]
        for prefix in ("al-", "el-", "Al-", "El-"):
            if surname.startswith(prefix) and len(surname) > len(prefix) + 2:
                out.append(surname[len(prefix) :])
        if first == len(words) - 1:
            out.append(surname)  # "De Niro", never "Niro" alone
    if knighted:
        out.append(knighted)
    return out


_KNIGHTED = frozenset({"Sir", "Dame"})


# Common Chinese family names, and a pinyin syllable: a name written in either order ("Ziyi
# Zhang", "Zhang Ziyi") is the same person, and students meet both orders.
_CHINESE_FAMILY_NAMES = frozenset(
    [
        "Zhang",
        "Wang",
        "Li",
        "Liu",
        "Chen",
        "Yang",
        "Huang",
        "Zhao",
        "Wu",
        "Zhou",
        "Xu",
        "Sun",
        "Ma",
        "Zhu",
        "Hu",
        "Guo",
        "Lin",
        "Gao",
        "Luo",
        "Zheng",
        "Liang",
        "Xie",
        "Tang",
        "Feng",
        "Deng",
        "Cao",
        "Peng",
        "Zeng",
        "Xiao",
        "Tian",
        "Dong",
        "Pan",
        "Yuan",
        "Cai",
        "Jiang",
        "Du",
        "Ye",
        "Cheng",
        "Wei",
        "Su",
        "Lu",
        "Ding",
        "Ren",
        "Shen",
        "Yao",
        "Jin",
        "Wen",
        "Xi",
        "Qian",
        "Zou",
        "Tan",
        "Fan",
        "Hou",
        "Mao",
        "Jia",
    ]
)
_PINYIN = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uan|uai|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|"
    r"ui|ue|er|a|e|i|o|u)){1,2}$"
)


def other_order(name: str) -> str | None:
    """A Chinese name in the other order ("Ziyi Zhang" -> "Zhang Ziyi"), or None: two pinyin
    words, one of them a common family name."""
    words = name.split()
    if len(words) != 2 or not all(w[:1].isupper() and _PINYIN.match(w.lower()) for w in words):
        return None
    if not any(w in _CHINESE_FAMILY_NAMES for w in words):
        return None
    return f"{words[1]} {words[0]}"


# A first word this frequent in general text is a common given name ("Charlotte", "Gordon"):
# what follows it is a family name, even when it is also a word ("Church", "Brown").
GIVEN_NAME_ZIPF = 3.0


def _describes_a_person(word: str) -> bool:
    """A word that stands before a person's name to describe them (a party, a nationality, a
    role, an everyday word such as "Liberal" or "Shadow"), never a given name."""
    if describes_before_name(word):
        return True
    return lexicon_word(word) is not None and zipf(word) >= GIVEN_NAME_ZIPF


_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|keeper|ee)$")
# Parties and seats newspapers put before a name ("Labour MP Louise Ellman", "Tories Ken
# Clarke"): no one's given name.
_PARTY_AND_SEAT = frozenset(
    {
        "mp",
        "mep",
        "msp",
        "qc",
        "tory",
        "tories",
        "labour",
        "conservative",
        "conservatives",
        "liberal",
        "democrat",
        "democrats",
        "republican",
        "republicans",
        "shadow",
        "former",
        "deputy",
    }
)


def describes_before_name(word: str) -> bool:
    """A word that only describes the person named after it: a role ("Chancellor"), an
    occupation ("Treasurer"), a party or seat ("Labour", "MP"), a nationality ("French")."""
    low = word.lower()
    if low in role_words() or low in _PARTY_AND_SEAT or word in demonyms():
        return True
    return lexicon_word(word) == "NN" and _AGENT.search(low) is not None


def descriptor_before_name(answer: str) -> bool:
    """A role or occupation standing before a two-word name ("Farmer Geoff Brooks",
    "Chancellor Gordon Brown"): the whole is a person, and a student leaves the word off."""
    words = answer.split()
    if len(words) != 3 or not all(w[:1].isupper() and w.isalpha() and len(w) > 1 for w in words):
        return False
    if any(w in ORG_HEADS or w in PLACE_HEADS or w in THING_HEADS for w in words):
        return False  # "Royal Mail Group", "Grand Canal Bridge": not a person
    low = words[0].lower()
    if low in demonyms():
        return False
    return low in role_words() or _AGENT.search(low) is not None
