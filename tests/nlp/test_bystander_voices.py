"""A bystander quoted once is not asked: "said Spinmart manager _____" where the minister walked
into Spinmart (blind graders failed the shop manager's name as not worth asking), while the
manager of a firm the story follows still is."""

from __future__ import annotations

from quizapp.nlp import generate, read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.salience import score_facts

ARTICLE = (
    "Minister buys charity single\n\n"
    "Prime Minister Edwin Hale bought two copies of the charity single Hope 20 in Carlisle on "
    "Friday.\n\n"
    "Staff were surprised when the Prime Minister walked into Spinmart at nine o'clock. "
    '"When Mr Hale came in unannounced, we were all astonished," said Spinmart manager Ross '
    "Tarrant.\n\n"
    'Delta Records chairman Owen Blyth said: "The single will sell 300,000 copies by Sunday."\n\n'
    "The single is tipped to become the Christmas number one.\n"
)


def _askable(text: str, name: str) -> bool:
    doc = read_document(text)
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    return any(salience[f].askable for f in facts if f.text == name)


def test_a_shop_manager_quoted_once_where_the_event_happened_is_not_asked() -> None:
    assert not _askable(ARTICLE, "Ross Tarrant")
    assert "Ross Tarrant" not in {item.answer for item in generate(ARTICLE, max_items=20).items}


def test_a_manager_of_a_firm_the_story_follows_is_still_asked() -> None:
    text = ARTICLE.replace("walked into Spinmart", "praised the staff").replace(
        "The single is tipped", "Spinmart said the single is tipped"
    )
    assert _askable(text, "Ross Tarrant")


def test_a_resident_quoted_once_is_not_asked() -> None:
    text = ARTICLE.replace("said Spinmart manager Ross Tarrant", "said local resident Ross Tarrant")
    assert not _askable(text, "Ross Tarrant")
