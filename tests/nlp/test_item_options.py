"""Options that fit and give nothing away; typed answers accepted in the forms students write."""

from __future__ import annotations

import random
import re

from quizapp.nlp import read_document
from quizapp.nlp.distractors import (
    build_pools,
    date_distractors,
    make_distractors,
    quantity_distractors,
    respell,
    spelling_convention,
)
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.questions.accepting import accepted_answers

PEOPLE = (
    "Coach Marta Lindqvist picked Jonas Wick for the final in Brantwick. "
    "Striker Erik Holm and goalkeeper Lena Dahl joined the squad of Brantwick Rovers Football Club. "
    "Referee Sven Ek sent off defender Ola Berg, said Karin Moss, who reported for Nordic News "
    "Network. Lord Anders Fell, the club's owner, watched from the stand."
)


def _facts(text: str) -> tuple[tuple[Fact, ...], object]:
    doc = read_document(text)
    facts = extract_facts(doc)
    return facts, build_pools(facts, doc)


def test_a_person_is_offered_only_people() -> None:
    facts, pools = _facts(PEOPLE)
    person = next(f for f in facts if f.text == "Lena Dahl")
    for seed in range(20):
        options = make_distractors(person, pools, random.Random(seed), count=3)
        assert options is not None
        assert not {"Brantwick", "Brantwick Rovers Football Club", "Nordic News Network"} & set(
            options
        )


def test_a_titled_name_is_a_person_and_its_options_are_people() -> None:
    facts, pools = _facts(
        PEOPLE
        + " Sir Olaf Brun and Dame Mia Dahl sat beside him. Lord Henrik Lund said it was full."
    )
    lord = next(f for f in facts if "Anders Fell" in f.text)
    assert lord.type is FactType.PERSON
    options = make_distractors(lord, pools, random.Random(0), count=3)
    assert options is not None
    assert all("Club" not in o and "Network" not in o for o in options)


def test_gazetteer_names_follow_the_articles_spelling() -> None:
    assert spelling_convention("The organisation will realise its plan.") == "isation"
    assert spelling_convention("The organization will realize its plan.") == "ization"
    assert spelling_convention("Prices rose and the wise raised them.") == ""
    assert respell("World Health Organization", "isation") == "World Health Organisation"
    assert respell("Collective Security Treaty Organisation", "ization").endswith("Organization")


def _spread(options: list[str]) -> list[float]:
    return sorted(float(o.split()[0].replace(",", "")) for o in options)


def test_numeric_distractors_are_not_a_fixed_set_of_ratios() -> None:
    facts, _ = _facts("The valley holds 1,360 km of paths.")
    fact = next(f for f in facts if f.type is FactType.QUANTITY)
    ratios = set()
    key_ranks = []
    for seed in range(300):
        options = quantity_distractors(fact, 3, random.Random(seed))
        assert options is not None
        values = _spread([*options, fact.text])
        key_ranks.append(values.index(1360.0))
        ratios.update(round(b / a, 2) for a, b in zip(values, values[1:], strict=False))
        assert all(b >= 1.1 * a for a, b in zip(values, values[1:], strict=False))
    assert len(ratios) > 30, "spacing varies from item to item"
    counts = [key_ranks.count(r) for r in range(4)]
    assert min(counts) > 0.6 * max(counts), "the key's rank among the options is uniform"


def test_small_counts_in_words_get_word_distractors() -> None:
    # Seven has room for word options above and below it (three would only ever be the
    # largest of three, so it gets none).
    facts, _ = _facts("The team won seven gold medals in Brantwick.")
    fact = next(f for f in facts if f.type is FactType.QUANTITY)
    options = quantity_distractors(fact, 2, random.Random(4))
    assert options is not None
    assert all(o.endswith(" gold medals") and not o[0].isdigit() for o in options)


def test_undated_article_years_stay_near_the_latest_year_it_names() -> None:
    text = "The bridge opened in 1998 and was repaired in 2004."
    facts, pools = _facts(text)
    year = next(f for f in facts if f.text == "1998")
    for seed in range(30):
        options = date_distractors(year, 3, random.Random(seed), pools, text)
        assert options is not None
        assert all(int(o) <= 2005 for o in options)
        assert "2004" not in options, "a year already in the sentence is never an option"


