"""Distractors give nothing away: key rank uniform, same unit and form, nothing also-true."""

from __future__ import annotations

import random
from collections import Counter

from quizapp.nlp import QuestionKind, generate, read_document
from quizapp.nlp.distractors import (
    build_pools,
    common_noun_name,
    date_distractors,
    introduced_as_person,
    make_distractors,
    name_distractors,
    ordinal_distractors,
    pick_by_rank,
    quantity_distractors,
)
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact, FactType

TEXT = (
    "The survey covered 2,850 km of river and cost €3.4 million in 2022. "
    "It was the 12th report since the treaty of 1998, and 40% of samples held plastic."
)


def _fact(text: str) -> Fact:
    facts = extract_facts(read_document(TEXT))
    return next(f for f in facts if f.text == text)


def test_key_rank_is_uniform_over_many_draws() -> None:
    ranks = Counter()
    for seed in range(2000):
        picked = pick_by_rank(50, [], [10, 20, 30, 40, 60, 70, 80, 90], 3, random.Random(seed))
        assert picked is not None
        ranks[sum(v < 50 for v in picked)] += 1
    assert set(ranks) == {0, 1, 2, 3}
    assert max(ranks.values()) / min(ranks.values()) < 1.3


def test_quantities_keep_unit_format_and_distance() -> None:
    fact = _fact("2,850 km")
    for seed in range(50):
        options = quantity_distractors(fact, 3, random.Random(seed))
        assert options is not None
        values = [float(o.replace(",", "").removesuffix(" km")) for o in [*options, "2,850 km"]]
        assert all(o.endswith(" km") for o in options)
        assert all(
            v >= 1000 and "," in o for v, o in zip(values, options, strict=False) if v >= 1000
        )
        values.sort()
        assert all(b >= 1.1 * a for a, b in zip(values, values[1:], strict=False))


def test_percentages_stay_percentages_below_a_hundred() -> None:
    fact = _fact("40%")
    for seed in range(50):
        options = quantity_distractors(fact, 3, random.Random(seed))
        if options is None:
            continue
        assert all(o.endswith("%") and 0 < float(o[:-1]) <= 100 for o in options)


def test_ordinals_stay_ordinals() -> None:
    options = ordinal_distractors(_fact("12th"), 3, random.Random(1))
    assert options is not None
    assert all(o[:-2].isdigit() and o[-2:] in ("st", "nd", "rd", "th") for o in options)
    assert "12th" not in options


def test_years_never_come_after_the_article() -> None:
    doc = read_document(TEXT + "\n\nPublished 1 March 2004")
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    year = next(f for f in facts if f.type is FactType.DATE and f.text == "1998")
    made = [date_distractors(year, 3, random.Random(seed), pools) for seed in range(30)]
    assert any(made)
    assert all(int(o) <= 2004 for options in made if options for o in options)


def test_a_key_at_the_end_of_its_range_is_not_the_extreme_option_more_than_chance() -> None:
    """Years close to the article's own and percentages close to 100 have room on one side
    only: they get no multiple choice on most draws rather than always being the extreme."""
    doc = read_document(
        "The bridge opened in 1931 and was rebuilt in 1962, 1988 and 2021; by 2022, 97% of "
        "its traffic and 45% of its tolls came from lorries.\n\nPublished 1 March 2022"
    )
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    checked = 0
    for fact in facts:
        if fact.type not in (FactType.DATE, FactType.QUANTITY):
            continue
        checked += 1
        largest = smallest = 0
        draws = 200
        for seed in range(draws):
            rng = random.Random(seed)
            if fact.type is FactType.DATE:
                options = date_distractors(fact, 3, rng, pools)
            else:
                options = quantity_distractors(fact, 3, rng)
            if not options:
                continue
            key = float(fact.text.rstrip("%"))
            values = [float(o.rstrip("%")) for o in options]
            largest += all(v < key for v in values)
            smallest += all(v > key for v in values)
        # The key is the largest (or smallest) of four options on about a quarter of draws,
        # whatever room it has: near the end of its range the other draws make no options.
        assert largest / draws <= 0.32, fact.text
        assert smallest / draws <= 0.32, fact.text
    assert checked >= 6


