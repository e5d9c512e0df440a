"""Linked-pair passages: one sentence with its two facts blanked and a bank of own-kind entries.

Where two facts share a clause, a one-gap item on either prints the other and gives it away; a
passage of that one sentence asks both at once. Blind graders passed such passages where both
gaps were linked in one claim ("both numbers form one prediction") and failed them where the
bank betrayed a gap (the only woman's name for an actress, one odd non-round figure among round
ones), where a second sentence dangled, or where a gap sat on a minor fact. So the passage is
one sentence that stands alone by the one-gap stems' rules, each gap is a fact a one-gap item
would ask, and the bank gives every gap two wrong entries of its own kind and form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import combinations, pairwise

from quizapp.nlp.checks import check_item
from quizapp.nlp.gazetteers import countries
from quizapp.nlp.model import BLANK, Fact, FactType, Item
from quizapp.nlp.numbers import parse_number
from quizapp.nlp.option_fit import CHARACTER, FEMALE, MALE, mention_traits
from quizapp.nlp.questions.base import BuildContext
from quizapp.nlp.questions.cloze import build_cloze
from quizapp.nlp.questions.fill_in import build_fill_in
from quizapp.nlp.questions.passage_bank import WRONG_PER_FIGURE, YEAR, BankOptions, figure_rank
from quizapp.nlp.questions.passage_gaps import called_a_body, fits_the_bank, gap_kind, sure_kind
from quizapp.nlp.questions.passage_text import POINTS_BACK
from quizapp.nlp.text import normalise

# Each gap's own wrong entries in the bank: with one, a student who knows the kind guesses
# between two; graders failed such gaps as answered by elimination.
WRONG_PER_GAP = WRONG_PER_FIGURE
LINKED_GAPS = 2
# A sentence's first facts that are paired (a crowded sentence is a list, not one claim).
MAX_FACTS_PAIRED = 6
QUOTE_MARKS = re.compile('["“”]')
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def build_linked_passages(facts: Sequence[Fact], ctx: BuildContext) -> Iterator[Item]:
    """Every one-sentence passage with two gaps, each a fact a one-gap fill-in asks standing
    alone, whose bank gives each gap two wrong entries of its own kind and form."""
    by_sentence: dict[int, list[Fact]] = {}
    for fact in facts:
        if _asked_alone(fact, ctx):
            by_sentence.setdefault(fact.sentence, []).append(fact)
    drawn = BankOptions(ctx, figure_ranks=True)
    seen: set[tuple[str, tuple[int, ...]]] = set()
    for index in sorted(by_sentence):
        # Every pair of the sentence's facts, not only its two most salient: the pair that
        # would block each other as one-gap items may be any two of them.
        found = by_sentence[index][:MAX_FACTS_PAIRED]
        for a, b in combinations(found, 2):
            for item in build_cloze([a, b], ctx):
                if not _one_sentence(item, ctx) or len(item.blanks) != LINKED_GAPS:
                    continue
                if QUOTE_MARKS.search(item.prompt):
                    continue  # quoted words whose speaker the sentence may leave unsaid
                if POINTS_BACK.search(item.prompt):
                    continue  # "England, meanwhile, are ...": it leans on the sentence before
                if _share_worked_out(item):
                    continue  # "_____ are men compared to 41% of women": 59% is 100 less 41
                key = (item.prompt, tuple(blank.fact.start for blank in item.blanks))
                if key in seen:
                    continue
                seen.add(key)
                asked = [blank.fact for blank in item.blanks]
                bank = own_kind_bank(asked, item.prompt.replace(BLANK, " "), drawn, ctx)
                if bank is not None:
                    yield replace(item, bank=bank)


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)")


def _share_worked_out(item: Item) -> bool:
    """Whether a percentage gap's key is 100 less a percentage the passage prints: the student
    works it out from the stem instead of recalling it."""
    shown = {float(m.group(1)) for m in _PERCENT.finditer(item.prompt)}
    for blank in item.blanks:
        key = _PERCENT.search(blank.answer)
        if key and any(abs(float(key.group(1)) + other - 100) < 1e-6 for other in shown):
            return True
    return False


def _asked_alone(fact: Fact, ctx: BuildContext) -> bool:
    """Whether a one-gap fill-in on the fact, on its own sentence, passes the item lint."""
    item = build_fill_in(fact, ctx)
    return item is not None and not check_item(item, ctx.doc.text)


def _one_sentence(item: Item, ctx: BuildContext) -> bool:
    sentence = ctx.sentence(item.fact)
    return (item.source.start, item.source.end) == (sentence.start, sentence.end)


def own_kind_bank(
    facts: Sequence[Fact], shown: str, drawn: BankOptions, ctx: BuildContext
) -> tuple[str, ...] | None:
    """The answers plus, for each gap, wrong entries until it has WRONG_PER_GAP of its own kind
    and form (a figure as round as its key, a person of the key's gender where the article says
    it); None where a gap cannot have them."""
    entries = [f.text for f in facts]
    # Each distractor with the kind of gap it was drawn for: another gap's answer, or a wrong
    # entry of another kind, fills no gap for a student who knows what the gap asks.
    wrong: list[tuple[str, str]] = []
    for fact in facts:
        kind = gap_kind(fact)
        # Only entries drawn for this very gap count for it: a figure drawn for another gap of
        # the same unit may lie far from this one ("plummet from £220m to _____" beside £370m).
        own = _years_not_around(fact, drawn.chosen_options(fact), ctx)
        if fact.type is FactType.QUANTITY:
            fitting = [
                o for o in own if _fits_gap(fact, o, ctx) and fits_the_bank(o, entries, shown)
            ]
            own = _figures_at_drawn_rank(fact, fitting, ctx)
        have = sum(1 for e, k in wrong if k == kind and e in own and _fits_gap(fact, e, ctx))
        for option in own:
            if have >= WRONG_PER_GAP:
                break
            if _fits_gap(fact, option, ctx) and fits_the_bank(option, entries, shown):
                entries.append(option)
                wrong.append((option, kind))
                have += 1
        if have < WRONG_PER_GAP:
            return None
    return tuple(sorted(set(entries), key=lambda e: (e.casefold(), e)))


def _years_not_around(fact: Fact, options: list[str], ctx: BuildContext) -> list[str]:
    """A date gap's wrong years first that leave the key at a drawn rank among the three and
    never evenly spaced: 1998 and 2000 around 1999 gave the key away as the middle year."""
    key = YEAR.search(fact.text) if fact.type is FactType.DATE else None
    if key is None:
        return options
    year = int(key.group())
    dated = [(o, int(m.group())) for o in options if (m := YEAR.search(o))]
    rank = ctx.rng(fact, "cloze-year-rank").randrange(WRONG_PER_GAP + 1)
    pairs = []
    for (a, ya), (b, yb) in combinations(dated, 2):
        years = sorted({ya, yb, year})
        steps = {later - earlier for earlier, later in pairwise(years)}
        if len(years) == 3 and len(steps) == 2 and (ya < year) + (yb < year) == rank:
            pairs.append((abs(ya - year) + abs(yb - year), a, b))
    if not pairs:
        return options
    _, first, second = min(pairs)
    return [first, second, *(o for o in options if o not in (first, second))]


def _figures_at_drawn_rank(fact: Fact, options: list[str], ctx: BuildContext) -> list[str]:
    """A figure gap's wrong entries, the two nearest that leave the key at a drawn rank among
    its three (none where no two do). Taken in the drawn order, they were mostly both below
    the key: of the corpus passages' figure gaps, over half had the largest figure as key."""
    key = parse_number(fact.text)
    if key is None:
        return options
    valued = [(o, v) for o in options if (v := parse_number(o)) is not None and v != key]
    rank = figure_rank(fact, ctx)
    for first, second in combinations(valued, 2):
        if (first[1] < key) + (second[1] < key) == rank:
            return [first[0], second[0]]
    return []


