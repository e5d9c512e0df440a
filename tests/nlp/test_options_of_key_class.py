"""Wrong options of the key's class and shape: no competition among players, no film among
directors, no newspaper among unions, no half-name, no option the stem shows, no absurd figure."""

from __future__ import annotations

import random

from quizapp.nlp import read_document
from quizapp.nlp.distractors import (
    _same_continent_countries,
    build_pools,
    make_distractors,
    pick_by_rank,
    quantity_distractors,
)
from quizapp.nlp.distractors.entity_class import (
    never_a_person,
    plain_person_name,
    same_body_class,
    shares_a_name_word,
)
from quizapp.nlp.distractors.numeric import MAX_SPREAD
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.name_traits import person_traits
from quizapp.nlp.option_fit import FIELD_PREFIX, WORK
from quizapp.nlp.text import normalise


def _setup(text: str):
    doc = read_document(text)
    facts = extract_facts(doc)
    return doc, facts, build_pools(facts, doc)


def _options(fact: Fact, pools, sentence: str, *, avoid: str = "", seeds: int = 20) -> set[str]:
    seen: set[str] = set()
    for seed in range(seeds):
        made = make_distractors(fact, pools, random.Random(seed), sentence=sentence, avoid=avoid)
        seen.update(made or ())
    return seen


def _person(facts, text: str) -> Fact:
    found = next(f for f in facts if f.text == text)
    return Fact(FactType.PERSON, found.text, found.start, found.end, found.sentence, found.attrs)


def test_competitions_buildings_and_papers_are_never_people() -> None:
    for name in (
        "Harwick Premiership",
        "Norland Towers",
        "Daily Lantern Herald",
        "Brisco Cup",
        "Fenwick United",
        "Fenwick United-Harlow",
        "Harlow Citizen",
    ):
        assert never_a_person(name), name
    for name in ("Tom Arvel", "Daniel Day-Lewis", "Stuart Hall", "Wayne Bridge"):
        assert not never_a_person(name), name


def test_a_player_is_never_offered_a_competition() -> None:
    doc, facts, pools = _setup(
        "Striker Tom Arvel scored twice for Fenwick. Striker Dan Mirrow was injured in "
        "training. Striker Sam Kettle was rested. Striker Joe Brant said he was fit. Fenwick "
        "lead the Harwick Premiership by four points. Striker Ben Carrow starts on Saturday."
    )
    # Wherever the name finder files the competition, a player's options never hold it.
    fake = next(f for f in facts if "Harwick" in f.text)
    pools.by_type[FactType.PERSON] = (
        *pools.by_type.get(FactType.PERSON, ()),
        Fact(FactType.PERSON, "Harwick Premiership", fake.start, fake.end, fake.sentence),
    )
    key = _person(facts, "Dan Mirrow")
    seen = _options(key, pools, doc.sentences[key.sentence].text)
    assert seen, "the article names enough players"
    assert not any("Premiership" in o for o in seen)


def test_titles_in_a_list_of_films_are_works_not_people() -> None:
    doc, facts, _ = _setup(
        "Director Anna Pellow made films such as Glass Harbour, Peter Vane and Tin Crown. "
        "Her next film, Mary Holt: The Last Crossing, opens in May."
    )
    traits = person_traits(facts, doc)
    assert WORK in traits.get("peter vane", frozenset())
    assert WORK in traits.get("mary holt", frozenset())
    assert FIELD_PREFIX + "screen" in traits.get("anna pellow", frozenset())


def test_a_director_is_not_offered_a_singer() -> None:
    doc, facts, pools = _setup(
        "The film was made by director Marta Quill. Director Hugo Fenn praised it. "
        "Director Lena Cobb and director Ivo Marsh attended. Singer Rod Vetch sang at the "
        "party, and singer Kit Dorran joined him."
    )
    key = _person(facts, "Marta Quill")
    seen = _options(key, pools, doc.sentences[key.sentence].text)
    assert seen and not seen & {"Rod Vetch", "Kit Dorran"}


def test_a_newspaper_is_not_of_a_unions_kind() -> None:
    _doc, _facts, pools = _setup(
        "The union Fetra called a strike. The newspaper Clarado reported the talks. "
        "The union Sintel backed Fetra, and the union Obral joined them."
    )
    assert not same_body_class("Fetra", "Clarado", pools)
    assert same_body_class("Fetra", "Sintel", pools)
    assert not same_body_class("Harlow Reform Trust Ltd", "Electoral Board", pools)


def test_person_options_share_no_word_with_the_key_and_have_its_shape() -> None:
    assert shares_a_name_word("Juan Carlos", "Carlos Moyano")
    assert not shares_a_name_word("Tom Arvel", "Carlos Moyano")
    assert not shares_a_name_word("Ida Marsh", "Tony Marsh")  # two people of one family
    assert not plain_person_name("Nestor Kirrel of Argentina")
    assert plain_person_name("Julio De Vidal") and plain_person_name("Ruud van Derlin")


