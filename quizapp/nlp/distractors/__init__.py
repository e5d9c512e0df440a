"""Typed distractors: wrong options of the answer's type and form.

Numbers keep their unit, format and magnitude and stay at least 10 % apart; years stay
plausible; ordinals stay ordinals; names come from the article first, then gazetteers, in the
same form (all acronyms or all full names). A distractor is never an alias of the answer,
never contains or sits inside another option, and never appears in the question's sentence.
"""

from quizapp.nlp.distractors.choose import make_distractors, takes_an
from quizapp.nlp.distractors.gazetteer_names import (
    MIN_COUNTRY_POPULATION,
    _country_populations,
    _same_continent_countries,
)
from quizapp.nlp.distractors.name_kinds import (
    common_noun_name,
    introduced_as_person,
    looks_like_person,
    looks_like_place_or_body,
)
from quizapp.nlp.distractors.names import name_distractors
from quizapp.nlp.distractors.numeric import (
    ordinal_distractors,
    ordinal_suffix,
    pick_by_rank,
    quantity_distractors,
)
from quizapp.nlp.distractors.overlap import same_words
from quizapp.nlp.distractors.phrases import phrase_distractors
from quizapp.nlp.distractors.pools import Pools, build_pools, respell, spelling_convention
from quizapp.nlp.distractors.years import date_distractors

__all__ = [
    "MIN_COUNTRY_POPULATION",
    "Pools",
    "_country_populations",
    "_same_continent_countries",
    "build_pools",
    "common_noun_name",
    "date_distractors",
    "introduced_as_person",
    "looks_like_person",
    "looks_like_place_or_body",
    "make_distractors",
    "name_distractors",
    "ordinal_distractors",
    "ordinal_suffix",
    "phrase_distractors",
    "pick_by_rank",
    "quantity_distractors",
    "respell",
    "same_words",
    "spelling_convention",
    "takes_an",
]
