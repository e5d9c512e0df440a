"""A word left before an infinitive's "to" ("won approval for to build", "would to build") is
the article's slip: no stem copies it; "the will to win" and "for them to build" are English."""

from __future__ import annotations

from quizapp.nlp import generate
from quizapp.nlp.questions.slips import copied_slip


def test_for_or_a_modal_before_to_is_a_slip() -> None:
    assert copied_slip("The firm won approval for to build a plant.", 0, 0)
    assert copied_slip("The firm would to build a plant.", 0, 0)
    assert copied_slip("The firm won approval for a plant to build cars.", 0, 0) is None
    assert copied_slip("It is hard for them to build a plant.", 0, 0) is None
    assert copied_slip("They showed the will to build a plant.", 0, 0) is None


def test_a_stem_leaves_the_stray_for_out() -> None:
    article = (
        "Tobacco firm to build plant\n\n"
        "In July 2004, Vantor announced it had won approval for to build a $1.5bn factory in "
        "Kenya, the first plant of its kind there. Vantor chairman Paul Mensah said the plant "
        "would employ 2,000 people. The factory is due to open in 2007, Paul Mensah said."
    )
    prompts = [item.prompt for item in generate(article, max_items=20).items]
    assert prompts
    assert not any("for to build" in p for p in prompts)
    assert any("won approval to build" in p for p in prompts), prompts
