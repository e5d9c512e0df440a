"""Short WH questions ask one fact of a sentence without printing its other facts, and keep a
modifier where leaving it out would let the question fit another answer of the article, and a
clause saying when unless leaving it out leaves out another fact."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.questions.base import BuildContext
from quizapp.nlp.questions.wh_short import short_wh_questions

MILLS = (
    "Brantwick Mills was founded in Yorkshire in 1851 by the Harlow family. "
    "Brantwick Mills emerged from administration in 2009, and is now known as Harlow Textiles. "
    "The firm employs 400 people."
)


def _short(text: str, answer: str, containing: str = "") -> tuple[str, ...]:
    doc = read_document(text)
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    fact = next(
        f for f in facts if f.text == answer and containing in doc.sentences[f.sentence].text
    )
    return short_wh_questions(ctx, fact)


def test_the_second_clause_is_asked_without_the_first_clauses_year() -> None:
    questions = _short(MILLS, "Harlow Textiles", "emerged")
    assert "What is Brantwick Mills now known as?" in questions
    assert not any("2009" in q for q in questions)


def test_the_first_clause_is_asked_without_the_second_clauses_name() -> None:
    questions = _short(MILLS, "2009", "emerged")
    assert "When did Brantwick Mills emerge from administration?" in questions
    assert not any("Harlow" in q for q in questions)


def test_a_reported_figure_is_asked_with_its_speaker_and_without_the_aside() -> None:
    text = (
        "Brantwick Mills reported its results on Monday. "
        "Anna Berg said Brantwick sales rose by 4% in March, the best month since 1998. "
        "The firm employs 400 people."
    )
    questions = _short(text, "4%")
    assert "By how much did Brantwick sales rise in March, according to Anna Berg?" in questions
    assert not any("1998" in q for q in questions)


def test_a_figure_keeps_its_year_when_the_article_gives_other_years() -> None:
    # "By how much did Brantwick sales rise, according to Anna Berg?" fits 4% and 6% alike.
    text = (
        "Anna Berg said Brantwick sales rose by 4% in 2009, the best year since 1998. "
        "Brantwick sales rose by 6% in 2010 as exports grew."
    )
    questions = _short(text, "4%", "Anna Berg")
    assert questions  # asked without the aside ...
    assert all("in 2009" in q for q in questions)  # ... but never without its year


def test_one_name_of_a_list_is_not_asked_alone() -> None:
    # "Who chose the winner?" has three right answers.
    text = (
        "The Harlow Prize went to a first novel. "
        "Judges Anna Berg, Tom Hollis and Mary Kent chose the winner at a dinner in Leeds in 2009."
    )
    assert _short(text, "Tom Hollis") == ()


def test_two_coordinated_passive_clauses_give_two_questions_that_omit_each_other() -> None:
    text = (
        "The Harlow Prize was handed out in Leeds on Friday. "
        "Anna Berg was presented with the trophy by Tom Hollis and Mary Kent's award was "
        "announced by Sir John Smith."
    )
    first = _short(text, "Tom Hollis")
    second = _short(text, "Sir John Smith")
    assert "Who presented Anna Berg with the trophy?" in first
    assert "Who announced Mary Kent's award?" in second
    assert not any("Smith" in q or "Mary Kent" in q for q in first)
    assert not any("Hollis" in q for q in second)


def test_a_relative_clause_is_never_pinned_on_a_name_inside_an_apposition() -> None:
    # "who has inherited" belongs to Dan Berg, not to his late father: no question may say
    # the father inherited the money.
    text = (
        "Dan Berg tops the Harlow rich list this year. "
        "At number one is Dan Berg, son of the late singer Tom Berg, who has inherited £140m."
    )
    assert not any("Tom Berg" in q for q in _short(text, "£140m"))


def test_a_clause_saying_when_is_left_out_only_to_leave_out_another_fact() -> None:
    # Cutting "before the vote was held" frees nothing: the count would be asked of no occasion.
    letters = (
        "Gazette flooded with letters\n\n"
        "The Norland Gazette received 12,000 letters before the vote was held, and readers "
        "protested outside its offices in Carrow.\n"
    )
    assert "How many letters did the Norland Gazette receive?" not in _short(
        letters, "12,000 letters"
    )
    # Where the clause holds another fact (a mayor another item may ask), leaving it out frees it.
    resigned = letters.replace("before the vote was held", "after Mayor Ann Voss resigned")
    assert "How many letters did the Norland Gazette receive?" in _short(resigned, "12,000 letters")
