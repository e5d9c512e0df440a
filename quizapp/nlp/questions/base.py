"""What every question builder gets, and the pieces they share (cloze text, explanation)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

from quizapp.nlp.distractors import Pools
from quizapp.nlp.model import BLANK, Document, Fact, FactType, Sentence, SourceQuote
from quizapp.nlp.questions.plural_slips import number_slip
from quizapp.nlp.questions.quoting import opens_long_quote, partial_quote, quote_regions
from quizapp.nlp.questions.standing import question_problem
from quizapp.nlp.questions.stems import Stem, leans_on_article, stand_alone_stem

_NUMBER_PART = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class BuildContext:
    """The document, its distractor pools and the run's seed."""

    doc: Document
    pools: Pools
    seed: int
    # Spans of quoted speech in the article (worked out here when not given).
    quotes: tuple[tuple[int, int, bool], ...] | None = field(default=None)
    # False inside a cloze passage, whose earlier sentences say what a later one is about:
    # there a stem need not name its subject itself (it must still be well formed).
    alone: bool = True
    # The quotation spans touching each sentence, so no look-up scans the whole article.
    _by_sentence: dict[int, tuple[tuple[int, int, bool], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    # Each fact's stem, as several kinds of item ask for the same fact's (keyed by the fact's
    # identity, the fact held so its id stays its own: a stem may tell a fact from its equal).
    _stems: dict[int, tuple[Fact, Stem | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if self.quotes is None:
            object.__setattr__(self, "quotes", quote_regions(self.doc))
        regions = self.quotes or ()
        k = 0
        for sentence in self.doc.sentences:
            while k < len(regions) and regions[k][1] <= sentence.start:
                k += 1
            j = k
            near = []
            while j < len(regions) and regions[j][0] < sentence.end:
                near.append(regions[j])
                j += 1
            if near:
                self._by_sentence[sentence.index] = tuple(near)

    def _regions(self, fact: Fact) -> tuple[tuple[int, int, bool], ...]:
        return self._by_sentence.get(fact.sentence, ())

    def sentence_quotes(self, index: int) -> tuple[tuple[int, int, bool], ...]:
        """The quotation spans touching one sentence."""
        return self._by_sentence.get(index, ())

    def stem(self, fact: Fact) -> Stem | None:
        """The fact's sentence rewritten to stand alone, or None where it cannot."""
        known = self._stems.get(id(fact))
        if known is not None and known[0] is fact:
            return known[1]
        stem = stand_alone_stem(
            self.doc,
            self.sentence(fact),
            fact,
            self.pools.mentions,
            self._regions(fact),
            alone=self.alone,
        )
        self._stems[id(fact)] = (fact, stem)
        return stem

    def wh_question(self, fact: Fact) -> str | None:
        """A WH question for the fact, unless it sits in quoted words or a quotation cut apart."""
        from quizapp.nlp.questions.anaphors import earlier_name, pointing_back
        from quizapp.nlp.questions.wh import make_wh_question

        sentence = self.sentence(fact)
        regions = self._regions(fact)
        if (
            partial_quote(self.doc, sentence, regions)
            and not opens_long_quote(self.doc, sentence, regions)
        ) or any(a < fact.end and fact.start < b for a, b, _ in regions):
            return None
        if leans_on_article(sentence, fact, regions):
            return None
        at, end = fact.start - sentence.start, fact.end - sentence.start
        named = []
        for head, _, _, counted in pointing_back(self.doc, sentence, at, end, []):
            name = None if counted else earlier_name(self.doc, sentence, head)
            if name is None:
                return None  # "Which organisation will make the chip?": which chip, unsaid
            named.append((head, name))
        question = make_wh_question(sentence, fact)
        for head, name in named:
            question = question and re.sub(rf"\bthe {re.escape(head)}\b", f"the {name}", question)
        if question is None or question_problem(self.doc, question, self.pools.mentions):
            return None
        if number_slip(self.doc, sentence, question) is not None:
            return None  # "... against operators of BitTorrent server site?": the article's slip
        # A dangling "also" points back at the article ("Which city have also been caught ...").
        return re.sub(r"\s+also\b", "", question)

    def whole_quote(self, fact: Fact) -> bool:
        """Whether a quote fact's words are a whole quotation inside its sentence."""
        sentence, regions = self.sentence(fact), self._regions(fact)
        return not partial_quote(self.doc, sentence, regions) or opens_long_quote(
            self.doc, sentence, regions
        )

    def stem_cloze(self, fact: Fact, target: Fact | None = None) -> str | None:
        """A stand-alone cloze for the fact (or for a narrower target inside it), or None."""
        narrowed = target or fact
        stem = self.stem(narrowed)
        if stem is None:
            return None
        prompt = stem.with_blank(BLANK)
        if fact.attr("acronym"):
            head, tail = prompt.split(BLANK, 1)
            prompt = head + BLANK + re.sub(r"^\s*\([A-Z&.]{2,8}\)", "", tail)
        if not _has_context(prompt):
            return None
        if fact.type is FactType.OTHER and _kin_in_stem(narrowed.text, prompt):
            return None  # "..., and _____ may undergo additional metamorphism": the stem says it
        return prompt

    def rng(self, fact: Fact, kind: str) -> random.Random:
        """A random generator fixed by the seed, the fact's span and the item kind."""
        return random.Random(f"{self.seed}:{fact.start}:{fact.end}:{kind}")

    def sentence(self, fact: Fact) -> Sentence:
        """The sentence a fact comes from."""
        return self.doc.sentences[fact.sentence]


def source_of(sentence: Sentence) -> SourceQuote:
    """The whole sentence, quoted with its offsets and paragraph number."""
    return SourceQuote(sentence.text, sentence.start, sentence.end, sentence.paragraph)


def explanation(sentence: Sentence) -> str:
    """The explanation every item carries: the source sentence, quoted."""
    return f"The article says: “{sentence.text}”"


def cloze(sentence: Sentence, fact: Fact) -> str:
    """The sentence with the fact blanked, and an acronym right after it dropped (it would leak)."""
    s = sentence.text
    a, b = fact.start - sentence.start, fact.end - sentence.start
    tail = s[b:]
    if fact.attr("acronym"):
        tail = re.sub(r"^\s*\([A-Z&.]{2,8}\)", "", tail)
    return (s[:a] + BLANK + tail).strip()


def filler_word(fact: Fact) -> bool:
    """A lone common noun the article does not come back to ("plans", "work"): not worth asking."""
    return (
        fact.type is FactType.OTHER
        and fact.attr("form") == "phrase"
        and " " not in fact.text
        and int(fact.attr("salience") or 1) < 2
    )


# Two words sharing this many opening letters are one word in two forms ("metamorphic",
# "metamorphism").
KIN_PREFIX = 6


def _kin_in_stem(answer: str, prompt: str) -> bool:
    """Whether the stem prints another form of a word of a common-noun answer."""
    stem_words = {w.lower() for w in re.findall(r"[A-Za-z]+", prompt.replace(BLANK, " "))}
    for word in re.findall(r"[A-Za-z]+", answer.lower()):
        if len(word) < KIN_PREFIX:
            continue
        for other in stem_words:
            if other != word and other[:KIN_PREFIX] == word[:KIN_PREFIX]:
                return True
    return False


def _has_context(prompt: str) -> bool:
    """A stem with at least three words besides the blank (never a prompt that is only "_____")."""
    words = [w for w in re.findall(r"[A-Za-z0-9]+", prompt.replace(BLANK, " "))]
    return len(words) >= 3


# The same narrowed fact for every kind that asks the number (fill-in, numeric): the context
# then works its stem out once (stems are remembered by the fact's identity).
@lru_cache(maxsize=4096)
def number_fact(fact: Fact) -> Fact | None:
    """For "68 stations" or "1,360 km", the fact narrowed to its number ("68", "1,360")."""
    if fact.type is not FactType.QUANTITY or fact.attr("form") == "money":
        return None
    if fact.attr("form") == "words":
        number = fact.attr("number") or ""
        if not fact.text.startswith(number + " "):
            return None
        return Fact(
            fact.type, number, fact.start, fact.start + len(number), fact.sentence, fact.attrs
        )
    match = _NUMBER_PART.search(fact.text)
    if match is None or match.start() != 0:
        return None
    return Fact(
        type=fact.type,
        text=match.group(),
        start=fact.start,
        end=fact.start + match.end(),
        sentence=fact.sentence,
        attrs=fact.attrs,
    )
