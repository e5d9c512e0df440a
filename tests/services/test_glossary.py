"""The study glossary: what each term is, a short sentence for places, one line per place."""

from __future__ import annotations

from quizapp.nlp.module import GlossaryKind, build_module
from quizapp.services.glossary import MAX_DEFINITION_WORDS, glossary_lines

ARTICLE = """Leaders Meet in Dushanbe

The summit opened in Dushanbe on Monday with leaders from Russia, China and the United States, \
after weeks of talks that had stalled over trade, borders and a long list of other matters.
Tajikistan hosted the meeting.
US officials said the United States would send a delegation next year.
Russian President Vladimir Putin met Tajik President Emomali Rahmon in Dushanbe.
Dushanbe is the capital of Tajikistan.
"""


def test_places_say_what_they_are_and_names_of_one_country_merge() -> None:
    lines = glossary_lines(build_module(ARTICLE))
    places = {line.term: line for line in lines if line.kind is GlossaryKind.PLACE}
    assert "US" not in places  # merged into the United States
    assert places["United States"].also == ("US",)
    assert places["United States"].what == "country"
    assert places["Tajikistan"].what == "country"
    assert places["Tajikistan"].meaning == "Tajikistan hosted the meeting."
    for line in places.values():
        assert len(line.meaning.replace("…", "").split()) <= MAX_DEFINITION_WORDS
    assert places["China"].meaning.endswith(" …")  # only in a long sentence: cut around it


def test_people_keep_their_role_and_say_they_are_people() -> None:
    lines = glossary_lines(build_module(ARTICLE))
    people = [line for line in lines if line.kind is GlossaryKind.PERSON]
    assert people and all(line.what == "person" for line in people)
    assert len({line.term.casefold() for line in people}) == len(people)
