"""What a quiz asks: passing voices left out, one name per person, items a teacher strikes."""

from __future__ import annotations

from quizapp.nlp.document import read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact, FactType, Item, QuestionKind, SourceQuote
from quizapp.nlp.pipeline import generate
from quizapp.nlp.salience import score_facts
from quizapp.nlp.worth import cut_short, strike_reason

RETAIL = """Toy sales slump at Brightwater

Brightwater, the country's largest toy retailer, said sales fell 4.2% in March.

Brightwater blamed the cold spring for keeping families away from its 310 stores.

Oskar Lindgren, senior economist at Harbourside Capital, said the fall was "a blip rather than a trend".

Brightwater chief executive Dana Whitcombe told the Morning Ledger newspaper that the firm would open 12 new stores in 2026.

Brightwater shares rose 3% after the figures were published.
"""


def _askable(text: str) -> dict[str, bool]:
    doc = read_document(text)
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    out: dict[str, bool] = {}
    for fact in facts:
        out[fact.text] = out.get(fact.text, False) or salience[fact].askable
    return out


def test_a_commentator_named_once_and_their_firm_are_not_asked() -> None:
    askable = _askable(RETAIL)
    assert askable["Oskar Lindgren"] is False
    assert askable["Harbourside Capital"] is False
    # The outlet someone spoke to is never the point of the story.
    assert askable.get("Morning Ledger", False) is False
    # The people and figures the story is about still are.
    assert askable["4.2%"] is True
    assert askable["Dana Whitcombe"] is True


def test_no_item_asks_a_passing_voice() -> None:
    items = generate(RETAIL, max_items=20).items
    answers = {item.answer for item in items}
    assert items
    assert not answers & {"Oskar Lindgren", "Harbourside Capital", "Morning Ledger"}


def test_a_titles_portfolio_is_no_person() -> None:
    text = (
        "Fishing quotas cut\n\n"
        "On Friday, Henrik Aalto, vice president of the Commission and also Commissioner for "
        "Fisheries, said the cuts were needed to save cod stocks.\n"
    )
    people = [f for f in extract_facts(read_document(text)) if f.type is FactType.PERSON]
    names = {f.attr("canonical") or f.text for f in people}
    assert "Henrik Aalto" in names
    assert not any("Fisheries" in name for name in names)


def test_a_surname_is_the_same_person_as_the_full_name() -> None:
    text = (
        "Rovers defender upbeat\n\n"
        "Rovers' Tomasz Bielecki believes his side can still win the league this season. "
        "Bielecki has scored four goals since joining the club in August. "
        "The club's manager praised Bielecki for his calm in defence.\n"
    )
    facts = extract_facts(read_document(text))
    canon = {f.attr("canonical") or f.text for f in facts if "Bielecki" in f.text}
    assert canon == {"Tomasz Bielecki"}
    items = generate(text, max_items=20).items
    asked = [i for i in items if i.answer and "Bielecki" in i.answer]
    assert len(asked) <= 1, "one person is asked once, under whichever name"


def test_a_surname_the_tagger_misreads_still_ends_the_name() -> None:
    text = (
        "Museum funding row\n\n"
        "Heritage Minister Owain Pugh said the museum would stay open until the spring.\n"
    )
    people = [f for f in extract_facts(read_document(text)) if f.type is FactType.PERSON]
    assert [f.text for f in people] == ["Owain Pugh"]


def _item(kind: QuestionKind, prompt: str, answer: str, options: tuple[str, ...] = ()) -> Item:
    sentence = prompt.removeprefix("True or false? ")
    fact_text = answer if kind is not QuestionKind.TRUE_FALSE else "more than 5,000"
    start = max(0, sentence.find(fact_text))
    fact = Fact(
        type=FactType.QUANTITY
        if fact_text[:1].isdigit() or "than" in fact_text
        else FactType.PERSON,
        text=fact_text,
        start=start + (len("more than ") if kind is QuestionKind.TRUE_FALSE else 0),
        end=start + len(fact_text),
        sentence=0,
    )
    return Item(
        kind=kind,
        prompt=prompt,
        fact=fact,
        source=SourceQuote(quote=sentence, start=0, end=len(sentence), paragraph=1),
        answer=answer,
        options=options,
    )


def test_a_wrong_option_printed_in_the_stem_strikes_the_item() -> None:
    item = _item(
        QuestionKind.MULTIPLE_CHOICE,
        "Coach Ines Varga built her side around Lena Ott and _____.",
        "Mia Kranz",
        ("Ines Varga", "Mia Kranz", "Sara Holm", "Tove Berg"),
    )
    assert strike_reason(item)
    possessive = _item(
        QuestionKind.MULTIPLE_CHOICE,
        "Ines Varga's side was built around Lena Ott and _____.",
        "Mia Kranz",
        ("Ines Varga", "Mia Kranz", "Sara Holm", "Tove Berg"),
    )
    assert strike_reason(possessive)
    fair = _item(
        QuestionKind.MULTIPLE_CHOICE,
        "Coach Ines Varga built her side around Lena Ott and _____.",
        "Mia Kranz",
        ("Nora Lind", "Mia Kranz", "Sara Holm", "Tove Berg"),
    )
    assert strike_reason(fair) is None


def test_a_true_false_on_a_bound_or_on_quoted_words_is_struck() -> None:
    bound = _item(
        QuestionKind.TRUE_FALSE,
        "True or false? The festival drew more than 5,000 visitors on its first day.",
        "False",
        ("True", "False"),
    )
    assert strike_reason(bound)
    quoted = _item(
        QuestionKind.TRUE_FALSE,
        'True or false? The mayor called the new bridge "a gift to every cyclist in town".',
        "True",
        ("True", "False"),
    )
    assert strike_reason(quoted)


