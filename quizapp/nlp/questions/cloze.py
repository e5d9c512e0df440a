"""Cloze passages: 1–3 consecutive sentences of a paragraph with 2–6 facts blanked, and a word bank.

Where several facts share a sentence, a one-gap item on any of them prints the others and gives
their items away; a passage asks them all at once. The passage must stand alone like any stem:
its first sentence is rewritten by the same rules (an opening "He" resolved, "But" dropped) or
refused, later sentences may lean on earlier ones of the passage, and no quotation is cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from quizapp.nlp.checks import check_item
from quizapp.nlp.model import (
    BLANK,
    Blank,
    Fact,
    FactType,
    Item,
    QuestionKind,
    Sentence,
    SourceQuote,
)
from quizapp.nlp.questions.accepting import accepted_answers
from quizapp.nlp.questions.base import BuildContext
from quizapp.nlp.questions.cloze_gaps import _blankable, _one_gap_per_thing, _separate
from quizapp.nlp.questions.fill_in import build_fill_in
from quizapp.nlp.questions.passage_bank import BankOptions, word_bank
from quizapp.nlp.questions.passage_gaps import (
    fair_accepted,
    gap_kind,
    shows_a_name,
)
from quizapp.nlp.questions.passage_text import (
    BARE_DESCRIPTION,
    DESCRIBED_SUBJECT,
    POINTS_BACK,
    pronoun_before_a_name,
    rewritten_at_the_opening,
)
from quizapp.nlp.questions.quoting import partial_quote
from quizapp.nlp.questions.stem_limits import conversion
from quizapp.nlp.questions.stems import Stem
from quizapp.nlp.salience import Salience, fact_forms, plain, score_facts

MIN_BLANKS = 2
# Fewer gaps on the facts that matter: a passage of many gaps asks minor facts beside its key ones.
MAX_BLANKS = 4
MAX_GAPS_PER_SENTENCE = 2
MAX_SENTENCES = 3
# A passage a student reads in one go (the item lint refuses prompts past 70 words).
MAX_PASSAGE_WORDS = 70
# A distractor is drawn from the options a multiple-choice item on the gap's fact would show.
OPTIONS_DRAWN = 3
_ACRONYM_AFTER = re.compile(r"^\s*\([A-Z&.]{2,8}\)")
_OPENING_WORD = re.compile(r"[\"“‘'(]*(\w+)")
_LEANING_OPENERS = frozenset(
    {"he", "she", "it", "they", "his", "her", "its", "their", "them", "this", "these", "those"}
)
_NAMED = frozenset({FactType.PERSON, FactType.ORGANISATION, FactType.PLACE})


def build_cloze(facts: Sequence[Fact], ctx: BuildContext) -> Iterator[Item]:
    """Every passage of 1–3 consecutive sentences of one paragraph that can hold 2–6 gaps,
    starting and ending on a sentence with a fact worth blanking."""
    memo = _Memo(ctx)
    by_sentence: dict[int, list[Fact]] = {}
    for fact in facts:
        if _blankable(fact, ctx) and memo.asked_alone(fact):
            by_sentence.setdefault(fact.sentence, []).append(fact)
    sentences = ctx.doc.sentences
    texts = [f" {plain(s.text)} " for s in sentences]
    # A passage opens on a sentence with gaps, or on one that only sets the scene for the next
    # ("The factory is a joint venture ..." before "It was expected to take till 2006 ...").
    openings = sorted(set(by_sentence) | {n - 1 for n in by_sentence if n > 0})
    for first in openings:
        for width in range(1, MAX_SENTENCES + 1):
            last = first + width - 1
            if last >= len(sentences) or sentences[last].paragraph != sentences[first].paragraph:
                break
            if last not in by_sentence:
                continue
            window = sentences[first : last + 1]
            item = _passage(window, by_sentence, memo)
            if item is not None:
                yield item
            # The same passage with names the rest of the article repeats left in place: a gap
            # on them would shut every item whose stem shows them out of the quiz.
            local = {
                n: [f for f in by_sentence.get(n, []) if not _repeated(f, texts, first, last)]
                for n in range(first, last + 1)
            }
            if sum(map(len, local.values())) < sum(len(by_sentence.get(n, [])) for n in local):
                item = _passage(window, local, memo)
                if item is not None:
                    yield item


def _repeated(fact: Fact, texts: Sequence[str], first: int, last: int) -> bool:
    """Whether the article writes the fact again outside sentences first..last."""
    forms = fact_forms(fact)
    return any(
        f" {form} " in text
        for n, text in enumerate(texts)
        if not first <= n <= last
        for form in forms
    )


def _passage(
    window: Sequence[Sentence], by_sentence: dict[int, list[Fact]], memo: _Memo
) -> Item | None:
    """The passage over these sentences with their facts blanked, or None where it cannot be."""
    ctx = memo.ctx
    doc = ctx.doc
    pieces: list[str] = []
    gaps: list[tuple[int, int, Fact]] = []  # spans in the joined text, and their facts
    length = 0
    for n, sentence in enumerate(window):
        regions = ctx.sentence_quotes(sentence.index)
        if partial_quote(doc, sentence, regions):
            return None
        facts = _separate(by_sentence.get(sentence.index, []), sentence.text, sentence.start)
        facts = memo.most_salient(facts, MAX_GAPS_PER_SENTENCE)
        if n == 0:
            placed = _first_sentence(sentence, facts, memo)
            if placed is None:
                return None
            text, spans = placed
        else:
            if not _follows(sentence, window[:n], ctx):
                return None
            text = sentence.text
            spans = [(f.start - sentence.start, f.end - sentence.start, f) for f in facts]
        offset = length + (1 if pieces else 0)
        pieces.append(text)
        length = offset + len(text)
        gaps += [(offset + a, offset + b, f) for a, b, f in spans]
    joined = " ".join(pieces)
    if BLANK in joined:
        return None
    gaps = _one_gap_per_thing(joined, gaps)
    # A gap whose answer the passage prints elsewhere asks nothing, and one whose kind has no
    # wrong entry in the bank is answered by elimination: either goes back to its words, which
    # may give away another gap in turn, until none does.
    while True:
        if not MIN_BLANKS <= len(gaps) <= MAX_BLANKS:
            return None
        text = _blanked(joined, gaps)
        visible = f" {plain(text.replace(BLANK, ' '))} "
        shown = text.replace(BLANK, " ")
        kept = [
            g
            for g in gaps
            if not any(f" {form} " in visible for form in fact_forms(g[2]))
            and not shows_a_name(g[2], shown)
        ]
        if len(kept) < len(gaps):
            gaps = kept
            continue
        bank, lacking = word_bank([fact for _, _, fact in gaps], shown, memo.drawn)
        if not lacking:
            break
        gaps = [g for g in gaps if gap_kind(g[2]) not in lacking]
    if len(text.split()) > MAX_PASSAGE_WORDS:
        return None
    if any(_converted(joined, a, b, fact) for a, b, fact in gaps):
        return None
    if pronoun_before_a_name(text, [(a, fact) for a, _, fact in gaps]):
        return None
    chosen = [fact for _, _, fact in gaps]
    blanks = tuple(
        Blank(
            answer=f.text, fact=f, accepted=fair_accepted(f.text, accepted_answers(f, f.text, doc))
        )
        for f in chosen
    )
    first, last = window[0], window[-1]
    quote = doc.text[first.start : last.end]
    return Item(
        kind=QuestionKind.CLOZE,
        prompt=text,
        fact=blanks[0].fact,
        source=SourceQuote(quote, first.start, last.end, first.paragraph),
        answer=blanks[0].answer,
        explanation=f"The article says: “{' '.join(quote.split())}”",
        difficulty=0.5,
        facts=tuple(chosen),
        blanks=blanks,
        bank=bank,
    )


def _converted(joined: str, a: int, b: int, fact: Fact) -> bool:
    """Whether a bracket the passage shows writes the gap's figure again in other units
    ("made _____ (£6.2m)"), or the gap is itself such a bracket: the one-fact stems' rule."""
    if fact.type is not FactType.QUANTITY:
        return False
    return conversion(joined, a, b) != []


