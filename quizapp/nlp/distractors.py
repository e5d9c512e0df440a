"""Typed distractors: wrong options of the answer's type and form.

Numbers keep their unit, format and magnitude and stay at least 10 % apart; years stay
plausible; ordinals stay ordinals; names come from the article first, then gazetteers, in the
same form (all acronyms or all full names). A distractor is never an alias of the answer,
never contains or sits inside another option, and never appears in the question's sentence.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from quizapp.nlp.dates import MONTHS, year_of
from quizapp.nlp.docindex import document_index
from quizapp.nlp.gazetteers import (
    cities,
    countries,
    country_by_code,
    country_name_in,
    organisations,
    place_kind,
)
from quizapp.nlp.model import Document, Fact, FactType
from quizapp.nlp.numbers import NUMBER_WORDS, format_like, parse_number
from quizapp.nlp.option_fit import (
    CHARACTER,
    FEMALE,
    HOME_NATIONS,
    MALE,
    PLACE,
    WORK,
    KeyCues,
    fitting,
    key_cues,
    looks_ahead,
    person_traits,
)
from quizapp.nlp.text import content_tokens, normalise

_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")


@dataclass(frozen=True, slots=True)
class Pools:
    """The article's facts grouped for distractor look-up, built once per document."""

    by_type: dict[FactType, tuple[Fact, ...]]
    published: date | None
    # Every fact by sentence index: what a pronoun in a later sentence may refer to.
    mentions: dict[int, tuple[Fact, ...]] = field(default_factory=dict)
    # The article's spelling convention: "isation" (British) or "ization" (American), or "".
    spelling: str = ""
    # Normalised names and canonical names of the article's people, and of its other kinds.
    person_keys: frozenset[str] = frozenset()
    kind_keys: dict[str, str] = field(default_factory=dict)
    # What the article shows of each name: gender, nationality, a part played, a place.
    traits: dict[str, frozenset[str]] = field(default_factory=dict)
    # Normalised names the article gives a role ("Planning Minister Julio De Vido").
    roles: frozenset[str] = frozenset()


def build_pools(facts: Sequence[Fact], doc: Document) -> Pools:
    """Group facts by type, keeping the first mention of each surface form."""
    grouped: dict[FactType, list[Fact]] = {}
    seen: set[tuple[FactType, str]] = set()
    mentions: dict[int, list[Fact]] = {}
    for fact in facts:
        mentions.setdefault(fact.sentence, []).append(fact)
        key = (fact.type, fact.text)
        if key not in seen:
            seen.add(key)
            grouped.setdefault(fact.type, []).append(fact)
    people = grouped.get(FactType.PERSON, [])
    person_keys = frozenset(
        key
        for p in people
        for key in (normalise(p.text), normalise(p.attr("canonical") or ""))
        if key
    )
    kind_keys = {
        normalise(f.text): fact_type.value
        for fact_type in (FactType.PLACE, FactType.ORGANISATION)
        for f in grouped.get(fact_type, [])
    }
    return Pools(
        {k: tuple(v) for k, v in grouped.items()},
        doc.published,
        {k: tuple(v) for k, v in mentions.items()},
        spelling_convention(doc.text),
        person_keys,
        kind_keys,
        person_traits(facts, doc),
        frozenset(
            key
            for p in people
            if p.attr("role")
            for key in (normalise(p.text), normalise(p.attr("canonical") or ""))
            if key
        ),
    )


_STEMS = (
    r"\w+(?=i[sz]ations?\b)|(?:organ|recogn|real|critic|apolog|privat|modern|author|emphas|"
    r"minim|maxim|util|special|summar|character|mobil|legal|subsid|stabil|priorit|capital|"
    r"central|industrial|national)(?=i[sz](?:e|ed|es|ing)\b)"
)
_BRITISH = re.compile(rf"\b(?:{_STEMS})is", re.I)
_AMERICAN = re.compile(rf"\b(?:{_STEMS})iz", re.I)


def spelling_convention(text: str) -> str:
    """'isation' where the article spells "organisation", 'ization' for "organization", else ''."""
    british = len(_BRITISH.findall(text))
    american = len(_AMERICAN.findall(text))
    if british > american:
        return "isation"
    if american > british:
        return "ization"
    return ""


@lru_cache(maxsize=8192)  # the same gazetteer names, item after item
def respell(name: str, convention: str) -> str:
    """A gazetteer name in the article's spelling ("World Health Organization" -> "-isation")."""
    if convention == "isation":
        return re.sub(r"(?<=\w)iz(ation|e|ed|ing)\b", r"is\1", name)
    if convention == "ization":
        return re.sub(r"(?<=\w)is(ation)\b", r"iz\1", name)
    return name


def ordinal_suffix(n: int) -> str:
    """'st', 'nd', 'rd' or 'th' for n (111th, 112th, 221st)."""
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _apart(values: list[float], candidate: float) -> bool:
    return all(abs(candidate - v) >= 0.1 * max(abs(candidate), abs(v), 1e-9) for v in values)


