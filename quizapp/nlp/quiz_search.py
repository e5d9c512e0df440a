"""The search for the fullest quiz that never answers itself: greedy, local swaps, bounded exact search."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from quizapp.nlp.model import FactType, Item, QuestionKind
from quizapp.nlp.quiz_conflicts import Candidate
from quizapp.nlp.text import normalise

KIND_PRIOR = {
    QuestionKind.MULTIPLE_CHOICE: 1.0,
    QuestionKind.FILL_IN: 0.85,
    QuestionKind.SHORT_ANSWER: 0.8,
    QuestionKind.NUMERIC: 0.75,
    QuestionKind.MATCHING: 1.1,
    QuestionKind.TRUE_FALSE: 0.55,
    QuestionKind.CLOZE: 0.9,
}
# The mix a quiz aims for; a kind past its share yields to the others.
KIND_SHARE = {
    QuestionKind.MULTIPLE_CHOICE: 0.55,
    QuestionKind.FILL_IN: 0.15,
    QuestionKind.SHORT_ANSWER: 0.1,
    QuestionKind.NUMERIC: 0.08,
    QuestionKind.TRUE_FALSE: 0.07,
    QuestionKind.MATCHING: 0.05,
    # Passages are limited apart (PASSAGE_SHARE, MAX_PASSAGES), gap by gap.
    QuestionKind.CLOZE: 0.5,
}
KIND_ORDER = {kind: i for i, kind in enumerate(KIND_PRIOR)}

# Greedy selection weighs an item's value against the facts it would shut out of the quiz.
BLOCK_COST = 0.3
RANKER_WEIGHT = 6.0
# Passages (cloze with a word bank): at most this many, and at most half the quiz's questions
# (never more than MAX_PASSAGE_SHARE gaps), so a quiz is not only passages.
MAX_PASSAGES = 2
MAX_PASSAGE_SHARE = 8
# Prices tried for a fact shut out (BLOCK_COST alone past MULTI_START_POOL candidates).
BLOCK_COSTS = (0.3, 0.0, 0.15, 0.6, 1.0)
MULTI_START_POOL = 600
# What a stem trimmed of another fact's mention loses against the whole sentence.
TRIM_COST = 0.05
IMPROVE_ROUNDS = 4
# What asking one more fact is worth beside its value, in the search for the fullest quiz.
ASKED_BONUS = 2.0
# Nodes the exact search visits at most.
SEARCH_NODES = 20000
# A passage's every gap must be a fact the ranker would ask as a one-gap item: at least this
# chance (about what the last items of a quiz of twenty have).
ASKED_ALONE_FLOOR = 0.35


def asks(item: Item) -> int:
    """How many items of the quiz's length an item counts as: one per gap of a passage."""
    return max(1, len(item.blanks))


def questions_asked(items: Sequence[Item]) -> int:
    """A quiz's length as --max counts it: each gap of a passage is one question."""
    return sum(asks(item) for item in items)


def facts_asked(item: Item) -> int:
    """How many facts an item asks: one per gap of a passage, one per pair of a matching."""
    return max(1, len(item.blanks), len(item.pairs))


def sentences_of(item: Item) -> tuple[int, ...]:
    return tuple(sorted({f.sentence for f in item.facts or (item.fact,)}))


def improve(
    pool: Sequence[Candidate],
    conflicts: Sequence[set[int]],
    chosen: list[int],
    limit: int,
    trimmed: frozenset[int] = frozenset(),
) -> list[int]:
    """Local search after the greedy: take an item in place of the ones it conflicts with when
    it asks more (by what its facts are worth), or, for a trimmed stem taking the place of its
    whole one, when the room it frees takes more items; a few rounds."""
    worth = [c.value * facts_asked(c.item) for c in pool]
    order = sorted(range(len(pool)), key=lambda i: (-worth[i], i))
    taken = set(chosen)
    deep = len(pool) <= MULTI_START_POOL
    for _round in range(IMPROVE_ROUNDS):
        changed = False
        for i in order:
            if i in taken:
                continue
            clash = conflicts[i] & taken
            gain = worth[i] - sum(worth[j] for j in clash)
            trial = (taken - clash) | {i}
            own = [j for j in clash if pool[j].identities & pool[i].identities]
            if gain <= 1e-9 and deep and i in trimmed and own:
                filled = _filled(pool, conflicts, trial, order, limit)
                gain = sum(worth[j] for j in filled) - sum(worth[j] for j in taken)
                trial = filled
            if gain > 1e-9 and _fits(pool, trial, limit):
                taken, changed = trial, True
        taken = _filled(pool, conflicts, taken, order, limit)
        if not changed:
            break
    return sorted(taken)


