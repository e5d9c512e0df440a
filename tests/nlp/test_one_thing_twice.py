"""A quiz never asks one thing twice under two names ("Southampton" and "Saints", each
accepting the other), and a blank never tells the key ends in "s" by a bare apostrophe."""

from __future__ import annotations

from quizapp.nlp.model import BLANK, Fact, FactType, Item, QuestionKind, SourceQuote
from quizapp.nlp.questions.stems import Stem
from quizapp.nlp.quiz_conflicts import find_conflicts, make_candidates

TEXT = (
    "Gray was assistant boss when Hoddle was manager at Southampton. "
    "Hoddle engineered an upturn in Saints' fortunes before moving to Tottenham. "
    "Gray joined Wolves as a coach."
)


def _fill_in(answer: str, accepted: tuple[str, ...], fact_type: FactType) -> Item:
    at = TEXT.index(answer)
    end = TEXT.index(".", at) + 1
    start = TEXT.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    return Item(
        kind=QuestionKind.FILL_IN,
        prompt=TEXT[start:end].replace(answer, BLANK, 1),
        fact=Fact(fact_type, answer, at, at + len(answer), TEXT[:at].count(". ")),
        source=SourceQuote(TEXT[start:end], start, end, 0),
        answer=answer,
        accepted=accepted,
    )


def test_two_names_of_one_club_that_accept_each_other_cannot_share_a_quiz() -> None:
    place = _fill_in("Southampton", ("Saints",), FactType.PLACE)
    nickname = _fill_in("Saints", ("Southampton",), FactType.ORGANISATION)
    other = _fill_in("Wolves", (), FactType.ORGANISATION)
    conflicts = find_conflicts(make_candidates([place, nickname, other], [1.0, 1.0, 1.0]))
    assert 1 in conflicts[0] and 0 in conflicts[1]
    assert 2 not in conflicts[0] and 2 not in conflicts[1]


def test_a_bare_possessive_apostrophe_after_a_blank_takes_an_s() -> None:
    text = "Hoddle was approached after Jones' departure."
    at = text.index("Jones")
    assert (
        Stem(text, at, at + 5).with_blank(BLANK)
        == f"Hoddle was approached after {BLANK}'s departure."
    )
    # A closing single quotation mark is left alone.
    quoted = "They called it 'the Saints' revival."
    at = quoted.index("Saints")
    assert Stem(quoted, at, at + 6).with_blank(BLANK) == f"They called it 'the {BLANK}' revival."