def _numeric(
    value: float,
    count: int,
    rng: random.Random,
    make: Callable[[float], str | None],
    *,
    low: float = 0.0,
    high: float = float("inf"),
    integer: bool = True,
) -> list[str] | None:
    """count distractors around value: the key's rank is uniform, the spacing random.

    Each step between neighbouring options is a ratio drawn afresh from a range, not one of a
    fixed set of factors: with fixed factors, "the option the others are simple fractions of"
    finds the key from the options alone. Options stay at least 10 % apart.
    """
    # The key's rank is drawn once: where the bounds forbid it (a percentage near 100, a figure
    # the stem caps), there is no multiple choice. Trying another rank instead would put such
    # keys at the open end far more often than chance, and "pick the largest" would win.
    rank = rng.randrange(count + 1)
    # A draw whose every option is a simple multiple of the key (x0.75, x1.5, x2 after rounding)
    # is passed over while another fits; small counts may have no other.
    fallback: list[str] | None = None
    for _attempt in range(6):
        picked = _spaced(value, rank, count - rank, rng, low, high, integer)
        if picked is None:
            continue
        if _even_steps(sorted([*picked, value])):
            continue
        out = [make(v) for v in picked]
        if all(out) and len(set(out)) == len(out):
            if not all(_simple_multiple(v, value) for v in picked):
                return [o for o in out if o]
            fallback = fallback or [o for o in out if o]
    return fallback


def _even_steps(values: list[float]) -> bool:
    """Whether three neighbouring options are evenly spaced (£14m, £24m, £34m): the key is then
    the middle one far more often than chance, and a test-wise student sees it."""
    for a, b, c in zip(values, values[1:], values[2:], strict=False):
        low, high = b - a, c - b
        if low > 0 and high > 0 and abs(high - low) <= 0.1 * max(low, high):
            return True
    return False


# Ratios a test-wise student checks first: halves, two-thirds, three-quarters, one and a half
# times, double, and their products.
_SIMPLE_RATIOS = (0.25, 1 / 3, 0.375, 0.5, 2 / 3, 0.75, 1.25, 1.5, 1.875, 2.0, 2.5, 3.0, 3.75)


def _simple_multiple(option: float, key: float, tolerance: float = 0.07) -> bool:
    """Whether an option is, within rounding, a simple multiple of the key (x1.5, x0.75)."""
    if key <= 0 or option <= 0:
        return False
    ratio = option / key
    return any(abs(ratio - r) <= tolerance * max(r, ratio) for r in _SIMPLE_RATIOS)


def _spaced(
    value: float,
    below: int,
    above: int,
    rng: random.Random,
    low: float,
    high: float,
    integer: bool,
) -> list[float] | None:
    """below values under the key and above over it, each step a random ratio of 1.12–1.9."""
    chosen = [value]
    out: list[float] = []
    for want, direction in ((below, -1), (above, 1)):
        current = value
        for _ in range(want):
            ratio = math.exp(rng.uniform(math.log(1.12), math.log(1.9)))
            candidate = current * ratio if direction > 0 else current / ratio
            candidate = float(_round_like(candidate, value)) if integer else candidate
            if not integer:
                candidate = _round_decimal_like(candidate, value)
            if not (low < candidate < high) or not _apart(chosen, candidate):
                return None
            chosen.append(candidate)
            out.append(candidate)
            current = candidate
    return sorted(out)


def _round_decimal_like(candidate: float, key: float) -> float:
    """A made-up decimal with as many decimals as the key ("2.8%" -> "3.5%")."""
    text = repr(key)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return round(candidate, max(1, min(decimals, 3)))


def _round_like(candidate: float, key: float) -> int:
    """Round a made-up number as precisely as the key is written.

    £500,000 gets £380,000 and 1,360 gets 1,850, not £375,125 or 1,847: an oddly precise option
    stands out, and so does an oddly round one.
    """
    digits = str(int(abs(key))).rstrip("0") or "0"
    figures = max(2, len(digits))
    if candidate == 0:
        return 0
    magnitude = len(str(int(abs(candidate))))
    return round(round(candidate, figures - magnitude))


def quantity_distractors(
    fact: Fact, count: int, rng: random.Random, *, bounds: Sequence[float] = ()
) -> list[str] | None:
    """Same unit and format, magnitudes the key's rank cannot give away; every option on the
    key's side of each figure in ``bounds`` (the stem's own figures of the same unit)."""
    number = fact.attr("number") or ""
    value = parse_number(number)
    if value is None:
        return None
    digits = re.sub(r"[^\d.,]", "", number)
    integer = "." not in digits
    is_percent = "%" in fact.text or "per cent" in fact.text or "percent" in fact.text
    high = 100.0 if is_percent else float("inf")
    low = 0.0 if not integer else 0.5
    low = max([low, *(b for b in bounds if b < value)])
    high = min([high, *(b for b in bounds if b > value)])

    def make(v: float) -> str | None:
        if digits:
            written = format_like(v, digits)
            if "," not in digits and abs(value) < 1000 <= abs(v):
                # "$671.7bn" gives no sign how the article writes thousands; "$1614.9bn"
                # beside it would be the one odd shape, so thousands get the usual comma.
                whole, _, frac = written.partition(".")
                written = f"{int(whole.replace(',', '')):,}" + (f".{frac}" if frac else "")
            if not integer and float(written.replace(",", "")) <= 0:
                return None
            return fact.text.replace(digits, written, 1)
        words = {v: k for k, v in NUMBER_WORDS.items() if k != "dozen"}
        word = words.get(int(v)) if v == int(v) else None
        if word is None:
            return None
        return fact.text.replace(number, word if number[:1].islower() else word.capitalize(), 1)

    if not digits and value < 2:
        return None
    return _numeric(value, count, rng, make, low=low, high=high, integer=integer or not digits)


