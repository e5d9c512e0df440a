"""Options for names: people, organisations and places of the key's kind and form."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from quizapp.nlp.distractors.entity_class import (
    fields_of,
    is_acronym,
    known_body,
    never_a_person,
    plain_person_name,
    same_body_class,
    same_field,
    shares_a_name_word,
    stem_fields,
)
from quizapp.nlp.distractors.gazetteer_names import (
    _gazetteer_names,
    _home_named,
    _org_head,
    city_countries,
)
from quizapp.nlp.distractors.name_kinds import (
    _kind_of_name,
    _name_shape,
    _same_kind,
    _shown_as_person,
    common_noun_name,
    looks_like_place_or_body,
)
from quizapp.nlp.distractors.overlap import _overlapping, _stem, same_words
from quizapp.nlp.distractors.pairs import paired_with_a_place
from quizapp.nlp.distractors.person_context import (
    _listed_with_women,
    _part_of_a_longer_name,
    _surname,
)
from quizapp.nlp.distractors.place_context import (
    _UNITED_KINGDOM,
    _continent,
    _continent_of,
    _home_countries,
    _home_nations_apart,
    same_country,
    stem_place_names,
)
from quizapp.nlp.distractors.pools import Pools, respell
from quizapp.nlp.distractors.teams import rival_sides, team_of, teams_only
from quizapp.nlp.distractors.years import _latest_year
from quizapp.nlp.facts.parties import party_of
from quizapp.nlp.gazetteers import country_name_in, place_kind
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.name_traits import AS_NOUN
from quizapp.nlp.option_fit import CHARACTER, FEMALE, HOME_NATIONS, PLACE, WORK, KeyCues, fitting
from quizapp.nlp.text import normalise

_GAME_PARTS = frozenset({"field:sport", "field:coaching", "field:officiating"})
# Places whose name stands for a trade or an institution more often than for the place.
STANDS_FOR = frozenset(
    {
        "Hollywood",
        "Bollywood",
        "Wall Street",
        "Fleet Street",
        "Whitehall",
        "Westminster",
        "Broadway",
        "Silicon Valley",
        "Downing Street",
        "Capitol Hill",
        "Madison Avenue",
        "Holyrood",
    }
)


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
    sentence: str = "",
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
        if fact.type is FactType.PERSON and _part_of_a_longer_name(other.text, pools):
            continue  # "Marie Leroi" where the article names "Armand Marie Leroi"
        from_doc.append(other.text)
    extra = [respell(name, pools.spelling) for name in _gazetteer_names(fact)]
    if fact.type is FactType.PLACE and fact.attr("kind") == "city":
        # "Los Angeles" among Cardiff and Edinburgh: the article's cities of the key's country.
        home = _home_countries(answer, pools)
        from_doc = [
            c for c in from_doc if not home or not city_countries(c) or home & city_countries(c)
        ]
    if fact.type is FactType.PLACE and fact.attr("kind") == "city" and not _home_named(fact, pools):
        # "Valencia" in an article about Spain is not the Venezuelan city the gazetteer knows
        # best: its "neighbours" Petare and Barinas would be absurd beside the key.
        extra = []
    if fact.type is FactType.PLACE and answer in STANDS_FOR:
        # "one of _____'s most maverick talents": Hollywood is the film world here, and no
        # town ("Las Vegas's talents") reads as a wrong answer beside it.
        return None
    if fact.type is FactType.PLACE and not fact.attr("kind") and answer not in HOME_NATIONS:
        # A "place" no gazetteer knows ("Apple", "Easyjet", "Translation"): maybe no place at
        # all, and its options would be whatever else was taken for one.
        return None
    if fact.type is FactType.PLACE and AS_NOUN in pools.traits.get(canon, frozenset()):
        # "the London club" only: no option where the key names a team or a town itself.
        from_doc = [
            c for c in from_doc if AS_NOUN in pools.traits.get(normalise(c), frozenset({AS_NOUN}))
        ]
    if fact.type is FactType.PLACE and answer in HOME_NATIONS:
        from_doc = [c for c in from_doc if c in HOME_NATIONS]
        extra = [n for n in HOME_NATIONS if n != answer]
    elif fact.type is FactType.PLACE:
        # "England" beside "Britain" would be half right.
        from_doc = [c for c in from_doc if c not in HOME_NATIONS]
        if _home_nations_apart(pools, sentence):
            # Where England and Scotland play or count apart ("World Cup qualifying"),
            # "Britain" among the teams overlaps two of them.
            from_doc = [c for c in from_doc if c not in _UNITED_KINGDOM]
            extra = [c for c in extra if c not in _UNITED_KINGDOM]
    if fact.type is FactType.PLACE and fact.attr("kind") == "country":
        # A country by the name it had when the article was written, or not at all.
        year = _latest_year(pools)
        extra = [then for name in extra if (then := country_name_in(name, year))]
    if count == 2 and fact.type is FactType.PLACE and answer not in HOME_NATIONS:
        # Three options where four are the rule: only if the other two are the article's own
        # places, never the gazetteer's leftovers ("Papua New Guinea" beside Australia).
        extra = []
    if pools.sport and fact.type in (FactType.PLACE, FactType.ORGANISATION):
        from_doc, extra = teams_only(fact, from_doc, extra, pools, sentence)
    if fact.type is FactType.PLACE and paired_with_a_place(sentence, fact):
        # "dictatorships in _____ and Germany": the pair shares what the stem says of it, and
        # the gazetteer's neighbours of the key (Belgium, Denmark) plainly do not.
        extra = []
    if answer.isascii():
        # "Fédération Internationale de Football Association" beside "British Medical
        # Association": a name in another language is the odd one out.
        extra = [name for name in extra if name.isascii()]
    answer_kind = "person" if fact.type is FactType.PERSON else _kind_of_name(answer, pools)
    stated: frozenset[str] = frozenset()
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
        key_traits = pools.traits.get(normalise(answer), frozenset()) | pools.traits.get(
            canon, frozenset()
        )
        if never_a_person(answer) or WORK in key_traits:
            return None  # "Zurich Premiership", "Bridget Jones: The Edge of Reason"
        stated = stem_fields(sentence, answer)
        key_fields = fields_of(answer, pools) | fields_of(canon, pools) | stated
        plain = plain_person_name(answer)
        # "fly-half _____": on a team sheet a player, a coach and a referee are three kinds,
        # and a name the article gives no part in the game may be any of them.
        strict = bool(stated & _GAME_PARTS)
        from_doc, extra = (
            [
                c
                for c in names
                if not never_a_person(c)
                and plain_person_name(c) == plain
                and not shares_a_name_word(c, answer)
                and same_field(key_fields, c, pools, strict=strict)
            ]
            for names in (from_doc, extra)
        )
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
        side = team_of(fact, pools)
        if side:
            # "England failed to score and _____ slotted over four penalties": a player the
            # article ties to the other side is no option for the key's.
            firsts = {f.text: f for f in pools.by_type.get(FactType.PERSON, ())}
            from_doc = [
                c
                for c in from_doc
                if c not in firsts or not rival_sides(side, team_of(firsts[c], pools), pools.sport)
            ]
            extra = []
        from_doc = fitting(from_doc, cues, pools.traits)
        extra = fitting(extra, cues, pools.traits)
    if fact.type is FactType.ORGANISATION and is_acronym(answer):
        # Capitals the article never spells out ("HIV", "GMT") may name no body at all:
        # such a key gets no options, and a known body's options are known bodies.
        if not known_body(answer, pools):
            return None
        from_doc = [c for c in from_doc if known_body(c, pools)]
        extra = [c for c in extra if known_body(c, pools)]
    if fact.type is FactType.ORGANISATION or answer_kind == "organisation":
        # A newspaper among trade unions, a "Ltd" key among bodies without one.
        from_doc = [c for c in from_doc if same_body_class(answer, c, pools)]
        extra = [c for c in extra if same_body_class(answer, c, pools)]
    rng.shuffle(from_doc)
    rng.shuffle(extra)
    if answer_kind == "person" and fact.type is FactType.PERSON:
        # People the article shows in the key's field first; others only to fill up
        # ("Lib Dem spokesman _____": politicians before a name the article gives no role).
        wanted = stated or fields_of(answer, pools) | fields_of(canon, pools)
        if wanted:
            from_doc.sort(key=lambda c: not (fields_of(c, pools) and same_field(wanted, c, pools)))
    if fact.type is FactType.ORGANISATION and not answer.isupper():
        # An organisation of the same kind first: "… Organisation" before "… Armed Forces".
        head = _org_head(answer)
        same = [c for c in from_doc + extra if _org_head(c) == head]
        candidates = same + [c for c in from_doc if c not in same]
    else:
        candidates = from_doc + extra

    stem_places = (
        stem_place_names(sentence.replace(answer, " ")) if fact.type is FactType.PLACE else []
    )

    def acceptable(candidate: str, chosen: Sequence[str]) -> bool:
        norm = normalise(candidate)
        if not norm or norm in aliases or not _same_form(answer, candidate):
            return False
        if any(same_country(candidate, name) for name in stem_places):
            return False  # "United Kingdom" where the stem says "backed by the UK"
        spaced = normalise(candidate.replace("-", " "))
        if any(spaced == normalise(c.replace("-", " ")) for c in [answer, *chosen]):
            return False  # "Sinama Pongolle" beside "Sinama-Pongolle": one name, twice
        if any(same_words(candidate, c) for c in [answer, *chosen]):
            return False  # a paraphrase of the key, or of another option
        if _stem(norm) in {_stem(a) for a in aliases} | {_stem(normalise(c)) for c in chosen}:
            return False  # "Tories" is not a wrong answer to "Tory", nor a second "Lib Dem"
        if answer_kind == "person" and not all(
            same_field(fields_of(c, pools), candidate, pools) for c in chosen
        ):
            return False  # an analyst among film stars: the options are people of one world
        party = party_of(candidate)
        if party and party in {party_of(c) for c in [answer, *chosen]}:
            return False  # "Conservatives" beside "Tories": one party twice
        if any(_overlapping(norm, normalise(c)) for c in [answer, *chosen]):
            return False
        if any(norm == b or _overlapping(norm, b) for b in blocked):
            return False
        if answer_kind == "person" and any(
            _surname(norm) == _surname(b) for b in blocked if " " in b
        ):
            return False  # "Tony Blair" where the stem says "Mr Blair"
        return not (
            len(candidate) > 2.2 * len(answer) + 4 or len(answer) > 2.2 * len(candidate) + 4
        )

    chosen: list[str] = []
    for candidate in candidates:
        if acceptable(candidate, chosen):
            chosen.append(candidate)
            if len(chosen) == count:
                break
    if len(chosen) < count:
        return None
    continent = "" if answer in HOME_NATIONS else _continent(fact)
    if continent:
        # The one European among Asian countries is the key: one option at least shares
        # the key's continent.
        return _with_one(chosen, candidates, lambda c: _continent_of(c) == continent, acceptable)
    if answer_kind == "person" and stated:
        # "HMV manager _____": one option at least is someone the article shows in that
        # field, or the options are plainly people of another world (singers).
        return _with_one(
            chosen,
            candidates,
            lambda c: bool(fields_of(c, pools)) and same_field(stated, c, pools),
            acceptable,
        )
    return chosen


def _with_one(
    chosen: list[str],
    candidates: Sequence[str],
    wanted: Callable[[str], bool],
    acceptable: Callable[[str, Sequence[str]], bool],
) -> list[str] | None:
    """The chosen options with at least one that is ``wanted`` (swapped in for the last),
    or None when no acceptable candidate is."""
    if any(wanted(c) for c in chosen):
        return chosen
    for candidate in candidates:
        if candidate not in chosen and wanted(candidate) and acceptable(candidate, chosen[:-1]):
            return [*chosen[:-1], candidate]
    return None


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
