"""Score items, drop duplicates and pick the best N spread over fact types and the article."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from quizapp.nlp.attribution import untagged_variants
from quizapp.nlp.model import Blank, Fact, FactType, Item, QuestionKind
from quizapp.nlp.questions.cloze import keeping_gaps
from quizapp.nlp.quiz_conflicts import Candidate, find_conflicts, make_candidates
from quizapp.nlp.quiz_search import (
    ASKED_ALONE_FLOOR,
    BLOCK_COST,
    BLOCK_COSTS,
    KIND_ORDER,
    KIND_PRIOR,
    MULTI_START_POOL,
    RANKER_WEIGHT,
    TRIM_COST,
    asks,
    facts_asked,
    greedy,
    improve,
    searched,
    sentences_of,
)
from quizapp.nlp.ranker import ask_probability
from quizapp.nlp.role_descriptions import described_people
from quizapp.nlp.salience import Salience, identity
from quizapp.nlp.text import normalise
from quizapp.nlp.trimming import (
    article_sentences,
    article_words,
    asked_facts,
    name_descriptions,
    trimmed_variants,
)
from quizapp.nlp.words import STOPWORDS
from quizapp.nlp.worth import cut_short, drops_referent, strike_reason

# How often a fact of each type is one a teacher asks about (gold facts of the dev articles:
# quantities most, then people, dates, organisations; places and common nouns least).
TYPE_PRIOR = {
    FactType.QUANTITY: 1.2,
    FactType.PERSON: 0.95,
    FactType.DATE: 0.9,
    FactType.ORDINAL: 1.0,
    FactType.ORGANISATION: 0.9,
    FactType.PLACE: 0.4,
    FactType.QUOTE: 0.65,
    FactType.OTHER: 0.5,
}


# A passage is also offered with only the gaps the ranker gives at least this chance.
GAP_FLOOR = 0.5
MIN_PASSAGE_GAPS = 2

# Words that point back to something the stem never names ("He also stressed ...", "Then
# Bowyer was shown the red card", "Meanwhile Kennedy is expected to ...": mid-story).
_ANAPHORS = frozenset(
    [
        "then",
        "meanwhile",
        "it",
        "he",
        "she",
        "they",
        "this",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "them",
        "him",
        "also",
        "but",
    ]
)
# A speaker's blank that goes on from what they said before ("_____ added that Sony had done
# well ..."): the stem never says who was speaking or about what (failed as dangling).
_GOES_ON = re.compile(r"_____\s+(?:added|continued|went on|also said|also told)\b")
_QUOTE_MARKS = ('"', "\u201c", "\u201d")
# "Both Sony and Nintendo ...": the two are named, so the opening "Both" stands alone.
_BOTH_NAMED = re.compile(r"both\s+(?:[\w'’.-]+\s+){1,5}and\s", re.I)


def _central(salience: Salience | None) -> bool:
    """Whether a fact is one of the article's main ones: in its headline, named again, or in
    its lead. Graders failed true/false statements on side details (a place in passing, 11 or
    18 minutes in a match report) as testing nothing specific."""
    return salience is not None and (
        salience.in_headline or salience.mentions >= 2 or salience.lead >= 0.5
    )


def _needs_context(prompt: str) -> bool:
    """A stem that opens on an unresolved pronoun or cuts a quotation does not stand alone."""
    body = prompt.removeprefix("True or false?").strip()
    quoted = body[:1] in ('"', "\u201c", "\u2018")
    first = body.lstrip("\"\u201c\u2018'(").split(" ", 1)[0].lower().strip(",.:;")
    # Inside a quotation "we" and "I" are the speaker; any other pronoun still needs context.
    if first in _ANAPHORS and not (quoted and first in ("we", "i")):
        return True
    if first == "both" and not _BOTH_NAMED.match(body.lstrip("\"\u201c\u2018'(")):
        return True  # "Both have hit crucial price points": which two is in the article
    if _GOES_ON.match(body):
        return True
    return sum(prompt.count(mark) for mark in _QUOTE_MARKS) % 2 == 1 or _a_list(body)


def _a_list(prompt: str) -> bool:
    """A team sheet or a roll of names ("Given, _____, Elliott, Bramble, Bernard, ..."): short
    comma-separated pieces, not a statement to ask about."""
    pieces = [p.split() for p in prompt.split(",")]
    return len(pieces) >= 5 and sorted(len(p) for p in pieces)[len(pieces) // 2] <= 2


def score_item(item: Item, sentences: int, title_words: frozenset[str] = frozenset()) -> float:
    """A hand-weighted quality score (higher is better)."""
    fact = item.fact
    score = TYPE_PRIOR[fact.type] + KIND_PRIOR[item.kind]
    if title_words and set(normalise(fact.attr("canonical") or fact.text).split()) & title_words:
        score += 0.4
    if fact.type is FactType.OTHER:
        words = len(fact.text.split())
        if fact.attr("form") == "name":
            score += 0.25 if words > 1 else -0.1
        else:
            # Multi-word noun phrases are what readers ask about; lone nouns rarely are.
            score += min(0.15, 0.05 * int(fact.attr("salience") or 1))
            score += 0.1 if 2 <= words <= 3 else -0.25
    if fact.type is FactType.ORGANISATION and (fact.attr("acronym") or fact.attr("expansion")):
        score += 0.2
    if fact.type is FactType.PERSON and fact.attr("role"):
        score += 0.15
    if fact.type is FactType.QUANTITY and fact.attr("form") == "words":
        score -= 0.45
    if fact.type is FactType.DATE and fact.attr("granularity") == "month_name":
        score -= 0.5
    if fact.type is FactType.ORGANISATION and len(fact.text) <= 2:
        score -= 0.5
    if item.prompt.endswith("?") and item.kind is not QuestionKind.TRUE_FALSE:
        score += 0.15
    words = len(item.prompt.split())
    if words > 35:
        score -= 0.3
    if words < 6:
        score -= 0.2
    # Earlier sentences carry the article's main facts.
    score += 0.2 * (1 - fact.sentence / max(1, sentences))
    return round(score, 4)


def _value(item: Item, salience: Mapping[Fact, Salience]) -> float:
    """What a teacher would ask (the learned ranker) first; the form breaks near-ties. A passage
    is worth, per gap, the mean of what its facts would be worth as one-gap items."""
    if not item.blanks:
        chance = ask_probability(item, salience.get(item.fact))
        return RANKER_WEIGHT * chance + 0.5 * KIND_PRIOR[item.kind]
    chances = [_gap_chance(item, blank, salience) for blank in item.blanks]
    return RANKER_WEIGHT * sum(chances) / len(chances) + 0.5 * KIND_PRIOR[item.kind]


def _leaner_passages(items: Sequence[Item], salience: Mapping[Fact, Salience]) -> list[Item]:
    """Each passage again with only its gaps a teacher would likely ask (the others show their
    words), so a passage is not chosen for two good gaps and carries three weak ones."""
    out = []
    for item in items:
        if len(item.blanks) <= MIN_PASSAGE_GAPS:
            continue
        chances = [_gap_chance(item, blank, salience) for blank in item.blanks]
        keep = [i for i, chance in enumerate(chances) if chance >= GAP_FLOOR]
        leaner = keeping_gaps(item, keep)
        if leaner is not None:
            out.append(leaner)
    return out


def _gap_chance(item: Item, blank: Blank, salience: Mapping[Fact, Salience]) -> float:
    """The ranker's chance for one gap, as if it were a one-gap item on its own sentence (the
    ranker reads a long prompt as a worse item; a passage is long by design)."""
    words = item.prompt.split()
    alone = replace(
        item,
        kind=QuestionKind.FILL_IN,
        prompt=" ".join(words[: max(1, len(words) // len(sentences_of(item)))]),
        fact=blank.fact,
        answer=blank.answer,
        blanks=(),
        bank=(),
        facts=(blank.fact,),
    )
    return ask_probability(alone, salience.get(blank.fact))


def select_items(
    items: Sequence[Item],
    *,
    max_items: int | None,
    sentences: int,
    title: str | None = None,
    salience: Mapping[Fact, Salience] | None = None,
) -> list[Item]:
    """The best quiz that never answers itself: greedy over the whole quiz, then article order.

    An item is taken only if no item already taken shows its answer (in a stem, an option, a
    word bank or a matching pair) and it shows none of theirs; one item per fact (by identity,
    so "Putin" and "Vladimir Putin" count once). Each step takes the item whose value per
    question asked, less a cost for every fact it would shut out, is highest, so a name printed
    in every stem is not asked first, and a passage that asks several facts of one sentence at
    once wins where one-gap items on them would give each other away. Each gap of a passage
    counts as one question; passages take at most half the quiz.
    """
    title_words = frozenset(normalise(title or "").split()) - STOPWORDS
    salience = salience or {}
    kept: list[Item] = []
    values: list[float] = []
    asked = asked_facts(items)
    people = described_people(items)
    names = article_words(items)
    sources = article_sentences(items)
    descriptions = name_descriptions(asked, sources)
    for item in [*items, *_leaner_passages(items, salience)]:
        facts = item.facts or (item.fact,)
        known = [salience[f] for f in facts if f in salience]
        if known and not all(s.askable for s in known):
            continue
        if _needs_context(item.prompt) or strike_reason(item):
            continue  # another sentence or form of the fact may still stand alone
        if item.kind is QuestionKind.TRUE_FALSE and not _central(salience.get(item.fact)):
            continue  # a statement on a side detail tests nothing specific
        quality = score_item(item, sentences, title_words)
        kept.append(replace(item, score=quality))
        values.append(_value(item, salience))
    # Each stem again without the dates, places and asides that print another item's answer:
    # worth a little less than the full stem, taken where the full one would shut a fact out.
    whole = list(kept)
    asked_texts = [a.text for a in asked]
    for item, value in list(zip(kept, values, strict=True)):
        variants = trimmed_variants([item], asked, people, names, sources, descriptions)
        variants += untagged_variants([item, *variants], asked_texts, names)
        for variant in variants:
            if not (
                _needs_context(variant.prompt)
                or cut_short(variant.prompt)
                or drops_referent(item.prompt, variant.prompt)
            ):
                kept.append(variant)
                values.append(min(value, _value(variant, salience)) - TRIM_COST)
    pool = make_candidates(kept, values)
    conflicts = find_conflicts(pool)
    idle = _passages_without_need(pool, conflicts, salience)
    if idle:
        whole = [item for i, item in enumerate(whole) if i not in idle]
        kept = [c.item for i, c in enumerate(pool) if i not in idle]
        values = [c.value for i, c in enumerate(pool) if i not in idle]
        pool = make_candidates(kept, values)
        conflicts = find_conflicts(pool)
    limit = max_items if max_items is not None else sum(asks(c.item) for c in pool)
    # What each item would shut out of the quiz (the facts of the items it conflicts with).
    shut_out = [
        frozenset().union(*(pool[j].identities for j in conflicts[i])) - pool[i].identities
        for i in range(len(pool))
    ]
    # The greedy's price for shutting a fact out trades the best item now against more facts
    # asked later; which price serves an article best depends on how its facts share sentences,
    # so small pools try each and keep the quiz that asks the most (by what each fact is worth).
    costs = BLOCK_COSTS if len(pool) <= MULTI_START_POOL else (BLOCK_COST,)
    best: list[int] = []
    best_total = float("-inf")
    for cost in costs:
        chosen = greedy(pool, conflicts, shut_out, limit, cost)
        total = sum(pool[i].value * facts_asked(pool[i].item) for i in chosen)
        if total > best_total + 1e-9:
            best, best_total = chosen, total
    best = improve(pool, conflicts, best, limit, frozenset(range(len(whole), len(pool))))
    if len(pool) <= MULTI_START_POOL:
        best = searched(pool, conflicts, best, limit)
    out = [pool[i].item for i in best]
    out.sort(key=lambda it: (it.source.start, KIND_ORDER[it.kind], it.fact.start))
    return out


def _passages_without_need(
    pool: Sequence[Candidate], conflicts: Sequence[set[int]], salience: Mapping[Fact, Salience]
) -> set[int]:
    """The passages a quiz has no need of: one whose gaps are not each a fact the ranker would
    ask on its own, or, where one-gap items were made, one whose facts one-gap items could ask
    side by side (some item on one shows nothing of some item on the other). A passage is the
    way to ask two facts that would give each other away, never a stand-in for good items."""
    one_gap: dict[str, list[int]] = {}
    for i, cand in enumerate(pool):
        if not cand.item.blanks:
            for ident in cand.identities:
                one_gap.setdefault(ident, []).append(i)
    out: set[int] = set()
    if not one_gap:
        return out  # only passages were asked for: a worksheet of passages
    for i, cand in enumerate(pool):
        item = cand.item
        if not item.blanks:
            continue
        if any(_gap_chance(item, blank, salience) < ASKED_ALONE_FLOOR for blank in item.blanks):
            out.add(i)
            continue
        # A one-gap item may ask the gap's figure alone ("1.7" of "1.7 trillion cigarettes"):
        # another identity, but the same place in the article.
        askers = [
            sorted(
                {*one_gap.get(identity(blank.fact), ()), *one_gap.get(f"@{blank.fact.start}", ())}
            )
            for blank in item.blanks
        ]
        if not all(askers):
            out.add(i)
            continue
        for n, first in enumerate(askers):
            for second in askers[n + 1 :]:
                if any(b not in conflicts[a] for a in first for b in second):
                    out.add(i)
    return out


def shortlist_facts(
    facts: Sequence[Fact],
    *,
    max_items: int | None,
    sentences: int,
    salience: Mapping[Fact, Salience] | None = None,
) -> Sequence[Fact]:
    """The facts worth building items for: askable ones, all for short articles, else the best.

    Building every kind of item for every fact of a book-length text is wasted work when only
    a few items are wanted, so long texts keep the best facts of each sentence, then the best
    overall, in article order.
    """
    salience = salience or {}
    facts = [f for f in facts if f not in salience or salience[f].askable]
    limit = None if max_items is None else max(60, 8 * max_items)
    if limit is None or len(facts) <= limit:
        return facts

    def worked_out(fact: Fact) -> float:
        central = salience[fact].score if fact in salience else 0.0
        return TYPE_PRIOR[fact.type] + central + 0.2 * (1 - fact.sentence / max(1, sentences))

    # Once per fact (by identity): the comparisons below ask for each value many times.
    values = {id(f): worked_out(f) for f in facts}

    def value(fact: Fact) -> float:
        return values[id(fact)]

    best_per_sentence: dict[int, Fact] = {}
    for fact in facts:
        current = best_per_sentence.get(fact.sentence)
        if current is None or value(fact) > value(current):
            best_per_sentence[fact.sentence] = fact
    ranked = sorted(facts, key=lambda f: (-value(f), f.start))
    chosen = {id(f) for f in sorted(best_per_sentence.values(), key=lambda f: -value(f))[:limit]}
    for fact in ranked:
        if len(chosen) >= limit:
            break
        chosen.add(id(fact))
    return [f for f in facts if id(f) in chosen]
