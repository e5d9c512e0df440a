"""The words that mark a reference to something named elsewhere in the article."""

from __future__ import annotations

import re

from quizapp.nlp.dates import MONTHS, WEEKDAYS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lower-case words of a description ("band", "29-year-old") and the tags of a noun phrase's words.
LOWER_WORD = re.compile(r"[a-z][\w'’-]*|\d[\w-]*-[a-z][\w-]*")
NP_TAGS = frozenset({"NN", "NNS", "JJ", "JJR", "JJS", "CD", "POS"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
CALENDAR = frozenset(MONTHS) | {d.capitalize() for d in WEEKDAYS}
# "British-born", "Paris-based": a capitalised word that describes, not names.
DESCRIBING_NAME = re.compile(r"[A-Z][a-z]+-[a-z][\w-]*")

# "this year", "the next day": times, read against the article's date, not things left unnamed.
TIME_HEADS = _words(
    "year week month day season morning afternoon evening night weekend summer winter "
    "spring autumn decade century time moment past future world public government police "
    "economy"
)

# Nouns that, after "the", refer back to one thing the article introduced earlier ("the case",
# "the changes", "the document"): out of the article a student cannot tell which one.
REFERRING_NOUNS = _words(
    "case changes change question legislation document call action move decision deal "
    "plan plans proposal proposals scheme report study survey research figures results "
    "picture issue problem matter incident row dispute ban bill measure measures idea "
    "policy project attack claims allegations charges trial ruling verdict agreement "
    "talks meeting event film song album book game match show programme program site "
    "device product technology service software target offer bid takeover merger sale "
    "lead scandal affair episode investigation inquiry probe announcement letter "
    "statement comments remarks campaign strategy initiative law rule rules reform "
    "reforms contract deadline experiment competition tournament contest award prize race "
    "series role roles post posts positions jobs"
)

# Nouns that stand in for a person or an organisation the article named before ("the
# presenter", "the company"): out of the article a student cannot tell who is meant.
PERSON_DESCRIPTIONS = _words(
    "presenter host star actor actress singer player striker midfielder defender "
    "goalkeeper winger captain coach manager boss chairman chief minister spokesman "
    "spokeswoman director producer writer author novelist rapper musician comedian "
    "champion veteran youngster teenager executive founder businessman tycoon "
    "entrepreneur politician leader"
)

# A party's name: "the party" stands only for one of these, "the company" never does.
PARTY_NAME = re.compile(r"\b(?:Party|Labour|Conservatives?|Tor(?:y|ies)|Democrats?|Greens?)\b")

ORGANISATION_DESCRIPTIONS = _words(
    "company firm group party bank band airline operator retailer broadcaster corporation "
    "studio label carrier network manufacturer publisher giant"
)