def test_a_trimmed_stem_may_not_end_on_its_lead_in_word() -> None:
    assert cut_short("Output would grow in _____, only more slowly than.")
    assert not cut_short("Output would grow in _____, only more slowly than before.")
    assert not cut_short("Match each acronym with the organisation it stands for.")


def test_a_reporting_tag_that_names_an_asked_source_can_be_left_out() -> None:
    from quizapp.nlp.attribution import untagged_prompt

    sentence = "Average rents rose by 2.4% in April, the Kestrel has said."
    item = _item(QuestionKind.FILL_IN, sentence.replace("2.4%", "_____"), "2.4%")
    assert untagged_prompt(item, ["Kestrel"]) == "Average rents rose by _____ in April."
    # Only a tag that prints another asked fact goes.
    assert untagged_prompt(item, ["April"]) is None
    # A forecast keeps its speaker: without it the stem states a guess as a fact.
    forecast = _item(
        QuestionKind.FILL_IN, "Rents would fall by _____ next year, the Kestrel said.", "2%"
    )
    assert untagged_prompt(forecast, ["Kestrel"]) is None


def test_a_town_name_that_speaks_is_a_firm() -> None:
    text = (
        "Mortgage approvals rise\n\n"
        "Mortgage approvals rose by 3% in May, the Halifax has said. "
        "Halifax said demand was strongest in Wales. "
        "Prices in Leeds rose by 1.5%.\n"
    )
    facts = extract_facts(read_document(text))
    types = {f.text: f.type for f in facts}
    assert types["Halifax"] is FactType.ORGANISATION
    assert types["Leeds"] is FactType.PLACE


def test_holidays_and_length_phrases_are_not_asked() -> None:
    text = (
        "Christmas robot kit shortage looms\n\n"
        "Shoppers may face empty shelves this Christmas as a shortage of robot kits grows. "
        "A three-year study by the Retail Panel found that robot kits now outsell dolls. "
        "Robot kits sold 2.1 million units in 2024, the study found. "
        "Every robot kit maker expects the study to be repeated.\n"
    )
    askable = _askable(text)
    assert askable.get("Christmas", False) is False
    assert askable.get("three-year study", False) is False
    assert askable["2.1 million units"] is True


def test_a_throwaway_line_is_not_attributed() -> None:
    text = (
        "Harriers edge Rovers in cup thriller\n\n"
        "Harriers beat Rovers 3-2 in the regional cup final at Dunmore Park on Saturday. "
        'Piotr Nowak coaches Harriers. "If we lose next week, we are out," said Piotr Nowak. '
        '"The board has agreed to fund a new training ground for the youth academy over the '
        'next three seasons," Harriers chairman Elena Ruiz announced after the match.\n'
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    quotes = {f.attr("canonical"): salience[f].askable for f in facts if f.type is FactType.QUOTE}
    assert quotes.get("Piotr Nowak") is False
    assert quotes.get("Elena Ruiz") is True
    line = next(f.sentence for f in facts if f.type is FactType.QUOTE and f.text == "Piotr Nowak")
    speakers = {f: salience[f].askable for f in facts if f.type is FactType.PERSON}
    # Not as the speaker of that line ("said _____"), still where the article says more.
    assert [ok for f, ok in speakers.items() if f.sentence == line] == [False]
    others = [ok for f, ok in speakers.items() if f.text == "Piotr Nowak" and f.sentence != line]
    assert others == [True]


REPLY = (
    "Fraud trial hears from accountant\n\n"
    "Former finance chief Dorota Kwiatek told the court she had signed the false accounts. "
    "The accounts were checked in 2002 by auditor Lars Halvorsen, who found no errors. "
    '"Not as far as I know," Mr Halvorsen replied.\n'
)


def test_the_speaker_of_a_short_reply_is_not_asked_there() -> None:
    doc = read_document(REPLY)
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    reply = [f for f in facts if f.text == "Halvorsen"]
    assert reply and not any(salience[f].askable for f in reply)
    # Where the article says what he did, he is still asked.
    assert any(salience[f].askable for f in facts if f.text == "Lars Halvorsen")


def test_what_general_knowledge_gives_away_is_not_asked() -> None:
    text = (
        "Budget gap widens\n\n"
        "The budget gap widened to $412bn in 2004, the treasury said. "
        "Officials blamed slow growth after the 11 September attacks for the gap. "
        "Imports of Japan's Kirofone rose to 2 million units, the customs office said. "
        "The Kirofone was launched in Japan in 1989.\n"
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    asked = {(f.text, f.sentence): salience[f].askable for f in facts}
    assert asked[("11 September", 1)] is False
    assert asked[("$412bn", 0)] is True
    # The country before its product is known anyway; where the article says more, it is not.
    assert asked[("Japan", 2)] is False
    assert asked[("Japan", 3)] is True


def test_a_sentence_that_says_nobody_commented_is_not_asked() -> None:
    text = (
        "Carmaker cuts jobs\n\n"
        "Carmaker Veltro is to cut 900 jobs at its plant in Coventry. "
        "Nobody at Veltro was available for comment when contacted by the Daily Courier. "
        "Veltro said the cuts would save £40m a year.\n"
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    salience = score_facts(facts, doc)
    assert all(not salience[f].askable for f in facts if f.sentence == 1)
    assert any(salience[f].askable for f in facts if f.text == "900 jobs")
