"""Coverage of the article by a quiz's questions, and the provenance line."""

from __future__ import annotations

import pytest

from quizapp.models import db
from quizapp.services.coverage import paragraph_of, quiz_coverage, split_paragraphs
from quizapp.services.provenance import quiz_provenance
from tests.factories import make_quiz


def test_paragraphs_split_at_blank_lines_or_else_at_line_breaks() -> None:
    text = "Title\n\nFirst para.\nStill first.\n\n\nSecond."
    assert [text[a:b] for a, b in split_paragraphs(text)] == [
        "Title",
        "First para.\nStill first.",
        "Second.",
    ]
    pasted = "One.\nTwo.\n  \nThree."
    assert len(split_paragraphs("One.\nTwo.\nThree.")) == 3
    assert [pasted[a:b] for a, b in split_paragraphs(pasted)] == ["One.\nTwo.", "Three."]


def test_paragraph_of_uses_the_generators_numbering() -> None:
    text = "Headline Here\n\nFirst body paragraph, with a fact.\n\nSecond body paragraph."
    assert paragraph_of(text, text.index("Second")) == 2


@pytest.mark.usefixtures("ctx")
def test_coverage_counts_active_questions_by_paragraph_and_fact_type() -> None:
    quiz = make_quiz()
    quiz.questions[1].deleted = True
    db.session.commit()
    coverage = quiz_coverage(quiz)
    # Paragraphs are numbered as the generator numbers them: the headline is not one.
    assert [p.number for p in coverage.paragraphs if p.covered] == [1, 3]
    assert coverage.covered_count == 2 and len(coverage.paragraphs) == 4
    assert coverage.paragraphs[0].questions == (1,)
    assert coverage.paragraphs[2].questions == (2,)
    assert coverage.paragraphs[0].first_words == "The town of Kelmouth opened a floating library…"
    counts = dict(coverage.fact_counts)
    assert counts == {
        "quantity": 1,
        "organisation": 0,
        "person": 1,
        "place": 0,
        "date": 0,
        "ordinal": 0,
        "quote": 0,
        "other": 0,
    }


@pytest.mark.usefixtures("ctx")
def test_provenance_says_as_of_the_publication_date() -> None:
    quiz = make_quiz()
    provenance = quiz_provenance(quiz)
    assert provenance.label == "as of 4 May 2024"
    assert provenance.source_url == "https://news.example/library-boat"
    quiz.article.published_on = None
    assert quiz_provenance(quiz).label is None
    assert quiz_provenance(quiz).published is None
