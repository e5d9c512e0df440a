"""Fairness lint: items with a second right answer or options that point to the key by look."""

from __future__ import annotations

import re

from quizapp.nlp.gazetteers import countries
from quizapp.nlp.model import BLANK, Item, QuestionKind
from quizapp.nlp.numbers import parse_number
from quizapp.nlp.option_fit import APPROXIMATE_BEFORE, CLOSE_SHARE

# One member of a list: a capitalised name of up to six words ("The Return of the King").
_MEMBER = r"(?:[A-Z0-9][\w'’.&-]*(?:\s+(?:of|the|and|de|for|[A-Z0-9][\w'’.&-]*)){0,5})"
_SLOT = rf"(?:{_MEMBER}|{re.escape(BLANK)})"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)"
# Words that open a list the article does not give whole: "actors including _____",
# "bands such as _____", "members Matt Jay and _____", "names for X and _____".
_OPEN_LIST = re.compile(
    rf"\b(?:including|include|includes|such\s+as|like|among\s+them|among\s+others|notably|"
    rf"e\.g\.|for\s+example|[a-z]{{3,}}s(?:\s+(?:for|of))?)\s+"
    rf"(?P<list>(?:{_SLOT}{_SEPARATOR})*{re.escape(BLANK)}(?:{_SEPARATOR}{_SLOT})*)"
)
# A plural noun that is no group: "was", "has", "this" end in s as well.
_NOT_PLURALS = frozenset(
    {
        "was",
        "has",
        "this",
        "his",
        "its",
        "is",
        "us",
        "as",
        "yes",
        "does",
        "thus",
        "plus",
        "less",
        "unless",
        "across",
        "perhaps",
        "always",
        "whereas",
        "sometimes",
        "towards",
        "afterwards",
        "besides",
        "hers",
        "ours",
        "theirs",
        "yours",
        "whose",
        "minus",
        "versus",
        "news",
        "series",
    }
)
# "nearly £10m", "about 300": the key is a round figure near the truth, so an option a tenth
# away from it is no plainly wrong answer.
_TYPED = (QuestionKind.FILL_IN, QuestionKind.SHORT_ANSWER)


def fairness_problems(item: Item) -> list[str]:
    """What makes the item unfair to a student who read the article (empty when it is fair)."""
    problems = []
    if item.kind in _TYPED and _open_list_blank(item.prompt):
        problems.append("the blank is one member of a list the article does not give whole")
    if _continent_shown_by_its_country(item):
        problems.append("the stem names a country of the continent asked")
    if _country_shown_by_its_city(item):
        problems.append("the stem names a great city of the country asked")
    if _club_shown_by_another_name(item):
        problems.append("the stem names the club asked by its ground or nickname")
    if _key_word_in_stem(item):
        problems.append("a word of the answer stands in the stem")
    if _year_cued_by_its_neighbour(item):
        problems.append("the stem compares with the year before or after the key")
    if item.kind is QuestionKind.MULTIPLE_CHOICE:
        if _close_to_approximate_key(item):
            problems.append("an option lies close to an approximate key")
        if _odd_one_out(item):
            problems.append("the wrong options share a word the key lacks")
    return problems


def _open_list_blank(prompt: str) -> bool:
    for match in _OPEN_LIST.finditer(prompt):
        cue = prompt[match.start() : match.start("list")].split()[0].lower()
        if cue in _CUES:
            return True
        # A plural noun only opens a list the stem goes on with: "members Matt Jay and _____",
        # not "Easymobile uses _____'s" (a verb) or "his ex-boss _____" (no plural at all).
        listed = re.split(_SEPARATOR, match.group("list"))
        if _plural_noun(cue) and len(listed) >= 2:
            return True
    return False


