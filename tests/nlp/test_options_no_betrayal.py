"""Options that do not betray the key: numeric keys' ranks balanced over a quiz, teams among
teams, bodies among bodies of their kind, no option the stem's other words rule in or out."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from quizapp.nlp import generate, read_document
from quizapp.nlp.distractors import build_pools, make_distractors
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import FactType, QuestionKind
from quizapp.nlp.questions.key_ranks import END_RANKS, INNER_RANKS, rank_sequence


def _setup(text: str):
    doc = read_document(text)
    facts = extract_facts(doc)
    return doc, facts, build_pools(facts, doc)


def _numbers(option: str) -> float:
    import re

    return float(re.search(r"\d[\d,]*(?:\.\d+)?", option).group().replace(",", ""))


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 8, 11])
def test_rank_sequence_pairs_an_inner_key_with_an_end_key(n: int) -> None:
    for seed in range(20):
        ranks = rank_sequence(n, random.Random(seed))
        assert len(ranks) == n
        for i in range(0, n - 1, 2):
            pair = set(ranks[i : i + 2])
            assert len(pair & set(INNER_RANKS)) == 1 and len(pair & set(END_RANKS)) == 1
        for i in range(0, n - 3, 4):
            assert sorted(ranks[i : i + 4]) == [0, 1, 2, 3]


def test_rank_sequence_is_uniform_over_many_quizzes() -> None:
    counts = Counter(r for seed in range(400) for r in rank_sequence(1, random.Random(seed)))
    assert all(70 <= counts[r] <= 130 for r in range(4))  # 100 each, 3.4 sd


FIGURES = (
    "Harbour town reports a record year\n\n"
    "The harbour handled 4,200 ships last year, the port authority said on Monday. "
    "Its revenue rose to £38m, and the authority hired 260 new staff. "
    "The town council spent £1.6m on a new quay, which opened in 1998. "
    "Visitors numbered 730,000, up from the year before, and the ferry carried 54,000 cars. "
    "The marina holds 340 berths. The harbour was founded in 1815 and its lighthouse is 46 "
    "metres tall. Fishermen landed 9,500 tonnes of fish, said harbour master Alan Price. "
    "The port's 12 cranes lifted 180,000 containers, and the authority has 31 tugs."
)


def test_fixed_rank_puts_that_many_options_below_the_key() -> None:
    doc, facts, pools = _setup(FIGURES)
    numeric = [f for f in facts if f.type in (FactType.QUANTITY, FactType.DATE)]
    assert numeric
    made = 0
    for fact in numeric:
        sentence = doc.sentences[fact.sentence].text
        for rank in range(4):
            options = make_distractors(
                fact, pools, random.Random(rank), count=3, sentence=sentence, rank=rank
            )
            if options is None:
                continue
            made += 1
            key = _numbers(fact.text)
            assert sum(_numbers(o) < key for o in options) == rank, (fact.text, options)
    assert made >= 8


def _inner_keys(quiz) -> tuple[int, int]:
    inner = total = 0
    for item in quiz.items:
        if item.kind is not QuestionKind.MULTIPLE_CHOICE or item.fact.type not in (
            FactType.QUANTITY,
            FactType.DATE,
            FactType.ORDINAL,
        ):
            continue
        if len(item.options) != 4:
            continue
        total += 1
        inner += item.options.index(item.answer) in INNER_RANKS
    return inner, total


def test_a_quiz_puts_half_its_numeric_keys_between_their_options(shared_dir) -> None:
    quizzes = 0
    for path in sorted((shared_dir / "data" / "news-more").glob("*.txt")):
        quiz = generate(path.read_text(encoding="utf-8"), max_items=20)
        inner, total = _inner_keys(quiz)
        quizzes += total >= 2
        # "Pick the middle number" wins half the time on half the items: chance, every quiz.
        assert total // 2 <= inner <= (total + 1) // 2, (path.name, inner, total)
    assert quizzes >= 3


def test_balanced_ranks_are_deterministic(shared_dir) -> None:
    text = (shared_dir / "data" / "news-more" / "05.txt").read_text(encoding="utf-8")
    one = generate(text, max_items=20, seed=3)
    two = generate(text, max_items=20, seed=3)
    assert [i.options for i in one.items] == [i.options for i in two.items]


FOOTBALL = (
    "Hoddle takes over at Wolves\n\n"
    "Glenn Hoddle has been named manager of Wolves after a poor start to the season. "
    "He began his managerial career with Swindon before moving on to Chelsea. "
    "He later managed Southampton, where he lifted the side clear of relegation. "
    "He engineered an upturn in Saints' fortunes before being lured to White Hart Lane by "
    "Tottenham, the club where he made his name as a player. "
    "Wolves face Millwall on Tuesday and Leeds on Saturday, and the striker Carl Cort is fit. "
    "Hoddle said his side would not concede a penalty or a free-kick cheaply."
)


def _all_options(fact, doc, pools, count: int = 3) -> set[str]:
    sentence = doc.sentences[fact.sentence].text
    seen: set[str] = set()
    for seed in range(20):
        made = make_distractors(fact, pools, random.Random(seed), count=count, sentence=sentence)
        seen.update(made or ())
    return seen


def test_a_football_report_offers_its_own_teams_never_the_gazetteers_towns() -> None:
    doc, facts, pools = _setup(FOOTBALL)
    assert pools.sport == "football"
    teams = {"Wolves", "Swindon", "Chelsea", "Southampton", "Tottenham", "Millwall", "Leeds"}
    towns = [f for f in facts if f.type is FactType.PLACE and f.text in teams]
    offered = set().union(*(_all_options(f, doc, pools, count=2) for f in towns))
    assert offered
    assert offered <= teams, offered - teams


def test_a_club_the_stem_shows_by_its_nickname_is_no_option() -> None:
    doc, facts, pools = _setup(FOOTBALL)
    tottenham = next(f for f in facts if f.text == "Tottenham")
    # "Saints' fortunes" is Southampton: as an option it is plainly not where he went next.
    assert "Southampton" not in _all_options(tottenham, doc, pools, count=2)


def test_a_stem_naming_the_clubs_ground_is_unfair() -> None:
    quiz = generate(FOOTBALL, max_items=20, seed=0)
    for item in quiz.items:
        shown = item.prompt.replace("_____", " ")
        if item.answer == "Tottenham":
            assert "White Hart Lane" not in shown and "Spurs" not in shown


def test_stem_names_club_by_ground_and_nickname() -> None:
    from quizapp.nlp.distractors.teams import stem_names_club

    assert stem_names_club("lured to White Hart Lane by  - the club", "Tottenham")
    assert stem_names_club("an upturn in Saints' fortunes", "Southampton")
    assert not stem_names_club("a win at Old Trafford", "Arsenal")
    assert not stem_names_club("the saints of the church", "Southampton")


RUGBY = (
    "Ireland name side for France\n\n"
    "Ireland coach Eddie O'Sullivan has named his side for the Six Nations match against "
    "France in Dublin. Fly-half Ronan O'Gara returns after injury, and the scrum will be "
    "led by John Hayes. Ireland beat Italy last week and face Scotland next. "
    "O'Sullivan said the rugby in the tournament had been of a high standard."
)


def test_a_rugby_nation_has_rugby_nations_as_options() -> None:
    from quizapp.nlp.distractors.teams import SPORT_NATIONS

    doc, facts, pools = _setup(RUGBY)
    assert pools.sport == "rugby"
    nations = [f for f in facts if f.type is FactType.PLACE and f.attr("kind") == "country"]
    asked = [f for f in nations if f.text in SPORT_NATIONS["rugby"]]
    assert asked
    for fact in asked:
        assert _all_options(fact, doc, pools) <= SPORT_NATIONS["rugby"]


def test_no_sport_in_a_business_report() -> None:
    _doc, _facts, pools = _setup(
        "Bank raises rates\n\nThe Bank of England raised rates to 4.75% on Thursday. "
        "Economists had expected the move, and shares fell in London and Frankfurt."
    )
    assert pools.sport == ""


@pytest.mark.parametrize(
    ("key", "candidate", "same"),
    [
        ("Bar Council", "Parliament", False),  # a parliament has no chairman
        ("Bar Council", "Home Office", False),  # a ministry is no council
        ("Bar Council", "Gulf Cooperation Council", False),  # a body of nations
        ("Bar Council", "General Medical Council", True),
        ("Home Office", "Treasury", True),
        ("European Commission", "United Nations Security Council", True),
        ("Senate", "House of Commons", True),
    ],
)
def test_public_bodies_of_one_kind_only(key: str, candidate: str, same: bool) -> None:
    from quizapp.nlp.distractors.entity_class import same_body_class

    _doc, _facts, pools = _setup("A note\n\nNothing here names a body at all.")
    assert same_body_class(key, candidate, pools) is same


def test_a_place_paired_with_a_country_gets_only_the_articles_places() -> None:
    from quizapp.nlp.distractors.pairs import paired_with_a_place
    from quizapp.nlp.model import Fact

    sentence = "He denied comparing the idea with dictatorships in Russia and Germany."
    at = sentence.index("Russia")
    fact = Fact(FactType.PLACE, "Russia", at, at + 6, 0, ())
    assert paired_with_a_place(sentence, fact)
    other = "He was born in Russia in 1950."
    fact = Fact(FactType.PLACE, "Russia", 15, 21, 0, ())
    assert not paired_with_a_place(other, fact)


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("The law removed 600 hereditaries from the chamber.", "600 hereditaries"),
        # "250 euros" gets no options now: its fifties leave no room below it (150, 100, 50
        # are evenly spaced or too spread), and a less round one would single it out.
        ("The prize is worth £30,000 to the winner.", "£30,000"),
        ("The tower has 1,360 windows on its south face.", "1,360 windows"),
    ],
)
def test_a_round_key_gets_options_as_round(sentence: str, key: str) -> None:
    doc, facts, pools = _setup("Figures\n\n" + sentence)
    fact = next(f for f in facts if f.text == key)
    offered = _all_options(fact, doc, pools)
    assert offered

    def figures(value: float) -> str:
        return str(int(value)).rstrip("0")

    mine = figures(_numbers(key))
    in_fives = len(mine) == 1 or mine.endswith("5")
    for option in offered:
        theirs = figures(_numbers(option))
        # No more figures than the key ("380" beside "600"), in fives where the key is.
        assert len(theirs) <= max(2, len(mine)), (key, option)
        if in_fives:
            assert theirs[-1] in "05" or len(theirs) < 2, (key, option)


@pytest.mark.parametrize(
    ("sentence", "name", "trait"),
    [
        (
            "The sequel to the Ben Stiller comedy Meet The Parents stars Robert De Niro.",
            "Ben Stiller",
            "field:screen",
        ),
        (
            "The Aviator, starring Leonardo DiCaprio as Howard Hughes, came third.",
            "Howard Hughes",
            "character",
        ),
        (
            "Revenue may reach a record, said Paul Dergarabedian, president of the industry's "
            "tracker Exhibitor Relations.",
            "Paul Dergarabedian",
            "field:business",
        ),
    ],
)
def test_what_a_mention_says_of_a_person(sentence: str, name: str, trait: str) -> None:
    from quizapp.nlp.option_fit import mention_traits

    at = sentence.index(name)
    assert trait in mention_traits(sentence, at, at + len(name), alone=False)


def test_a_place_that_stands_for_a_trade_gets_no_towns_as_options() -> None:
    doc, facts, pools = _setup(
        "Depp honoured\n\nJohnny Depp is one of Hollywood's most maverick talents. "
        "He was born in Kentucky and grew up in Florida, then moved to Los Angeles. "
        "He has homes in Paris and London, and filmed in Chicago and Las Vegas."
    )
    hollywood = [f for f in facts if f.text == "Hollywood"]
    assert hollywood
    assert _all_options(hollywood[0], doc, pools) == set()


RUGBY_SIDE = (
    "England pick Hodgson\n\n"
    "England coach Andy Robinson has named his side for the Six Nations match with Italy. "
    "Fly-half Charlie Hodgson keeps his place, with centre Jamie Noon and wing Josh Lewsey. "
    "Scrum-half Harry Ellis is on the bench, and Robinson said Mike Tindall is injured. "
    "The game will be refereed by Alan Lewis, and Jonny Wilkinson is still out. "
    "Martin Corry will lead the side in the rugby match on Saturday, and lock Danny Grewcock "
    "returns."
)


def test_a_player_named_by_his_position_gets_players_only() -> None:
    doc, facts, pools = _setup(RUGBY_SIDE)
    ellis = next(f for f in facts if f.text == "Harry Ellis")
    offered = _all_options(ellis, doc, pools)
    assert offered
    # Not the coach, not the referee, and no name the article gives no part in the game.
    assert not offered & {"Andy Robinson", "Alan Lewis", "Mike Tindall", "Jonny Wilkinson"}


def test_a_bare_possessive_blank_gets_only_names_ending_in_s() -> None:
    doc, facts, pools = _setup(
        "United win\n\nFortune headed home before Ronaldo scored when Nigel Martyn parried "
        "Paul Scholes' free-kick. Wayne Rooney, Gary Naysmith and James Morris were booked. "
        "Kevin Davies and Roy Carroll were praised, and Ryan Giggs and Alan Stubbs came on late."
    )
    scholes = next(f for f in facts if f.text == "Paul Scholes")
    offered = _all_options(scholes, doc, pools)
    assert offered
    for option in offered:
        assert option.endswith("s"), option


def test_a_football_club_is_no_option_for_a_company() -> None:
    from quizapp.nlp.distractors.entity_class import same_body_class

    _doc, _facts, pools = _setup("A note\n\nNothing here names a body at all.")
    assert not same_body_class("British Airways", "Tottenham Hotspur", pools)
    assert same_body_class("Arsenal", "Tottenham Hotspur", pools)


def test_an_approximate_key_gets_no_option_about_as_right() -> None:
    doc, facts, pools = _setup(
        "Diving\n\nThe oxygen partial pressure in the breathing gas is, in general, about 30 kPa, "
        "and the diver breathes it for 40 minutes."
    )
    key = next(f for f in facts if f.text == "30 kPa")
    offered = _all_options(key, doc, pools)
    assert offered
    for option in offered:
        # "about 30 kPa": 27 kPa or 35 kPa would be about right too.
        assert abs(_numbers(option) - 30) >= 0.2 * 30, option


def test_century_options_share_the_keys_written_suffix() -> None:
    doc, facts, pools = _setup(
        "Physics\n\nThe errors were not corrected until the 17th century work of Galileo, "
        "who rolled balls down a slope."
    )
    key = next(f for f in facts if "17th century" in f.text)
    offered = _all_options(key, doc, pools)
    assert offered
    assert all("th century" in option for option in offered), offered


def test_a_sports_reports_coach_is_no_option_among_players() -> None:
    _doc, _facts, pools = _setup(
        "England lose again\n\nEngland have lost four in a row under Andy Robinson. "
        "Centre Jamie Noon and fly-half Charlie Hodgson missed kicks, and the scrum was beaten. "
        "Bramble headed in under pressure from Sami Hyypia in the rugby league game."
    )
    assert "field:coaching" in pools.traits.get("andy robinson", frozenset())
    # "under pressure from" is a player in the play, not the one who runs the team.
    assert "field:coaching" not in pools.traits.get("sami hyypia", frozenset())
