"""Encyclopedia prose (SQuAD-style paragraphs): its actors are asked even where no gazetteer
knows them, an everyday word written as a name is not, and a common given name the tagger's
lexicon files as a noun still opens a person's name (issue 9, item 1)."""

from __future__ import annotations

from quizapp.nlp import generate, read_document
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import Fact, FactType
from quizapp.nlp.salience import score_facts

# An invented history paragraph: its people are named once each, no gazetteer knows them.
HISTORY = (
    "Following the defeat at Marrowby, William Hestridge assumed command of the northern "
    "army. At a council in Dunmere in 1712, he laid out his plans for the spring. "
    "When the thaw came, Tobrecht refused to march until the harvest was in. "
    "Before the winter of 1713, Halvorsen constructed a chain of forts along the river. "
    "The Frenchman has endured a difficult season, and the governors of Lenfold and Ardmay "
    "unveiled by decree a new tax on salt."
)


def _salience(text: str) -> tuple[tuple[Fact, ...], dict]:
    doc = read_document(text)
    facts = extract_facts(doc)
    return facts, score_facts(facts, doc)


def _find(facts: tuple[Fact, ...], text: str) -> Fact:
    return next(f for f in facts if f.text == text)


def test_a_common_given_name_the_lexicon_calls_a_noun_opens_a_persons_name() -> None:
    facts, _ = _salience(HISTORY)
    assert _find(facts, "William Hestridge").type is FactType.PERSON
    facts, _ = _salience("John Marlow, the harbour master, closed the port to all ships.")
    assert _find(facts, "John Marlow").type is FactType.PERSON


def test_an_untyped_name_that_acts_in_its_sentence_is_askable() -> None:
    facts, salience = _salience(HISTORY)
    for name in ("Tobrecht", "Halvorsen"):
        fact = _find(facts, name)
        assert fact.type is FactType.OTHER and fact.attr("form") == "name"
        assert salience[fact].askable, name


def test_a_description_or_a_passive_is_no_act() -> None:
    facts, salience = _salience(HISTORY)
    # "The Frenchman has endured": a description after a determiner; "Lenfold and Ardmay
    # unveiled by decree": a passive inside a noun phrase. Neither is named again.
    for fact in facts:
        if fact.text in ("Frenchman", "Ardmay") and fact.type is FactType.OTHER:
            assert not salience[fact].askable, fact.text


def test_an_everyday_word_written_as_a_name_is_not_asked() -> None:
    text = (
        "Earth holds most of its water in the oceans. Seismic waves show the interior of "
        "Earth in layers. The crust of Earth floats on the mantle of Earth."
    )
    facts, salience = _salience(text)
    earth = [f for f in facts if f.text == "Earth"]
    assert earth and not any(salience[f].askable for f in earth)
    assert not any(item.answer == "Earth" for item in generate(text, max_items=5).items)


def test_an_acting_name_is_asked_in_a_quiz() -> None:
    items = generate(HISTORY, max_items=5).items
    answers = {item.answer for item in items} | {item.fact.text for item in items}
    assert answers & {"Tobrecht", "Halvorsen", "William Hestridge"}


def test_a_pronoun_after_when_is_no_speech_tag() -> None:
    # "... when she explained that ...": "she" is the blank's own pronoun, not a speaker's tag
    # ("..., she explained." is one, and needs a name before it).
    from quizapp.nlp.questions.dangling import dangling_pronoun

    text = (
        "Marta Velez extended the theory of drift further when she explained that the plates "
        "of the Vellan Shelf move over a weak layer of the mantle."
    )
    doc = read_document(text)
    facts = extract_facts(doc)
    velez = _find(facts, "Marta Velez")
    sentence = doc.sentences[0]
    a, b = velez.start - sentence.start, velez.end - sentence.start
    assert dangling_pronoun(sentence, a, b, velez, facts, [], []) is None
    told = read_document("The plates move over a weak layer, she explained.").sentences[0]
    assert dangling_pronoun(told, 0, 3, velez, (), [], []) == "she"


def test_a_description_named_by_a_term_of_its_subject_stands_alone() -> None:
    # "The concept of inertia" names what it is about with the term itself.
    text = (
        "Inertia is the resistance of an object to any change in its motion. "
        "The concept of inertia can be further generalized to explain the tendency of objects "
        "to continue in many different forms of constant motion."
    )
    from quizapp.nlp.questions.references import vague_opening

    doc = read_document(text)
    sentence = doc.sentences[1]
    assert vague_opening(sentence.text, sentence, 0, len(sentence.text)) is None
    # An everyday head with an everyday complement still names nothing.
    doc = read_document("The head of the company resigned on Monday after the vote.")
    sentence = doc.sentences[0]
    assert vague_opening(sentence.text, sentence, 0, len(sentence.text)) is not None


def test_a_measure_compared_or_with_a_unit_is_no_year() -> None:
    text = (
        "The fort was built in 1000 and rebuilt in 1250. "
        "The sthene is equivalent to 1000 N, and the kip is equal to 1000 lbf."
    )
    dates = [f.text for f in extract_facts(read_document(text)) if f.type is FactType.DATE]
    assert dates == ["1000", "1250"]


def test_a_people_named_by_nationality_is_not_asked() -> None:
    text = (
        "Montcalm took the fort in August. Montcalm and the Indians under his command "
        "disagreed about the prisoners. The Indians left the camp. The Indians went west."
    )
    facts, salience = _salience(text)
    indians = [f for f in facts if f.text == "Indians"]
    assert indians and not any(salience[f].askable for f in indians)


def test_a_name_after_a_preposition_is_an_object_not_an_actor() -> None:
    # "a pass by Tolvane set Brask free": the verb is the pass's, not the name's.
    text = (
        "The hosts levelled on the hour when a pass by Tolvane set Brask free. "
        "Brask scored again late on."
    )
    facts, salience = _salience(text)
    tolvane = [f for f in facts if f.text == "Tolvane"]
    assert tolvane and not any(salience[f].askable for f in tolvane)


def test_a_sentence_broken_across_lines_is_read_whole() -> None:
    # A subscript pasted on its own line ("O" / "2") and a hard wrap: one sentence each.
    text = (
        "Deep diving carries real risks for the lungs and the nervous system of divers.\n"
        "Breathing an air mixture with an O\n2 partial pressure above 60 kPa can lead to\n"
        "permanent fibrosis in divers.\nDivers avoid it by limiting their depth."
    )
    doc = read_document(text)
    assert [s.text.split()[0] for s in doc.sentences] == ["Deep", "Breathing", "Divers"]
    assert doc.sentences[1].text.endswith("divers.")
    # A headline and a line that opens a new sentence stay apart.
    doc = read_document("Divers warned on deep dives\n\nThe advice was issued on Monday.")
    assert doc.title == "Divers warned on deep dives"
    assert len(doc.sentences) == 1
