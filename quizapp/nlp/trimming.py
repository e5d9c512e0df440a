"""Stem variants that leave out another item's answer, so one quiz can ask both facts.

"Hollywood film star _____ has held a dinner party in New York to promote ..." prints "New
York", which another item asks. Only parts a sentence reads well without are left out: a time
or place adjunct ("in New York", "on 5 May", "In July 2004, ..."), an aside in brackets or
between dashes, a closing "which"/"who" clause. An adjunct is kept where it tells which figure
or date the question means ("prices rose _____ in December"): a stem on a number keeps its
dates and places, a stem on a date keeps its dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from quizapp.nlp.clause_cuts import clause_cut
from quizapp.nlp.cut_stem_checks import long_enough, tidy_cut
from quizapp.nlp.model import BLANK, Fact, FactType, Item, QuestionKind
from quizapp.nlp.name_mentions import (
    article_descriptions,
    described_name,
    named_by_description,
    without_measure,
    without_possessor,
)
from quizapp.nlp.role_descriptions import (
    _Described,
    _proper_words,
    described_people,
    described_prompt,
)
from quizapp.nlp.trim_phrases import (
    apposition_statement,
    without_agent,
    without_circumstance,
    without_dash_tail,
    without_participle_phrase,
    without_price,
    without_venue,
)

# Kinds whose prompt is a stem or question with no key printed in it (true/false prints a
# statement whose truth depends on every word, matching has no stem).
_TRIMMED_KINDS = frozenset(
    {
        QuestionKind.MULTIPLE_CHOICE,
        QuestionKind.FILL_IN,
        QuestionKind.SHORT_ANSWER,
        QuestionKind.NUMERIC,
    }
)
# A stem asking one of these keeps the dates of its sentence ("rose by _____ in December");
# one asking a quantity also keeps its places ("fell by _____ in Wales").
_KEEPS_DATES = frozenset({FactType.QUANTITY, FactType.ORDINAL})
_KEEPS_PLACES = frozenset({FactType.QUANTITY})
# What may follow an adjunct left out: the end of a clause, a "to" infinitive, a new clause
# or another adjunct ("in Dublin in the 2004 Six Nations", "in Paris last season").
# A comma followed by a capitalised word may be a list ("in London, Paris and Rome").
# A clause that starts after it is fine ("in Dunmore if her party wins"); "and" is not (it may
# go on with the adjunct: "in London and Paris").
_AFTER_ADJUNCT = (
    r"(?=\s*[.;:?!]|\s*,(?!\s*[A-Z])|\s*$|\s+to\s+[a-z]+\b|"
    r"\s+(?:if|when|after|before|while|because|until|unless|but|as)\s|"
    r"\s+(?:in|on|at|during)\s+(?:(?:the\s+)?(?:[A-Z]|\d)|an?\s+[a-z])|"
    r"\s+(?:last|this|next)\s+[a-z]+\b)"
)
_BRACKETS = re.compile(r"\s*\([^()]{1,80}\)")
# An aside opening "and ..." or "as well as ..." adds to the subject ("The theme - and his
# long association with Tim Burton - are"): leaving it out breaks the verb's agreement.
_DASHES = re.compile(
    r"\s+[-\u2013\u2014]\s+(?!(?:and|or|as well as|along with|together with|plus)\b)"
    r"[^-\u2013\u2014]{3,100}?\s+[-\u2013\u2014](?=\s)"
)
# "Vince Cable, the party's Treasury spokesman, said": an apposition after a name, never one
# that a list goes on from ("Leeds, the capital, and York").
_APPOSITION = re.compile(
    r"\b[A-Z][\w'\u2019-]*(?P<aside>,\s+(?:a|an|the|his|her|its|their|[A-Z][\w-]*['\u2019]s)\s+"
    r"(?:(?!\b(?:who|which|that|said|says|and|or)\b)[^,;:()\"\u201c\u201d]){3,70}?,)"
    r"(?=\s+(?!(?:and|or|who|which|that|whose)\b)(?P<verb>[a-z]+))"
)
_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\s+[^,;:\"\u201c\u201d]{3,}?(?=[.?!]?$)")
# "The pier, which opened in 1898, was closed ...": a clause between commas before the verb.
_INNER_RELATIVE = re.compile(
    r"(?P<aside>,\s+(?:which|who|whose)\s+[^,;:()\"\u201c\u201d]{3,80}?,)(?=\s+(?P<verb>[a-z]+)\b)"
)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_FIGURE = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONEY = re.compile(r"[£$€]\s?\d")


@dataclass(frozen=True, slots=True)
class _Asked:
    """A fact some candidate asks about, as it is printed."""

    text: str
    type: FactType


def asked_facts(items: Iterable[Item]) -> list[_Asked]:
    """The facts the candidates ask, longest first (a longer name is left out before a part)."""
    seen: dict[str, FactType] = {}
    for item in items:
        for fact in (*item.facts, item.fact, *(b.fact for b in item.blanks)):
            seen.setdefault(fact.text, fact.type)
    return sorted((_Asked(t, k) for t, k in seen.items()), key=lambda a: (-len(a.text), a.text))


def trimmed_variants(
    items: Sequence[Item],
    asked: Sequence[_Asked] | None = None,
    people: Sequence[_Described] | None = None,
    names: frozenset[str] | None = None,
    sources: Sequence[str] | None = None,
    descriptions: Mapping[str, str] | None = None,
) -> list[Item]:
    """For each item whose stem prints a fact another candidate asks, the item again with
    every such mention it reads well without left out, and other people named by their role
    (none where nothing can change). ``sources`` are the article's sentences (by default the
    items' own), read to tell whether a descriptor points at one name only."""
    asked = asked_facts(items) if asked is None else asked
    people = described_people(items) if people is None else people
    names = article_words(items) if names is None else names
    sources = article_sentences(items) if sources is None else sources
    if descriptions is None:
        descriptions = name_descriptions(asked, sources)
    out = []
    for item in items:
        prompt = trimmed_prompt(item, asked, people, names, sources, descriptions)
        if prompt is not None and prompt != item.prompt:
            out.append(replace(item, prompt=prompt))
        statement = _apposition_item(item, asked, people, names)
        if statement is not None and statement.prompt not in (item.prompt, prompt):
            out.append(statement)
    return out