def pick_by_rank(
    key: int,
    preferred: Sequence[int],
    extra: Sequence[int],
    count: int,
    rng: random.Random,
    *,
    at_least_above: int = 0,
) -> list[int] | None:
    """count values around key with the key's rank drawn uniformly (then shown in order).

    Always-surrounding distractors make "pick the middle value" a winning guess, always-larger
    ones make "pick the extreme" one; a uniform rank leaves option-only guessing at chance.
    Preferred values (the article's own) are used before extra (made-up) ones; ``at_least_above``
    is how many must at least be larger than the key.
    """

    def ordered(values: Sequence[int]) -> list[int]:
        first = [v for v in dict.fromkeys(preferred) if v in values]
        rest = [v for v in dict.fromkeys(extra) if v in values and v not in first]
        rng.shuffle(first)
        rng.shuffle(rest)
        return first + rest

    pool = {v for v in (*preferred, *extra) if v != key}
    below = ordered([v for v in pool if v < key])
    above = ordered([v for v in pool if v > key])
    # One draw: a key near the end of its range (a year close to the article's own, the 1st)
    # has no room on one side, and taking another rank would make it the extreme option far
    # more often than chance. Such a key gets no multiple choice (another kind asks it).
    rank = rng.randrange(count + 1 - at_least_above)
    if len(below) >= rank and len(above) >= count - rank:
        return sorted(below[:rank] + above[: count - rank])
    return None


def ordinal_distractors(fact: Fact, count: int, rng: random.Random) -> list[str] | None:
    """Other ordinals of the same size: 201st -> 101st, 210th, 301st."""
    match = _ORDINAL.match(fact.text)
    if not match:
        return None
    n = int(match.group(1))
    edits: set[int] = set()
    digits = str(n)
    for pos in range(len(digits)):
        for d in "0123456789":
            if d != digits[pos] and not (pos == 0 and d == "0"):
                edits.add(int(digits[:pos] + d + digits[pos + 1 :]))
    near = {n + k for k in (-3, -2, -1, 1, 2, 3) if n + k > 0}
    picked = pick_by_rank(n, sorted(edits), sorted(near), count, rng)
    if picked is None:
        return None
    return [f"{m}{ordinal_suffix(m)}" for m in picked]


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
    fact: Fact, count: int, rng: random.Random, pools: Pools, sentence: str = ""
) -> list[str] | None:
    """Years ± 2…15 (never after the article), months for months, same written form."""
    text = fact.text
    granularity = fact.attr("granularity")
    if granularity == "century":
        n = int(fact.attr("century") or 0)
        centuries = [c for c in range(max(1, n - 4), min(21, n + 4) + 1) if c != n]
        picked = pick_by_rank(n, [], centuries, count, rng)
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
    picked = pick_by_rank(year, doc_years if step == 1 else [], made_up, count, rng)
    if picked is None:
        return None
    return [text.replace(str(year), str(y), 1) for y in picked]


def _same_side(candidate: int, key: int, shown: set[int]) -> bool:
    """Whether a year lies on the key's side of every other year the stem shows."""
    return all((candidate > y) == (key > y) for y in shown)


def _same_form(answer: str, candidate: str) -> bool:
    """Both acronyms, or both written names; similar length."""
    is_acr = answer.isupper() and " " not in answer
    if is_acr != (candidate.isupper() and " " not in candidate):
        return False
    return candidate[:1].isupper() == answer[:1].isupper()


