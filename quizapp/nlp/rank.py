"""Score items, drop duplicates and pick the best N spread over fact types and the article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from quizapp.nlp.model import Fact, FactType, Item, QuestionKind
from quizapp.nlp.text import normalise
from quizapp.nlp.words import STOPWORDS

TYPE_PRIOR = {
    FactType.QUANTITY: 1.0,
    FactType.PERSON: 0.95,
    FactType.DATE: 0.9,
    FactType.ORDINAL: 1.0,
    FactType.ORGANISATION: 0.9,
    FactType.PLACE: 0.6,
    FactType.QUOTE: 0.65,
    FactType.OTHER: 0.5,
}
KIND_PRIOR = {
    QuestionKind.MULTIPLE_CHOICE: 1.0,
    QuestionKind.FILL_IN: 0.85,
    QuestionKind.SHORT_ANSWER: 0.8,
    QuestionKind.NUMERIC: 0.75,
    QuestionKind.MATCHING: 1.1,
    QuestionKind.TRUE_FALSE: 0.55,
}
# The mix a quiz aims for; a kind past its share yields to the others.
KIND_SHARE = {
    QuestionKind.MULTIPLE_CHOICE: 0.55,
    QuestionKind.FILL_IN: 0.15,
    QuestionKind.SHORT_ANSWER: 0.1,
    QuestionKind.NUMERIC: 0.08,
    QuestionKind.TRUE_FALSE: 0.07,
    QuestionKind.MATCHING: 0.05,
}
KIND_ORDER = {kind: i for i, kind in enumerate(KIND_PRIOR)}


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


def _identity(item: Item) -> str:
    return normalise(item.fact.attr("canonical") or item.answer or item.fact.text)


def _place(item: Item) -> tuple[int, int]:
    return (item.fact.sentence, item.fact.start)


def select_items(
    items: Sequence[Item], *, max_items: int | None, sentences: int, title: str | None = None
) -> list[Item]:
    """Best items first, one per fact before a second kind of the same fact; then article order."""
    title_words = frozenset(normalise(title or "").split()) - STOPWORDS
    scored = sorted(
        (replace(item, score=score_item(item, sentences, title_words)) for item in items),
        key=lambda it: (-it.score, it.fact.start, KIND_ORDER[it.kind]),
    )
    limit = max_items if max_items is not None else len(scored)
    chosen: list[Item] = []
    spans: set[tuple[str, int, int]] = set()
    prompts: set[str] = set()
    facts_used: Counter[str] = Counter()
    places_used: Counter[tuple[int, int]] = Counter()
    sentence_used: Counter[int] = Counter()
    types_used: Counter[FactType] = Counter()
    kinds_used: Counter[QuestionKind] = Counter()
    # (item, its identity, its normalised prompt), worked out once: the loop below is quadratic.
    pool = [(item, _identity(item), normalise(item.prompt)) for item in scored]
    while pool and len(chosen) < limit:
        best_i, best_value = -1, float("-inf")
        for i, (item, identity, prompt) in enumerate(pool):
            key = (item.kind.value, item.fact.start, item.fact.end)
            if key in spans or prompt in prompts:
                continue
            value = (
                item.score
                - 1.2 * facts_used[identity]
                - 1.2 * places_used[_place(item)]
                - 0.35 * sentence_used[item.fact.sentence]
                - 0.08 * types_used[item.fact.type]
                - 0.15 * max(0.0, kinds_used[item.kind] - KIND_SHARE[item.kind] * len(chosen))
            )
            if value > best_value:
                best_i, best_value = i, value
        if best_i < 0:
            break
        item, identity, prompt = pool.pop(best_i)
        chosen.append(item)
        spans.add((item.kind.value, item.fact.start, item.fact.end))
        prompts.add(prompt)
        facts_used[identity] += 1
        places_used[_place(item)] += 1
        sentence_used[item.fact.sentence] += 1
        types_used[item.fact.type] += 1
        kinds_used[item.kind] += 1
    chosen.sort(key=lambda it: (it.source.start, KIND_ORDER[it.kind], it.fact.start))
    return chosen


def shortlist_facts(
    facts: Sequence[Fact], *, max_items: int | None, sentences: int
) -> Sequence[Fact]:
    """The facts worth building items for: all of them for short articles, else the best spread.

    Building every kind of item for every fact of a book-length text is wasted work when only
    a few items are wanted, so long texts keep the best facts of each sentence, then the best
    overall, in article order.
    """
    limit = None if max_items is None else max(60, 8 * max_items)
    if limit is None or len(facts) <= limit:
        return facts

    def value(fact: Fact) -> float:
        return TYPE_PRIOR[fact.type] + 0.2 * (1 - fact.sentence / max(1, sentences))

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
