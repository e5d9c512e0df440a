"""Whether an accepted form is something a student could write as the answer, not a fragment."""

from __future__ import annotations

import re

from quizapp.nlp.dates import MONTHS
from quizapp.nlp.facts.name_words import NAME_PARTICLES, ORG_HEADS, PLACE_HEADS, THING_HEADS
from quizapp.nlp.gazetteers import place_kind
from quizapp.nlp.numbers import NUMBER_WORDS
from quizapp.nlp.questions.accepting.people import TITLE_WORDS
from quizapp.nlp.questions.accepting.surnames import FACILITIES
from quizapp.nlp.words import STOPWORDS

# Words that join the parts of a name or phrase and can neither open nor close an answer:
# "of Sony", "Bank of", "Marks and".
_JOINERS = frozenset({"of", "in", "at", "for", "from", "by", "to", "on", "with", "and", "&", "or"})
_GENERIC_NAME_WORDS = ORG_HEADS | PLACE_HEADS | THING_HEADS | FACILITIES
_SCALES = ("bn", "tn", "m", "k")
_EDGE_MARKS = "-'’/,;:&"


def implausible_reason(form: str, *, person: bool = False) -> str | None:
    """Why a form cannot stand as a typed answer, or None when it can.

    A fragment ("of Sony", "Bank of"), words with nothing to name ("the", "of the"), a title
    or a kind of body or place alone ("Mr", "Airport", "Group"; for a ``person`` a surname that
    is also such a word stays: "Church"), a particle and a place ("de Barcelona"), a number word
    glued to a scale ("$elevenbn"), a stray mark at an edge ("United-", "O'").
    """
    words = form.split()
    if not words or not re.search(r"\w", form):
        return "empty"
    if len(form) == 1 and not form.isdigit():
        return "one letter"
    if form in MONTHS:
        return None  # "May" is a month here, not the verb
    if all(w.lower().strip(".,") in STOPWORDS and not w.isupper() for w in words):
        return "function words only"
    if words[0].lower() in _JOINERS or words[-1].lower() in _JOINERS | {"the", "a", "an"}:
        return "a fragment cut at a joining word"
    if form[0] in _EDGE_MARKS or form[-1] in _EDGE_MARKS:
        return "a stray mark at an edge"
    if len(words) == 1 and form.rstrip(".").lower() in TITLE_WORDS:
        return "a title alone"
    if len(words) == 1 and form in (FACILITIES if person else _GENERIC_NAME_WORDS):
        return "the kind of body or place alone"
    if len(words) == 2 and words[0].lower() in NAME_PARTICLES and place_kind(words[1]):
        # "de Barcelona" cut from "Aguas de Barcelona" reads as the city, never as the name
        # ("van Persie", "De Niro" end in a family name and stay).
        return "a particle and a place name"
    for word in words:
        bare = word.lstrip("$£€¥").lower()
        for number in NUMBER_WORDS:
            if bare.startswith(number) and bare[len(number) :] in _SCALES:
                return "a number word glued to a scale"
    return None
