"""An opening "It" is named after the subject of the sentences before it, only where no other
reading is likely; "It is thought ..." and an "It" after a cut name stay unasked."""

from __future__ import annotations

from quizapp.nlp import generate

LAWSUIT = """Novell sues Microsoft over software

Software firm Novell has filed a lawsuit against Microsoft in a court in Utah. It has claimed \
that Microsoft damaged sales of its WordPerfect word processor in 1995. It wants damages of \
$1.2bn from Microsoft, according to the filing.

It is thought that the case could take two years to reach a verdict in Salt Lake City."""

BOX_OFFICE = """Comedy tops the box office

Comedy Meet The Fockers has held on to the number one spot at the North American box office \
for a second week. It took $42.8m at the weekend, according to studio estimates."""


def _prompts(text: str) -> list[str]:
    return [item.prompt for item in generate(text).items]


def test_it_is_named_after_the_chain_of_subjects_before_it() -> None:
    prompts = _prompts(LAWSUIT)
    assert any(p.startswith("Novell has claimed that Microsoft damaged sales") for p in prompts)
    assert any(p.startswith("Novell wants damages of") for p in prompts), prompts
    assert not any(p.lower().startswith("it ") for p in prompts)


def test_it_pointing_at_nothing_is_not_asked() -> None:
    prompts = _prompts(LAWSUIT)
    assert not any("Salt Lake City" in p or "take two years" in p for p in prompts), prompts


def test_it_after_a_name_the_article_may_have_cut_is_not_asked() -> None:
    prompts = _prompts(BOX_OFFICE)
    assert not any("took $42.8m" in p or "took _____" in p for p in prompts), prompts
