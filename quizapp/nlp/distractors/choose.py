"""make_distractors: the options of a fact's kind that read with the stem and repeat none of it."""

from __future__ import annotations

import random
import re

from quizapp.nlp.distractors.bounds import match_minute_cap
from quizapp.nlp.distractors.name_kinds import introduced_as_person, looks_like_person
from quizapp.nlp.distractors.names import _same_head_names, name_distractors
from quizapp.nlp.distractors.numeric import ordinal_distractors, quantity_distractors
from quizapp.nlp.distractors.phrases import phrase_distractors
from quizapp.nlp.distractors.pools import Pools
from quizapp.nlp.distractors.stem_figures import _numbers_in_stem, _same_unit_values, people_cap
from quizapp.nlp.distractors.years import date_distractors
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.numbers import parse_number
from quizapp.nlp.option_fit import APPROXIMATE_BEFORE, CLOSE_SHARE, key_cues

# Facts whose options are shown in order, so the key has a rank among them.
RANKED_TYPES = frozenset({FactType.QUANTITY, FactType.DATE, FactType.ORDINAL})


def takes_an(phrase: str) -> bool:
    """Whether a phrase is said with "an" ("an 18-year-old", "an hour", not "a union")."""
    word = phrase.strip().lower()
    if word[:1].isdigit():
        digits = re.sub(r"[^\d]", "", word.split()[0])
        return digits.startswith("8") or (digits[:2] in ("11", "18") and len(digits) % 3 == 2)
    if word.startswith(("uni", "use", "usu", "eu", "one", "once", "ur")):
        return False
    return word[:1] in "aeiou" or word.startswith(("hour", "honest", "honour", "heir"))


# Place names said with "the" ("the United States", "the Netherlands", "the UK").
_THE_NAME = re.compile(
    r"\b(?:United|Republic|Kingdom|Islands|Emirates|Netherlands|Philippines|Bahamas|Gambia|"
    r"Maldives|Hague|Vatican)\b|^(?:US|UK|USA|EU)$"
)


def _the_before(sentence: str, fact: Fact) -> bool:
    """Whether the stem puts "the" right before the key."""
    at = sentence.find(fact.text)
    return at > 0 and re.search(r"\b[Tt]he\s+$", sentence[:at]) is not None


def _article_before(sentence: str, fact: Fact) -> str:
    """'a' or 'an' right before the fact in its sentence, else ''."""
    at = sentence.find(fact.text)
    match = re.search(r"\b(a|an|A|An)\s+$", sentence[:at]) if at > 0 else None
    return match.group(1).lower() if match else ""


def make_distractors(
    fact: Fact,
    pools: Pools,
    rng: random.Random,
    *,
    count: int = 3,
    sentence: str = "",
    avoid: str = "",
    ranked: bool = True,
    rank: int | None = None,
) -> list[str] | None:
    """count distractors for a fact, or None when that many valid ones cannot be made.

    After "a" or "an" every distractor must take the same article as the stem has, or the
    one option that reads grammatically gives the key away. A number, year or ordinal has
    ``rank`` options below it (drawn here once when not given).
    """
    if rank is None and fact.type in RANKED_TYPES:
        # One draw of the key's rank for every retry below: a retry that drew afresh would
        # keep the ranks whose options come easily (a key between its options), and "pick the
        # middle number" would win above chance.
        rank = rng.randrange(count + 1)
    if count == 2 and fact.type in (FactType.PERSON, FactType.ORGANISATION, FactType.OTHER):
        # Asked for two after three could not be found: the article holds too few of the
        # key's kind, and what is left ("Lib Dems" among people, "GMT" beside "HIV") fails.
        return None
    article = _article_before(sentence, fact)
    if fact.type is FactType.PLACE and _the_before(sentence, fact):
        # "The _____ kept the final alive": "The Jamaica" reads wrong beside "The United States".
        for _attempt in range(8):
            made = _make_distractors(
                fact,
                pools,
                rng,
                count=count,
                sentence=sentence,
                avoid=avoid,
                ranked=ranked,
                rank=rank,
            )
            if made is None:
                return None
            if all(_THE_NAME.search(d) for d in made):
                return made
        return None
    bare_possessive = _bare_possessive_after(sentence, fact)
    if not article and not bare_possessive:
        return _make_distractors(
            fact, pools, rng, count=count, sentence=sentence, avoid=avoid, ranked=ranked, rank=rank
        )
    for _attempt in range(8):
        made = _make_distractors(
            fact, pools, rng, count=count, sentence=sentence, avoid=avoid, ranked=ranked, rank=rank
        )
        if made is None:
            return None
        if article and not all(takes_an(d) == (article == "an") for d in made):
            continue
        # "parried _____' free-kick": only a name ending in s reads there ("Scholes'"), and
        # "Rooney' free-kick" beside it gives the key away.
        if bare_possessive and not all(d.rstrip()[-1:].lower() in "sxz" for d in made):
            continue
        return made
    return None


