"""Multiple-choice items: a WH question (or the sentence with a gap) and 3–4 typed options."""

from __future__ import annotations

import random
import re

from quizapp.nlp.distractors import make_distractors
from quizapp.nlp.distractors.place_context import nested_places
from quizapp.nlp.key_terms import textbook_prose
from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions.base import BuildContext, explanation, source_of
from quizapp.nlp.questions.blank_articles import settle_article
from quizapp.nlp.questions.swap_roles import tied_to_action
from quizapp.nlp.sibling_terms import sibling_terms

ORDERED_TYPES = frozenset({FactType.QUANTITY, FactType.DATE, FactType.ORDINAL})
# "received more than _____", "up to _____ jobs", "_____ or more": a bound, not a value. Every
# option on the bound's open side makes a true sentence too, so the options have no one key.
_BOUND_BEFORE = re.compile(
    r"\b(?:more|fewer|less|greater|higher|lower|bigger|smaller)\s+than\s*$|"
    r"\b(?:over|under|above|below|exceeding|at\s+least|at\s+most|up\s+to|in\s+excess\s+of|"
    r"no\s+more\s+than|as\s+many\s+as|as\s+much\s+as|upwards\s+of)\s*$",
    re.I,
)
# A place followed by the region or country holding it ("Phoenix, Arizona").
_WITHIN = re.compile(r",\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=[,.;:]|\s+[a-z(])")
_BOUND_AFTER = re.compile(
    r"^(?:\s*(?:or|and)\s+(?:more|over|above|less|fewer|under|below)\b|-?plus\b|\+)", re.I
)


def build_multiple_choice(fact: Fact, ctx: BuildContext) -> Item | None:
    """Key plus three distractors where they exist (two at least); numbers shown in order."""
    if fact.type is FactType.OTHER and fact.attr("form") == "phrase" and " " not in fact.text:
        return None  # a lone common noun has no plausible same-kind distractors in the article
    sentence = ctx.sentence(fact)
    if fact.type is FactType.QUANTITY and is_bound(
        sentence.text, fact.start - sentence.start, fact.end - sentence.start
    ):
        return None
    if fact.type is FactType.PLACE and _WITHIN.match(sentence.text, fact.end - sentence.start):
        return None  # "in _____, Arizona": options from elsewhere are ruled out by the stem
    # The prompt first: a name it shows (a pronoun resolved to "Carlos Moya") is no option.
    if fact.type is FactType.QUOTE:
        quote = fact.attr("quote") or ""
        whole = 4 <= len(quote.split()) <= 30 and ctx.whole_quote(fact)
        question = f"Who said, “{quote}”?" if whole else None
        if question is None:
            return None
    else:
        question = ctx.wh_question(fact)
    prompt = question or ctx.stem_cloze(fact)
    if prompt is None:
        return None
    rng = ctx.rng(fact, "mc")
    distractors = None
    # Numbers, years and ordinals get one draw of the key's rank: a second try with fewer
    # options succeeds mostly for keys at the end of their range, which would then stand out.
    for count in (3,) if fact.type in ORDERED_TYPES else (3, 2):
        distractors = _fair_distractors(fact, ctx, rng, count, prompt)
        if not distractors and textbook_prose(ctx.doc):  # squad: a passage's sibling terms
            distractors = sibling_terms(fact, ctx.doc, ctx.pools, rng, count, prompt)
        if distractors:
            break
    if not distractors:
        return None
    options = [fact.text, *distractors]
    if fact.type in ORDERED_TYPES:
        options = _in_order(options)
    else:
        rng.shuffle(options)
    return Item(
        kind=QuestionKind.MULTIPLE_CHOICE,
        prompt=settle_article(prompt, options),
        fact=fact,
        source=source_of(sentence),
        answer=fact.text,
        options=tuple(options),
        explanation=explanation(sentence),
        difficulty=0.45 if question else 0.4,
    )


# Redraws of a name key's options when one of them is right as well.
_FAIR_DRAWS = 3


def _fair_distractors(
    fact: Fact, ctx: BuildContext, rng: random.Random, count: int, prompt: str
) -> list[str] | None:
    """The key's distractors, none of which the article makes right as well: a name it puts
    in the key's role beside the same act ("Andrew Tyrie" for who demanded a statement when
    he did too), or a place holding the key or held by it ("England" beside "London")."""
    sentence = ctx.sentence(fact).text
    avoid = prompt
    for _attempt in range(_FAIR_DRAWS if fact.type in _NAMES else 1):
        made = make_distractors(fact, ctx.pools, rng, count=count, sentence=sentence, avoid=avoid)
        if not made or fact.type not in _NAMES:
            return made
        unfair = [
            d
            for d in made
            if tied_to_action(ctx.doc, fact, d)
            or (fact.type is FactType.PLACE and nested_places(fact.text, d, ctx.doc.text))
        ]
        if not unfair:
            return made
        # A name in ``avoid`` is never offered: the redraw leaves these out.
        avoid = f"{avoid} {' '.join(f'[{d}]' for d in unfair)}"
    return None


_NAMES = frozenset({FactType.PERSON, FactType.ORGANISATION, FactType.PLACE})


def is_bound(text: str, a: int, b: int) -> bool:
    """Whether the number at [a, b) of the text is a bound ("more than _____", "up to _____",
    "_____ or more") rather than the value itself."""
    return bool(_BOUND_BEFORE.search(text[:a]) or _BOUND_AFTER.match(text[b:]))


def _in_order(options: list[str]) -> list[str]:
    """Numbers, years and ordinals in ascending order (a rule of item writing)."""
    import re

    from quizapp.nlp.dates import MONTHS

    def key(option: str) -> float:
        match = re.search(r"\d[\d,]*(?:\.\d+)?", option)
        if match:
            return float(match.group().replace(",", ""))
        return float(MONTHS.index(option)) if option in MONTHS else 0.0

    return sorted(options, key=key)