def test_option_only_guessing_stays_near_chance(samples: dict[str, str]) -> None:
    """Longest-option and middle-number guessing on every multiple-choice item of the samples."""
    longest = middle = numeric = total = 0
    for text in samples.values():
        for item in generate(text, max_items=60, kinds=[QuestionKind.MULTIPLE_CHOICE]).items:
            if item.kind is not QuestionKind.MULTIPLE_CHOICE:
                continue
            total += 1
            opts = list(item.options)
            if (
                max(opts, key=len) == item.answer
                and sum(len(o) == len(item.answer) for o in opts) == 1
            ):
                longest += 1
            if item.fact.type in (FactType.QUANTITY, FactType.DATE, FactType.ORDINAL):
                numeric += 1
                middle += opts.index(item.answer or "") not in (0, len(opts) - 1)
    assert total >= 15
    assert longest / total <= 0.35
    assert middle / numeric <= 0.7


def test_years_stay_on_the_keys_side_of_a_year_the_stem_shows() -> None:
    text = (
        "Brantwick Mills opened in 1921. Sales in the first half of 2005 were double those "
        "of the same period in 2004, and the mill was sold in 1998 and again in 1987."
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    key = next(f for f in facts if f.type is FactType.DATE and f.text == "2005")
    sentence = doc.sentences[key.sentence].text
    for seed in range(30):
        options = date_distractors(key, 3, random.Random(seed), pools, sentence)
        # 2004 stands in the stem: a year before it could not be "double the same period".
        assert options is None or all(int(o) > 2004 for o in options)


def test_no_numeric_option_repeats_a_number_of_the_stem() -> None:
    doc = read_document("The Brantwick 101 tower stands 508m tall, the tallest in the region.")
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    key = next(f for f in facts if f.type is FactType.QUANTITY and f.text == "508m")
    sentence = doc.sentences[key.sentence].text
    for seed in range(60):
        options = make_distractors(key, pools, random.Random(seed), sentence=sentence)
        assert options is None or not any("101" in o for o in options)


def test_titles_and_bodies_are_never_options_among_people() -> None:
    assert common_noun_name("Lord Chancellor")
    assert common_noun_name("Police Officers")
    assert common_noun_name("Metropolitan Police")
    assert not common_noun_name("John Major")
    assert not common_noun_name("Anna Berg")


def test_a_name_given_a_role_is_a_person_and_gets_people_as_options() -> None:
    text = (
        "Tony Marsh, spokesman for Brantwick Mills, said sales fell. Anna Berg, the chairman, "
        "disagreed. Tom Hollis and Ida Marsh left Northwind Foods, and Brantwick Council and "
        "Maren Water Company objected."
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    sentence = doc.sentences[0].text
    fact = next(f for f in facts if f.text == "Tony Marsh")
    assert introduced_as_person(sentence, fact)
    untyped = Fact(
        FactType.OTHER, fact.text, fact.start, fact.end, fact.sentence, (("form", "name"),)
    )
    options = make_distractors(untyped, pools, random.Random(3), sentence=sentence)
    assert options is not None
    assert not any(common_noun_name(o) or "Council" in o or "Company" in o for o in options)


def test_numeric_options_stay_on_the_keys_side_of_a_figure_in_the_stem() -> None:
    doc = read_document(
        "Tobias Vennholm saw his wealth fall from £220m last year to £75m this year."
    )
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    key = next(f for f in facts if f.type is FactType.QUANTITY and f.text == "£220m")
    sentence = doc.sentences[key.sentence].text
    for seed in range(40):
        options = make_distractors(key, pools, random.Random(seed), sentence=sentence)
        if options is not None:
            assert all(float(o.strip("£m").replace(",", "")) > 75 for o in options)


def test_country_options_are_countries_a_reader_knows() -> None:
    from quizapp.nlp.distractors import (
        MIN_COUNTRY_POPULATION,
        _country_populations,
        _same_continent_countries,
    )

    size = _country_populations()
    by_name = {
        c.name: code
        for code, c in (
            (c.code, c)
            for c in __import__("quizapp.nlp.gazetteers", fromlist=["country_by_code"])
            .country_by_code()
            .values()
        )
    }
    options = _same_continent_countries("United States")
    assert options and "Saint Pierre and Miquelon" not in options
    assert all(size[by_name[o]] >= MIN_COUNTRY_POPULATION for o in options)


def test_an_untyped_name_gets_only_names_with_its_own_head_word() -> None:
    text = (
        "Sale host Bath in the Powergen Cup on Friday. Leeds won the Heineken Cup and the "
        "Anglo-Welsh Cup, while the Zurich Cup went to Wasps. BBC Sport and Scotland reported it."
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    fact = next(f for f in facts if f.text == "Powergen Cup")
    untyped = Fact(
        FactType.OTHER, fact.text, fact.start, fact.end, fact.sentence, (("form", "name"),)
    )
    sentence = doc.sentences[0].text
    for seed in range(10):
        options = make_distractors(untyped, pools, random.Random(seed), sentence=sentence)
        assert options is None or all(o.endswith(" Cup") for o in options)


def test_thousands_get_a_comma_when_the_key_shows_no_style() -> None:
    doc = read_document("The Brantwick trade gap hit an all-time high of $671.7bn in 2004.")
    key = next(f for f in extract_facts(doc) if f.text == "$671.7bn")
    for seed in range(40):
        options = quantity_distractors(key, 3, random.Random(seed)) or []
        for option in options:
            whole = option.strip("$bn").split(".")[0]
            assert "," in whole or len(whole) <= 3


def test_a_name_that_speaks_or_believes_is_a_person() -> None:
    sentence = "Brantwick's Tobias Vennholm believes the mill will reopen."
    doc = read_document(sentence)
    fact = next(f for f in extract_facts(doc) if f.text == "Tobias Vennholm")
    assert introduced_as_person(sentence, fact)


def test_everyday_phrases_are_never_options_for_a_phrase() -> None:
    from quizapp.nlp.distractors import phrase_distractors

    doc = read_document(
        "Familiarity with the net has a certain social cachet. Readers found real value in "
        "the spending cash and a different usage of rock overtones, said Ida Marsh of "
        "Brantwick Mills, who praised the cantilevered dovecotes and the hydraulic sluices."
    )
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    key = next(f for f in facts if f.text == "certain social cachet")
    for seed in range(10):
        options = phrase_distractors(key, 3, random.Random(seed), pools) or []
        assert not {"real value", "spending cash", "different usage"} & set(options)


def test_two_options_for_a_name_are_refused_as_too_thin() -> None:
    doc = read_document("Tobias Vennholm and Ida Marsh met Anna Berg in Brantwick.")
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    key = next(f for f in facts if f.text == "Tobias Vennholm")
    assert make_distractors(key, pools, random.Random(0), count=2) is None


def test_a_party_or_a_hyphenated_twin_is_never_an_option_among_people() -> None:
    assert common_noun_name("Lib Dems")
    text = (
        "Tobias Vennholm scored. Ida Sinama-Pongolle and Ida Sinama Pongolle both played, with "
        "Anna Berg, Tom Hollis and Eva Lund. The Lib Dems cheered."
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    key = next(f for f in facts if f.text == "Tobias Vennholm")
    for seed in range(20):
        options = make_distractors(key, pools, random.Random(seed)) or []
        spaced = [o.replace("-", " ") for o in options]
        assert len(spaced) == len(set(spaced))
        assert "Lib Dems" not in options


def test_gazetteer_options_share_the_keys_alphabet() -> None:
    doc = read_document(
        "Dr Ida Marsh, Welsh secretary of the British Medical Association, welcomed the plan."
    )
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    key = next(f for f in facts if f.text == "British Medical Association")
    for seed in range(20):
        options = name_distractors(key, 2, random.Random(seed), pools) or []
        assert all(o.isascii() for o in options)


def test_numeric_options_are_never_evenly_spaced_around_the_key() -> None:
    fact = _fact("2,850 km")
    for seed in range(300):
        options = quantity_distractors(fact, 3, random.Random(seed))
        if options is None:
            continue
        values = sorted(
            float(o.replace(",", "").removesuffix(" km")) for o in [*options, "2,850 km"]
        )
        steps = [b - a for a, b in zip(values, values[1:], strict=False)]
        assert all(abs(y - x) > 0.1 * max(x, y) for x, y in zip(steps, steps[1:], strict=False)), (
            values
        )