def test_typed_answers_accept_number_alone_digits_and_words() -> None:
    medals = Fact(
        FactType.QUANTITY,
        "three gold medals",
        0,
        17,
        0,
        (("number", "three"), ("unit", "gold medals")),
    )
    accepted = accepted_answers(medals, medals.text)
    assert {"three", "3", "3 gold medals"} <= set(accepted)
    km = Fact(FactType.QUANTITY, "1,360 km", 0, 8, 0, (("number", "1,360"), ("unit", "km")))
    assert {"1360", "1,360 km"} <= set(accepted_answers(km, "1,360"))
    assert "1,360" not in accepted_answers(km, "1,360"), "the answer itself is not repeated"


def test_typed_answers_accept_surname_and_short_place_names() -> None:
    person = Fact(FactType.PERSON, "Mr Ellis", 0, 8, 0, (("canonical", "Martin Ellis"),))
    assert {"Martin Ellis", "Ellis"} <= set(accepted_answers(person, "Mr Ellis"))
    place = Fact(FactType.PLACE, "Great Britain", 0, 13, 0, (("canonical", "United Kingdom"),))
    assert "Britain" in accepted_answers(place, "Great Britain")


def test_options_after_a_or_an_all_take_the_stems_article() -> None:
    from quizapp.nlp.distractors import takes_an

    assert takes_an("18-year-old") and takes_an("hour") and takes_an("800 guests")
    assert not takes_an("union") and not takes_an("1,360 km") and not takes_an("European")
    text = (
        "Brantwick council built an 800 m sea wall in 2019. The town also has a 120 m pier, "
        "a 40 m lighthouse and a 2,500 m beach path beside the harbour arm."
    )
    facts, pools = _facts(text)
    pier = next(f for f in facts if f.text == "120 m")
    sentence = read_document(text).sentences[1].text
    made = 0
    for seed in range(60):
        options = make_distractors(pier, pools, random.Random(seed), count=3, sentence=sentence)
        if options is not None:
            made += 1
            assert not any(takes_an(o) for o in options), options  # never "a 80 m pier"
    assert made > 30


def test_a_name_already_in_the_stem_is_never_an_option() -> None:
    text = (
        "Firms from Norway, Sweden, Denmark and Finland invested in Iceland's fishing fleet. "
        "Iceland later sold half of the fleet to Sweden."
    )
    facts, pools = _facts(text)
    sentence = read_document(text).sentences[0].text
    norway = next(f for f in facts if f.text == "Norway")
    for seed in range(20):
        options = make_distractors(norway, pools, random.Random(seed), count=2, sentence=sentence)
        if options is not None:
            assert not {"Iceland", "Sweden", "Denmark", "Finland"} & set(options), options


def test_a_reordered_name_is_a_paraphrase_not_a_distractor() -> None:
    from quizapp.nlp.distractors import same_words

    assert same_words("Court of Appeal", "Appeal Court")
    assert not same_words("Collective Security Treaty Organisation", "World Trade Organisation")
    text = (
        "The Court of Appeal heard the case in Brantwick. The Appeal Court later sat in Ostby. "
        "The High Court and the Supreme Court and the Crown Court had ruled before."
    )
    facts, pools = _facts(text)
    court = next(f for f in facts if f.text == "Court of Appeal")
    for seed in range(20):
        options = make_distractors(court, pools, random.Random(seed), count=2)
        if options is not None:
            assert "Appeal Court" not in options


def test_a_noun_phrase_stops_before_a_verb_the_tagger_took_for_a_noun() -> None:
    facts, _ = _facts(
        "The new rule means that construction companies need only get one set of approvals."
    )
    phrases = {f.text for f in facts if f.type is FactType.OTHER}
    assert "construction companies need" not in phrases
    assert "construction companies" in phrases


def test_a_bound_gets_no_multiple_choice_item() -> None:
    from quizapp.nlp.questions.multiple_choice import is_bound

    text = "The party received more than £5m in donations and up to 300 staff, or 40 or more."
    assert is_bound(text, text.index("£5m"), text.index("£5m") + 3)
    assert is_bound(text, text.index("300"), text.index("300") + 3)
    assert is_bound(text, text.index("40"), text.index("40") + 2)
    plain = "The party received £5m in donations."
    assert not is_bound(plain, plain.index("£5m"), plain.index("£5m") + 3)


