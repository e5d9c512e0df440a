"""Options a teacher keeps: people of the key's part, believable ordinals and minutes, false
statements that contradict nothing else in them, keys without a party label, no stem that
gives its answer away."""

from __future__ import annotations

import random

import pytest

from quizapp.nlp import generate, read_document
from quizapp.nlp.checks import check_item
from quizapp.nlp.distractors import build_pools, make_distractors
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import BLANK, Fact, FactType, Item, QuestionKind, SourceQuote
from quizapp.nlp.questions.true_false import tied_figure


def _setup(text: str):
    doc = read_document(text)
    facts = extract_facts(doc)
    return doc, facts, build_pools(facts, doc)


def _options(fact: Fact, doc, pools, seeds: int = 30) -> set[str]:
    sentence = doc.sentences[fact.sentence].text
    seen: set[str] = set()
    for seed in range(seeds):
        seen.update(make_distractors(fact, pools, random.Random(seed), sentence=sentence) or ())
    return seen


MUSIC = (
    "Music millionaires named\n\n"
    "Producer Jane Orrell is the highest new entry on the list, with a £30m fortune. "
    "Teenage soul singer Amy Vell is a new entry with £5m. Former label boss Carl Tarrant "
    "tops the list. Mr Tarrant is the man behind acts including Lena Moss. Talent show mogul "
    "Simon Farrow lost money. The rapper Dino Kraus and the singer Rita Pell toured Europe. "
    "Drummer Ben Oakes joined them, and manager Pete Lyle booked the tour."
)


def test_a_performer_is_never_answered_by_producers_or_managers() -> None:
    doc, facts, pools = _setup(MUSIC)
    key = next(f for f in facts if f.text == "Lena Moss")
    seen = _options(key, doc, pools)
    assert seen, "performers of the article make the options"
    assert seen <= {"Amy Vell", "Dino Kraus", "Rita Pell", "Ben Oakes"}
    producer = next(f for f in facts if f.text == "Jane Orrell")
    # A producer's options are never the singers either, when the article says who is who.
    assert not _options(producer, doc, pools) & {"Amy Vell", "Dino Kraus", "Rita Pell"}


def _ordinal_options(text: str, key: str) -> set[str]:
    doc, facts, pools = _setup(text)
    fact = next(f for f in facts if f.text == key)
    return _options(fact, doc, pools)


def test_an_edition_number_keeps_its_options_near_it() -> None:
    seen = _ordinal_options(
        "Festival news\n\nThe 12th annual Harbin festival sold out in four days.", "12th"
    )
    assert seen
    numbers = {int("".join(ch for ch in o if ch.isdigit())) for o in seen}
    assert all(12 / 2.5 <= n <= 12 * 2.5 for n in numbers), numbers


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("Harlow won the cup for the 4th time in five years on Sunday.", 5),
        ("The mayor was re-elected for the 4th time in six elections.", 6),
        ("Harlow won the cup for the 9th time in 12 years on Sunday.", 12),
    ],
)
def test_an_ordinal_never_passes_the_count_the_sentence_gives(sentence: str, bound) -> None:
    key = "9th" if "9th" in sentence else "4th"
    seen = _ordinal_options("Cup news\n\n" + sentence, key)
    assert all(int(o[:-2]) <= bound for o in seen), seen
    # With no count after it, the same ordinal gets options.
    assert _ordinal_options("Cup news\n\n" + sentence.split(" time")[0] + " time.", key)


MATCH = (
    "Harlow beat Fenwick\n\n"
    "Berra put Harlow ahead after 74 minutes with a header from a corner. "
    "Fenwick pressed for an equaliser but the hosts held on to win the match."
)


def test_a_goals_minute_never_passes_the_final_whistle() -> None:
    doc, facts, pools = _setup(MATCH)
    key = next(f for f in facts if f.text == "74 minutes")
    for option in _options(key, doc, pools):
        assert int(option.split()[0]) <= 90, option


@pytest.mark.parametrize(
    ("sentence", "key", "tied"),
    [
        ("Rosneft bought the unit for $9.3bn (£5bn) in a forced sale.", "$9.3bn", True),
        ("Rosneft bought the unit for £5bn ($9.3bn) in a forced sale.", "$9.3bn", True),
        ("His wealth rose from £340m to £400m last year.", "£400m", True),
        ("Users number 100m, less than 8% of the country's 1.3 billion people.", "100m", True),
        ("The firm paid $900m for the unit in 2004.", "$900m", False),
        ("The Tigers led 22-6 within 11 minutes.", "11 minutes", False),
    ],
)
def test_a_figure_tied_to_another_gets_no_false_version(sentence: str, key: str, tied) -> None:
    at = sentence.index(key)
    assert tied_figure(sentence, at, at + len(key)) is tied