def test_a_name_the_printed_question_shows_is_no_option() -> None:
    doc, facts, pools = _setup(
        "Striker Dan Mirrow was injured in training. Striker Joe Brant was rested. "
        "Striker Sam Kettle said he was fit. Striker Ben Carrow starts on Saturday. "
        "Striker Max Tilden starts too."
    )
    key = _person(facts, "Dan Mirrow")
    sentence = doc.sentences[key.sentence].text
    # The stem resolved a pronoun to "Joe Brant": he cannot be a wrong answer beside it.
    seen = _options(key, pools, sentence, avoid="Joe Brant said _____ was injured in training.")
    assert seen and "Joe Brant" not in seen


def test_numeric_options_stay_within_a_plausible_band() -> None:
    _doc, facts, _ = _setup("The firm has 140 million users in the country.")
    key = next(f for f in facts if f.type is FactType.QUANTITY)
    made = 0
    for seed in range(60):
        options = quantity_distractors(key, 3, random.Random(seed))
        if options is None:
            continue
        made += 1
        values = [float(o.split()[0]) for o in [key.text, *options]]
        assert max(values) / min(values) <= MAX_SPREAD
    assert made > 30


def test_countries_a_reader_barely_knows_are_not_offered() -> None:
    oceania = _same_continent_countries("Australia")
    assert "Papua New Guinea" not in oceania
    europe = _same_continent_countries("Germany")
    assert "Moldova" not in europe and "Spain" in europe


def test_britain_is_not_offered_where_the_home_nations_play_apart() -> None:
    doc, facts, pools = _setup(
        "Serbia won a World Cup qualifying match in Belgium on Saturday. "
        "Britain, Finland, Ukraine and Romania watched the result."
    )
    key = next(f for f in facts if f.text == "Belgium")
    seen = _options(key, pools, doc.sentences[key.sentence].text)
    assert seen and not seen & {"Britain", "United Kingdom", "Great Britain"}


def test_one_option_at_least_shares_the_key_country_continent() -> None:
    doc, facts, pools = _setup(
        "Talks were held in France. China, Japan, India and Vietnam sent delegates."
    )
    key = next(f for f in facts if f.text == "France")
    europe = set(_same_continent_countries("France"))
    for seed in range(15):
        options = make_distractors(key, pools, random.Random(seed), sentence=doc.sentences[0].text)
        if options:
            assert set(options) & europe


def test_a_key_without_room_on_both_sides_gets_no_ranked_options() -> None:
    # A year with no later year to offer would only ever be the latest option.
    for seed in range(20):
        assert (
            pick_by_rank(2004, [], [1994, 1996, 1998, 2000, 2002], 3, random.Random(seed)) is None
        )
    picked = pick_by_rank(50, [], [10, 20, 30, 40, 60, 70, 80], 3, random.Random(1))
    assert picked is not None and len(picked) == 3


def test_a_company_key_with_ltd_is_not_the_only_ltd() -> None:
    doc, facts, pools = _setup(
        "The largest donor was the Harlow Reform Trust Ltd, a company. The Electoral "
        "Board and the Institute of Civic Research also gave money, as did the Mercer "
        "Foundation."
    )
    key = next((f for f in facts if f.text.endswith("Ltd")), None)
    if key is None:
        return
    seen = _options(key, pools, doc.sentences[key.sentence].text)
    assert all(o.endswith("Ltd") for o in seen)
    assert normalise(key.text) not in {normalise(o) for o in seen}


def test_a_fuller_form_of_a_name_the_stem_shows_is_no_option() -> None:
    doc, facts, pools = _setup(
        "Producer Walter Dunn Jr said the film was finished. Producer Anna Pellow agreed. "
        "Producer Rui Salgado and producer Bo Lindahl attended. Mr Dunn and Kit Ferrer were "
        "left off the list."
    )
    key = _person(facts, "Kit Ferrer")
    sentence = doc.sentences[key.sentence].text
    seen = _options(key, pools, sentence)
    assert "Walter Dunn Jr" not in seen


def test_a_part_played_is_not_answered_by_real_people() -> None:
    doc, facts, pools = _setup(
        "Director Marta Quill and director Hugo Fenn praised the cast. Critics loved his "
        "performance as Jim Halloran in the film. Director Ivo Marsh agreed."
    )
    key = _person(facts, "Jim Halloran")
    seen = _options(key, pools, doc.sentences[key.sentence].text)
    assert not seen & {"Marta Quill", "Hugo Fenn", "Ivo Marsh"}


