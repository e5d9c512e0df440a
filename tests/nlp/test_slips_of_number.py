"""A sentence with a noun that lost its plural "s" ("operators of file server site" where the
article writes "file server sites"), "one of the biggest company", "a stars" or a span of time
without its "the" ("for last 10 years") is the article's slip: no stem copies it."""

from __future__ import annotations

from quizapp.nlp import generate
from quizapp.nlp.document import read_document
from quizapp.nlp.questions.plural_slips import a_before_plural, bare_compound, one_of_singular
from quizapp.nlp.questions.slips import copied_slip


def _tokens(sentence: str):
    return read_document(sentence).sentences[0].tokens


def test_a_compound_the_article_writes_in_the_plural_lost_its_s() -> None:
    text = "The group sued operators of music server site. Music server sites let users swap tunes."
    doc = read_document(text)
    assert bare_compound(doc.sentences[0].tokens, text) == "server site"


def test_a_bare_singular_is_english_where_the_article_has_no_plural_or_an_idiom_takes_it() -> None:
    text = "The group sued operators of file server site. The site was closed."
    assert bare_compound(read_document(text).sentences[0].tokens, text) is None
    idiom = "Fans were told by text message. Text messages were sent to 400 fans."
    assert bare_compound(read_document(idiom).sentences[0].tokens, idiom) is None
    modifier = "He spoke to file server site owners. File server sites are popular."
    assert bare_compound(read_document(modifier).sentences[0].tokens, modifier) is None


def test_one_of_the_before_a_singular_noun_is_a_slip() -> None:
    assert one_of_singular(_tokens("Harlow is one of the biggest company in town."))
    assert one_of_singular(_tokens("Harlow is one of the biggest companies in town.")) is None
    assert one_of_singular(_tokens("He is one of the best transfer deals of the year.")) is None


def test_a_before_a_plural_noun_is_a_slip() -> None:
    assert a_before_plural(_tokens("Even the fans consider them to be a stars."))
    assert a_before_plural(_tokens("She drove a sports car to the ground.")) is None
    assert a_before_plural(_tokens("The firm found a means to pay.")) is None


def test_a_span_of_time_without_the_is_a_slip() -> None:
    assert copied_slip("Sales have grown for last 10 years, it said.", 0, 0)
    assert copied_slip("Sales have grown over past decade.", 0, 0)
    assert copied_slip("Sales have grown for the last 10 years.", 0, 0) is None
    assert copied_slip("Profits for last year rose by 5%.", 0, 0) is None


ARTICLE = (
    "Film guild sues swap sites\n\n"
    "The Film Guild of Canada has filed 120 lawsuits against operators of music server site, "
    "its president Dan Holt said on Tuesday. Dan Holt said that music server sites in Toronto "
    "let users swap copies of films without paying. The Film Guild of Canada, founded in 1962, "
    "said it lost $3bn in 2004 to piracy. Dan Holt said the Film Guild of Canada would file 200 "
    "more lawsuits in March. The Film Guild of Canada is working with the Motion Picture "
    "Association of America, which brought similar cases in Chicago in 2003."
)


def test_no_item_copies_a_lost_plural_s_and_the_mended_sentence_is_asked() -> None:
    items = generate(ARTICLE, max_items=20).items
    assert items
    assert all("server site," not in item.prompt for item in items)
    mended = generate(ARTICLE.replace("server site,", "server sites,"), max_items=20).items
    assert any("server sites," in item.prompt for item in mended)