ACRONYMS = (
    "Health report\n\n"
    "The Harwick Health Agency (HHA) said HIV rates fell by a third last year. "
    "The figures were published at 10:00 GMT on Monday. "
    "The Federal Drug Board (FDB) welcomed the figures. "
    "The HHA said the Federal Drug Board would fund a new clinic in Norland. "
    "The FDB said the clinic would open in May."
)


def test_capitals_that_name_no_body_are_never_swapped_for_another() -> None:
    doc, facts, pools = _setup(ACRONYMS)
    hiv = next(f for f in facts if f.text == "HIV")
    assert not _options(hiv, doc, pools)
    for seed in range(6):
        quiz = generate(ACRONYMS, max_items=20, kinds=["true_false"], seed=seed)
        for item in quiz.items:
            assert "GMT" not in item.prompt.replace("10:00 GMT", "") or item.answer == "True"
            assert "HIV" not in item.fact.text


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Liberal Democrat David Lawson said it was a serious matter.", "David Lawson", "Liberal"),
        ("Labour MP Joan Pettigrew said the deal was a disgrace.", "Joan Pettigrew", "Labour"),
        ("Tory MEP Rob Ansell called for a vote.", "Rob Ansell", "Tory"),
    ],
)
def test_a_party_label_is_the_role_not_the_name(sentence: str, name: str, role: str) -> None:
    doc = read_document("Politics\n\n" + sentence + " " + sentence.split()[0] + " won.")
    people = [f for f in extract_facts(doc) if f.type is FactType.PERSON]
    person = next(f for f in people if f.text == name)
    assert (person.attr("role") or "").startswith(role)
    assert not any(f.text.startswith(role) for f in extract_facts(doc) if name in f.text)


def test_a_party_on_its_own_is_a_body_and_a_trailing_seat_a_role() -> None:
    doc = read_document(
        "Budget row\n\nThe Lib Dems called for a statement. Andrew Tyrell MP said the leak was "
        "serious. The Lib Dems and Mr Tyrell later met."
    )
    facts = extract_facts(doc)
    assert all(f.type is not FactType.PERSON for f in facts if f.text == "Lib Dems")
    tyrell = next(f for f in facts if f.text == "Andrew Tyrell")
    assert tyrell.type is FactType.PERSON and tyrell.attr("role") == "MP"


def _typed(sentence: str, answer: str, fact_type: FactType = FactType.OTHER) -> Item:
    start = sentence.index(answer)
    return Item(
        kind=QuestionKind.FILL_IN,
        prompt=sentence.replace(answer, BLANK, 1),
        fact=Fact(fact_type, answer, start, start + len(answer), 0),
        source=SourceQuote(sentence, 0, len(sentence), 0),
        answer=answer,
    )


KEY_WORD = "a word of the answer stands in the stem"
NEIGHBOUR_YEAR = "the stem compares with the year before or after the key"


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        (
            "The firm is under pressure from Nordic Union states because most of its "
            "owners are Nordic.",
            "Nordic Union",
        ),
        ("The film is about robots and is called I, Robot.", "Robot"),
    ],
)
def test_a_stem_that_repeats_a_word_of_the_key_is_refused(sentence: str, answer: str) -> None:
    assert KEY_WORD in check_item(_typed(sentence, answer), sentence)


def test_a_shared_head_word_is_no_cue() -> None:
    sentence = "When magma cools it forms an igneous rock, and heat makes metamorphic rock."
    assert KEY_WORD not in check_item(_typed(sentence, "igneous rock"), sentence)


def test_a_surname_is_a_cue_but_a_shared_given_name_is_not() -> None:
    sentence = "David Marsh met David Lowe in Leeds on Monday to discuss the deal."
    assert KEY_WORD not in check_item(_typed(sentence, "David Lowe", FactType.PERSON), sentence)
    sentence = "Cherie Lowe said Tony Lowe would speak on Monday about the deal."
    assert KEY_WORD in check_item(_typed(sentence, "Tony Lowe", FactType.PERSON), sentence)


@pytest.mark.parametrize(
    ("sentence", "answer", "cued"),
    [
        (
            "Sales in the first two months of 2007 are double those of the same period in 2006.",
            "2007",
            True,
        ),
        ("Spending will rise in 2007, only more slowly than in 2006.", "2007", True),
        ("The band formed in 1998 and split in 2006.", "2006", False),
        ("Sales in 2007 were double those of the same period in 2003.", "2007", False),
    ],
)
def test_a_year_next_to_the_one_compared_with_is_refused(sentence, answer, cued) -> None:
    item = _typed(sentence, answer, FactType.DATE)
    assert (NEIGHBOUR_YEAR in check_item(item, sentence)) is cued


def test_an_adjective_of_a_continent_beside_one_of_its_countries_is_refused() -> None:
    sentence = "Some Asian markets - notably South Korea - were hit hard by piracy."
    problems = check_item(_typed(sentence, "Asian", FactType.PLACE), sentence)
    assert "the stem names a country of the continent asked" in problems