def _blanked(joined: str, gaps: Sequence[tuple[int, int, Fact]]) -> str:
    """The passage with each gap written as a blank (an acronym in brackets after its name
    dropped too: it would give the name away)."""
    prompt, cursor = [], 0
    for a, b, fact in gaps:
        skip = 0
        if fact.attr("acronym"):
            match = _ACRONYM_AFTER.match(joined[b:])
            skip = match.end() if match else 0
        prompt += [joined[cursor:a], BLANK]
        cursor = b + skip
    prompt.append(joined[cursor:])
    return "".join(prompt).strip()


def _first_sentence(
    sentence: Sentence, facts: list[Fact], memo: _Memo
) -> tuple[str, list[tuple[int, int, Fact]]] | None:
    """The passage's opening sentence rewritten to stand alone, with where each fact now sits."""
    anchors = facts or list(memo.ctx.pools.mentions.get(sentence.index, ()))[:1]
    if not anchors:
        return None
    stem = memo.stem(anchors[0])
    if stem is None or not rewritten_at_the_opening(sentence, stem.text, memo.ctx):
        return None
    if BARE_DESCRIPTION.match(stem.text.replace(BLANK, "_____")):
        return None  # "The finished image is ...": which image is in an earlier sentence
    if not facts:
        # An opening that only sets the scene must name what it speaks of ("The two sides
        # settled out of court" leaves the sides to the article) and not point back ("Mr
        # Ebbers' team, meanwhile, ...").
        if DESCRIBED_SUBJECT.match(stem.text) or POINTS_BACK.search(stem.text):
            return None
        return stem.text, []
    spans = [(stem.start, stem.end, facts[0])]
    cursor = stem.end
    for fact in facts[1:]:
        at = stem.text.find(fact.text, cursor)
        if at < 0:
            return None  # the rewrite changed the words around it
        spans.append((at, at + len(fact.text), fact))
        cursor = at + len(fact.text)
    return stem.text, spans


