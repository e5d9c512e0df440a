"""A plural name in the possessive ("Saints' fortunes") is not blanked as "_____'s" (the key
would read "Saints's"); a singular name ending in "s" ("Jones' departure") still is."""

from __future__ import annotations

from quizapp.nlp import generate
from quizapp.nlp.model import BLANK
from quizapp.nlp.questions.plural_possessives import plural_possessive

ARTICLE = (
    "Rovers appoint Reid as manager\n\n"
    "Tom Reid has been unveiled as the new Rovers manager. Reid, who will work alongside Sam "
    "Gray, has been out of the game since he was sacked by Exeter in 2003. Gray was assistant "
    "boss when Reid was manager at Kingsport. Reid took over at Kingsport in 2000 and guided "
    "the club to tenth place in the league. He engineered an upturn in Saints' fortunes before "
    "being lured to Exeter - the club where he made his name as a player. Kingsport finished "
    "fourth last season."
)


def test_a_plural_name_before_a_bare_apostrophe_is_a_plural_possessive() -> None:
    assert plural_possessive("Hornets", "' fortunes")
    assert plural_possessive("Liberal Democrats", "' leader")
    assert plural_possessive("MSPs", "' pay")
    assert plural_possessive("Wolves", "’ revival")


def test_a_singular_name_ending_in_s_or_a_full_possessive_is_not() -> None:
    assert not plural_possessive("Vortos", "' shares")  # "Vortos's shares" reads well
    assert not plural_possessive("Hornets", "'s fortunes")  # the article's own "'s"
    assert not plural_possessive("Hornets", " fortunes")
    assert not plural_possessive("Glass", "' works")


def test_no_quiz_asks_a_plural_nickname_as_a_blank_with_apostrophe_s() -> None:
    items = generate(ARTICLE, max_items=20).items
    assert any(item.answer == "2000" for item in items)  # the article is asked about
    for item in items:
        assert not (item.answer == "Saints" and f"{BLANK}'s" in item.prompt), item.prompt


def test_a_name_the_tagger_reads_as_a_plural_proper_noun_is_a_plural_possessive() -> None:
    # "Tarrens" is in no word list; in "Tarrens' win" the tagger reads a plural proper noun.
    assert plural_possessive("Tarrens", "' win", "NNPS")
    assert not plural_possessive("Vortos", "' shares", "NNP")