def name_distractors(
    fact: Fact,
    count: int,
    rng: random.Random,
    pools: Pools,
    *,
    exclude: Sequence[str] = (),
    cues: KeyCues | None = None,
) -> list[str] | None:
    """Other names of the same type: the article's first, then gazetteers; for a person, only
    names the article shows with what the stem says of the key ("actress": women)."""
    answer = fact.text
    canon = normalise(fact.attr("canonical") or answer)
    aliases = {
        normalise(answer),
        canon,
        normalise(fact.attr("acronym") or ""),
        normalise(fact.attr("expansion") or ""),
    }
    aliases.discard("")
    blocked = [b for b in (normalise(x) for x in exclude) if b]
    from_doc: list[str] = []
    for other in pools.by_type.get(fact.type, ()):
        key = normalise(other.attr("canonical") or other.text)
        if key in aliases or normalise(other.text) in aliases:
            continue
        if (
            fact.type is FactType.PLACE
            and fact.attr("kind")
            and other.attr("kind") != fact.attr("kind")
        ):
            continue
        if fact.type is FactType.PERSON and " " in answer and " " not in other.text:
            continue
        if fact.type is FactType.PERSON and " " not in answer and " " in other.text:
            continue
        if fact.type is FactType.PERSON and _name_shape(other.text) != _name_shape(answer):
            continue  # "Sir Clive Woodward" among untitled names, "V Matfield" among full ones
        from_doc.append(other.text)
    extra = [respell(name, pools.spelling) for name in _gazetteer_names(fact)]
    if fact.type is FactType.PLACE and fact.attr("kind") == "city" and not _home_named(fact, pools):
        # "Valencia" in an article about Spain is not the Venezuelan city the gazetteer knows
        # best: its "neighbours" Petare and Barinas would be absurd beside the key.
        extra = []
    if fact.type is FactType.PLACE and not fact.attr("kind") and answer not in HOME_NATIONS:
        # A "place" no gazetteer knows ("Apple", "Easyjet", "Translation"): maybe no place at
        # all, and its options would be whatever else was taken for one.
        return None
    if fact.type is FactType.PLACE and answer in HOME_NATIONS:
        from_doc = [c for c in from_doc if c in HOME_NATIONS]
        extra = [n for n in HOME_NATIONS if n != answer]
    elif fact.type is FactType.PLACE:
        # "England" beside "Britain" would be half right.
        from_doc = [c for c in from_doc if c not in HOME_NATIONS]
    if fact.type is FactType.PLACE and fact.attr("kind") == "country":
        # A country by the name it had when the article was written, or not at all.
        year = _latest_year(pools)
        extra = [then for name in extra if (then := country_name_in(name, year))]
    if answer.isascii():
        # "Fédération Internationale de Football Association" beside "British Medical
        # Association": a name in another language is the odd one out.
        extra = [name for name in extra if name.isascii()]
    answer_kind = "person" if fact.type is FactType.PERSON else _kind_of_name(answer, pools)
    if fact.type is FactType.PLACE:
        answer_kind = "place"
    if fact.type is FactType.OTHER and not answer_kind:
        # An untyped name ("Powergen Cup") among untyped names only: a place, a body or a
        # person among them is plainly of another kind.
        from_doc = [
            c
            for c in from_doc
            if not _kind_of_name(c, pools) and not common_noun_name(c) and not place_kind(c)
        ]
        extra = [c for c in extra if not _kind_of_name(c, pools) and not place_kind(c)]
    from_doc = [c for c in from_doc if _same_kind(answer_kind, c, pools)]
    extra = [c for c in extra if _same_kind(answer_kind, c, pools)]
    if answer_kind == "person":
        from_doc = [c for c in from_doc if not common_noun_name(c)]
        extra = [c for c in extra if not common_noun_name(c)]
        # A name the article puts after "the city of" is a place, whatever the index said.
        if looks_like_place_or_body(answer) or not _shown_as_person(answer, pools):
            return None  # "Warner Bros" is no person, and people are no options for it
        from_doc = [
            c for c in from_doc if not {PLACE, WORK} & pools.traits.get(normalise(c), frozenset())
        ]
        cues = cues or KeyCues()
        if CHARACTER not in cues.needs:
            # A part in a story ("played Tommy Hanson") is no answer about a real person.
            cues = KeyCues(cues.needs, cues.excludes | {CHARACTER}, cues.wants_place)
        if FEMALE not in cues.needs and _listed_with_women(fact, pools):
            # "_____, Diana Ross and Tina Turner": the key is named among women only.
            cues = KeyCues(cues.needs | {FEMALE}, cues.excludes, cues.wants_place, cues.wants)
        from_doc = [c for c in from_doc if _shown_as_person(c, pools)]
        from_doc = fitting(from_doc, cues, pools.traits)
        extra = fitting(extra, cues, pools.traits)
    rng.shuffle(from_doc)
    rng.shuffle(extra)
    if fact.type is FactType.ORGANISATION and not answer.isupper():
        # An organisation of the same kind first: "… Organisation" before "… Armed Forces".
        head = _org_head(answer)
        same = [c for c in from_doc + extra if _org_head(c) == head]
        candidates = same + [c for c in from_doc if c not in same]
    else:
        candidates = from_doc + extra
    chosen: list[str] = []
    for candidate in candidates:
        norm = normalise(candidate)
        if not norm or norm in aliases or not _same_form(answer, candidate):
            continue
        spaced = normalise(candidate.replace("-", " "))
        if any(spaced == normalise(c.replace("-", " ")) for c in [answer, *chosen]):
            continue  # "Sinama Pongolle" beside "Sinama-Pongolle": one name, twice
        if any(same_words(candidate, c) for c in [answer, *chosen]):
            continue  # a paraphrase of the key, or of another option
        if _stem(norm) in {_stem(a) for a in aliases} | {_stem(normalise(c)) for c in chosen}:
            continue  # "Tories" is not a wrong answer to "Tory", nor a second "Lib Dem"
        if any(_overlapping(norm, normalise(c)) for c in [answer, *chosen]):
            continue
        if any(norm == b or _overlapping(norm, b) for b in blocked):
            continue
        if answer_kind == "person" and any(
            norm.split()[-1] == b.split()[-1] for b in blocked if " " in b
        ):
            continue  # "Tony Blair" where the stem says "Mr Blair"
        if len(candidate) > 2.2 * len(answer) + 4 or len(answer) > 2.2 * len(candidate) + 4:
            continue
        chosen.append(candidate)
        if len(chosen) == count:
            return chosen
    return None


_TITLES = re.compile(
    r"^(?:Sir|Dame|Lord|Lady|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|President|Minister|Prince|"
    r"Princess|King|Queen|Judge|Justice|Senator|Governor|General|Captain|Chancellor)\.?\s"
)
_ORG_WORDS = re.compile(
    r"\b(?:Committee|Office|Ministry|Department|Party|Council|Association|Group|Company|Bank|"
    r"Corp|Corporation|Ltd|Inc|plc|Organi[sz]ation|Union|University|Agency|Commission|Service|"
    r"Network|News|Institute|Authority|Board|Federation|League|Club|Court|Parliament|Trust|"
    r"Foundation|Society|Fund|Securities|Airways|Records|Studios|Radio|Television|TV|Times|Post|"
    r"Award|Awards|Prize|Campaign|Programme|Program|Centre|Center|School|College|Hospital|"
    r"Museum|Stadium|Park|Street|Road|Square|Bros|Brothers|Pictures|Films|Entertainment|"
    r"Productions|Studio|Airlines|Holdings|Partners|Motors|Technologies|Systems)\b"
)


_PARTIES = frozenset(
    {"lib dems", "lib dem", "tories", "tory", "labour", "conservatives", "liberal democrats"}
)


