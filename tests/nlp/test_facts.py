"""Typed facts: quantities, organisations with acronyms, people with roles, dates, ordinals, quotes."""

from __future__ import annotations

import pytest

from quizapp.nlp import read_document
from quizapp.nlp.facts import EXTRACTORS, extract_facts, get_extractor
from quizapp.nlp.model import Fact, FactType

TEXT = (
    "Lake Vostok Station\n"
    "The Arctic Research Council (ARC) opened its 14th station near Tromsø in 2019. "
    "Norwegian Minister Kari Holm said the station cost $12.5m and covers 2,400 km of coast. "
    "About 35% of the 120 scientists come from the European Union (EU). "
    '"We finally have a home for polar science," said Kari Holm at the opening last month. '
    "The World Meteorological Organization (WMO) will publish its data every July."
)


@pytest.fixture(scope="module")
def facts() -> tuple[Fact, ...]:
    return extract_facts(read_document(TEXT))


def _of(facts: tuple[Fact, ...], fact_type: FactType) -> dict[str, Fact]:
    first: dict[str, Fact] = {}
    for fact in facts:
        if fact.type is fact_type:
            first.setdefault(fact.text, fact)
    return first


def test_quantities_keep_value_and_unit(facts: tuple[Fact, ...]) -> None:
    quantities = _of(facts, FactType.QUANTITY)
    assert quantities["2,400 km"].attr("unit") == "km"
    assert quantities["2,400 km"].attr("value") == "2400.0"
    assert "$12.5m" in quantities
    assert "35%" in quantities
    assert quantities["120 scientists"].attr("unit") == "scientists"


def test_organisations_pair_with_their_acronyms(facts: tuple[Fact, ...]) -> None:
    orgs = _of(facts, FactType.ORGANISATION)
    assert orgs["Arctic Research Council"].attr("acronym") == "ARC"
    assert orgs["World Meteorological Organization"].attr("acronym") == "WMO"


def test_people_carry_their_role(facts: tuple[Fact, ...]) -> None:
    people = _of(facts, FactType.PERSON)
    assert people["Kari Holm"].attr("role") == "Norwegian Minister"


def test_dates_are_absolute_only(facts: tuple[Fact, ...]) -> None:
    dates = _of(facts, FactType.DATE)
    assert "2019" in dates
    assert "July" in dates
    assert not any("month" in d for d in dates)


def test_ordinals_know_what_they_identify(facts: tuple[Fact, ...]) -> None:
    ordinal = _of(facts, FactType.ORDINAL)["14th"]
    assert ordinal.attr("head") == "station"


def test_quotes_have_a_speaker(facts: tuple[Fact, ...]) -> None:
    quotes = _of(facts, FactType.QUOTE)
    assert list(quotes) == ["Kari Holm"]
    assert quotes["Kari Holm"].attr("quote") == "We finally have a home for polar science"


def test_facts_are_grounded_and_do_not_overlap(facts: tuple[Fact, ...]) -> None:
    spans = []
    for fact in facts:
        assert TEXT[fact.start : fact.end] == fact.text
        if fact.type is not FactType.QUOTE:
            spans.append((fact.start, fact.end))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_every_fact_type_has_an_extractor() -> None:
    assert set(EXTRACTORS) == set(FactType)
    with pytest.raises(ValueError, match="unknown fact type"):
        get_extractor("nonsense")  # type: ignore[arg-type]


def test_a_participle_after_a_noun_ends_the_noun_phrase() -> None:
    doc = read_document(
        "The Brantwick council postponed plans to close the remaining hereditary mills."
    )
    texts = [f.text for f in extract_facts(doc, types=[FactType.OTHER])]
    assert not any("postponed" in t for t in texts)


def test_a_word_after_to_is_a_verb_not_a_noun_phrase() -> None:
    doc = read_document("Brantwick Mills cut prices in a bid to court first-time buyers in Maren.")
    texts = [f.text for f in extract_facts(doc, types=[FactType.OTHER])]
    assert not any(t.startswith("court") for t in texts)


def _quantities(text: str) -> dict[str, Fact]:
    return _of(extract_facts(read_document(text), types=[FactType.QUANTITY]), FactType.QUANTITY)


def test_a_figure_without_a_counted_noun_is_a_quantity() -> None:
    quantities = _quantities(
        "Bookings at Maren harbour fell to 61,000 in March, from 73,000 in February. "
        "About 12 million visitors came, 4 million of whom stayed the night."
    )
    assert quantities["61,000"].attr("value") == "61000.0"
    assert "73,000" in quantities
    assert quantities["4 million"].attr("unit") == "million"
    assert "12 million visitors" in quantities


def test_years_scores_and_times_are_not_figures() -> None:
    quantities = _quantities(
        "In 2019 Brantwick won 3-1 at home, and the final whistle went at 2130 GMT."
    )
    assert quantities == {}


def test_a_count_reaches_its_noun_past_several_modifiers() -> None:
    quantities = _quantities(
        "Inspectors visited the 212 worst affected farms and 48 large and small dairy herds. "
        "Growers in Maren sold 2.3 trillion seeds a year."
    )
    assert "212 worst affected farms" in quantities
    assert "48 large and small dairy herds" in quantities
    assert quantities["2.3 trillion seeds"].attr("value") == "2.3"


def test_storage_sizes_and_hyphenated_ages_are_quantities() -> None:
    quantities = _quantities(
        "Brantwick hired a 23-year-old engineer, who fitted a card that holds 8GB after a 12-day trial."
    )
    assert quantities["8GB"].attr("unit") == "GB"
    assert quantities["23-year-old"].attr("number") == "23"
    assert "12-day" in quantities


def test_a_number_in_a_name_is_not_a_count() -> None:
    quantities = _quantities("Maren hosts the Four Rivers race and 30 boats enter it.")
    assert "Four Rivers" not in quantities
    assert "30 boats" in quantities


def test_a_role_word_before_a_name_makes_it_a_person() -> None:
    doc = read_document(
        "Brantwick named winger Grant Ashgrove in the side. Club captain Matt Verrow "
        "praised team-mate Chris Hollond after the game."
    )
    people = {f.text for f in extract_facts(doc, types=[FactType.PERSON])}
    assert {"Grant Ashgrove", "Matt Verrow", "Chris Hollond"} <= people


def test_an_age_standing_in_for_a_name_is_not_a_fact() -> None:
    quantities = _quantities(
        "The 31-year-old finished third in Maren. The 19-year-old Ida Marsh won the race."
    )
    assert "31-year-old" not in quantities
    assert "19-year-old" in quantities


def test_a_single_name_that_says_something_after_the_is_an_organisation() -> None:
    doc = read_document("House prices in Maren rose 2% last year, the Brantwick said on Monday.")
    orgs = {f.text for f in extract_facts(doc, types=[FactType.ORGANISATION])}
    assert "Brantwick" in orgs
