"""A country's adjective or people ("Kenyan", "French", "Britons") in one item's stem shows the
country another item of the same quiz asks."""

from __future__ import annotations

from quizapp.nlp.model import Fact, FactType, Item, QuestionKind, SourceQuote
from quizapp.nlp.quiz_conflicts import gives_away


def _blank(text: str, key: str, fact_type: FactType) -> Item:
    at = text.index(key)
    return Item(
        kind=QuestionKind.FILL_IN,
        prompt=text.replace(key, "_____", 1),
        fact=Fact(fact_type, key, at, at + len(key), 0),
        source=SourceQuote(text, 0, len(text), 0),
        answer=key,
    )


def test_a_countrys_adjective_in_another_stem_gives_the_country_away() -> None:
    country = _blank(
        "Norland's athletics body has banned the runner Mira Tovak for a year.",
        "Norland",
        FactType.PLACE,
    )
    for other, key in (
        ("The federation said it wanted to warn other Kenyan athletes.", "federation"),
        ("Officials said the Kenyans would appeal to the federation.", "Officials"),
    ):
        kenya = _blank(country.prompt.replace("_____", "Kenya"), "Kenya", FactType.PLACE)
        assert gives_away(kenya, _blank(other, key, FactType.ORGANISATION))
    france = _blank("The race was moved to France in May.", "France", FactType.PLACE)
    french = _blank(
        "The French coach Alain Roux said the team was ready.", "Alain Roux", FactType.PERSON
    )
    assert gives_away(france, french)
    britain = _blank("The team flew back to Britain on Sunday.", "Britain", FactType.PLACE)
    british = _blank("The British rider Tom Hale won the stage.", "Tom Hale", FactType.PERSON)
    assert gives_away(britain, british)
    # And the other way round: an item asking the adjective is shown by the country's name.
    adjective = _blank(
        "Jana Holm became the first Kenyan coach of the club.", "Kenyan", FactType.OTHER
    )
    assert gives_away(adjective, _blank("Kenya's team arrived on Monday.", "Monday", FactType.DATE))


def test_another_countrys_adjective_or_a_person_named_like_a_country_shows_nothing() -> None:
    kenya = _blank("The marathon was run in Kenya last spring.", "Kenya", FactType.PLACE)
    ugandan = _blank("The Ugandan runner Ruth Amos won the race.", "Ruth Amos", FactType.PERSON)
    assert not gives_away(kenya, ugandan)
    french = _blank("The French side beat Italy in Rome.", "Italy", FactType.ORGANISATION)
    assert not gives_away(_blank("Spain won the cup in May.", "Spain", FactType.PLACE), french)
    # A person called Jordan is not given away by "Jordanian" somewhere else in the quiz.
    jordan = _blank("Coach Mia Jordan picked the side.", "Mia Jordan", FactType.PERSON)
    jordanian = _blank("The Jordanian team lost in Amman.", "Amman", FactType.PLACE)
    assert not gives_away(jordan, jordanian)


def test_only_the_keys_own_name_counts_not_a_wider_name_it_accepts() -> None:
    from dataclasses import replace

    england = replace(
        _blank("Waiting times in Wales are shorter than in England.", "England", FactType.PLACE),
        accepted=("United Kingdom",),
    )
    doctors = _blank(
        "Dr Anna Bell of the British Medical Association spoke.", "Anna Bell", FactType.PERSON
    )
    assert not gives_away(england, doctors)
    assert gives_away(
        england, _blank("Ben Roe leads the English side.", "Ben Roe", FactType.PERSON)
    )