def _bare_possessive_after(sentence: str, fact: Fact) -> bool:
    """Whether the stem puts a bare apostrophe after the key ("Scholes' free-kick")."""
    at = sentence.find(fact.text)
    if at < 0:
        return False
    return re.match(r"['’](?![\w])", sentence[at + len(fact.text) :]) is not None


def _make_distractors(
    fact: Fact,
    pools: Pools,
    rng: random.Random,
    *,
    count: int,
    sentence: str,
    avoid: str = "",
    ranked: bool = True,
    rank: int | None = None,
) -> list[str] | None:
    # The names of the question as printed (``avoid``) too: a pronoun the stem resolved.
    exclude = _visible_names(sentence, fact) + _visible_names(avoid, fact)
    people_here = sum(f.type is FactType.PERSON for f in pools.mentions.get(fact.sentence, ()))
    cues = key_cues(sentence, fact, people_here)
    if cues.wants_place and fact.type is not FactType.PLACE:
        return None  # "the city of _____" among people and companies
    if cues.wants and fact.type not in _TYPES_WANTED[cues.wants]:
        return None  # "mobile phone giant _____" asked with places, "singer _____" with bodies
    if fact.type is FactType.QUANTITY:
        key_value = parse_number(fact.attr("number") or "")
        # "fell from _____ to £75m": an option under £75m could not be right.
        others = [o for o in _same_unit_values(fact, sentence) if o != key_value]
        at = sentence.find(fact.text)
        if key_value is not None and at >= 0:
            # "put Newcastle ahead after _____": no minute past the final whistle.
            minute = match_minute_cap(sentence, at, at + len(fact.text), key_value)
            others += [minute + 1] if minute is not None else []
        cap = people_cap(fact, sentence)
        if cap is not None and key_value is not None:
            if cap <= key_value:
                return None  # a count the gazetteer's population cannot check
            others.append(cap)
        # "about _____": an option near the key would be about right as well.
        approximate = at >= 0 and APPROXIMATE_BEFORE.search(sentence[:at]) is not None
        for _attempt in range(8):
            made = quantity_distractors(
                fact,
                count,
                rng,
                bounds=others,
                ranked=ranked,
                rank=rank,
                key_gap=CLOSE_SHARE if approximate else 0.0,
            )
            if made is None or not _numbers_in_stem(made, sentence, fact):
                return made
        return None
    if fact.type is FactType.ORDINAL:
        return ordinal_distractors(fact, count, rng, sentence, rank=rank)
    if fact.type is FactType.DATE:
        return date_distractors(fact, count, rng, pools, sentence, rank=rank)
    if fact.type in (FactType.PERSON, FactType.ORGANISATION, FactType.PLACE):
        return name_distractors(
            fact, count, rng, pools, exclude=exclude, cues=cues, sentence=sentence
        )
    if fact.type is FactType.QUOTE:
        speaker = Fact(FactType.PERSON, fact.text, fact.start, fact.end, fact.sentence, fact.attrs)
        return name_distractors(speaker, count, rng, pools, exclude=exclude, cues=cues)
    if fact.type is FactType.OTHER:
        if fact.attr("form") == "name":
            if looks_like_person(fact.text, pools) or introduced_as_person(sentence, fact):
                person = Fact(
                    FactType.PERSON, fact.text, fact.start, fact.end, fact.sentence, fact.attrs
                )
                return name_distractors(person, count, rng, pools, exclude=exclude, cues=cues)
            return _same_head_names(fact, count, rng, pools, exclude=exclude)
        return phrase_distractors(fact, count, rng, pools, exclude=exclude)
    raise ValueError(f"unknown fact type: {fact.type!r}")


_TYPES_WANTED = {
    "body": frozenset({FactType.ORGANISATION, FactType.OTHER}),
    "person": frozenset({FactType.PERSON, FactType.QUOTE, FactType.OTHER}),
    "work": frozenset({FactType.OTHER}),
}


def _visible_names(sentence: str, fact: Fact) -> list[str]:
    """Capitalised words and phrases of the sentence other than the answer (options must not repeat them)."""
    if not sentence:
        return []
    rest = re.sub(r"[’']s\b", "", sentence.replace(fact.text, " "))  # "Venezuela's" is Venezuela
    return re.findall(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)*", rest)