def _apposition_item(
    item: Item, asked: Sequence[_Asked], people: Sequence[_Described], names: frozenset[str]
) -> Item | None:
    """The item asked as what its sentence's apposition says of a name ("X is a lecturer at
    London's _____."), the other facts of the rest of the sentence left out with it."""
    if item.kind not in _TRIMMED_KINDS or item.blanks:
        return None
    statement = apposition_statement(item.prompt)
    if statement is None or not long_enough(statement, names):
        return None
    shorter = replace(item, prompt=statement)
    return replace(shorter, prompt=trimmed_prompt(shorter, asked, people, names) or statement)


def trimmed_prompt(
    item: Item,
    asked: Sequence[_Asked],
    people: Sequence[_Described] = (),
    names: frozenset[str] = frozenset(),
    sources: Sequence[str] = (),
    descriptions: Mapping[str, str] | None = None,
) -> str | None:
    """The item's prompt without the removable mentions of other facts, or None."""
    if item.kind not in _TRIMMED_KINDS or item.blanks:
        return None
    own = {f.text for f in (*item.facts, item.fact)}
    persons = frozenset(a.text for a in asked if a.type is FactType.PERSON)
    prompt = described_prompt(item, item.prompt, people)
    for other in asked:
        if _prints_another(other, own, prompt):
            prompt = _leave_out(prompt, other, item.fact, persons, sources, descriptions or {})
    # What an adjunct or aside could not take: a whole clause or aside that holds the mention.
    answer = item.answer or item.fact.text
    for other in asked:
        if not _prints_another(other, own, prompt):
            continue
        keep = item.fact.type in _KEEPS_DATES
        prompt = clause_cut(prompt, answer, other.text, names, keep) or prompt
    if prompt == item.prompt:
        return None
    prompt = tidy_cut(prompt, before_stop=",")
    if not long_enough(prompt, names) or (BLANK in item.prompt) != (BLANK in prompt):
        return None
    return prompt


