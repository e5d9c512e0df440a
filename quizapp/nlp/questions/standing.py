"""Whether a finished stem stands alone: it names what it is about, and leaves no word pointing
outside it.

Read alone, "Excluding the car sector, sales rose by just _____%." does not say whose sales;
"Many people use it in preference to the phone" does not say what "it" is; "Ms _____ said they
were excellent figures" asks for a surname of someone the stem never introduces. Each check
here names one such defect; the stem builder makes no stem when any applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from quizapp.nlp.datacache import cached_table, package_file_stamp
from quizapp.nlp.gazetteers import demonyms
from quizapp.nlp.model import Document, Fact, FactType, Sentence, Token
from quizapp.nlp.questions.reference_words import CALENDAR, PERSON_DESCRIPTIONS

# Capitalised words that name no one: days and months, feasts, the first person.
_NOT_ANCHORS = CALENDAR | {
    "I",
    "Christmas",
    "Easter",
    "New",
    "Year",
    "Eve",
    "Day",
    "Boxing",
    "Valentine",
    "Halloween",
}
_WORD = re.compile(r"[A-Za-z][\w'’&.-]*")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_NAME_TYPES = (FactType.PERSON, FactType.ORGANISATION, FactType.PLACE)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LAST_NAMES: list[tuple[Document, frozenset[str]]] = []


def article_names(doc: Document, facts: Iterable[Fact]) -> frozenset[str]:
    """The words the article uses as names: those of its named facts, and every word it
    capitalises inside a sentence ("Activision", "Republicans"), not only at its start."""
    for seen, names in _LAST_NAMES:
        if seen is doc:
            return names
    words = set(name_words(facts))
    for sentence in doc.sentences:
        for m in _WORD.finditer(sentence.text):
            word = _POSSESSIVE.sub("", m.group().rstrip(".-"))
            if word[:1].isupper() and not _opening(sentence.text, m.start()):
                words.add(word)
    names = frozenset((words - _NOT_ANCHORS) | _key_terms(doc))
    _LAST_NAMES[:] = [(doc, names)]  # one article at a time: the builder asks for many stems
    return names


# A noun of the headline names the article's topic ("truants", "poster", "games") unless it
# is among the commonest words; so does a rarer one the article repeats (in this many sentences).
_TERM_ZIPF = 5.5
_RARE_ZIPF = 4.7
_TERM_REPEATS = 3
_SHORT_TEXT = 12


def _key_terms(doc: Document) -> set[str]:
    """The lower-case words that say what the article is about: the headline's uncommon words
    and the rare words its sentences keep coming back to (as singulars)."""
    from quizapp.nlp.salience import zipf

    nouns = {
        _singular(t.text.lower())
        for sentence in doc.sentences
        for t in sentence.tokens
        if t.tag in ("NN", "NNS")
    }
    terms = {
        _singular(w.lower())
        for w in re.findall(r"[A-Za-z][a-z-]{3,}", doc.title or "")
        if zipf(w.lower()) < _TERM_ZIPF and _singular(w.lower()) in nouns
    }
    counts: dict[str, int] = {}
    for sentence in doc.sentences:
        for word in {_singular(w) for w in re.findall(r"\b[a-z][a-z-]{3,}\b", sentence.text)}:
            counts[word] = counts.get(word, 0) + 1
    # A short text (an encyclopedia paragraph) comes back to its topic less often.
    repeats = _TERM_REPEATS if len(doc.sentences) > _SHORT_TEXT else _TERM_REPEATS - 1
    terms |= {w for w, n in counts.items() if n >= repeats and zipf(w) < _RARE_ZIPF}
    return terms


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def name_words(facts: Iterable[Fact]) -> frozenset[str]:
    """The words of the article's names (people, bodies, places, named things)."""
    words: set[str] = set()
    for fact in facts:
        if fact.type in _NAME_TYPES or (
            fact.type is FactType.OTHER and fact.attr("form") == "name"
        ):
            for text in (fact.text, fact.attr("canonical") or ""):
                words.update(w for w in _WORD.findall(text) if w[:1].isupper())
    return frozenset(words)