def test_a_country_asked_beside_one_of_its_great_cities_is_refused() -> None:
    sentence = "Shanghai Motors plans to shift production of the car to China next year."
    problems = check_item(_typed(sentence, "China", FactType.PLACE), sentence)
    assert "the stem names a great city of the country asked" in problems
    sentence = "Harlow Motors plans to shift production of the car to China next year."
    problems = check_item(_typed(sentence, "China", FactType.PLACE), sentence)
    assert "the stem names a great city of the country asked" not in problems


PARTIES = (
    "Election promises\n\n"
    "The Liberal Democrats are promising to cut stamp duty if they win the election. "
    "The Lib Dems said the cut would help first-time buyers. The Tories attacked the plan. "
    "The Conservatives said it would cost too much, and Labour agreed. Plaid Cymru did not. "
    "BBC News reported that the Greens and the SNP backed the plan. "
    "The Treasury said it would look at the figures."
)


def test_a_party_is_answered_by_other_parties_never_by_itself_under_another_name() -> None:
    doc, facts, pools = _setup(PARTIES)
    key = next(f for f in facts if f.text == "Liberal Democrats")
    seen: set[str] = set()
    for seed in range(20):
        sentence = doc.sentences[key.sentence].text
        made = make_distractors(key, pools, random.Random(seed), sentence=sentence)
        if not made:
            continue
        assert "Lib Dems" not in made
        assert not {"BBC News", "Treasury"} & set(made)
        assert not {"Tories", "Conservatives"} <= set(made)
        seen.update(made)
    assert seen


STARS = (
    "Box office\n\n"
    "Actor Tom Harlan and actress Jill Voss star in the comedy. "
    "Analyst Paul Dergan said the film would top the chart. "
    "The sequel stars Harlan, Voss and Ben Steel, who plays the father. "
    "Ben Steel made his name in the comedy Meet The Browns. "
    "Director Sam Rook said the cast was the best he had worked with. "
    "Actress Ann Moor and actor Rob Tey join them in the sequel, with actor Jim Pell and actor Dan Royle. "
    "Broker Anna Kell said the studio's shares rose."
)


def test_people_options_come_from_one_world() -> None:
    doc, facts, pools = _setup(STARS)
    key = next(f for f in facts if f.text == "Ben Steel")
    seen: set[str] = set()
    for seed in range(20):
        sentence = doc.sentences[key.sentence].text
        made = make_distractors(key, pools, random.Random(seed), sentence=sentence) or []
        analysts = {"Paul Dergan", "Anna Kell"} & set(made)
        actors = {
            "Tom Harlan",
            "Jill Voss",
            "Sam Rook",
            "Ann Moor",
            "Rob Tey",
            "Jim Pell",
            "Dan Royle",
        } & set(made)
        assert not (analysts and actors), made
        seen.update(made)
    assert seen


def test_a_city_is_answered_by_cities_of_the_articles_country() -> None:
    text = (
        "Freedom of the city\n\n"
        "Bobby Rowan was granted the freedom of the city of Newcastle on Monday. "
        "He managed Barcelona before he came home. Rowan said Newcastle was his home."
    )
    doc, facts, pools = _setup(text)
    key = next(f for f in facts if f.text == "Newcastle")
    assert not {"Adelaide", "Perth", "Sunshine Coast"} & _options(key, doc, pools)


def test_a_party_label_before_a_title_or_a_split_name_makes_no_person() -> None:
    doc = read_document(
        "Row\n\nLabour repaid money to former Tory Treasurer Lord Ashvale. "
        "Labour MSP Christine May had said the plan was clever. Ms May later agreed."
    )
    texts = {f.text for f in extract_facts(doc) if f.type is FactType.PERSON}
    assert "Treasurer Lord Ashvale" not in texts
    assert "Christine" not in texts


def test_a_party_and_title_before_a_lord_are_his_role() -> None:
    doc = read_document(
        "Row\n\nLabour repaid money to former Tory Treasurer Lord Ashvale. Lord Ashvale denied it."
    )
    facts = extract_facts(doc)
    lord = next(f for f in facts if f.text == "Lord Ashvale")
    assert lord.attr("role") == "Tory Treasurer"


def test_a_title_alone_is_no_untyped_name() -> None:
    doc = read_document(
        "Budget\n\nGordon Brown spoke on Monday. Later the Treasury and the Speaker agreed "
        "with the Governor."
    )
    texts = {f.text for f in extract_facts(doc) if f.type is FactType.OTHER}
    assert "Treasury" in texts
    assert not {"Speaker", "Governor"} & texts


def test_a_place_named_only_as_a_modifier_is_no_option_for_a_team() -> None:
    text = (
        "Coach moves on\n\n"
        "Dale Orrin began as player-boss with Swindon before moving on to Reading. "
        "He later coached Southampton and then Derby. "
        "He left the London club early last season, and Leeds hired him."
    )
    doc, facts, pools = _setup(text)
    key = next(f for f in facts if f.text == "Swindon")
    seen = _options(key, doc, pools)
    assert "London" not in seen