def _prints_another(other: _Asked, own: set[str], prompt: str) -> bool:
    """Whether the prompt prints a fact another item asks that is not its own, nor inside or
    around one of its own ("Lib Dem" inside "Lib Dem leader": part of the asked name's context)."""
    if other.text in own or other.text not in prompt:
        return False
    return not any(other.text in o or o in other.text for o in own)


def _leave_out(
    prompt: str,
    other: _Asked,
    fact: Fact,
    persons: frozenset[str] = frozenset(),
    sources: Sequence[str] = (),
    descriptions: Mapping[str, str] | None = None,
) -> str:
    """The prompt without the parts that print the other fact and can go, or with a name said
    by the descriptor the sentence puts before it; unchanged if none."""
    name = re.escape(other.text)
    for pattern in (_BRACKETS, _DASHES, _APPOSITION, _RELATIVE, _INNER_RELATIVE):
        for match in pattern.finditer(prompt):
            aside = "aside" if "aside" in pattern.groupindex else 0
            start, end = match.span(aside)
            if "verb" in pattern.groupindex and not _finite_verb_at(prompt, match.start("verb")):
                continue  # ", which sells books, toys and games": a list, not an aside
            if (
                re.search(rf"(?<!\w){name}(?!\w)", prompt[start:end])
                and BLANK not in prompt[start:end]
            ):
                return prompt[:start] + prompt[end:]
    cut = _phrase_cut(prompt, other, fact) or _qualifier_cut(prompt, other, persons)
    if cut is not None:
        return cut
    # "bought the Yugansk unit for $9.3bn in a sale ...": a price said in passing, when the
    # stem is about something else.
    priced = other.type is FactType.QUANTITY and _MONEY.match(other.text)
    if priced:
        price = re.search(
            rf"\s+(?:for|at a cost of)\s+(?:about\s+|around\s+|some\s+)?{name}"
            rf"(?:\s*\([^()]{{1,30}}\))?(?!\w){_AFTER_ADJUNCT}",
            prompt,
        )
        if price:
            return prompt[: price.start()] + prompt[price.end() :]
    dated = other.type is FactType.DATE and fact.type not in _KEEPS_DATES
    placed = other.type is FactType.PLACE and fact.type not in _KEEPS_PLACES
    if not (dated or placed):
        return _described(prompt, other, fact, sources, descriptions or {}) or prompt
    if _scoped_figure(prompt, other.text):
        return prompt  # "fell to 85,000 in October": the date or place scopes a figure
    if placed and re.search(rf"{name}.*\b(?:there|here)\b", prompt):
        return prompt  # "a factory in China ... to manufacture there": "there" needs it
    preps = "in|on|during" if dated else "in|at"
    # "In July 2004, Bat announced ...": an opening date goes; an opening place ("In England,
    # the target ...") says where the rest holds, and stays.
    leading = dated and re.match(rf"(?:In|On|During)\s+{name},\s+(?=[a-zA-Z])", prompt)
    if leading:
        rest = prompt[leading.end() :]
        return rest[:1].upper() + rest[1:]
    inner = re.search(
        rf",?\s+(?:{preps})\s+(?:the\s+)?{name}(?!\w|['\u2019]){_AFTER_ADJUNCT}", prompt
    )
    if (
        inner
        and not re.search(r",\s+[a-z]+ed$", prompt[: inner.start()])
        and not re.search(r"\b(?:those|that|ones?)$", prompt[: inner.start()])
    ):
        # ("as those in England": the demonstrative would be left pointing at nothing.)
        # ("the White Paper, published in _, was": the participle would be left bare.)
        return prompt[: inner.start()] + prompt[inner.end() :]
    return prompt


def _qualifier_cut(prompt: str, other: _Asked, persons: frozenset[str]) -> str | None:
    """The prompt with the other fact gone from where it only qualifies a named thing: an age
    or height before a noun, a possessor before a name (see name_mentions), or None."""
    if other.type in (FactType.QUANTITY, FactType.ORDINAL):
        return without_measure(prompt, other.text, persons)
    if other.type is not FactType.DATE and other.text[:1].isupper():
        return without_possessor(prompt, other.text, persons)
    return None