def lacks_anchor(text: str, a: int, b: int, names: frozenset[str]) -> bool:
    """Whether the stem, besides its answer [a, b) and quoted words, names nothing at all:
    no person, body, place or title ("Excluding the car sector, sales rose by just _____%",
    "More than _____ acts will play on eight stages"). Such a stem does not say what it is
    about. A capitalised word inside a sentence is a name; the opening word only when the
    article uses it as one."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    for m in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", m.group().rstrip(".-"))
        if a <= m.start() < b or any(q0 <= m.start() < q1 for q0, q1 in quoted):
            continue
        if not word[:1].isupper():
            if word.lower() in names or _singular(word.lower()) in names:
                return False  # a key term of the article: "serial truants", "the poster"
            continue
        if word in _NOT_ANCHORS:
            continue
        if not _opening(text, m.start()) or word in names or _acronym(word) or word in _SCOPES:
            return False
    return True


def _unquoted(text: str) -> str:
    """The text with its quotation marks blanked (same length), so quoted words count."""
    return re.sub(r"[\"“”]", " ", text)


def _opening(text: str, at: int) -> bool:
    """Whether a word at ``at`` opens the stem or a sentence, quotation or bracket in it, where
    a capital says nothing about it being a name."""
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:;(“\"‘'"


_POSSESSIVE = re.compile(r"['’]s?$")


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


# "World music sales", "Global sales": the whole world is what the figure is about.
_SCOPES = frozenset({"World", "Global", "Worldwide", "International"})


# Words that may open a bare subject: "Many people ...", "Some 40 firms ...", "Overall sales".
_QUANTIFIERS = frozenset({"many", "some", "most", "few", "several", "more", "other", "all"})
_BARE_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "CD", "VBG", "VBN", "POS", "HYPH"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
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
        or _acronym(word)
        or word in _SCOPES
        or word.lower() in _PARTIES
        or zipf(word.lower()) < _NAME_ZIPF
    )


# Adjectives that measure a subject against something the stem does not give: foreign to
# whom, the other ones than which, previous to what.
_RELATIONAL = _words(
    "foreign domestic other previous overall remaining new latest local similar such "
    "additional further total former current"
)
_PARTIES = frozenset({"republicans", "democrats", "conservatives", "tories", "liberals"})
# Below this, an opening capitalised word is no everyday English word: a name.
_NAME_ZIPF = 2.0


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
        if not any(t.tag in _FINITE for t in inside):
            tokens = tokens[len(inside) :]
    nouns = 0
    superlative = bool(tokens) and tokens[0].tag == "JJS"
    relative = key = False
    for i, token in enumerate(tokens[:14]):
        at = token.start - sentence.start
        if a <= at < b:
            return False  # the answer is (part of) the subject
        if token.tag in _FINITE:
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
        key = key or word.lower() in names or _singular(word.lower()) in names
        if word in _NOT_ANCHORS:
            nouns += 1  # "Christmas takings", "the end of November": a time, not a name
            continue
        if word[:1].isupper() and (i or _opening_name(word, names)):
            return False  # a name inside the subject: "Digital sales in the US"
        if word.capitalize() in _SCOPES:
            return False  # "global sales": sales everywhere, no unnamed market
        if token.tag in ("NN", "NNS") or (i == 0 and token.tag in ("NNP", "NNPS")):
            nouns += 1
        elif token.tag in ("IN", "CC", "TO", "DT", "PRP$") and nouns:
            continue  # "Sales at clothing and clothing accessory stores"
        elif token.tag not in _BARE_TAGS and not (i == 0 and word.lower() in _QUANTIFIERS):
            return False  # a determiner, a pronoun, a name: not a bare subject
    return False


# Pronouns that need an antecedent inside the stem, by the kind of antecedent they take.
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
_THING_PRONOUNS = frozenset({"it", "its"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their"})
# "it is thought", "it emerged", "make it clear": "it" standing for nothing before it.
_EMPTY_IT = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|seems|seemed|appears|appeared|"
    r"emerged|remains|took|takes|comes|came)\b|\s+(?:clear|possible|difficult|easier|harder)\b"
)
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady"})
# Common nouns for one person: "The former chief financial officer ... his ex-boss".
_PERSON_NOUNS = PERSON_DESCRIPTIONS | _words(
    "man woman boy girl father mother son daughter wife husband brother sister friend "
    "officer secretary president editor official spokesperson chairwoman head judge "
    "lawyer analyst economist teacher doctor"
)


def dangling_pronoun(
    sentence: Sentence,
    a: int,
    b: int,
    fact: Fact,
    names: Iterable[Fact],
    quoted: list[tuple[int, int]],
    edits: list[tuple[int, int, str]],
) -> str | None:
    """The first pronoun outside quoted words and the answer with nothing in the stem it could
    stand for: "he" or "his" with no person named before ("On a visit to Los Angeles, his
    former wife introduced him to ..."), "it" with no singular thing ("Many people use it
    ..."), "they" or "their" with nothing plural and no body ("Ms Hutt said they were ...").
    A pronoun in an opening phrase may point ahead ("Whatever his abilities, Bernie Ebbers").
    An opening pronoun is the stem builder's to resolve; this looks further in."""
    facts = list(names)
    tokens = [
        t
        for t in sentence.tokens
        if not any(q0 <= t.start - sentence.start < q1 for q0, q1 in quoted)
    ]
    comma = sentence.text.find(",")
    opening = [t for t in tokens if t.start - sentence.start < comma]
    if any(t.tag in _FINITE for t in opening):
        comma = -1  # a clause of its own before the comma, no opening phrase pointing ahead
    after_comma = [t for t in tokens if 0 <= comma < t.start - sentence.start][:_SUBJECT_SPAN]
    for i, token in enumerate(tokens):
        low = token.text.lower()
        at = token.start - sentence.start
        if low not in _PRONOUNS or i == 0 or token.text[:1].isupper():
            continue  # "Do They Know It's Christmas?": a title's word, not a pronoun
        if a <= at < b or any(s <= at < e for s, e, _ in edits):
            continue  # the answer, or already replaced by the stem builder
        if low == "it" and _EMPTY_IT.match(sentence.text[token.end - sentence.start :]):
            continue
        ahead = after_comma if 0 <= at < comma else []
        before = tokens[:i]
        raised = i + 1 < len(tokens) and tokens[i + 1].text == "to"
        if raised and _RAISING.fullmatch(tokens[i - 1].text.lower()):
            # "the Cell consortium expects it to ...": not the subject, something before it.
            before = before[: max(0, i - 1 - _SUBJECT_SPAN)]
        candidates = [t for t in before if not a <= t.start - sentence.start < b] + ahead
        answer_near = a < at or (ahead and a > comma)
        if answer_near and (low not in _PERSON_PRONOUNS or fact.type not in _NOT_PEOPLE):
            continue  # the answer before it (or right after the opening phrase) it may mean
        if not any(
            _may_stand_for(low, t, j, candidates, sentence, facts, edits)
            for j, t in enumerate(candidates)
        ):
            return token.text
    return None


_PRONOUNS = _PERSON_PRONOUNS | _THING_PRONOUNS | _GROUP_PRONOUNS
# Verbs whose object is the subject of the next clause ("expects it to"): never their own
# subject, so the words just before the verb are not what the pronoun stands for.
_RAISING = re.compile(r"(?:expect|believe|want|consider|need|allow|think|thought)(?:s|ed|d)?")
_SUBJECT_SPAN = 4
_NOT_PEOPLE = frozenset(
    {FactType.ORGANISATION, FactType.PLACE, FactType.QUANTITY, FactType.DATE, FactType.ORDINAL}
)


def _may_stand_for(
    pronoun: str,
    token: Token,
    j: int,
    tokens: list[Token],
    sentence: Sentence,
    facts: list[Fact],
    edits: list[tuple[int, int, str]],
) -> bool:
    """Whether the pronoun could refer to the token (a word of the stem before it)."""
    at = token.start - sentence.start
    if any(s <= at < e and text for s, e, text in edits):
        # An opening "He" or "It" the stem builder replaced by a name stands for that name.
        was = token.text.lower()
        if was in _PERSON_PRONOUNS:
            return pronoun in _PERSON_PRONOUNS
        if was in _THING_PRONOUNS:
            return pronoun in _THING_PRONOUNS
    fact = next((f for f in facts if f.start - sentence.start <= at < f.end - sentence.start), None)
    kind = fact.type if fact is not None else None
    capital = token.text[:1].isupper() and token.text not in _TITLES
    if pronoun in _PERSON_PRONOUNS:
        if kind is FactType.PERSON or token.text.lower() in _PERSON_NOUNS:
            return True
        return (
            capital and token.tag == "NNP" and kind not in (FactType.ORGANISATION, FactType.PLACE)
        )
    if pronoun in _THING_PRONOUNS:
        # A head noun, not a modifier of the next one ("computer servers").
        modifier = j + 1 < len(tokens) and tokens[j + 1].tag in ("NN", "NNS")
        # (Any name may be a company's: the extractor takes "Brantwick Mills" for a person.)
        return token.tag in ("NN", "NNP", "NNPS") and not (modifier and token.tag == "NN")
    # "they": a plural, a body, or a name that may be a team; not one titled person ("Ms Hutt").
    if token.tag in ("NNS", "NNPS") or (j and tokens[j - 1].tag == "CD"):
        return True
    if kind is FactType.PERSON:
        return len(fact.text.split()) == 1 and not any(
            t.text in _TITLES for t in tokens[max(0, j - 2) : j]
        )
    return capital


# "Ms _____ said ...": the answer is a surname after a title, and nothing says who that is.
_TITLE_BEFORE_BLANK = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor)\.?\s+$")
# "Mr _____, who plans to launch Easymobile", "Mr _____, chief executive of ...": described.
_DESCRIBED_AFTER = re.compile(
    r"^,\s+(?:who\b|whose\b|the\s+[a-z]|an?\s+[a-z]|[A-Za-z]+(?:\s+[A-Za-z]+){0,3}\s+(?:of|at|for)\s)"
)


