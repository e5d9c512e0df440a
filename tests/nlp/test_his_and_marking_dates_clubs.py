"""An ambiguous "His" is not resolved, and dates and clubs are marked fairly."""

from __future__ import annotations

from quizapp.nlp import generate
from quizapp.nlp.document import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Document, Fact, FactType, QuestionKind
from quizapp.nlp.pipeline import build_candidates
from quizapp.nlp.questions.accepting import accepted_answers
from quizapp.nlp.questions.accepting.amounts import month_year_forms
from quizapp.nlp.questions.antecedents import resolve_lead

RICH_LIST = """Theatre owners top the arts rich list

The annual list of the wealthiest people in the arts was published on Sunday by a national newspaper.

Composer Martin Greville-Hart's wealth rose an estimated £200m on last year, to £650m, while theatre producer Sir Alan Dorring's fortune rose from £310m to £390m.

His recent hits have included the West End show Paper Lanterns. Singer Ruth Anand was a new entry in the list of young millionaires.
"""


def _his_named(article: str) -> str | None:
    """Who the resolver names for the opening "His" of the article's last paragraph."""
    doc = read_document(article)
    mentions: dict[int, tuple] = {}
    for fact in extract_facts(doc):
        mentions[fact.sentence] = (*mentions.get(fact.sentence, ()), fact)
    sentence = next(s for s in doc.sentences if s.text.startswith("His recent hits"))
    edits = resolve_lead(doc, sentence.text, 0, len(sentence.text), sentence, mentions)
    return None if not edits else edits[0][2]


def test_his_after_two_men_each_opening_a_clause_is_not_resolved() -> None:
    """Either man could be "his": naming one of them could credit the wrong one."""
    assert _his_named(RICH_LIST) is None
    prompts = [item.prompt for item in generate(RICH_LIST, max_items=20).items]
    assert not any("recent hits" in p and ("Greville-Hart" in p or "Dorring" in p) for p in prompts)


def test_his_after_one_man_is_still_resolved() -> None:
    article = RICH_LIST.replace(
        ", while theatre producer Sir Alan Dorring's fortune rose from £310m to £390m", ""
    )
    assert _his_named(article) == "Martin Greville-Hart's"


def test_the_month_alone_is_accepted_when_the_article_names_it_once() -> None:
    text = (
        "The console is due to be shown off in May 2027 but launches in 2028. Sales of 2027 rose."
    )
    assert "May" in month_year_forms("May 2027", text)
    doc = read_document("Launch due\n\n" + text)
    date = next(f for f in extract_facts(doc) if f.text == "May 2027")
    assert "May" in accepted_answers(date, date.text, doc)
    # A month the article names twice could mean either date.
    twice = text + " In May 2026 the first pictures leaked."
    assert "May" not in month_year_forms("May 2027", twice)


def test_a_big_club_is_accepted_by_the_short_name_papers_use() -> None:
    text = "Fans of Manchester United booed the referee after the game against Arsenal ended 1-1."
    doc = read_document(text)
    club = next(f for f in extract_facts(doc) if f.text == "Manchester United")
    forms = accepted_answers(club, club.text, doc)
    assert "Man Utd" in forms and "Man United" in forms
    assert club.type in (FactType.ORGANISATION, FactType.PERSON, FactType.OTHER, FactType.PLACE)


CHANCELLOR = """Chancellor pledges debt relief

Finance minister Harold Penrose has promised to double aid to the world's poorest countries.

Speaking in Lagos on Tuesday, he said 30 million children could be helped by the plan. Mr Penrose has also pledged to write off the debt owed to Canada by the poorest nations.
"""


def test_a_surname_after_a_title_is_asked_as_the_person_the_article_named() -> None:
    """ "Mr _____" asks a surname among strangers; the blank asks for the person instead,
    accepted by surname or full name."""
    doc = read_document(CHANCELLOR)
    items, _ = build_candidates(doc, CHANCELLOR, (QuestionKind.FILL_IN,), max_items=20)
    asked = [i for i in items if i.fact.text == "Penrose" and "write off" in i.prompt]
    assert asked, [i.prompt for i in items]
    assert all("Mr _____" not in i.prompt for i in items)
    item = asked[0]
    assert item.prompt.startswith("_____ has pledged to write off")
    assert "Harold Penrose" in item.accepted


def _named(doc: Document, name: str, kind: FactType) -> Fact:
    start = doc.text.index(name)
    sentence = next(s.index for s in doc.sentences if s.start <= start < s.end)
    return Fact(kind, name, start, start + len(name), sentence)


def test_a_party_and_a_venue_are_accepted_as_people_write_them() -> None:
    doc = read_document(
        "Election night\n\nPlaid Cymru won two seats in the vote. The awards were held at the "
        "Lumen Theatre in Cardiff on Sunday.\n"
    )
    party = _named(doc, "Plaid Cymru", FactType.ORGANISATION)
    assert "Plaid" in accepted_answers(party, party.text, doc)
    venue = _named(doc, "Lumen Theatre", FactType.ORGANISATION)
    assert "Lumen Theater" in accepted_answers(venue, venue.text, doc)


def test_a_short_question_keeps_an_opening_that_names_the_event() -> None:
    """ "Who takes on Tom Vale?" leaves out which match ("Last year, ..." only dates it)."""
    from quizapp.nlp.questions.wh_clauses import short_clauses

    doc = read_document(
        "Cup final tie\n\nIn Sunday's reverse singles, Karl Oster takes on Tom Vale in Madrid.\n"
    )
    facts = extract_facts(doc)
    event = doc.sentences[0]
    oster = next(f for f in facts if f.text == "Karl Oster" and f.sentence == event.index)
    assert all(
        c.sentence.text.startswith("In Sunday's reverse singles")
        for c in short_clauses(event, oster)
    )


def test_one_without_its_of_is_the_articles_slip() -> None:
    from quizapp.nlp.questions.slips import copied_slip

    text = "She said schools would be one her priorities this year, with _____ second."
    assert copied_slip(text, text.index("_____"), text.index("_____") + 5) == "one her"
    fine = "She said schools would be one of her priorities, and _____ another one."
    assert copied_slip(fine, fine.index("_____"), fine.index("_____") + 5) is None


def test_a_clause_asked_on_its_own_keeps_the_event_it_belongs_to() -> None:
    """ "Who does Tom Vale face?" leaves out which match the second clause is about."""
    from quizapp.nlp.questions.wh_clauses import short_clauses

    doc = read_document(
        "Cup final tie\n\nIn Sunday's reverse singles, Karl Oster takes on Ian Mott before Tom "
        "Vale faces Ron Lusk.\n"
    )
    lusk = next(f for f in extract_facts(doc) if f.text == "Ron Lusk")
    clauses = [c.sentence.text for c in short_clauses(doc.sentences[0], lusk)]
    assert clauses and all(c.startswith("In Sunday's reverse singles, ") for c in clauses), clauses