def searched(
    pool: Sequence[Candidate], conflicts: Sequence[set[int]], chosen: list[int], limit: int
) -> list[int]:
    """A bounded exact search over the one-gap items, fact by fact (one form each or none),
    for a quiz asking more than the greedy's (by what each fact is worth, plus ASKED_BONUS a
    fact): where facts share sentences, which form of each to take is a choice no single swap
    finds. Passages and matchings the greedy took stay; SEARCH_NODES bounds the work, so the
    result is the same every time."""
    fixed = {i for i in chosen if pool[i].item.blanks or pool[i].item.pairs}
    worth = [(c.value + ASKED_BONUS) * facts_asked(c.item) for c in pool]
    blocked = set().union(*(conflicts[i] for i in fixed)) if fixed else set()
    forms: dict[str, list[int]] = {}
    greedy = set(chosen)
    for i, cand in enumerate(pool):
        if i in blocked or i in fixed or cand.item.blanks or cand.item.pairs:
            continue
        if i not in greedy and not _likely_asked(cand):
            continue  # an item the ranker gives little chance is no gain for a fuller quiz
        forms.setdefault(min(cand.identities), []).append(i)
    facts = sorted(forms, key=lambda f: (-max(worth[i] for i in forms[f]), f))
    for f in facts:
        forms[f].sort(key=lambda i: (-worth[i], i))
    best_fact = [max(worth[i] for i in forms[f]) for f in facts]
    # What the facts from k on could add at most: the bound that prunes the search.
    rest = [0.0] * (len(facts) + 1)
    for k in range(len(facts) - 1, -1, -1):
        rest[k] = rest[k + 1] + best_fact[k]
    room = limit - questions_asked([pool[i].item for i in fixed])
    best_set = [i for i in chosen if i not in fixed]
    best_total = sum(worth[i] for i in best_set)
    nodes = 0
    taken: list[int] = []

    def visit(k: int, total: float, shut: set[int]) -> None:
        nonlocal best_total, best_set, nodes
        nodes += 1
        if total > best_total + 1e-9:
            best_total, best_set = total, list(taken)
        if k == len(facts) or len(taken) >= room or nodes > SEARCH_NODES:
            return
        if total + rest[k] <= best_total + 1e-9:
            return
        for i in forms[facts[k]]:
            if i in shut:
                continue
            taken.append(i)
            visit(k + 1, total + worth[i], shut | conflicts[i])
            taken.pop()
        visit(k + 1, total, shut)

    visit(0, 0.0, set())
    result = set(best_set) | fixed
    if not _fits(pool, result, limit):
        return chosen
    return sorted(result)


def _likely_asked(cand: Candidate) -> bool:
    """Whether the ranker gives the item at least ASKED_ALONE_FLOOR (read back from its value,
    a trimmed stem's small cost allowed)."""
    kind = 0.5 * KIND_PRIOR[cand.item.kind]
    return cand.value + TRIM_COST >= RANKER_WEIGHT * ASKED_ALONE_FLOOR + kind - 1e-9


def _filled(
    pool: Sequence[Candidate],
    conflicts: Sequence[set[int]],
    taken: set[int],
    order: Sequence[int],
    limit: int,
) -> set[int]:
    """The quiz with every item that fits added, best first."""
    out = set(taken)
    for i in order:
        if i not in out and not conflicts[i] & out and _fits(pool, out | {i}, limit):
            out.add(i)
    return out


def _fits(pool: Sequence[Candidate], taken: set[int], limit: int) -> bool:
    """Whether a set of items makes a quiz: within the length, the passage limits, and no two
    prompts the same."""
    items = [pool[i].item for i in taken]
    if questions_asked(items) > limit:
        return False
    passages = [item for item in items if item.blanks]
    room = min(-(-limit // 2), MAX_PASSAGE_SHARE)
    if len(passages) > MAX_PASSAGES or questions_asked(passages) > room:
        return False
    return len({normalise(item.prompt) for item in items}) == len(items)


def greedy(
    pool: Sequence[Candidate],
    conflicts: Sequence[set[int]],
    shut_out: Sequence[frozenset[str]],
    limit: int,
    block_cost: float,
) -> list[int]:
    """One greedy pass: each step takes the item worth most per question asked, less the price
    of the facts it shuts out; gaps of passages count one question each."""
    live = set(range(len(pool)))
    passage_room = min(-(-limit // 2), MAX_PASSAGE_SHARE)
    chosen: list[int] = []
    asked = passages = passage_gaps = 0
    prompts: set[str] = set()
    sentence_used: Counter[int] = Counter()
    types_used: Counter[FactType] = Counter()
    kinds_used: Counter[QuestionKind] = Counter()
    # What each step asks of every candidate and never changes, worked out once per pass.
    sizes = [asks(c.item) for c in pool]
    sentences = [sentences_of(c.item) for c in pool]
    prompt_keys = [normalise(c.item.prompt) for c in pool]
    while live and asked < limit:
        on_offer = {key for i in live for key in pool[i].identities}
        best_i, best_key = -1, (float("-inf"), 0, 0, 0)
        for i in live:
            cand = pool[i]
            item = cand.item
            size = sizes[i]
            if asked + size > limit:
                continue
            if item.blanks and (passages >= MAX_PASSAGES or passage_gaps + size > passage_room):
                continue
            used = sum(sentence_used[n] for n in sentences[i])
            value = (
                cand.value
                - block_cost * len(shut_out[i] & on_offer)
                - 0.35 * used
                - 0.08 * types_used[item.fact.type]
                - 0.15 * max(0.0, kinds_used[item.kind] - KIND_SHARE[item.kind] * asked) / size
            )
            key = (round(value, 6), -item.fact.start, -KIND_ORDER[item.kind], -i)
            if key > best_key:
                best_i, best_key = i, key
        if best_i < 0:
            break
        pick = pool[best_i].item
        size = sizes[best_i]
        chosen.append(best_i)
        asked += size
        if pick.blanks:
            passages += 1
            passage_gaps += size
        prompts.add(prompt_keys[best_i])
        for n in sentences[best_i]:
            sentence_used[n] += 1
        for fact in pick.facts or (pick.fact,):
            types_used[fact.type] += 1
        kinds_used[pick.kind] += size
        live -= conflicts[best_i] | {best_i}
        live = {i for i in live if prompt_keys[i] not in prompts}
    return chosen
