"""A long sentence of textbook prose is asked without the relative clauses and asides that
hold its other facts, where it would otherwise pass the stem's word limit; a news story's
long sentence is still left unasked."""

from __future__ import annotations

from quizapp.nlp import generate
from quizapp.nlp.questions.stems import MAX_STEM_WORDS

# An invented encyclopedia passage (no headline, nobody quoted); its second sentence has 57 words.
PASSAGE = (
    "The harbour town of Wexmoor grew up around a deep bay on the north coast. "
    "In the 1890s, a series of surveys, the most important of which was the coastal survey of "
    "the northern bays, showed that the old harbour wall, which had been built by the first "
    "settlers from local granite and oak timber, was slowly sinking into the soft blue clay "
    "beneath the whole town, which is called the Lowfield. "
    "The wall was rebuilt in stone after a great storm."
)


def _asked(text: str, answer: str) -> list[str]:
    return [q.prompt for q in generate(text, max_items=5).items if q.answer == answer]


def test_the_date_of_a_long_sentence_is_asked_without_its_relative_clauses():
    prompts = _asked(PASSAGE, "1890s")
    assert prompts
    for prompt in prompts:
        assert len(prompt.split()) <= MAX_STEM_WORDS
        assert "the most important of which" not in prompt
        assert prompt.startswith(
            "In the _____, a series of surveys showed that the old harbour wall"
        )


def test_a_news_storys_long_sentence_stays_unasked():
    assert _asked("Harbour wall sinking, survey finds\n\n" + PASSAGE, "1890s") == []
