"""A stem that counts from something the article told before it is not printed: "his next
film" in a story told in the past, "the 60% rise" the article introduced sentences earlier
(rise of what?), an opinion in the passive with its holder left out ("is seen only as")."""

from __future__ import annotations

from quizapp.nlp.model import BLANK
from quizapp.nlp.questions.relative_references import relative_reference_problems

EARLIER = "The water firm asked for a 45% rise in tariffs. "


def _problems(prompt: str, answer: str | None = None) -> list[str]:
    text = EARLIER + "The stem sentence."
    return relative_reference_problems(prompt, text, len(EARLIER), answer)


def test_next_in_a_past_story_counts_from_an_earlier_event() -> None:
    assert _problems(f"Marta Lind played a darker role in her next film, {BLANK}.")
    assert _problems(f"The next day {BLANK} resigned as chairman.")
    assert not _problems(f"Marta Lind's next film, {BLANK}, will open in May.")
    assert not _problems(f"Marta Lind played a darker role in the film {BLANK}.")


def test_a_definite_figure_told_before_is_a_reference_back() -> None:
    assert _problems(f"The council has rejected the 45% rise and wants {BLANK} more.")
    assert _problems(f"The council has rejected the {BLANK}% rise.", "45")
    # Said in the stem what rises, or a figure the article did not give before: it stands.
    assert not _problems(f"The council has rejected the 45% rise in tariffs, said {BLANK}.")
    assert not _problems(f"The council has rejected the 30% rise, said {BLANK}.")
    assert not _problems(f"The council forecast a shortfall in the 2005 fiscal year, {BLANK} said.")


def test_an_opinion_in_the_passive_needs_its_holder() -> None:
    assert _problems(f"Hale is seen only as the worst example of {BLANK}'s problems.")
    assert not _problems(f"Hale is widely seen as the best player at {BLANK}.")
    assert not _problems(f"Hale is seen by fans as the best player at {BLANK}.")


def test_quoted_words_are_the_speakers_own() -> None:
    assert not _problems(f"“My next film is a comedy,” {BLANK} said.")
