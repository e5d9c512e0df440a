"""Per-document indexes: each document answers from its own index, in reading order."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.docindex import document_index, token_positions
from quizapp.nlp.questions.accepting import fuller_name


def test_token_positions_are_every_place_a_word_stands_in_reading_order() -> None:
    doc = read_document("Gallas scored. Then William Gallas left.\n\nFans cheered Gallas.")
    found = token_positions(doc, "Gallas")
    assert [doc.sentences[s].tokens[i].text for s, i in found] == ["Gallas"] * 3
    assert found == tuple(sorted(found))
    assert [s for s, _ in found] == [0, 1, 2]
    assert token_positions(doc, "Henry") == ()


def test_each_document_gets_its_own_index_even_with_equal_texts_and_many_documents() -> None:
    first = read_document("Bob Marley sang. Marley smiled.")
    equal = read_document("Bob Marley sang. Marley smiled.")
    other = read_document("Ziggy Marley sang. Marley smiled.")
    assert fuller_name("Marley", first) == "Bob Marley"
    assert fuller_name("Marley", other) == "Ziggy Marley"
    # More documents than the index keeps: the first is indexed again, never answered from
    # another document's index.
    for n in range(10):
        read = read_document(f"Person{n} Marley spoke.")
        assert fuller_name("Marley", read) == f"Person{n} Marley"
    assert fuller_name("Marley", first) == "Bob Marley"
    assert fuller_name("Marley", equal) == "Bob Marley"


def test_an_index_is_built_once_per_document() -> None:
    doc = read_document("One sentence here.")
    built = []

    def build(d):
        built.append(d)
        return len(d.sentences)

    assert document_index(doc, "test-count", build) == 1
    assert document_index(doc, "test-count", build) == 1
    assert built == [doc]