def test_city_options_from_the_article_are_in_the_key_country() -> None:
    doc, facts, pools = _setup(
        "The minister bought the record in Edinburgh on Friday. Fans queued in Glasgow, "
        "Cardiff, Manchester and Los Angeles."
    )
    key = next(f for f in facts if f.text == "Edinburgh")
    seen = _options(key, pools, doc.sentences[key.sentence].text)
    assert seen and "Los Angeles" not in seen


def test_a_count_of_a_country_people_stays_below_its_population() -> None:
    from quizapp.nlp.distractors.stem_figures import people_cap

    for figure in ("137 million", "85 million", "60 million"):
        doc, facts, pools = _setup(
            f"Analysts expect net users in Brazil to exceed the {figure} US users of the net "
            "by 2008."
        )
        key = next(f for f in facts if f.text == figure)
        sentence = doc.sentences[key.sentence].text
        cap = people_cap(key, sentence)
        assert cap is not None and 250 < cap < 340  # the United States, in millions
        for seed in range(30):
            options = make_distractors(key, pools, random.Random(seed), sentence=sentence)
            # Boxed in below the population, a key with no room above gets no options.
            assert all(float(o.split()[0]) < cap for o in options or ()), options
    doc, facts, _ = _setup("The firm has 40,000 staff.")
    key = next(f for f in facts if f.type is FactType.QUANTITY)
    assert people_cap(key, doc.sentences[0].text) is None


def test_gazetteer_cities_are_cities_not_districts_of_a_larger_one() -> None:
    from quizapp.nlp.distractors.gazetteer_names import _big_cities_near, city_countries

    near = _big_cities_near("Bristol")
    assert "London" in near and "Brent" not in near and "Islington" not in near
    assert "Brooklyn" not in _big_cities_near("Chicago")
    # A name the gazetteer knows best abroad is still a city of the key's country.
    assert "GB" in city_countries("Gloucester")


def test_figures_in_billions_are_never_offered_under_one_billion() -> None:
    _doc, facts, _ = _setup("The firm won approval to build a $2.5bn factory in Brantwick.")
    key = next(f for f in facts if f.text == "$2.5bn")
    made = 0
    for seed in range(40):
        options = quantity_distractors(key, 3, random.Random(seed))
        if options:
            made += 1
            assert all(float(o.strip("$bn")) >= 1 for o in options), options
    assert made


def test_a_referee_is_not_offered_players() -> None:
    doc, facts, pools = _setup(
        "The match ended when referee Alun Price blew for time. Striker Dan Mirrow scored "
        "twice. Striker Joe Brant was rested. Striker Sam Kettle said he was fit."
    )
    key = _person(facts, "Alun Price")
    seen = _options(key, pools, doc.sentences[key.sentence].text)
    assert not seen & {"Dan Mirrow", "Joe Brant", "Sam Kettle"}


def test_a_name_inside_a_longer_name_or_after_a_possessive_is_no_person_option() -> None:
    doc, facts, pools = _setup(
        "The judges were novelist Hari Kunwar, novelist Ada Lusk and novelist Tom Vey. "
        "The prize went to lecturer Armand Marie Lerot. Critics loved Ada Lusk's Jonah "
        "Strand. Marie Lerot said he was delighted."
    )
    traits = person_traits(facts, doc)
    assert WORK in traits.get("jonah strand", frozenset())
    key = _person(facts, "Hari Kunwar")
    seen = _options(key, pools, doc.sentences[key.sentence].text)
    assert "Marie Lerot" not in seen and "Jonah Strand" not in seen


def test_an_organisation_kind_is_read_before_of() -> None:
    _doc, _facts, pools = _setup("The Department of Trade met the London University team.")
    assert not same_body_class("London University", "Department of Trade", pools)
    assert same_body_class("London University", "Centre for the Study of Children", pools)


def test_three_options_for_a_place_come_from_the_article_only() -> None:
    doc, facts, pools = _setup("Spain beat Italy in the final. The team flew home on Sunday.")
    key = next(f for f in facts if f.text == "Italy")
    sentence = doc.sentences[0].text
    for seed in range(10):
        options = make_distractors(key, pools, random.Random(seed), count=2, sentence=sentence)
        # Spain is in the stem; the article names no other country to offer.
        assert options is None


def test_people_shown_in_the_key_field_come_before_others() -> None:
    doc, facts, pools = _setup(
        "Party spokesman Ivo Marsh said the plan was right. Minister Hugo Fenn agreed. "
        "Minister Lena Cobb and minister Rod Vetch disagreed. Tom Kettle, Ada Brink and "
        "Sam Lusk watched from the gallery."
    )
    key = _person(facts, "Ivo Marsh")
    sentence = doc.sentences[key.sentence].text
    for seed in range(10):
        options = make_distractors(key, pools, random.Random(seed), sentence=sentence)
        assert options is not None
        assert set(options) == {"Hugo Fenn", "Lena Cobb", "Rod Vetch"}