def common_noun_name(text: str) -> bool:
    """A capitalised phrase that is a title, a group or a body, never a person's name ("Lord
    Chancellor", "Police Officers", "Metropolitan Police"): its last word is a role, or one of
    its words heads names of organisations and places. Never an option among people."""
    from quizapp.nlp.facts.name_words import ORG_HEADS, PLACE_HEADS
    from quizapp.nlp.gazetteers import role_words

    words = text.replace("-", " ").split()
    if not words:
        return False
    roles = role_words()
    if normalise(text) in _PARTIES:
        return True  # "Lib Dems" is a party, not a person
    last = words[-1].lower().strip(".,")
    singular = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    titled = len(words) == 1 or bool(_TITLES.match(text)) or words[0].lower() in roles
    if (titled and (last in roles or singular in roles)) or " ".join(words).lower() in roles:
        return True  # "Lord Chancellor", not "John Major"
    return any(w in ORG_HEADS or w in PLACE_HEADS for w in words)


_SPEAKS = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:said|says|believes|believed|told|tells|added|thinks|insisted|"
    r"warned|admitted|claimed|argued|explained)\b"
)


def introduced_as_person(sentence: str, fact: Fact) -> bool:
    """A name the sentence gives a role ("Tony Macklin, spokesman for ...", "economist Jo
    Hart"): a person, whatever the name index made of it."""
    from quizapp.nlp.gazetteers import role_words

    at = sentence.find(fact.text)
    if at < 0 or " " not in fact.text.strip():
        return False
    if _SPEAKS.match(sentence[at + len(fact.text) :]):
        return True  # "William Gallas believes ...": only people say and believe
    after = re.match(
        r",\s+(?:the\s+|a\s+|an\s+|its\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)\b",
        sentence[at + len(fact.text) :],
    )
    before = re.search(r"([\w-]+)\s+$", sentence[:at])
    roles = role_words()
    words = [after.group(1).lower()] if after else []
    if after:
        words += after.group(1).lower().split()
    if before:
        words.append(before.group(1).lower())
    return any(w in roles for w in words)


_INITIAL = re.compile(r"^(?:[A-Z]\.?\s)+[A-Z]")


def _name_shape(name: str) -> tuple[bool, bool]:
    """Whether a name carries a title and whether it opens on an initial: a key that alone has
    either stands out among its options."""
    return bool(_TITLES.match(name)), bool(_INITIAL.match(name))


def looks_like_place_or_body(text: str) -> bool:
    """A name whose head word makes it a place or an organisation ("Olympic Stadium")."""
    return bool(_ORG_WORDS.search(text)) and not _TITLES.match(text)


def looks_like_person(text: str, pools: Pools) -> bool:
    """A name the article gives a person, or one with a personal title ("Sir Bobby Robson")."""
    if _TITLES.match(text):
        return True
    if _ORG_WORDS.search(text):
        return False
    return normalise(text) in pools.person_keys


def _kind_of_name(text: str, pools: Pools) -> str:
    """'person', 'organisation', 'place' or '' for a name, by title, head word and the article."""
    # Asked of the same gazetteer names for item after item: remembered per document's pools.
    known = document_index(pools, "kind_of_name", lambda _: {})
    kind = known.get(text)
    if kind is None:
        kind = known[text] = _name_kind(text, pools)
    return kind


def _name_kind(text: str, pools: Pools) -> str:
    if looks_like_person(text, pools):
        return "person"
    if _ORG_WORDS.search(text):
        return "organisation"
    return pools.kind_keys.get(normalise(text), "")


def _same_kind(answer_kind: str, candidate: str, pools: Pools) -> bool:
    """A person among people, never an organisation or a place; a non-person never a person."""
    kind = _kind_of_name(candidate, pools)
    if answer_kind == "person":
        return kind in ("person", "")
    if answer_kind:
        return kind in (answer_kind, "")
    return kind != "person"


