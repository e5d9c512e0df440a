"""A count written in words is asked when it counts what the article is about, never a span
of time, a set already named, a bound or a speaker's words; the typed answer takes digits too."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import FactType, QuestionKind
from quizapp.nlp.pipeline import generate
from quizapp.nlp.salience import score_facts

_SINGER = (
    "Harbour Lights singer returns\n\n"
    "Pop singer Marla Quinn is back. The singer had three Grammy nominations to go with "
    "her two wins at last year's Harbour awards. She released four number ones from her debut album Tidewater. "
    "After six months away from the studio she recorded a new single. "
    "The three producers of the album said they were pleased. "
    '"I have written five songs this week," she said. '
    "Quinn has more than seven albums in her catalogue and said two or three songs were "
    "ready. Her fans call the Grammy nominations and the number ones her best years, and "
    "her producers say her albums and songs are her life."
)


def _askable_counts() -> dict[str, bool]:
    doc = read_document(_SINGER)
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    return {
        f.text: salience[f].askable
        for f in facts
        if f.type is FactType.QUANTITY and f.attr("form") == "words"
    }


def test_a_count_of_what_the_article_is_about_is_asked() -> None:
    counts = _askable_counts()
    assert counts.get("three Grammy nominations") is True
    assert counts.get("four number ones") is True


def test_a_span_of_time_a_named_set_a_bound_and_a_quoted_count_are_not_asked() -> None:
    counts = _askable_counts()
    assert not counts.get("six months", False)
    assert not counts.get("three producers", False)  # "the three producers": already named
    assert not counts.get("seven albums", False)  # "more than seven": a bound
    assert not counts.get("three songs", False)  # "two or three songs"
    assert not counts.get("five songs", False)  # the singer's words
    assert not counts.get("two wins", False)  # a pair


def test_a_name_describing_the_counted_things_is_part_of_the_count() -> None:
    doc = read_document(_SINGER)
    texts = [f.text for f in extract_facts(doc) if f.type is FactType.QUANTITY]
    assert "three Grammy nominations" in texts


def test_a_typed_count_in_words_accepts_the_digits() -> None:
    items = generate(_SINGER, max_items=20, kinds=["fill_in"]).items
    typed = [i for i in items if i.kind is QuestionKind.FILL_IN and i.answer in ("three", "four")]
    assert typed, [i.prompt for i in items]
    for item in typed:
        digits = {"three": "3", "four": "4"}[item.answer]
        assert digits in item.accepted


def test_a_count_is_not_asked_beside_a_person_worth_asking() -> None:
    doc = read_document(
        "Harbour Lights singer returns\n\n"
        "Pop singer Marla Quinn released four number ones from her album Tidewater, including "
        "the hit Salt featuring rapper Dax Ormond. Her number ones sold well."
    )
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    count = next(f for f in facts if f.text == "four number ones")
    assert not salience[count].askable
