"""True/false items: the fact as stated, or with one typed distractor swapped in."""

from __future__ import annotations

import re

from quizapp.nlp.distractors import make_distractors
from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions.base import BuildContext, explanation, source_of

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


def build_true_false(fact: Fact, ctx: BuildContext) -> Item | None:
    """Half the statements (seeded) are false, with a distractor in place of the fact."""
    if fact.type not in _SAFE_TYPES:
        return None
    sentence = ctx.sentence(fact)
    stem = ctx.stem(fact)
    if stem is None or not 6 <= len(stem.text.split()) <= 30:
        return None
    rng = ctx.rng(fact, "tf")
    truth = rng.random() < 0.5
    # A fact with no false version gets no true one either: otherwise the false draws that
    # find no distractor drop out, most statements are true, and "always True" wins.
    distractors = make_distractors(fact, ctx.pools, rng, count=1, sentence=sentence.text)
    if not distractors:
        return None
    statement = stem.with_blank(fact.text)
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
