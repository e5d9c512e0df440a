"""Fair marking of typed answers: what a student may reasonably type is accepted, nothing that
would be right for something else is, and descriptions are never typed items."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.nlp import generate, kind_choices, read_document
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Document, Fact, FactType, QuestionKind
from quizapp.nlp.questions import FACT_BUILDERS, BuildContext
from quizapp.nlp.questions.accepting import accepted_answers, typed_fairly
from quizapp.nlp.questions.accepting.plausible import implausible_reason
from quizapp.nlp.questions.accepting.typed import key_term
from quizapp.services.scoring import score_item

PORT = (
    "Harbour investors sued Qarvel Finance Group in a Texas court on Monday. "
    "Qarvel bought the port for $3.2bn last year. "
    "Engineers from the University of Dunmoreshire built the cranes. "
    "Brennock United beat Castlerow Rovers 2-0 on Saturday. "
    "The film about the port was backed by Hallam Bros, the studio said. "
    "Officials said the attacks of 11 September changed the port for ever. "
    "The harbour reopened in March 2003 after repairs. "
    "About 22 million people use the port each year. The cranes move at 17m per second. "
    "Exports rose 12.3% in 2004. Labour MP Joan Pettigrew said the deal was a disgrace. "
    "Treasurer Lord Ashvale said the loans were repaid. "
    "Mike Tamsin and Bob Tamsin run the pilot service. Mike Tamsin said traffic was up. "
)


@pytest.fixture(scope="module")
def port() -> tuple[Document, tuple[Fact, ...]]:
    doc = read_document(PORT)
    return doc, extract_facts(doc)


def _accepted(port: tuple[Document, tuple[Fact, ...]], text: str) -> tuple[str, ...]:
    doc, facts = port
    fact = next(f for f in facts if f.text == text)
    return accepted_answers(fact, fact.text, doc)


def _marks(item: dict, given: str) -> bool:
    return score_item(item, given).correct


def test_a_body_is_accepted_by_the_one_word_that_identifies_it(port) -> None:
    assert "Qarvel" in _accepted(port, "Qarvel Finance Group")
    assert {"Dunmoreshire", "Dunmoreshire University"} <= set(
        _accepted(port, "University of Dunmoreshire")
    )
    club = _accepted(port, "Brennock United")
    assert "Brennock" in club
    assert "United" not in club, "a club's kind word is no surname"
    assert "Rovers" not in _accepted(port, "Castlerow Rovers")


def test_the_identifying_word_is_refused_where_another_name_uses_it() -> None:
    doc = read_document(
        "Scientists camped by Lake Qarvel for a month. Qarvel Finance Group paid for the study."
    )
    fact = next(f for f in extract_facts(doc) if f.text == "Qarvel Finance Group")
    accepted = accepted_answers(fact, fact.text, doc)
    assert "Qarvel" not in accepted, "it would be right for the lake too"
    assert "Qarvel Finance" in accepted


def test_short_words_of_a_name_are_accepted_spelt_out(port) -> None:
    assert "Hallam Brothers" in _accepted(port, "Hallam Bros")


def test_dates_in_short_and_figure_forms_and_the_marker_agrees(port) -> None:
    accepted = _accepted(port, "11 September")
    assert {"Sept 11", "9/11", "11/9", "11 Sep"} <= set(accepted)
    item = {"kind": "fill_in", "answer": "11 September", "accepted": list(accepted)}
    item["fact"] = {"type": "date"}
    for typed in ("9/11", "Sept. 11", "sept 11", "September 11th"):
        assert _marks(item, typed), typed
    assert not _marks(item, "12 September")


def test_a_month_and_year_accepts_the_year_only_where_it_is_named_once(port) -> None:
    assert {"Mar 2003", "2003"} <= set(_accepted(port, "March 2003"))
    doc = read_document("The port opened in March 2003. A second quay followed in June 2003.")
    fact = next(f for f in extract_facts(doc) if f.text == "March 2003")
    assert "2003" not in accepted_answers(fact, fact.text, doc)


def test_amounts_per_cent_and_scale_words(port) -> None:
    assert "3.2 billion dollars" in _accepted(port, "$3.2bn")
    assert {"12.3 per cent", "12.3 percent"} <= set(_accepted(port, "12.3%"))
    metres = _accepted(port, "17m")
    assert not any("million" in form for form in metres), "17m per second is metres"


def test_a_number_blanked_before_million_accepts_the_million() -> None:
    doc = read_document("Ferries on the Brenn Sound carry 41 million passengers a year.")
    ctx = BuildContext(doc=doc, pools=build_pools(extract_facts(doc), doc), seed=0)
    fact = next(f for f in extract_facts(doc) if f.type is FactType.QUANTITY)
    item = FACT_BUILDERS[QuestionKind.FILL_IN](fact, ctx)
    assert item is not None and item.answer == "41"
    assert {"41 million", "41m"} <= set(item.accepted)
    marked = {"kind": "fill_in", "answer": item.answer, "accepted": list(item.accepted)}
    assert _marks(marked, "41 million") and _marks(marked, "41")


def test_a_role_or_party_before_a_name_is_left_off_never_added(port) -> None:
    # The party label is the person's role, not part of the key (session 6).
    assert "Pettigrew" in set(_accepted(port, "Joan Pettigrew"))
    assert "Labour MP Joan Pettigrew" not in set(_accepted(port, "Joan Pettigrew"))
    doc = read_document(
        "Treasurer Lord Ashvale said the loans were repaid. Lord Ashvale denied wrongdoing."
    )
    for fact in extract_facts(doc):
        if fact.text == "Lord Ashvale":
            accepted = accepted_answers(fact, fact.text, doc)
            assert "Treasurer Lord Ashvale" not in accepted
            assert "Ashvale" in accepted


def test_a_surname_two_people_share_is_not_accepted_alone(port) -> None:
    doc, facts = port
    for fact in facts:
        if fact.text in ("Mike Tamsin", "Bob Tamsin"):
            accepted = accepted_answers(fact, fact.text, doc)
            assert "Tamsin" not in accepted
            other = "Bob Tamsin" if fact.text == "Mike Tamsin" else "Mike Tamsin"
            assert other not in accepted


def test_descriptions_are_not_typed_items_but_key_terms_are() -> None:
    doc = read_document(
        "Low-cost airlines have criticised the new compensation rules. "
        "Passengers on budget flights rarely claim. "
        "Igneous rock forms when magma cools. Sedimentary rock forms in layers. "
        "Geologists study igneous and sedimentary layers to date the crust."
    )
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    by_text = {f.text: f for f in facts}
    description = by_text["Low-cost airlines"]
    assert description.type is FactType.OTHER
    for kind in (QuestionKind.FILL_IN, QuestionKind.SHORT_ANSWER):
        assert FACT_BUILDERS[kind](description, ctx) is None
    # A rare word the article repeats makes a term of the subject, typed in one way.
    term = Fact(FactType.OTHER, "igneous rock", 0, 0, 2, (("form", "phrase"),))
    assert typed_fairly(term, term.text, (), doc)
    common = Fact(FactType.OTHER, "budget flights", 0, 0, 1, (("form", "phrase"),))
    assert not typed_fairly(common, common.text, (), doc)


def test_two_names_joined_into_one_answer_are_not_typed() -> None:
    doc = read_document(
        "Holmbury Athletic and Carrow Vale met twice in May. "
        "The Holmbury Athletic-Carrow Vale match drew a record crowd."
    )
    fact = Fact(FactType.OTHER, "Holmbury Athletic-Carrow Vale", 0, 0, 1, (("form", "name"),))
    assert not typed_fairly(fact, fact.text, (), doc)
    hyphenated = Fact(FactType.PERSON, "Andrew Lloyd-Webber", 0, 0, 0)
    assert typed_fairly(hyphenated, hyphenated.text, ("Lloyd-Webber",), doc)


def test_a_person_with_their_paper_is_not_typed_but_a_bank_of_a_place_is() -> None:
    name = (("form", "name"),)
    both = Fact(FactType.OTHER, "Tom Hart of the Daily Post", 0, 0, 0, name)
    assert not typed_fairly(both, both.text, ("Tom Hart", "Hart"), None)
    bank = Fact(FactType.OTHER, "Royal Bank of Norland", 0, 0, 0, name)
    assert typed_fairly(bank, bank.text, ("RBN",), None)


def test_a_long_name_is_typed_only_with_a_shorter_form_accepted() -> None:
    name = (("form", "name"),)
    title = Fact(FactType.OTHER, "Star Pilots Return To Vell", 0, 0, 0, name)
    assert not typed_fairly(title, title.text, (), None)
    assert typed_fairly(title, title.text, ("Star Pilots",), None)
    # A three-word title is written as it stands; a long personal name keeps its own rules.
    short = Fact(FactType.OTHER, "Silver Lake Nights", 0, 0, 0, name)
    assert typed_fairly(short, short.text, (), None)
    person = Fact(FactType.PERSON, "Maria del Carmen Ruiz", 0, 0, 0)
    assert typed_fairly(person, person.text, (), None)


@pytest.mark.parametrize(
    ("form", "person", "plausible"),
    [
        ("of Qarvel", False, False),
        ("Bank of", False, False),
        ("the", False, False),
        ("Mr", True, False),
        ("Stadium", True, False),
        ("Airport", False, False),
        ("Church", True, True),
        ("$elevenbn", False, False),
        ("United-", False, False),
        ("US", False, True),
        ("9/11", False, True),
        ("12.3 per cent", False, True),
        ("Hallam Brothers", False, True),
    ],
)
def test_implausible_forms_are_named(form: str, person: bool, plausible: bool) -> None:
    assert (implausible_reason(form, person=person) is None) is plausible


# The articles under ../shared/data that quizzes are drawn from in blind grading and evaluation.
_FOLDERS = ("news", "news-more", "corpus")


@pytest.fixture(scope="module")
def shared_quizzes(shared_dir: Path) -> list[tuple[str, str, dict]]:
    """Every typed item of the --max 20 quiz of each shared article: where, article, item."""
    out = []
    for folder in _FOLDERS:
        for path in sorted((shared_dir / "data" / folder).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            quiz = generate(text, max_items=20)
            for n, item in enumerate(quiz.items, 1):
                if item.kind in (QuestionKind.FILL_IN, QuestionKind.SHORT_ANSWER):
                    out.append((f"{folder}/{path.name} q{n}", text, item.to_dict(f"q{n}")))
    return out


@pytest.mark.shared
def test_every_accepted_form_over_the_shared_articles_is_plausible(shared_quizzes) -> None:
    assert len(shared_quizzes) > 200, "the shared articles give typed items to check"
    bad = []
    for where, _text, item in shared_quizzes:
        person = item["fact"]["type"] in ("person", "quote", "other")
        answer = item["answer"].casefold()
        seen: set[str] = set()
        for form in item.get("accepted") or ():
            reason = implausible_reason(form, person=person)
            if reason or form.casefold() == answer or form.casefold() in seen:
                bad.append(f"{where}: {item['answer']!r} accepts {form!r} ({reason or 'repeat'})")
            seen.add(form.casefold())
    assert not bad, "\n".join(bad)


@pytest.mark.shared
def test_no_description_is_a_typed_item_over_the_shared_articles(shared_quizzes) -> None:
    descriptions = [
        f"{where}: {item['answer']!r}"
        for where, text, item in shared_quizzes
        if item["fact"]["type"] == "other"
        and len(item["answer"].split()) >= 2
        and all(w[1:].islower() for w in item["answer"].split())
        and item["answer"].split()[-1].islower()
        and not key_term(item["answer"], text)
    ]
    assert not descriptions, "\n".join(descriptions)


def test_change_kind_says_why_a_description_cannot_be_typed() -> None:
    text = (
        "Low-cost airlines have criticised the new compensation rules in Brussels. "
        "The rules were agreed by transport ministers in March 2004 after long talks. "
        "Airline bosses said low-cost airlines would pass the costs on to passengers."
    )
    item = {
        "kind": "multiple_choice",
        "answer": "Low-cost airlines",
        "fact": {"type": "other", "text": "Low-cost airlines", "start": 0, "end": 17},
        "prompt": "_____ have criticised the new compensation rules in Brussels.",
    }
    reasons = kind_choices(text, [item])[0]
    assert "other words" in (reasons["fill_in"] or "")
    assert "other words" in (reasons["short_answer"] or "")


def test_party_names_both_ways_and_an_outlet_by_its_initials() -> None:
    doc = read_document(
        "The Liberal Democrats promised lower fares. A spokesman told the BBC News website "
        "that the plan was costed."
    )
    facts = {f.text: f for f in extract_facts(doc)}
    party = facts["Liberal Democrats"]
    assert "Lib Dems" in accepted_answers(party, party.text, doc)
    outlet = facts["BBC News"]
    assert "BBC" in accepted_answers(outlet, outlet.text, doc)


def test_a_long_body_name_without_a_short_form_is_not_typed_but_a_title_is() -> None:
    name = (("form", "name"),)
    body = Fact(FactType.ORGANISATION, "Northern Sports Communications", 0, 0, 0)
    assert not typed_fairly(body, body.text, (), None)
    title = Fact(FactType.OTHER, "Harbour Lights Tonight", 0, 0, 0, name)
    assert typed_fairly(title, title.text, (), None)
