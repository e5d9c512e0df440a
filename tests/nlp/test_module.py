"""The learning module: highlighted facts, glossary and fact sheet from an article's text."""

from __future__ import annotations

import pytest

from quizapp.nlp.model import FactType
from quizapp.nlp.module import GlossaryKind, build_module
from quizapp.paths import SAMPLES_DIR


@pytest.fixture(scope="module")
def glacier() -> tuple[str, object]:
    """The glacier sample and its module."""
    text = (SAMPLES_DIR / "glacier-report.txt").read_text(encoding="utf-8")
    return text, build_module(text)


def _highlighted(text: str, module: object) -> dict[str, FactType]:
    """Every highlighted span's text and type."""
    return {
        text[h.start : h.end]: h.fact_type
        for paragraph in module.paragraphs
        for sentence in paragraph
        for h in sentence.highlights
    }


def test_facts_are_highlighted_by_type(glacier: tuple[str, object]) -> None:
    text, module = glacier
    marks = _highlighted(text, module)
    assert marks["176 glaciers"] is FactType.QUANTITY
    assert marks["Swiss Academy of Sciences"] is FactType.ORGANISATION
    assert marks["Matthias Huss"] is FactType.PERSON
    assert marks["Alps"] is FactType.PLACE
    assert marks["June 2023"] is FactType.DATE
    assert set(marks.values()) <= {
        FactType.QUANTITY,
        FactType.ORGANISATION,
        FactType.PERSON,
        FactType.PLACE,
        FactType.DATE,
    }


def test_highlights_lie_inside_their_sentence_and_never_overlap(
    glacier: tuple[str, object],
) -> None:
    text, module = glacier
    for paragraph in module.paragraphs:
        for sentence in paragraph:
            assert text[sentence.start : sentence.end] == sentence.text
            previous_end = sentence.start
            for h in sentence.highlights:
                assert previous_end <= h.start < h.end <= sentence.end
                previous_end = h.end


def test_paragraphs_are_numbered_in_order(glacier: tuple[str, object]) -> None:
    _text, module = glacier
    numbers = [paragraph[0].paragraph for paragraph in module.paragraphs]
    assert numbers == sorted(numbers)
    indexes = [s.index for paragraph in module.paragraphs for s in paragraph]
    assert indexes == list(range(len(indexes)))


def test_glossary_pairs_acronyms_people_and_places(glacier: tuple[str, object]) -> None:
    _text, module = glacier
    entries = {(e.kind, e.term): e for e in module.glossary}
    assert entries[(GlossaryKind.ACRONYM, "GLAMOS")].meaning == "Glacier Monitoring Switzerland"
    # Defined only by brackets after the name: "Swiss Academy of Sciences (SCNAT)".
    assert entries[(GlossaryKind.ACRONYM, "SCNAT")].meaning == "Swiss Academy of Sciences"
    assert entries[(GlossaryKind.PERSON, "Matthias Huss")].meaning == "head of GLAMOS"
    alps = entries[(GlossaryKind.PLACE, "Alps")]
    assert "Alps" in alps.meaning and alps.meaning.endswith(".")
    # Each line points at the sentence it comes from.
    sentences = {s.index: s.text for p in module.paragraphs for s in p}
    for entry in module.glossary:
        assert entry.term in sentences[entry.sentence] or entry.meaning in sentences[entry.sentence]


def test_fact_sheet_labels_a_quantity_with_its_subject() -> None:
    module = build_module(
        "The border between Tajikistan and Afghanistan is 1,360 km long. "
        "Traders crossed it in 1895."
    )
    first = module.fact_sheet[0]
    assert (first.label, first.value) == ("Border between Tajikistan and Afghanistan", "1,360 km")
    assert first.sentence == 0


def test_fact_sheet_takes_an_of_phrase_along_and_keeps_the_verb() -> None:
    module = build_module("Mountain glaciers lost 267 billion tonnes of ice in one year.")
    line = module.fact_sheet[0]
    assert line.label == "Mountain glaciers lost"
    assert line.value == "267 billion tonnes of ice"


def test_fact_sheet_without_an_honest_label_shows_the_sentence() -> None:
    module = build_module("In the 1440s he developed a printing press with movable metal type.")
    line = module.fact_sheet[0]
    assert line.label is None
    assert [line.sentence_text[a:b] for a, b in line.spans] == ["1440s"]


def test_unlabelled_values_of_one_sentence_share_one_line() -> None:
    module = build_module("The team sampled water at 68 stations in 10 countries in October 2022.")
    (line,) = module.fact_sheet
    assert line.label is None
    assert [line.sentence_text[a:b] for a, b in line.spans] == [
        "68 stations",
        "10 countries",
        "October 2022",
    ]


def test_sentence_at_finds_the_sentence_holding_an_offset(glacier: tuple[str, object]) -> None:
    text, module = glacier
    offset = text.index("The Aletsch Glacier")
    index = module.sentence_at(offset)
    sentence = next(s for p in module.paragraphs for s in p if s.index == index)
    assert sentence.text.startswith("The Aletsch Glacier")
    assert module.sentence_at(len(text) + 10) is None