def _follows(sentence: Sentence, before: Sequence[Sentence], ctx: BuildContext) -> bool:
    """Whether a later sentence of the passage reads on from the ones before it: an opening
    pronoun needs something those sentences name."""
    opening = _OPENING_WORD.match(sentence.text)
    word = opening.group(1).lower() if opening else ""
    if word not in _LEANING_OPENERS:
        return True
    mentions = ctx.pools.mentions
    return any(f.type in _NAMED for s in before for f in mentions.get(s.index, ()))


class _Memo:
    """Stems and distractors worked out once per fact: a fact sits in several passages."""

    def __init__(self, ctx: BuildContext) -> None:
        self.ctx = ctx
        self._in_passage = replace(ctx, alone=False)
        self._stems: dict[Fact, Stem | None] = {}
        self.drawn = BankOptions(ctx)
        self._alone: dict[Fact, bool] = {}
        self._salience: dict[Fact, Salience] | None = None

    def asked_alone(self, fact: Fact) -> bool:
        """Whether the one-fact fill-in builder makes an item on the fact that passes the lint:
        a gap passes the same rules (no name cut, no figure its bracket converts, a stem that
        stands alone) as the one-gap item on it."""
        if fact not in self._alone:
            # Its sentence may lean on the passage's earlier ones for what it is about.
            item = build_fill_in(fact, self._in_passage)
            self._alone[fact] = item is not None and not check_item(item, self.ctx.doc.text)
        return self._alone[fact]

    def most_salient(self, facts: list[Fact], limit: int) -> list[Fact]:
        """At most `limit` of a sentence's facts, the most central to the article, in order."""
        if len(facts) <= limit:
            return facts
        if self._salience is None:
            every = [f for found in self.ctx.pools.mentions.values() for f in found]
            self._salience = score_facts(every, self.ctx.doc)
        scores = self._salience

        def score(fact: Fact) -> float:
            found = scores.get(fact)
            return found.score if found else 0.0

        best = sorted(facts, key=lambda f: (-score(f), f.start))[:limit]
        return sorted(best, key=lambda f: (f.start, -f.end))

    def stem(self, fact: Fact) -> Stem | None:
        if fact not in self._stems:
            self._stems[fact] = self.ctx.stem(fact)
        return self._stems[fact]


def build_cloze_for(fact: Fact, ctx: BuildContext) -> Item | None:
    """The shortest passage around a fact's sentence that has a gap on it, or None."""
    near = range(fact.sentence - MAX_SENTENCES + 1, fact.sentence + MAX_SENTENCES)
    facts = [f for n in near for f in ctx.pools.mentions.get(n, ())]
    found = [
        item
        for item in build_cloze(facts, ctx)
        if any((f.start, f.end) == (fact.start, fact.end) for f in item.facts)
    ]
    if not found:
        return None
    return min(found, key=lambda item: (item.source.end - item.source.start, item.source.start))


def keeping_gaps(item: Item, keep: Sequence[int]) -> Item | None:
    """The passage with only the gaps at these positions; the others show their words again.

    None when fewer than two gaps would be left or a shown answer would give a kept one away.
    """
    kept = [item.blanks[i] for i in sorted(set(keep))]
    if len(kept) < MIN_BLANKS or len(kept) == len(item.blanks):
        return None
    # Every distractor was drawn for a kind of gap: with no gap of its kind left it fits none.
    if {gap_kind(b.fact) for b in kept} != {gap_kind(b.fact) for b in item.blanks}:
        return None
    parts = item.prompt.split(BLANK)
    wanted = set(keep)
    prompt = parts[0]
    for i, blank in enumerate(item.blanks):
        prompt += (BLANK if i in wanted else blank.answer) + parts[i + 1]
    visible = f" {plain(prompt.replace(BLANK, ' '))} "
    if any(f" {form} " in visible for blank in kept for form in fact_forms(blank.fact)):
        return None
    shown = prompt.replace(BLANK, " ")
    if any(shows_a_name(blank.fact, shown) for blank in kept):
        return None
    dropped = {blank.answer for blank in item.blanks} - {blank.answer for blank in kept}
    return replace(
        item,
        prompt=prompt,
        fact=kept[0].fact,
        answer=kept[0].answer,
        facts=tuple(blank.fact for blank in kept),
        blanks=tuple(kept),
        bank=tuple(entry for entry in item.bank if entry not in dropped),
    )
