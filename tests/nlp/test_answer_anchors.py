"""An opening description that only its answer pins down ("The owners of oil giant _____")
is asked as written; one that names nobody before its verb is still not."""

from __future__ import annotations

from quizapp.nlp.document import read_document
from quizapp.nlp.model import BLANK
from quizapp.nlp.pipeline import DEFAULT_KINDS, build_candidates

ARTICLE = """Yukos unit buyer faces loan claim

The owners of embattled Russian oil giant Yukos are to ask the buyer of its former production \
unit to pay back a $900m loan. The 29-year-old finished second to Paula Radcliffe in the 2002 \
London race. The deficit with China, up 30.5% at $162bn, was the largest ever recorded with a \
single country."""


def _prompts(text: str) -> list[str]:
    doc = read_document(text)
    items, _ = build_candidates(doc, text, DEFAULT_KINDS, max_items=None)
    return [item.prompt for item in items if item.prompt]


def test_a_description_its_answer_completes_is_asked_as_written() -> None:
    prompts = _prompts(ARTICLE)
    assert f"The owners of embattled Russian oil giant {BLANK} are to ask" in "\n".join(prompts)


def test_a_description_naming_nobody_before_its_verb_is_not_asked() -> None:
    prompts = "\n".join(_prompts(ARTICLE))
    assert f"second to {BLANK}" not in prompts
    assert f"The deficit with {BLANK}" not in prompts


def test_a_description_the_answer_only_points_to_is_not_asked() -> None:
    # Which first ferry: from where the article says, not the stem.
    text = (
        "Harbour opens\n\nMayor Clara Voss opened the new harbour in Bergen on 4 May 2004. "
        "The first ferry to Oslo leaves on 1 June, the council said.\n"
    )
    assert f"ferry to {BLANK}" not in "\n".join(_prompts(text))