def test_countries_are_offered_by_the_name_they_had_when_the_article_was_written() -> None:
    from quizapp.nlp.gazetteers import country_name_in

    assert country_name_in("North Macedonia", 2005) == "Macedonia"
    assert country_name_in("North Macedonia", 2020) == "North Macedonia"
    assert country_name_in("South Sudan", 2005) is None
    assert country_name_in("Greece", 1990) == "Greece"
    doc = read_document(
        "In 2004 Greece hosted the Olympic Games, and Bulgaria and Albania sent teams. "
        "The games were held in 2004 in Greece."
    )
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    greece = next(f for f in facts if f.text == "Greece")
    for seed in range(20):
        options = make_distractors(greece, pools, random.Random(seed), count=3) or []
        assert not {"North Macedonia", "Kosovo", "Montenegro", "Serbia"} & set(options), options


def test_a_matching_item_never_pairs_two_roles_of_the_same_kind() -> None:
    from quizapp.nlp.questions.matching import role_pairs

    doc = read_document(
        "Actor Nils Berg met the unconventional director Tove Lind in Oslo. "
        "The film's director Karl Moe said the singer Ida Rask would star. "
        "Producer Elsa Fjord agreed."
    )
    pairs = role_pairs(extract_facts(doc))
    heads = [role.split()[-1].lower() for _, role, _ in pairs]
    assert len(heads) == len(set(heads)), pairs
    assert sum(h == "director" for h in heads) == 1


def test_a_matching_item_never_offers_a_bare_role_the_others_hold_too() -> None:
    """ "Andrew Tyrie = MP" beside the Commons leader and the Speaker: all three are MPs."""
    from quizapp.nlp.questions.matching import role_pairs

    doc = read_document(
        "Commons leader Peter Hale will make a statement, said Speaker Michael Marten. "
        "MP Andrew Tyne said the rules were clear. Chancellor Gordon Brake declined to comment."
    )
    pairs = role_pairs(extract_facts(doc))
    roles = {role for _, role, _ in pairs}
    assert "MP" not in roles, pairs
    assert "Speaker" in roles, pairs


def test_a_titled_or_initialled_key_is_never_the_only_name_of_its_shape() -> None:
    doc = read_document(
        "Sir Tomas Vell will coach the northern side at Ostby. "
        "Karl Moe, Nils Berg and Tove Lind are in the squad, with T Rask. "
        "Ida Rask said Sir Anders Fell and Sir Olaf Brun would watch with Lady Mia Dahl."
    )
    facts = extract_facts(doc)
    pools = build_pools(facts, doc)
    coach = next(f for f in facts if "Tomas Vell" in f.text)
    for seed in range(10):
        options = make_distractors(coach, pools, random.Random(seed), count=3)
        assert options is None or all(o.split()[0] in ("Sir", "Lady") for o in options), options


def test_numeric_options_are_rarely_all_simple_multiples_of_the_key() -> None:
    simple = (0.25, 1 / 3, 0.375, 0.5, 2 / 3, 0.75, 1.25, 1.5, 1.875, 2.0, 2.5, 3.0, 3.75)
    facts, _ = _facts("The fund raised £500,000 and the valley holds 1,360 km of paths.")

    def hub(centre: float, values: list[float]) -> bool:
        return all(
            any(abs(v / centre - r) <= 0.06 * max(r, v / centre) for r in simple)
            for v in values
            if v != centre
        )

    all_simple = total = 0
    for fact in (f for f in facts if f.type is FactType.QUANTITY):
        key = float(fact.attr("number").replace(",", ""))
        for seed in range(200):
            options = quantity_distractors(fact, 3, random.Random(seed)) or []
            values = [float(re.sub(r"[^\d.]", "", o)) for o in options]
            total += 1
            # The ratio solver's pick: the one option every other is a simple multiple of.
            # Figures of one significant digit (£500,000 among £300,000 and £1,000,000) are
            # all simple multiples of each other; only a key that is the sole such option
            # is given away.
            hubs = [c for c in [*values, key] if hub(c, [*values, key])]
            all_simple += not values or hubs == [key]
    assert total and all_simple / total < 0.02, "the key is the one the others are multiples of"