def bare_surname_answer(text: str, a: int, b: int) -> bool:
    """Whether the answer is a surname standing after "Mr", "Ms" or "Dr" with nothing in the
    stem saying who that person is ("Ms _____ said they were excellent figures")."""
    if len(text[a:b].split()) > 1:
        return False  # "Professor _____" for "Ida Marsh": the full name is asked
    return bool(_TITLE_BEFORE_BLANK.search(text[:a])) and not _DESCRIBED_AFTER.match(text[b:])


# "Mr Makower", "Ms Hutt" left as they are: the article gave no fuller name to put in.
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?!Justice\b)[A-Z][\w'’-]*")


def titled_stranger(
    doc: Document, text: str, a: int, b: int, quoted: list[tuple[int, int]]
) -> bool:
    """Whether the stem names someone only by title and surname ("said Mr Makower"), outside
    the answer and quoted words: out of the article, nobody knows who that is. The person the
    article is about (in its headline, or named again and again) is known to the student."""
    for m in _TITLED.finditer(text):
        if (m.start() < b and a < m.end()) or any(q0 <= m.start() < q1 for q0, q1 in quoted):
            continue
        surname = re.compile(rf"\b{re.escape(m.group().split()[-1])}\b")
        if surname.search(doc.title or ""):
            continue
        if sum(1 for s in doc.sentences if surname.search(s.text)) < _SUBJECT_MENTIONS:
            return True
    return False


# Named in this many sentences, a person is what the article is about.
_SUBJECT_MENTIONS = 3


# "More plaudits came ...", "Another ban ...", "a similar ban": more than, similar to what?
_MORE_OPENING = re.compile(r"^(?:More|Further|Another)\s+(?!than\b|of\b|and\b)[a-z]")
_SIMILAR = re.compile(r"\b(?:[Aa]\s+|[Tt]he\s+)?similar\s+[a-z]+")


def points_past_itself(text: str, a: int, b: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether the stem compares with something it does not give: an opening "More plaudits"
    or "Another ban", or "a similar ban" outside the answer and quoted words."""
    if _MORE_OPENING.match(text) and a > 0:
        return True
    return any(
        not (m.start() < b and a < m.end()) and not any(q0 <= m.start() < q1 for q0, q1 in quoted)
        for m in _SIMILAR.finditer(text)
    )


# "a undecided fee", "an new": an article that does not fit the word after it.
_A_BEFORE_VOWEL = re.compile(r"\b[Aa]\s+(?!one\b|once\b|eu|uni|use|usu|ut|ur)([aeiou][a-z]+)")
_AN_BEFORE_CONSONANT = re.compile(r"\b[Aa]n\s+(?!h)([b-df-gj-np-tv-z][a-z]+)\b")
_DOUBLED = re.compile(r"\b(the|a|an|to|of|and|in|for|is|was)\s+\1\b", re.I)
_LOWER = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")


def copied_slip(text: str, a: int, b: int) -> str | None:
    """A slip the article made that the stem would copy: a misspelt word ("tsumani"), an
    article that does not fit ("a undecided fee"), a doubled word ("the the")."""
    for pattern in (_A_BEFORE_VOWEL, _AN_BEFORE_CONSONANT, _DOUBLED):
        for m in pattern.finditer(text):
            if not (m.start() < b and a < m.end()):
                return m.group()
    for m in _LOWER.finditer(text):
        if not (m.start() < b and a < m.end()) and misspelt(m.group()):
            return m.group()
    return None


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


_REPORTS_AFTER = re.compile(
    r"^,?\s+(?:has\s+|had\s+)?(?:said|says|added|told|warned|claimed|insisted|announced|"
    r"reported|estimated|predicted)\b"
)
_REPORTS_BEFORE = re.compile(r"\b(?:said|says|added|according\s+to)\s+(?:the\s+)?$")


_NAMED_SOURCE = re.compile(
    r",\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+)?[A-Z][\w'’&.-]*)*\s+"
    r"(?:said|says|added|reported|estimated)\b"
)


def reports(text: str, a: int, b: int) -> bool:
    """Whether the answer at [a, b) is the source the stem reports ("..., the _____ said",
    "according to the _____") rather than part of what is reported."""
    return bool(_REPORTS_AFTER.match(text[b:]) or _REPORTS_BEFORE.search(text[:a]))


def stem_problem(
    doc: Document,
    sentence: Sentence,
    fact: Fact,
    text: str,
    span: tuple[int, int],
    lead: int,
    edits: list[tuple[int, int, str]],
    mentions: dict[int, tuple[Fact, ...]],
) -> str | None:
    """Why the finished stem ``text`` (the answer at ``span``) would not stand alone, or None.
    ``lead`` is where the sentence's clause starts after a dropped "But" or "However", and
    ``edits`` the rewrites already made to the sentence (relative to it)."""
    a, b = fact.start - sentence.start, fact.end - sentence.start
    names = article_names(doc, (f for facts in mentions.values() for f in facts))
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    # The speaker of a quotation is asked about what they said: its words tell which one. The
    # named source of a report ("..., the _____ said") is what the stem asks: the answer names.
    named = fact.type in _NAME_TYPES or (fact.type is FactType.OTHER and fact.text[:1].isupper())
    source = named and reports(text, *span)
    if not source and lacks_anchor(_unquoted(text) if named and quoted else text, *span, names):
        return "names nothing"
    # "House prices rose by 1.1%, the Halifax said": the named source says whose prices.
    sourced = source or _NAMED_SOURCE.search(text) is not None
    resolved = any(start <= lead < end for start, end, _ in edits)
    if not sourced and not resolved and bare_subject(sentence, lead, a, b, names):
        return "bare subject"
    in_sentence = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence.text)]
    pronoun = dangling_pronoun(
        sentence, a, b, fact, mentions.get(sentence.index, ()), in_sentence, edits
    )
    if pronoun is not None:
        return f"dangling '{pronoun}'"
    if bare_surname_answer(text, *span):
        return "surname after a title"
    if titled_stranger(doc, text, *span, quoted):
        return "title and surname only"
    if points_past_itself(text, *span, quoted):
        return "compares with something unsaid"
    return None


def question_problem(
    doc: Document, question: str, mentions: dict[int, tuple[Fact, ...]]
) -> str | None:
    """Why a WH question would not stand alone, or None: it names nothing ("Who said hunt
    supporters were in tears?"), names someone by title and surname only, or copies a slip.
    A quotation it asks about counts: its words are what the student recalls."""
    names = article_names(doc, (f for facts in mentions.values() for f in facts))
    if lacks_anchor(_unquoted(question), 0, 0, names):
        return "names nothing"
    if titled_stranger(doc, question, 0, 0, []):
        return "title and surname only"
    slip = copied_slip(question, 0, 0)
    if slip is not None:
        return f"copied slip '{slip}'"
    return None
