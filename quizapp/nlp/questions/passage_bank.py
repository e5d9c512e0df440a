"""A passage's word bank: every gap's answer and one distractor per kind of gap, drawn from
the options a multiple-choice item on the gap would show, else from the article's own facts of
the gap's very kind, the most plausible first."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.nlp.distractors import make_distractors
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.questions.base import BuildContext
from quizapp.nlp.questions.passage_gaps import (
    MAX_KINDS,
    called_a_body,
    fits_the_bank,
    gap_kind,
    same_entity,
    sure_kind,
)
from quizapp.nlp.questions.titled_names import TITLE_BEFORE
from quizapp.nlp.salience import identity
from quizapp.nlp.text import normalise

# A distractor is drawn from the options a multiple-choice item on the gap's fact would show.
OPTIONS_DRAWN = 3
# A linked pair's wrong entries per figure gap (passage_pairs.WRONG_PER_GAP), from up to
# this many draws of options.
WRONG_PER_FIGURE = 2
FIGURE_DRAWS = 3
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def figure_rank(fact: Fact, ctx: BuildContext) -> int:
    """How many of a linked pair's two wrong entries for a figure gap lie below its key: drawn
    once per fact, so that the largest (or smallest) entry is the key no more often than chance."""
    return ctx.rng(fact, "cloze-figure-rank").randrange(WRONG_PER_FIGURE + 1)


def word_bank(
    facts: Sequence[Fact], shown: str, drawn: BankOptions
) -> tuple[tuple[str, ...], set[str]]:
    """Every gap's answer once plus one distractor per kind of gap, sorted; and the kinds
    that got none (past MAX_KINDS kinds, the later kinds get none)."""
    entries = [f.text for f in facts]
    kinds = list(dict.fromkeys(gap_kind(f) for f in facts))
    lacking = set(kinds[MAX_KINDS:])
    for kind in kinds[:MAX_KINDS]:
        found = None
        for fact in (f for f in facts if gap_kind(f) == kind):
            found = next((o for o in drawn.options(fact) if fits_the_bank(o, entries, shown)), None)
            if found:
                break
        if found is None:
            lacking.add(kind)
        else:
            entries.append(found)
    return tuple(sorted(set(entries), key=lambda e: (e.casefold(), e))), lacking


class BankOptions:
    """The wrong entries each fact's gap could take, worked out once per article."""

    def __init__(self, ctx: BuildContext, *, figure_ranks: bool = False) -> None:
        self.ctx = ctx
        # Linked pairs draw a figure's wrong options around the rank its two entries will
        # leave the key at (figure_rank), so that two of them always can.
        self.figure_ranks = figure_ranks
        self._options: dict[Fact, list[str]] = {}
        self._made: dict[Fact, list[str]] = {}
        self._names: list[Fact] | None = None

    def options(self, fact: Fact) -> list[str]:
        """The wrong options a multiple-choice item on the fact would show (none where it
        could not have three: a kind the article and gazetteers hold too few of)."""
        if fact not in self._options:
            options = list(self._multiple_choice(fact))
            if fact.type is not FactType.ORGANISATION:
                options += [o for o in self._from_the_article(fact) if o not in options]
            options += [o for o in self._years_apart(fact) if o not in options]
            self._options[fact] = sorted(options, key=lambda o: self._nearness(fact, o))
        return self._options[fact]

    def chosen_options(self, fact: Fact) -> list[str]:
        """Only the wrong options a multiple-choice item on the fact would show (fitted to what
        its sentence says of the key) and, for a date, the same date a few years off: never the
        article's other names of the type, which need not fit the gap's sentence."""
        picked = set(self._multiple_choice(fact)) | set(self._years_apart(fact))
        return [o for o in self.options(fact) if o in picked]

    def _multiple_choice(self, fact: Fact) -> list[str]:
        if fact not in self._made:
            sentence = self.ctx.sentence(fact)
            rank, draws = None, 1
            if self.figure_ranks and fact.type is FactType.QUANTITY:
                # Of three options with k below the key, two leave r below it when k is r or
                # r + 1; more draws at that rank give spares for options the gap refuses.
                rank = figure_rank(fact, self.ctx) + self.ctx.rng(fact, "cloze-draw").randrange(2)
                draws = FIGURE_DRAWS
            made: list[str] = []
            for draw in range(draws):
                drawn = make_distractors(
                    fact,
                    self.ctx.pools,
                    self.ctx.rng(fact, "cloze" if draw == 0 else f"cloze-{draw}"),
                    count=OPTIONS_DRAWN,
                    sentence=sentence.text,
                    ranked=False,  # a word bank shows no order to read a key's rank from
                    rank=rank,
                )
                made += [o for o in drawn or [] if o not in made]
            self._made[fact] = [o for o in made if self._sure_option(fact, o)]
        return self._made[fact]

    def _years_apart(self, fact: Fact) -> list[str]:
        """The date a few years off ("May 2003" for "May 2005"): as plausible a wrong date as
        the article's time allows, where the drawn ones lie decades away."""
        found = YEAR.search(fact.text) if fact.type is FactType.DATE else None
        if not found or fact.attr("granularity") == "decade":
            return []
        year = int(found.group())
        shifts = [-3, -2, -1, 1, 2, 3]
        self.ctx.rng(fact, "cloze-years").shuffle(shifts)
        out = []
        for shift in shifts:
            other = fact.text[: found.start()] + str(year + shift) + fact.text[found.end() :]
            if not re.search(r"\d{4}\D+\d", fact.text):  # never half of a range ("1965-71")
                out.append(other)
        return out

    def _nearness(self, fact: Fact, option: str) -> tuple[float, int]:
        """How plausible a distractor is, most first: a date's year near the answer's (a launch
        "due in _____" among years long past gives the answer away), then a name the article
        itself mentions (its teams and towns, before a gazetteer's)."""
        distance = 0.0
        if fact.type is FactType.DATE:
            mine, theirs = YEAR.search(fact.text), YEAR.search(option)
            if mine and theirs:
                distance = abs(int(mine.group()) - int(theirs.group()))
        mentioned = re.search(rf"\b{re.escape(option)}\b", self.ctx.doc.text) is not None
        return distance, 0 if mentioned else 1

    def _from_the_article(self, fact: Fact) -> list[str]:
        """Where no multiple-choice options can be made, the article's other facts of the gap's
        very kind: a date of the same shape ("27 February" for "11 September"), a figure in the
        same unit, a place of the same kind, a person named in full like the answer."""
        kind = gap_kind(fact)
        seen = {normalise(fact.text), identity(fact)}
        out = []
        for other in self.ctx.pools.by_type.get(fact.type, ()):
            key = normalise(other.text)
            if key in seen or identity(other) in seen or gap_kind(other) != kind:
                continue
            if fact.type is FactType.PLACE and other.attr("kind") != fact.attr("kind"):
                continue
            if fact.type is FactType.PERSON and (
                " " not in other.text.strip()
                or same_entity(fact, other)
                or bool(TITLE_BEFORE.search(other.text + " "))
                != bool(TITLE_BEFORE.search(fact.text + " "))
            ):
                continue
            if fact.type in (FactType.PERSON, FactType.PLACE) and not sure_kind(
                other, self.ctx.sentence(other), self.ctx.doc
            ):
                continue
            if fact.type is FactType.ORGANISATION:
                continue  # a newspaper among firms: the article's bodies are of many kinds
            seen.add(key)
            out.append(other.text)
        self.ctx.rng(fact, "cloze-article").shuffle(out)
        return [o for o in out if self._sure_option(fact, o)][:OPTIONS_DRAWN]

    def _sure_option(self, fact: Fact, option: str) -> bool:
        """Whether a name drawn as a distractor is of the gap's kind as this article uses it:
        not a name the article gives another type ("Suez" the company beside places) or an
        unsure one ("Christmas Day" read as a person), nor part of a longer name ("Juan Carlos"
        of "Juan Carlos Ferrero")."""
        if fact.type not in (FactType.PERSON, FactType.ORGANISATION, FactType.PLACE):
            return True
        key = normalise(option)
        named = self._named()
        if named and fact.type is FactType.PLACE and called_a_body(option, self.ctx.doc):
            return False
        for other in named:
            text = normalise(other.text)
            if text == key and (
                other.type is not fact.type
                or not sure_kind(other, self.ctx.sentence(other), self.ctx.doc)
            ):
                return False
            # Both normalised (single spaces, none at the ends): a whole-word part of it.
            if text != key and f" {key} " in f" {text} ":
                return False
        return True

    def _named(self) -> list[Fact]:
        if self._names is None:
            kinds = (FactType.PERSON, FactType.ORGANISATION, FactType.PLACE, FactType.OTHER)
            self._names = [
                f for found in self.ctx.pools.mentions.values() for f in found if f.type in kinds
            ]
        return self._names
