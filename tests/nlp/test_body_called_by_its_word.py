"""A body's identifying word is accepted where the article calls the body by it alone, even if
it also stands in a project's name ("the University of Dunmoreshire" beside "project leader at
Dunmoreshire" and "the Dunmoreshire Robocare team"): a typed "Dunmoreshire" was refused, and a
blind grader failed it as strict marking. Where the word stands only in another name ("Lake
Quarne" beside "Quarne Finance Group"), it is still refused."""

from __future__ import annotations

from quizapp.nlp.questions.accepting.bodies import identifying_word

ROBOTS = (
    "A University of Dunmoreshire team is teaching robots to play games. "
    '"Robots must learn manners," said Professor Ada Kemp, project leader at Dunmoreshire. '
    "The Dunmoreshire Robocare team taught one robot to pass a parcel."
)


def test_the_word_the_article_calls_the_body_by_is_accepted() -> None:
    assert identifying_word("University of Dunmoreshire", ROBOTS) == "Dunmoreshire"


def test_a_word_that_stands_only_in_another_name_is_refused() -> None:
    text = "Quarne Finance Group bought the unit. The firm is based near Lake Quarne."
    assert identifying_word("Quarne Finance Group", text) is None
    assert identifying_word("Quarne Finance Group", text.replace("Lake Quarne", "Quarne")) == (
        "Quarne"
    )