def _fits_gap(fact: Fact, entry: str, ctx: BuildContext) -> bool:
    """Whether a bank entry could fill the gap for a student who knows only its kind."""
    if fact.type is FactType.QUANTITY or fact.type is FactType.DATE:
        if gap_kind(replace(fact, text=entry)) != gap_kind(fact):
            return False
        return fact.type is FactType.DATE or as_round(entry, fact.text)
    if fact.type is FactType.PERSON:
        return (
            _same_gender(fact, entry, ctx)
            and _same_part(fact, entry, ctx)
            and _sure_in_the_article(entry, fact.type, ctx)
        )
    if fact.type is FactType.PLACE and _a_capital(fact.text) and not _a_capital(entry):
        return False  # "outside _____": London among Bristol and Glasgow, the one capital
    return _sure_in_the_article(entry, fact.type, ctx)


def _a_capital(name: str) -> bool:
    """Whether a place is a country's capital (graders spotted the one capital among towns)."""
    return name in _capitals()


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(c.capital for c in countries().values() if c.capital)


def significant_digits(text: str) -> tuple[int, int] | None:
    """A figure's significant digits and decimal places ("1,600" → (2, 0), "18.3" → (3, 1))."""
    found = _FIGURE.search(text)
    if not found:
        return None
    figure = found.group().replace(",", "")
    whole, _, decimals = figure.partition(".")
    digits = (whole + decimals).lstrip("0")
    if not decimals:
        digits = digits.rstrip("0")
    return max(1, len(digits)), len(decimals)