def _described(
    prompt: str,
    other: _Asked,
    fact: Fact,
    sources: Sequence[str],
    descriptions: Mapping[str, str],
) -> str | None:
    """The prompt with a name said by the descriptor before it ("oil giant Yukos" -> "the oil
    giant"), or by the one the article puts before it elsewhere, for a name that is a whole
    fact (not a date or a figure); never by words that print the item's own answer."""
    if other.type not in _DESCRIBED_TYPES or not other.text[:1].isupper():
        return None
    cut = described_name(prompt, other.text, sources)
    if cut is None and other.text in descriptions:
        cut = named_by_description(prompt, other.text, descriptions[other.text])
    if cut is None or _prints_own(cut, fact):
        return None
    return cut


_DESCRIBED_TYPES = frozenset({FactType.PERSON, FactType.ORGANISATION, FactType.OTHER})


def _prints_own(prompt: str, fact: Fact) -> bool:
    """Whether the prompt prints the fact's own words outside its blank."""
    return re.search(rf"(?<!\w){re.escape(fact.text)}(?!\w)", prompt, re.I) is not None


def name_descriptions(asked: Sequence[_Asked], sources: Sequence[str]) -> dict[str, str]:
    """What the article calls each asked name in a descriptor before it ("the Russian oil
    giant" for Yukos); a person's surname alone takes the description of the full name."""
    named = [a.text for a in asked if a.type in _DESCRIBED_TYPES and a.text[:1].isupper()]
    out = article_descriptions(named, sources)
    surnames: dict[str, list[str]] = {}
    for a in asked:
        if a.type is FactType.PERSON and len(a.text.split()) >= 2:
            surnames.setdefault(a.text.split()[-1], []).append(a.text)
    for surname, fulls in surnames.items():
        if surname not in out and len(set(fulls)) == 1 and fulls[0] in out:
            out[surname] = out[fulls[0]]
    return out


def _scoped_figure(prompt: str, mention: str) -> bool:
    """Whether the prompt holds a figure besides ``mention`` that a date or place may scope;
    a year is a date, not a figure ("in Dublin in the 2004 Six Nations")."""
    return _FIGURE.search(_YEAR.sub(" ", prompt.replace(mention, " "))) is not None


def _phrase_cut(prompt: str, other: _Asked, fact: Fact) -> str | None:
    """The prompt without a passive agent, venue, price or closing dash aside that names the
    other fact (see trim_phrases), or None."""
    cut = without_circumstance(prompt, other.text) or without_participle_phrase(prompt, other.text)
    if cut is not None:
        return cut
    named = other.type not in (FactType.DATE, FactType.QUANTITY) and other.text[:1].isupper()
    if named:
        cut = without_dash_tail(prompt, other.text)
        if cut is None and other.type is FactType.PERSON:
            cut = without_agent(prompt, other.text)  # "was bought by Google" says what happened
        if cut is not None:
            return cut
        keeps_place = fact.type in _KEEPS_PLACES or _scoped_figure(prompt, other.text)
        # "to win best picture at the Oscars": an event says which award, not where.
        if not keeps_place and other.type is not FactType.OTHER:
            cut = without_venue(prompt, other.text)
            if cut is not None:
                return cut
    if other.type is FactType.QUANTITY and _MONEY.match(other.text):
        return without_price(prompt, other.text)
    return None


def _finite_verb_at(prompt: str, at: int) -> bool:
    """Whether the word starting at `at` is tagged as a finite verb in the prompt."""
    from quizapp.nlp.tagging import tag_tokens

    words = prompt.split()
    index = len(prompt[:at].split())
    tags = tag_tokens(words)
    return index < len(tags) and tags[index] in _FINITE


def article_sentences(items: Iterable[Item]) -> tuple[str, ...]:
    """The sentences the items quote, once each, in a fixed order."""
    return tuple(sorted({item.source.quote for item in items}))


def article_words(items: Iterable[Item]) -> frozenset[str]:
    """The words the candidates' article uses as names (their facts' words and words it
    capitalises inside a sentence): a stem naming one of them says what it is about."""
    from quizapp.nlp.questions.anchors import name_words

    items = list(items)
    facts = [f for item in items for f in (*item.facts, item.fact, *(b.fact for b in item.blanks))]
    return name_words(facts) | _proper_words(items)
