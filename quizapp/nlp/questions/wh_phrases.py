"""The WH phrase that asks for a fact: who, when, which city, how many units, by how much."""

from __future__ import annotations

from quizapp.nlp.model import Fact, FactType, Token
from quizapp.nlp.words import lemma

# Verbs of a change in size, whose percentage is asked "by how much".
CHANGE_VERBS = frozenset(
    {"rise", "fall", "increase", "decrease", "grow", "drop", "decline", "climb", "jump", "slip"}
)


def wh_phrase(fact: Fact, tokens: tuple[Token, ...], a: int, b: int) -> tuple[str, int] | None:
    """The WH phrase for the answer tokens [a, b), and how many tokens before a it absorbs."""
    prev = tokens[a - 1].text.lower() if a > 0 else ""
    if prev == "as" and a > 1 and tokens[a - 2].text.lower() == "known":
        return "what", 0  # "now known as MCI": a name is asked "what", whoever bears it
    if fact.type in (FactType.PERSON, FactType.QUOTE):
        return "who", 0
    if fact.type is FactType.DATE:
        if prev in ("in", "on", "during") and fact.attr("granularity") in ("year", "day", "month"):
            return "when", 1
        if prev == "since":
            return "since when", 1
        if prev in ("in", "by") and fact.attr("granularity") == "year":
            return "by which year" if prev == "by" else "in which year", 1
        return None
    if fact.type is FactType.PLACE:
        if prev in ("in", "at") and fact.attr("kind") in ("city", "country"):
            return "where", 1
        return (
            f"which {fact.attr('kind')}" if fact.attr("kind") in ("city", "country") else None
        ), 0
    if fact.type is FactType.ORDINAL:
        head = fact.attr("head") or ""
        # "its 201st military base": the WH phrase replaces the determiner, ordinal and head.
        absorb = 1 if prev in ("its", "the", "his", "her", "their", "a") else 0
        return f"which {head}", absorb
    if fact.type is FactType.QUANTITY:
        unit = fact.attr("unit") or ""
        form = fact.attr("form")
        if unit == "%":
            # "prices rose (by) 15.1%": the size of a change, asked "by how much".
            verb = tokens[a - 2] if prev == "by" and a > 1 else tokens[a - 1] if a else None
            if verb is not None and lemma(verb.text.lower(), "VB") in CHANGE_VERBS:
                return "by how much", 1 if prev == "by" else 0
            return None
        if form == "money" and prev == "for":
            return "for how much", 1  # "bought the unit for $9.3bn"
        if form in ("count", "words") and unit and unit.split()[-1].endswith("s"):
            return f"how many {unit}", 0
        if unit in ("km", "kilometres", "miles", "metres", "m") and "long" not in unit:
            return None
        if form == "money":
            return "how much", 0
        return None
    if fact.type is FactType.ORGANISATION:
        if prev in ("into", "inside", "outside"):
            return None  # "walked into HMV": a shop or a building there, not an organisation
        return "which organisation", 0
    if fact.type is FactType.OTHER:
        return ("who" if _names_people(fact.text) else "what"), 0
    return None


def _names_people(phrase: str) -> bool:
    """ "Europeans", "local scientists": answers a "who" question asks for."""
    from quizapp.nlp.gazetteers import demonyms, role_words
    from quizapp.nlp.words import lemma

    head = phrase.split()[-1]
    singular = head[:-1] if head.endswith("s") else head
    return (
        singular in demonyms()
        or lemma(head.lower(), "NNS") in role_words()
        or head.lower()
        in (
            "people",
            "students",
            "children",
            "workers",
            "residents",
            "citizens",
            "voters",
            "soldiers",
            "troops",
            "officials",
            "scientists",
            "researchers",
            "experts",
            "settlers",
            "colonists",
        )
    )
