"""An acronym the article also spells out in plain words is one fact with two forms."""

from __future__ import annotations

from quizapp.nlp.document import read_document
from quizapp.nlp.facts.spelt_acronyms import spelt_out_acronyms

ARTICLE = """Harbour opens its docks to investors

Norland has cleared a proposal allowing up to 100% foreign direct investment in its docks.

Union leader Ama Boateng said allowing FDI in the docks would cost local jobs.

The port authority said the TLX terminal will open in May, whatever the transport link experts say.
"""


def test_an_acronym_gets_the_one_phrase_that_spells_it() -> None:
    found = spelt_out_acronyms(read_document(ARTICLE), {})
    assert found["FDI"] == "foreign direct investment"


def test_an_acronym_with_two_candidate_phrases_or_a_definition_is_left_alone() -> None:
    doc = read_document(ARTICLE.replace("docks would", "docks, a fresh deal, would"))
    found = spelt_out_acronyms(doc, {"TLX": "Tolland Lift Exchange"})
    assert "TLX" not in found
    doubled = ARTICLE + "\nThe firm fears declining income.\n"
    assert "FDI" not in spelt_out_acronyms(read_document(doubled), {})
