"""Which items cannot share a quiz: one shows another's answer (in a stem, options, a word
bank or pairs, or by a figure that marks its key off), or both ask one thing."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from quizapp.nlp.figure_sides import figures, option_figures, splits_key_off
from quizapp.nlp.gazetteers import place_adjectives
from quizapp.nlp.model import BLANK, FactType, Item, QuestionKind
from quizapp.nlp.salience import fact_forms, identity, plain

_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s?(?=\W|$)")
# A figure glued to its unit or currency ("4GB", "£75m") shows the bare figure an item on it
# asks ("can hold _____GB").
_GLUED_FIGURE = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[£$€¥])(?=\d)")


@dataclass(frozen=True, slots=True)
class Candidate:
    """An item with what selection needs to know about it, worked out once."""

    item: Item
    value: float
    identities: frozenset[str]
    # Normalised ways a student could write or recognise the item's answer(s).
    answers: frozenset[str]
    # Every run of words in what the item shows: stem (blank removed), options, pairs.
    shown: frozenset[str]


def _shown_texts(item: Item) -> list[str]:
    texts = [item.prompt.replace(BLANK, " "), *item.options]
    # A word bank shows its distractors too (its own answers are what the gaps ask).
    own = {blank.answer for blank in item.blanks}
    texts += [entry for entry in item.bank if entry not in own]
    texts += [side for pair in item.pairs for side in pair]
    # "Benitez's side" shows the answer "Benitez": a possessive ending must not hide it; nor
    # may a hyphen ("22-6", "18-year-old" show 22 and 18; normalising would glue them).
    texts = [_POSSESSIVE.sub(" ", t) for t in texts if t.strip()]
    texts += [t.replace("-", " ") for t in texts if "-" in t]
    texts += [_GLUED_FIGURE.sub(" ", t) for t in texts if _GLUED_FIGURE.search(t)]
    return [plain(t) for t in texts]


def _word_runs(texts: list[str], starts: Mapping[str, frozenset[int]]) -> frozenset[str]:
    """The runs of words in the texts that could be an answer: those starting with a word an
    answer starts with, as long as such answers are (everything else cannot match)."""
    runs: set[str] = set()
    for text in texts:
        words = text.split()
        for i, word in enumerate(words):
            for n in starts.get(word, ()):
                if i + n <= len(words):
                    runs.add(" ".join(words[i : i + n]))
    return frozenset(runs)


def _answer_forms(item: Item) -> frozenset[str]:
    forms: set[str] = set()
    for fact in item.facts or (item.fact,):
        forms |= fact_forms(fact)
    if item.kind is QuestionKind.MATCHING:
        forms |= {plain(side) for pair in item.pairs for side in pair}
    elif item.kind is not QuestionKind.TRUE_FALSE:
        forms |= {plain(a) for a in (item.answer, *item.accepted) if a}
    for blank in item.blanks:
        forms |= {plain(a) for a in (blank.answer, *blank.accepted) if a}
    if item.answer and item.unit:
        # A numeric item's "6" with its unit "%" is shown elsewhere as "6%" ("6 percent").
        forms |= {plain(item.answer + item.unit), plain(f"{item.answer} {item.unit}")}
    forms = {f for f in forms if f and not (f.isdigit() and len(f) < 3)}
    if item.fact.type is not FactType.PERSON:
        # "Kenyan athletes" in another stem shows the answer "Kenya"; "France" shows "French".
        # Only the key's own name counts: "England" accepting "United Kingdom" is not shown
        # by "British".
        adjectives = place_adjectives()
        names = {plain(name) for name in (item.answer, item.fact.text) if name}
        forms |= {plain(word) for name in names for word in adjectives.get(name, ())}
    swapped = _swapped_in(item)
    if swapped:
        # "UKIP received more than £5m" (it was Labour) beside an item on what UKIP took in
        # (£63,081): the other item tells the statement false.
        forms.add(plain(swapped))
    if item.answer and item.kind not in (QuestionKind.TRUE_FALSE, QuestionKind.MATCHING):
        # A short number is too common to rule out every stem that shows it as some other
        # figure, but the key itself printed in another stem ("rest 18-year-old Nadal" beside
        # "_____-year-old Nadal") still answers the item.
        forms.add(plain(item.answer))
    return frozenset(forms)


_SWAPPABLE = frozenset({FactType.PERSON, FactType.ORGANISATION, FactType.PLACE})


def _swapped_in(item: Item) -> str | None:
    """The name a false true/false statement puts in place of its fact, or None: the words of
    the statement where its source sentence has the fact's words."""
    if (
        item.kind is not QuestionKind.TRUE_FALSE
        or item.answer != "False"
        or item.fact.type not in _SWAPPABLE
    ):
        return None
    quote = item.source.quote
    start = item.fact.start - item.source.start
    end = start + len(item.fact.text)
    source_words = list(re.finditer(r"\S+", quote))
    fact_words = {n for n, w in enumerate(source_words) if w.start() < end and start < w.end()}
    statement = item.prompt.removeprefix("True or false? ").split()
    matcher = SequenceMatcher(None, [w.group() for w in source_words], statement, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and fact_words & set(range(i1, i2)):
            swapped = " ".join(statement[j1:j2]).strip(".,;:'\"’")
            return _POSSESSIVE.sub("", swapped) or None  # "Ecuador's" swaps in Ecuador
    return None


def _fact_keys(item: Item) -> set[str]:
    """What an item asks about: each fact's identity and place (a numeric item on "50,000" and a
    true/false on "50,000 personnel" ask one thing)."""
    facts = item.facts or (item.fact,)
    return {identity(f) for f in facts} | {f"@{f.start}" for f in facts}


def make_candidates(items: Sequence[Item], values: Sequence[float]) -> list[Candidate]:
    answers = [_answer_forms(item) for item in items]
    lengths: dict[str, set[int]] = {}
    for forms in answers:
        for form in forms:
            words = form.split()
            lengths.setdefault(words[0], set()).add(len(words))
    starts = {word: frozenset(ns) for word, ns in lengths.items()}
    return [
        Candidate(
            item=item,
            value=value,
            identities=frozenset(_fact_keys(item)),
            answers=forms,
            shown=_word_runs(_shown_texts(item), starts),
        )
        for item, value, forms in zip(items, values, answers, strict=True)
    ]


def find_conflicts(pool: Sequence[Candidate]) -> list[set[int]]:
    """For each candidate, the others it cannot share a quiz with (either shows the other's answer
    or both ask about the same thing)."""
    askers: dict[str, list[int]] = {}
    # Two items one of whose right answers the other also accepts ask one thing twice, under
    # two names ("Southampton" and "Saints", each accepting the other).
    marked = [_marked_names(cand.item) for cand in pool]
    for i, cand in enumerate(pool):
        for form in cand.answers:
            askers.setdefault(form, []).append(i)
        for ident in cand.identities:
            askers.setdefault("\0" + ident, []).append(i)
        for name in marked[i]:
            askers.setdefault("\1" + name, []).append(i)
    out: list[set[int]] = [set() for _ in pool]
    _figure_splits(pool, out)
    for i, cand in enumerate(pool):
        keys = [g for g in cand.shown if g in askers]
        keys += ["\0" + ident for ident in cand.identities]
        keys += ["\1" + name for name in marked[i]]
        for key in keys:
            for j in askers[key]:
                if j != i:
                    out[i].add(j)
                    out[j].add(i)
    return out


def _figure_splits(pool: Sequence[Candidate], out: list[set[int]]) -> None:
    """Numeric items whose key another item's stem marks off from every wrong option (a stake
    of 37.6% beside options over the 42.3% it grew to) cannot share a quiz with that item."""
    keyed = [(i, opts) for i, c in enumerate(pool) if (opts := option_figures(c.item)) is not None]
    if not keyed:
        return
    printed = [figures(c.item.prompt) for c in pool]
    for i, options in keyed:
        for j, shown in enumerate(printed):
            if j != i and shown and splits_key_off(options, shown):
                out[i].add(j)
                out[j].add(i)


def _marked_names(item: Item) -> frozenset[str]:
    """The worded answers an item marks right (its key and accepted forms; for a true/false
    statement, the fact it is made true or false on), not figures."""
    if item.kind is QuestionKind.MATCHING or item.blanks:
        return frozenset()
    if item.kind is QuestionKind.TRUE_FALSE:
        forms = {plain(item.fact.text)}
    else:
        forms = {plain(a) for a in (item.answer, *item.accepted) if a}
    return frozenset(f for f in forms if f and not any(ch.isdigit() for ch in f))


def gives_away(a: Item, b: Item) -> bool:
    """Whether either item's stem, options or pairs show the other's answer."""
    ca, cb = make_candidates([a, b], [0.0, 0.0])
    return bool(ca.answers & cb.shown or cb.answers & ca.shown)