def _plural_noun(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _NOT_PLURALS


_CUES = frozenset(
    {"including", "include", "includes", "such", "like", "among", "notably", "e.g.", "for"}
)


def _close_to_approximate_key(item: Item) -> bool:
    before = item.prompt.split(BLANK, 1)[0]
    if BLANK not in item.prompt or not APPROXIMATE_BEFORE.search(before):
        return False
    key = parse_number(item.answer or "")
    if not key:
        return False
    for option in item.options:
        value = parse_number(option)
        if option != item.answer and value is not None and abs(value - key) < CLOSE_SHARE * key:
            return True
    return False


_CONTINENTS = {
    "africa": "AF",
    "asia": "AS",
    "europe": "EU",
    "north america": "NA",
    "south america": "SA",
    "oceania": "OC",
    "antarctica": "AN",
}


def _continent_shown_by_its_country(item: Item) -> bool:
    """ "Europe and _____ - notably ... South Korea": the country in the stem names the continent
    asked, so the item tests geography, not the article."""
    answer = (item.answer or "").strip().lower()
    code = _CONTINENTS.get(answer) or _CONTINENTS.get(_CONTINENT_ADJECTIVES.get(answer, ""))
    if code is None or item.kind is QuestionKind.TRUE_FALSE:
        return False
    prompt = item.prompt
    return any(
        country.continent == code and re.search(rf"\b{re.escape(name)}\b", prompt)
        for name, country in countries().items()
    )


_CONTINENT_ADJECTIVES = {
    "african": "africa",
    "asian": "asia",
    "european": "europe",
    "north american": "north america",
    "south american": "south america",
}


def _odd_one_out(item: Item) -> bool:
    """Three "David ..." options and "Mark Oaten": the one without the shared word is the key."""
    wrong = [o for o in item.options if o != item.answer]
    if len(wrong) < 2 or not item.answer:
        return False
    key_words = {w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", item.answer)}
    shared = set.intersection(
        *({w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", o)} for o in wrong)
    )
    return bool(shared - key_words)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Words too common to give an answer away when the stem repeats them.
_COMMON = frozenset(
    {"with", "from", "that", "this", "were", "have", "will", "said", "their", "about", "more"}
)


def _key_word_in_stem(item: Item) -> bool:
    """ "_____ countries ... most of the utilities are European" for "European Union": the
    stem repeats a word of the key (or the word it is made from: Europe, Asian), and a
    student matches the words instead of recalling the fact."""
    from quizapp.nlp.model import FactType

    if BLANK not in item.prompt or not item.answer or parse_number(item.answer) is not None:
        return False
    words = _WORD.findall(item.answer)
    if item.fact.type in (FactType.PERSON, FactType.QUOTE):
        words = words[-1:]  # a given name two people share gives nothing away
    elif len(words) > 1:
        # The head names the kind ("igneous rock" beside "metamorphic rock", "Mostyn Open"
        # beside "Wales Open"): the word to recall is the one that tells it apart.
        words = words[:-1]
    rest = {w.lower() for w in _WORD.findall(item.prompt.replace(BLANK, " "))}
    known = countries()
    for word in words:
        if word in known:
            continue  # "China Daily" in an article about China: its subject, not a clue
        word = word.lower()
        if len(word) < 4 or word in _COMMON:
            continue
        for other in rest:
            short, long_ = sorted((word, other), key=len)
            if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3:
                return True
    return False


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# "the same period in 2004", "compared with 2003", "than in 2004", "up from 2003's".
_COMPARED = re.compile(
    r"\b(?:same\s+(?:period|time|month|months|quarter|week|stage|point|day)|compared\s+"
    r"(?:with|to)|than|previous|earlier|year-on-year|up\s+from|down\s+from)\b",
    re.I,
)


def _year_cued_by_its_neighbour(item: Item) -> bool:
    """ "the first two months of _____ ... the same period in 2004": the key is the year after
    the one the stem compares with, found without the article."""
    answer = _YEAR.fullmatch((item.answer or "").strip())
    if not answer or BLANK not in item.prompt or not _COMPARED.search(item.prompt):
        return False
    key = int(answer.group())
    return any(abs(int(y) - key) == 1 for y in _YEAR.findall(item.prompt.replace(BLANK, " ")))


# A city this large is known to most students: "Shanghai Automotive ... to _____" asks China.
_KNOWN_CITY = 1_000_000
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


def _country_shown_by_its_city(item: Item) -> bool:
    """Whether the stem names a great city of the country that is the answer."""
    # A true/false statement is judged on its fact, true or false alike: dropping only the
    # false ones would make "True" the safe guess.
    if item.kind is QuestionKind.TRUE_FALSE:
        country = countries().get(item.fact.text)
        prompt = item.source.quote.replace(item.fact.text, " ")
    elif BLANK in item.prompt:
        country = countries().get((item.answer or "").strip())
        prompt = item.prompt.replace(BLANK, " ")
    else:
        return False
    if country is None:
        return False
    from quizapp.nlp.gazetteers import cities

    table = cities()
    for match in _CAPITALISED.finditer(prompt):
        for name in (match.group(), match.group().split()[0]):
            home, people = table.get(name, ("", 0))
            if home == country.code and people >= _KNOWN_CITY:
                return True
    return False


def _club_shown_by_another_name(item: Item) -> bool:
    """Whether the stem names the football club that is the answer by another of its names:
    "lured to White Hart Lane by _____" is Tottenham to anyone who follows football."""
    from quizapp.nlp.distractors.teams import stem_names_club

    if item.kind in (QuestionKind.TRUE_FALSE, QuestionKind.MATCHING, QuestionKind.CLOZE):
        return False
    answer = (item.answer or "").strip()
    return bool(answer) and stem_names_club(item.prompt.replace(BLANK, " "), answer)
