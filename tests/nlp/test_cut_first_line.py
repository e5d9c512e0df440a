"""A first line cut mid-sentence by a pasted subscript or a hard wrap is body text, not a
headline."""

from __future__ import annotations

from quizapp.nlp import read_document


def test_a_subscript_on_its_own_line_does_not_make_a_headline() -> None:
    doc = read_document(
        "The main industrial method of producing CO\n2 gas burns limestone in a kiln at "
        "about 900 degrees. The gas is then cooled and stored under pressure."
    )
    assert doc.title is None
    assert doc.sentences[0].text.startswith("The main industrial method of producing CO\n2 gas")


def test_a_hard_wrapped_first_line_does_not_make_a_headline() -> None:
    doc = read_document(
        "Breathing air rich in oxygen at high pressure\ncan harm the lungs of divers. "
        "Most dive tables limit it."
    )
    assert doc.title is None


def test_a_headline_over_its_article_is_still_one() -> None:
    doc = read_document(
        "Divers warned over oxygen\n\n"
        "20 divers were treated last year after breathing rich mixtures too deep. "
        "Instructors say the tables are clear."
    )
    assert doc.title == "Divers warned over oxygen"
    doc = read_document(
        "Divers warned over oxygen\n"
        "Instructors say the dive tables are clear about the limits for mixtures."
    )
    assert doc.title == "Divers warned over oxygen"
