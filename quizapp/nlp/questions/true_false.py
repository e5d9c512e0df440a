"""True/false items: the fact as stated, or with one typed distractor swapped in."""

from __future__ import annotations

import re

from quizapp.nlp.distractors import make_distractors
from quizapp.nlp.distractors.entity_class import known_body, same_body_class
from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions.base import BuildContext, explanation, source_of
from quizapp.nlp.questions.swap_roles import tied_to_action

_SAFE_TYPES = frozenset(
    {
        FactType.QUANTITY,
        FactType.DATE,
        FactType.ORDINAL,
        FactType.PERSON,
        FactType.ORGANISATION,
        FactType.PLACE,
    }
)


_NAMES = frozenset({FactType.PERSON, FactType.ORGANISATION, FactType.PLACE})


def build_true_false(fact: Fact, ctx: BuildContext) -> Item | None:
    """Half the statements (seeded) are false, with a distractor in place of the fact."""
    if fact.type not in _SAFE_TYPES:
        return None
    sentence = ctx.sentence(fact)
    stem = ctx.stem(fact)
    if stem is None or not 6 <= len(stem.text.split()) <= 30:
        return None
    if fact.type is FactType.QUANTITY and tied_figure(stem.text, stem.start, stem.end):
        return None  # a changed "$9.3bn (£5bn)" would contradict its own conversion
    rng = ctx.rng(fact, "tf")
    truth = rng.random() < 0.5
    # A fact with no false version gets no true one either: otherwise the false draws that
    # find no distractor drop out, most statements are true, and "always True" wins.
    distractors = make_distractors(fact, ctx.pools, rng, count=1, sentence=sentence.text)
    if not distractors:
        return None
    # A swap-in the article ties to the statement's act may make it true ("The Tories
    # called for a statement" where a Tory demanded one): another draw, or no item.
    if fact.type in _NAMES and tied_to_action(ctx.doc, fact, distractors[0]):
        more = make_distractors(
            fact, ctx.pools, ctx.rng(fact, "tf-other"), count=3, sentence=sentence.text
        )
        distractors = [d for d in more or () if not tied_to_action(ctx.doc, fact, d)][:1]
        if not distractors:
            return None
    if fact.type is FactType.ORGANISATION and not _same_standing(fact.text, distractors[0], ctx):
        return None  # "GMT" for "HIV": a swap a student rejects without the article
    statement = stem.with_blank(fact.text)
    if statement.rstrip().endswith("?"):
        return None  # "Remember the draw machines ...?" is no statement to judge
    if not truth:
        statement = stem.with_blank(_with_article(distractors[0], stem.text[: stem.start]))
    return Item(
        kind=QuestionKind.TRUE_FALSE,
        prompt=f"True or false? {statement}",
        fact=fact,
        source=source_of(sentence),
        answer="True" if truth else "False",
        options=("True", "False"),
        explanation=explanation(sentence),
        difficulty=0.3,
    )


_TAKES_THE = re.compile(
    r"^(?:United|Netherlands|Philippines|Bahamas|Gambia|Maldives|Czech Republic|"
    r"Central African|Dominican|Democratic|Republic|Solomon|Marshall|Faroe|Cayman|Falkland)\b"
)


def _with_article(name: str, before: str) -> str:
    """ "United States" as "the United States" where the sentence has no article before it."""
    if _TAKES_THE.match(name) and not re.search(r"\b(?:the|The)\s*$", before):
        return "the " + name
    return name


def _same_standing(key: str, swapped: str, ctx: BuildContext) -> bool:
    """Whether a body put in the key's place is a body of the key's kind, both known."""
    pools = ctx.pools
    return (
        known_body(key, pools)
        and known_body(swapped, pools)
        and same_body_class(key, swapped, pools)
    )


_CURRENCY = r"[£$€¥]|\b(?:dollars?|pounds?|euros?|yuan|yen|pesos?|rupees?|roubles?)\b"
_SCALE = r"\b(?:m|bn|million|billion|trillion|thousand)\b"


def _figure_kind(text: str) -> str:
    """The kind of a written figure: money, a share, a scaled count or a unit word."""
    if re.search(_CURRENCY, text, re.I):
        return "money"
    if "%" in text or re.search(r"\bper\s*cent\b", text):
        return "share"
    if re.search(r"\d\s*(?:m|bn)\b|" + _SCALE, text):
        return "count"
    unit = re.sub(r"[\d.,\s-]+", " ", text).split()
    return unit[0].lower().rstrip("s") if unit else ""


# A figure with what follows it: "$9.3bn (£5bn)", "20 million people", "4% rise".
_FIGURE = re.compile(
    r"(?:[£$€¥]\s*)?\d[\d,.]*(?:\s*(?:%|per\s*cent|m\b|bn\b|million|billion|trillion|"
    r"[a-z]+))?",
    re.I,
)


def tied_figure(text: str, start: int, end: int) -> bool:
    """Whether a figure at text[start:end] is tied to another in the same sentence: its
    conversion in brackets ("$9.3bn (£5bn)"), or another figure of its kind ("rose from
    £340m to £400m", "100m ... 8% of 1.3 billion"). A false version changes one side only and
    contradicts the other, which gives the answer away."""
    key = text[start:end]
    kind = _figure_kind(key)
    around = text[max(0, start - 3) : start] + text[end : end + 3]
    if "(" in around or ")" in around:
        return True
    rest = text[:start] + " " * len(key) + text[end:]
    for match in _FIGURE.finditer(rest):
        figure = match.group()
        if re.fullmatch(r"(?:1[89]|20)\d\d", figure.strip()):
            continue  # a year
        if kind and _figure_kind(figure) == kind:
            return True
    return False