def same_words(a: str, b: str) -> bool:
    """Whether two names or phrases share most of their words ("Court of Appeal", "Appeal Court")."""
    wa, wb = content_tokens(a), content_tokens(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= 0.6


def _stem(text: str) -> str:
    """A crude singular, enough to tell "Tory" and "Tories" are one name."""
    if text.endswith("ies"):
        return text[:-3] + "y"
    if text.endswith("es") and text[-3:-2] in "sxz":
        return text[:-2]
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text


def _overlapping(a: str, b: str) -> bool:
    """One option inside the other, as whole words."""
    return bool(_whole_word(a).search(b) or _whole_word(b).search(a))


@lru_cache(maxsize=4096)
def _whole_word(text: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(text)}\b")


def _home_named(fact: Fact, pools: Pools) -> bool:
    """Whether the article names the country the gazetteer puts a city in (or no country)."""
    home = cities().get(fact.attr("canonical") or fact.text, ("", 0))[0]
    named = {
        country.code
        for f in pools.by_type.get(FactType.PLACE, ())
        if f.attr("kind") == "country"
        and (country := countries().get(f.attr("canonical") or f.text)) is not None
    }
    return not named or home in named


def _listed_with_women(fact: Fact, pools: Pools) -> bool:
    """Whether the key stands in a list ("A, B and C") whose other names are all women."""
    people = sorted(
        (f for f in pools.mentions.get(fact.sentence, ()) if f.type is FactType.PERSON),
        key=lambda f: f.start,
    )
    listed = [fact]
    for direction in (-1, 1):
        current = fact
        while True:
            near = [
                f
                for f in people
                if (f.end <= current.start if direction < 0 else f.start >= current.end)
                and f is not current
            ]
            if not near:
                break
            other = near[-1] if direction < 0 else near[0]
            gap = current.start - other.end if direction < 0 else other.start - current.end
            if gap > 6:
                break
            listed.append(other)
            current = other
    others = [f for f in listed if f is not fact]
    return bool(others) and all(
        FEMALE in pools.traits.get(normalise(f.attr("canonical") or f.text), frozenset())
        for f in others
    )


def _shown_as_person(name: str, pools: Pools) -> bool:
    """Whether the article shows a name as a person's: a title, a role or a gender it gives,
    or a first word used as a given name in general English ("Roberto", not "Aguas")."""
    from quizapp.nlp.salience import zipf

    if _TITLES.match(name) or pools.traits.get(normalise(name), frozenset()) & {FEMALE, MALE}:
        return True
    if normalise(name) in pools.roles:
        return True
    first = name.split()[0] if name.split() else ""
    if first in MONTHS or first.lower() in _CALENDAR_WORDS:
        return False  # "Christmas Day", "Easter Monday"
    return zipf(first) >= 3.0


_CALENDAR_WORDS = frozenset(
    {"christmas", "easter", "new", "boxing", "good", "valentine's", "halloween", "thanksgiving"}
)


def _gazetteer_names(fact: Fact) -> list[str]:
    """Same-kind names from the gazetteers (a list the caller may shuffle)."""
    answer = fact.text
    if fact.type is FactType.ORGANISATION:
        if answer.isupper():
            # World bodies for a world body; a company's or a school's acronym gets none.
            expansion = fact.attr("expansion") or ""
            if answer in _known_acronyms() or _org_head(expansion) in _gazetteer_heads():
                return sorted(_known_acronyms())
            return []
        # A museum's distractors are not world bodies: only names with the same kind of head.
        return list(_organisations_headed(_org_head(answer)))
    if fact.type is FactType.PLACE:
        kind = fact.attr("kind")
        canon = fact.attr("canonical") or answer
        if kind == "country":
            return list(_same_continent_countries(canon))
        if kind == "city":
            return list(_big_cities_near(canon))
    return []


@lru_cache(maxsize=1)
def _known_acronyms() -> frozenset[str]:
    return frozenset(acr for acr, _ in organisations())


@lru_cache(maxsize=64)
def _organisations_headed(head: str) -> tuple[str, ...]:
    return tuple(name for _, name in organisations() if "," not in name and _org_head(name) == head)


@lru_cache(maxsize=256)
def _same_continent_countries(name: str) -> tuple[str, ...]:
    """Countries of the same continent that do not border it.

    Neighbours are often "also correct" ("shares a border with ____"), so they are left out.
    """
    country = countries().get(name)
    if country is None:
        return ()
    near = set(country.neighbours)
    size = _country_populations()
    return tuple(
        c.name
        for c in country_by_code().values()
        if c.continent == country.continent
        and c.code not in near
        and c.code != country.code
        # A territory of a few thousand people ("Saint Pierre and Miquelon") beside a known
        # country singles the key out; only countries a reader has heard of.
        and size.get(c.code, 0) >= MIN_COUNTRY_POPULATION
    )


MIN_COUNTRY_POPULATION = 2_000_000


@lru_cache(maxsize=1)
def _country_populations() -> dict[str, int]:
    from quizapp.nlp.gazetteers import _geonames

    return {
        code: int(info.get("population") or 0) for code, info in _geonames().get_countries().items()
    }


@lru_cache(maxsize=256)
def _big_cities_near(name: str) -> tuple[str, ...]:
    """The fifteen largest other cities of the same country."""
    home = cities().get(name, ("", 0))[0]
    ranked = sorted(
        (
            (pop, city)
            for city, (code, pop) in cities().items()
            if code == home and city != name and "-" not in city and pop > 200_000
        ),
        reverse=True,
    )
    return tuple(city for _pop, city in ranked[:15])


@lru_cache(maxsize=1)
def _gazetteer_heads() -> frozenset[str]:
    """The kind words of the curated organisations (Organization, Bank, Union, …)."""
    return frozenset(_org_head(name) for _, name in organisations())


def _org_head(name: str) -> str:
    """The kind word of an organisation's name ("Organisation", "Bank", "Museum")."""
    words = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
    head = words[-1] if words else ""
    return "Organization" if head == "Organisation" else head


def phrase_distractors(
    fact: Fact, count: int, rng: random.Random, pools: Pools, *, exclude: Sequence[str] = ()
) -> list[str] | None:
    """Other noun phrases of the article of the same grammatical number and similar length."""
    answer = fact.text
    plural = answer.endswith("s") and not answer.endswith("ss")
    blocked = [b for b in (normalise(x) for x in exclude) if b]
    words = len(answer.split())
    about_people = _names_people(answer)
    kind = _phrase_kind(answer)
    if not kind:
        # "two-year study" among "non-technical language" and "broadband net access": without
        # a kind all options share, the options are nonsense beside the stem.
        return None
    candidates = []
    for other in pools.by_type.get(FactType.OTHER, ()):
        text = other.text
        if other.attr("form") != fact.attr("form") or normalise(text) == normalise(answer):
            continue
        if (text.endswith("s") and not text.endswith("ss")) != plural:
            continue
        if other.attr("head") and other.attr("head") == fact.attr("head"):
            continue
        # Same shape of phrase: "printing press" is not answered by "theologian".
        if abs(len(text.split()) - words) > 1 or (words > 1) != (len(text.split()) > 1):
            continue
        if _names_people(text) != about_people or _phrase_kind(text) != kind:
            continue
        if not _has_rare_word(text):
            continue  # "real value", "spending cash": everyday words make nonsense options
        candidates.append(text)
    rng.shuffle(candidates)
    chosen: list[str] = []
    for candidate in candidates:
        norm = normalise(candidate)
        if any(_overlapping(norm, normalise(c)) for c in [answer, *chosen]):
            continue
        if any(norm == b or _overlapping(norm, b) for b in blocked):
            continue
        if len(candidate) > 2 * len(answer) + 3 or len(answer) > 2 * len(candidate) + 3:
            continue
        if candidate[:1].isupper() != answer[:1].isupper():
            continue
        if any(same_words(candidate, c) for c in [answer, *chosen]):
            continue
        chosen.append(candidate)
        if len(chosen) == count:
            return chosen
    return None


def _has_rare_word(phrase: str) -> bool:
    """Whether a phrase holds a word outside everyday English (a term, not a turn of phrase)."""
    from quizapp.nlp.salience import RARE_ZIPF, zipf

    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", phrase) if len(w) > 2]
    return any(zipf(w) <= RARE_ZIPF for w in words)


# Head nouns of bodies of people: "anti-hunt organisations" is answered by other bodies, never
# by "hunt enthusiasts" (people) or "wild mammals".
_BODY_HEADS = frozenset(
    [
        "organisation",
        "organization",
        "group",
        "company",
        "firm",
        "body",
        "association",
        "union",
        "agency",
        "charity",
        "party",
        "club",
        "team",
        "bank",
        "airline",
        "carrier",
        "retailer",
        "broadcaster",
        "network",
        "manufacturer",
        "maker",
        "supplier",
        "operator",
        "provider",
        "publisher",
        "studio",
        "label",
        "council",
        "committee",
        "government",
        "authority",
        "regulator",
        "institution",
        "university",
        "school",
        "college",
        "newspaper",
        "paper",
        "website",
    ]
)


def _phrase_kind(phrase: str) -> str:
    """'people' ("local officials"), 'body' ("anti-hunt organisations") or '' for a phrase
    whose kind cannot be told from its head noun."""
    from quizapp.nlp.words import lemma

    if _names_people(phrase):
        return "people"
    head = phrase.split()[-1].lower() if phrase.split() else ""
    if lemma(head, "NN") in _BODY_HEADS or head in _BODY_HEADS:
        return "body"
    return ""


def _names_people(phrase: str) -> bool:
    """Whether a noun phrase names people ("theologian", "local officials")."""
    from quizapp.nlp.gazetteers import role_words
    from quizapp.nlp.words import lemma

    head = phrase.split()[-1].lower()
    return lemma(head, "NN") in role_words() or head in role_words()


def takes_an(phrase: str) -> bool:
    """Whether a phrase is said with "an" ("an 18-year-old", "an hour", not "a union")."""
    word = phrase.strip().lower()
    if word[:1].isdigit():
        digits = re.sub(r"[^\d]", "", word.split()[0])
        return digits.startswith("8") or (digits[:2] in ("11", "18") and len(digits) % 3 == 2)
    if word.startswith(("uni", "use", "usu", "eu", "one", "once", "ur")):
        return False
    return word[:1] in "aeiou" or word.startswith(("hour", "honest", "honour", "heir"))


# Place names said with "the" ("the United States", "the Netherlands", "the UK").
_THE_NAME = re.compile(
    r"\b(?:United|Republic|Kingdom|Islands|Emirates|Netherlands|Philippines|Bahamas|Gambia|"
    r"Maldives|Hague|Vatican)\b|^(?:US|UK|USA|EU)$"
)


def _the_before(sentence: str, fact: Fact) -> bool:
    """Whether the stem puts "the" right before the key."""
    at = sentence.find(fact.text)
    return at > 0 and re.search(r"\b[Tt]he\s+$", sentence[:at]) is not None


def _article_before(sentence: str, fact: Fact) -> str:
    """'a' or 'an' right before the fact in its sentence, else ''."""
    at = sentence.find(fact.text)
    match = re.search(r"\b(a|an|A|An)\s+$", sentence[:at]) if at > 0 else None
    return match.group(1).lower() if match else ""


def make_distractors(
    fact: Fact, pools: Pools, rng: random.Random, *, count: int = 3, sentence: str = ""
) -> list[str] | None:
    """count distractors for a fact, or None when that many valid ones cannot be made.

    After "a" or "an" every distractor must take the same article as the stem has, or the
    one option that reads grammatically gives the key away.
    """
    if count == 2 and fact.type in (FactType.PERSON, FactType.ORGANISATION, FactType.OTHER):
        # Asked for two after three could not be found: the article holds too few of the
        # key's kind, and what is left ("Lib Dems" among people, "GMT" beside "HIV") fails.
        return None
    article = _article_before(sentence, fact)
    if fact.type is FactType.PLACE and _the_before(sentence, fact):
        # "The _____ kept the final alive": "The Jamaica" reads wrong beside "The United States".
        for _attempt in range(8):
            made = _make_distractors(fact, pools, rng, count=count, sentence=sentence)
            if made is None:
                return None
            if all(_THE_NAME.search(d) for d in made):
                return made
        return None
    if not article:
        return _make_distractors(fact, pools, rng, count=count, sentence=sentence)
    for _attempt in range(8):
        made = _make_distractors(fact, pools, rng, count=count, sentence=sentence)
        if made is None:
            return None
        if all(takes_an(d) == (article == "an") for d in made):
            return made
    return None


def _make_distractors(
    fact: Fact, pools: Pools, rng: random.Random, *, count: int, sentence: str
) -> list[str] | None:
    exclude = _visible_names(sentence, fact)
    people_here = sum(f.type is FactType.PERSON for f in pools.mentions.get(fact.sentence, ()))
    cues = key_cues(sentence, fact, people_here)
    if cues.wants_place and fact.type is not FactType.PLACE:
        return None  # "the city of _____" among people and companies
    if cues.wants and fact.type not in _TYPES_WANTED[cues.wants]:
        return None  # "mobile phone giant _____" asked with places, "singer _____" with bodies
    if fact.type is FactType.QUANTITY:
        key_value = parse_number(fact.attr("number") or "")
        # "fell from _____ to £75m": an option under £75m could not be right.
        others = [o for o in _same_unit_values(fact, sentence) if o != key_value]
        for _attempt in range(8):
            made = quantity_distractors(fact, count, rng, bounds=others)
            if made is None or not _numbers_in_stem(made, sentence, fact):
                return made
        return None
    if fact.type is FactType.ORDINAL:
        return ordinal_distractors(fact, count, rng)
    if fact.type is FactType.DATE:
        return date_distractors(fact, count, rng, pools, sentence)
    if fact.type in (FactType.PERSON, FactType.ORGANISATION, FactType.PLACE):
        return name_distractors(fact, count, rng, pools, exclude=exclude, cues=cues)
    if fact.type is FactType.QUOTE:
        speaker = Fact(FactType.PERSON, fact.text, fact.start, fact.end, fact.sentence, fact.attrs)
        return name_distractors(speaker, count, rng, pools, exclude=exclude, cues=cues)
    if fact.type is FactType.OTHER:
        if fact.attr("form") == "name":
            if looks_like_person(fact.text, pools) or introduced_as_person(sentence, fact):
                person = Fact(
                    FactType.PERSON, fact.text, fact.start, fact.end, fact.sentence, fact.attrs
                )
                return name_distractors(person, count, rng, pools, exclude=exclude, cues=cues)
            return _same_head_names(fact, count, rng, pools, exclude=exclude)
        return phrase_distractors(fact, count, rng, pools, exclude=exclude)
    raise ValueError(f"unknown fact type: {fact.type!r}")


_TYPES_WANTED = {
    "body": frozenset({FactType.ORGANISATION, FactType.OTHER}),
    "person": frozenset({FactType.PERSON, FactType.QUOTE, FactType.OTHER}),
    "work": frozenset({FactType.OTHER}),
}


def _same_unit_values(fact: Fact, sentence: str) -> list[float]:
    """Other figures of the stem written like the key ("£220m" and "£75m"): the key's side of
    each is the only sensible one, so every option must lie on it."""
    unit = re.sub(r"[\d.,\s]", "", fact.text)
    if not unit or not sentence:
        return []
    prefix = re.match(r"[^\d]*", fact.text)
    suffix = re.search(r"[^\d]*$", fact.text)
    pre = re.escape(prefix.group() if prefix else "")
    post = re.escape(suffix.group() if suffix else "")
    rest = sentence.replace(fact.text, " ")
    out = []
    for m in re.finditer(rf"(?<![\w.]){pre}(\d[\d,]*(?:\.\d+)?){post}(?!\w)", rest):
        value = parse_number(m.group(1))
        if value is not None:
            out.append(value)
    return out


def _same_head_names(
    fact: Fact, count: int, rng: random.Random, pools: Pools, *, exclude: Sequence[str]
) -> list[str] | None:
    """For a name of no known kind ("Powergen Cup"), only names that end in the same word
    ("Davis Cup", "Masters Cup") are surely of its kind; without enough of them, no options
    (graders failed "Powergen Cup / BBC Sport / Scotland" and "Bryans / Mike")."""
    words = fact.text.split()
    if len(words) < 2:
        return None
    head = words[-1].lower()
    options = name_distractors(fact, count * 3, rng, pools, exclude=exclude) or []
    if not options:
        # Fewer than count * 3 candidates: ask for what there is, one count at a time.
        for want in range(count * 3 - 1, count - 1, -1):
            options = name_distractors(fact, want, rng, pools, exclude=exclude) or []
            if options:
                break
    same = [o for o in options if len(o.split()) > 1 and o.split()[-1].lower() == head]
    return same[:count] if len(same) >= count else None


def _numbers_in_stem(options: Sequence[str], sentence: str, fact: Fact) -> bool:
    """Whether an option's number stands elsewhere in the stem ("101m" beside "Taipei 101"):
    the one option that echoes the stem, or the one that does not, stands out."""
    rest = sentence.replace(fact.text, " ")
    shown = set(re.findall(r"(?<![\d.,])\d[\d,.]*\d|(?<![\d.,])\d(?![\d,.]*\d)", rest))
    shown = {n.rstrip(".,") for n in shown}
    for option in options:
        numbers = re.findall(r"\d[\d,.]*\d|\d", option)
        if any(n.rstrip(".,") in shown for n in numbers):
            return True
    return False


def _visible_names(sentence: str, fact: Fact) -> list[str]:
    """Capitalised words and phrases of the sentence other than the answer (options must not repeat them)."""
    if not sentence:
        return []
    rest = re.sub(r"[’']s\b", "", sentence.replace(fact.text, " "))  # "Venezuela's" is Venezuela
    return re.findall(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)*", rest)
