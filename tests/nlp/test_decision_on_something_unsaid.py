"""A stem opening on "A judgement" or "A report" with nothing saying what it is on is not
asked ("A judgement from Mr Justice Sullivan is expected early in _____": which case? failed
as vague by a blind grader); "A ruling on the Harfield rail link" says which."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.questions.base import BuildContext

ARTICLE = (
    "Residents challenge rail link\n\n"
    "Residents of Harfield have taken the rail operator Pennard to the High Court over the "
    "planned rail link.\n\n"
    "A judgement from Mr Justice Ormond is expected early in February.\n\n"
    "A ruling on the Harfield rail link is expected early in March.\n"
)


def _stem(month: str):
    doc = read_document(ARTICLE)
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    return ctx.stem(next(f for f in facts if f.text == month))


def test_a_judgement_on_nothing_said_is_not_asked() -> None:
    assert _stem("February") is None


def test_a_ruling_that_says_on_what_is_asked() -> None:
    stem = _stem("March")
    assert stem is not None and stem.text.startswith("A ruling on the Harfield rail link")
