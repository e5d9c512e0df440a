"""Year, month and century options: never after the article, same side of the stem's years."""

from __future__ import annotations

import random
import re
from datetime import date

from quizapp.nlp.dates import MONTHS, year_of
from quizapp.nlp.distractors.numeric import ordinal_suffix, pick_by_rank
from quizapp.nlp.distractors.pools import Pools
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.option_fit import looks_ahead


def _latest_year(pools: Pools) -> int:
    """The year the article was written, or the year after the latest it names when undated
    (a quiz on a 2005 article offering 2018 gives the key away as the one year that could be
    known)."""
    if pools.published:
        return pools.published.year
    named = [y for f in pools.by_type.get(FactType.DATE, ()) if (y := year_of(f.text))]
    return max(named, default=date.today().year) + 1


def _present_year(pools: Pools) -> int:
    """The year the article speaks from: its date, else the latest year it names."""
    if pools.published:
        return pools.published.year
    named = [y for f in pools.by_type.get(FactType.DATE, ()) if (y := year_of(f.text))]
    return max(named, default=date.today().year)


def date_distractors(
    fact: Fact,
    count: int,
    rng: random.Random,
    pools: Pools,
    sentence: str = "",
    *,
    rank: int | None = None,
) -> list[str] | None:
    """Years ± 2…15 (never after the article), months for months, same written form."""
    text = fact.text
    granularity = fact.attr("granularity")
    if granularity == "century":
        n = int(fact.attr("century") or 0)
        # Same suffix as the key: "the 21st century" beside "the 17th century" is of
        # another written shape, and the one odd shape stands out.
        centuries = [
            c
            for c in range(max(1, n - 4), min(21, n + 4) + 1)
            if c != n and ordinal_suffix(c) == ordinal_suffix(n)
        ]
        picked = pick_by_rank(n, [], centuries, count, rng, rank=rank)
        if picked is None:
            return None
        return [
            text.replace(f"{n}{ordinal_suffix(n)}", f"{c}{ordinal_suffix(c)}", 1) for c in picked
        ]
    if granularity == "month_name":
        others = [m for m in MONTHS if m != text]
        rng.shuffle(others)
        return others[:count]
    year = year_of(text)
    if year is None:
        return None
    limit = _latest_year(pools)
    if year > limit:
        limit = 9999  # a target ("net zero by 2050"): later years are as plausible as earlier
    if year <= limit and year >= _present_year(pools) - 1 and looks_ahead(sentence):
        # "prospects for the EU in _____": a year spoken of as ahead is a cue either way. With
        # every option in the past it is the one that could be meant; with later options it is
        # the one a reader of the article's time could know. Such a year is typed, not picked.
        return None
    # "around 1400": years a few apart would be as right as the key, so step in decades.
    step = 10 if granularity == "decade" or fact.attr("approximate") else 1
    doc_years = [
        y
        for f in pools.by_type.get(FactType.DATE, ())
        if (y := year_of(f.text))
        and f.attr("granularity") == granularity
        and 10 * step >= abs(y - year) >= 2 * step
        and y <= limit
    ]
    offsets = [k * step for k in range(2, 11)] if step == 1 else [10, 20, 30, 40]
    made_up = [year + o for o in offsets if year + o <= limit] + [year - o for o in offsets]
    shown = {int(y) for y in re.findall(r"\b(?:1[0-9]|20)\d\d\b", sentence)}
    doc_years = [y for y in doc_years if y not in shown]  # "between _____ and 2002": not 2002
    made_up = [y for y in made_up if y not in shown]
    # A year in the stem splits time in two: "double the same period in 2004" or "not until
    # 2006" makes every option on the far side of it absurd, and the key the only one left.
    others = shown - {year}
    if others:
        doc_years = [y for y in doc_years if _same_side(y, year, others)]
        made_up = [y for y in made_up if _same_side(y, year, others)]
    picked = pick_by_rank(year, doc_years if step == 1 else [], made_up, count, rng, rank=rank)
    if picked is None:
        return None
    return [text.replace(str(year), str(y), 1) for y in picked]


def _same_side(candidate: int, key: int, shown: set[int]) -> bool:
    """Whether a year lies on the key's side of every other year the stem shows."""
    return all((candidate > y) == (key > y) for y in shown)