def as_round(entry: str, key: str) -> bool:
    """Whether a wrong figure is as round as the key: graders spotted the one non-round
    amount among round ones ("£1,600" beside "£1,000" and "£5,000")."""
    mine, theirs = significant_digits(key), significant_digits(entry)
    return mine is not None and mine == theirs


def _same_part(fact: Fact, entry: str, ctx: BuildContext) -> bool:
    """Whether a person entry is a character where the key is one ("starring _____ as
    _____"): a real actor among the wrong entries for a part is crossed out at sight."""
    traits = ctx.pools.traits
    key = traits.get(normalise(fact.attr("canonical") or fact.text), frozenset())
    sentence = ctx.sentence(fact)
    a, b = fact.start - sentence.start, fact.end - sentence.start
    part = CHARACTER in key or CHARACTER in mention_traits(sentence.text, a, b, alone=False)
    return not part or CHARACTER in traits.get(normalise(entry), frozenset())


def _same_gender(fact: Fact, entry: str, ctx: BuildContext) -> bool:
    """Whether a person entry is not of the other gender than the key, as the article shows
    each (its titles, words around its mentions, pronouns), or as the gap's own clause says
    ("_____ is tipped to win for her performance": a woman)."""
    traits = ctx.pools.traits
    gender = traits.get(normalise(fact.attr("canonical") or fact.text), frozenset()) & {
        FEMALE,
        MALE,
    }
    if not gender:
        sentence = ctx.sentence(fact)
        clause = re.match(r"[^,;.()]{0,60}", sentence.text[fact.end - sentence.start :])
        words = set(re.findall(r"[a-z]+", clause.group().lower())) if clause else set()
        if words & {"she", "her", "herself"} and not words & {"he", "his", "him", "himself"}:
            gender = frozenset({FEMALE})
        elif words & {"he", "his", "him", "himself"} and not words & {"she", "her"}:
            gender = frozenset({MALE})
    # Where the key's gender shows, a wrong entry must show the same one: a man's name beside
    # "her performance" is crossed out by any student.
    return not gender or gender <= traits.get(normalise(entry), frozenset())


def _sure_in_the_article(entry: str, kind: FactType, ctx: BuildContext) -> bool:
    """Whether a name the article itself uses is surely of the gap's type there ("Mamma Mia"
    read as a person is a musical); a name from the gazetteers alone is taken as drawn."""
    if kind in (FactType.PERSON, FactType.PLACE) and called_a_body(entry, ctx.doc):
        return False  # "merchant bank Hambro Magan"
    if re.search(rf"\b{re.escape(entry)}[!?]", ctx.doc.text):
        return False  # "Mamma Mia!": a title, whatever the tagger made of it
    key = normalise(entry)
    found = [
        other
        for mentions in ctx.pools.mentions.values()
        for other in mentions
        if normalise(other.text) == key
    ]
    if not found:
        return re.search(rf"\b{re.escape(entry)}\b", ctx.doc.text) is None
    return all(
        other.type is kind and sure_kind(other, ctx.sentence(other), ctx.doc) for other in found
    )
