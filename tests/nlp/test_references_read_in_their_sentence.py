"""A reference that its own sentence settles is no reference to the article: "gave Rovers the
lead", "The decision to close the bridge", "the bank" after the one bank the sentence names,
"the fastest-selling game", a quotation a named body gives. The same words the sentence does
not settle still give no stem."""

from __future__ import annotations

import pytest

from tests.nlp.stem_context import fact_named, stem_context

COACH = "Brantwick Rovers named a new coach. "
QUOTE = '"Our brand is extremely important to us and we will defend it in court," '

# (article, fact asked, words the stem keeps): each reference is settled by its own sentence.
KEPT = [
    (
        "Brantwick Rovers beat Maren Town 2-1 on Saturday. "
        "Anna Berg gave Brantwick Rovers the lead after 12 minutes with a header.",
        "12 minutes",
        "gave Brantwick Rovers the lead",
    ),
    (
        "Brantwick council met on Monday. The decision to close the Maren bridge will cost "
        "the council 40,000 euros, said Anna Berg.",
        "40,000 euros",
        "The decision to close the Maren bridge",
    ),
    (
        "Shops in Brantwick had a good winter. Lena Holm, Halden Bank chief economist, said "
        "the bank would cut 200 jobs in 2026.",
        "200 jobs",
        "said the bank would cut",
    ),
    (
        "Racing games sold well in Brantwick. Maren Racer became the fastest-selling video "
        "game ever in 2019, said Anna Berg.",
        "2019",
        "the fastest-selling video game",
    ),
    (
        COACH + "Anna Berg has been out of the game since she left Maren Town in 2019.",
        "2019",
        "out of the game",
    ),
    (
        COACH + "Tomas Holm won the best coach award at the Maren Awards in 2019.",
        "2019",
        "the best coach award",
    ),
    (
        COACH + "Anna Berg scored twice in the game against Maren Town in 2019.",
        "2019",
        "the game against Maren Town",
    ),
    (
        "Prime Minister Tomas Holm spoke in Brantwick on Monday. "
        "The prime minister opened a new hospital with 300 beds in Maren.",
        "300 beds",
        "Tomas Holm",
    ),
    (
        "Phone firms met in Brantwick. " + QUOTE + "Halden Bank said in a statement on 3 May.",
        "3 May",
        "Halden Bank said",
    ),
    (
        "Phone firms met in Brantwick. " + QUOTE + "a Halden Bank spokesman said on 3 May.",
        "3 May",
        "a Halden Bank spokesman said",
    ),
]

# (article, fact asked): the same words where the sentence does not settle them.
REFUSED = [
    (
        "Brantwick Rovers beat Maren Town 2-1 on Saturday. "
        "Maren Town held the lead for 14 minutes before Anna Berg equalised.",
        "14 minutes",
    ),
    (
        "Brantwick council met on Monday. "
        "The decision will cost the council 40,000 euros, said Anna Berg.",
        "40,000 euros",
    ),
    (
        "Donations rose sharply in Brantwick last year. Lena Holm, whose company Halden Bank "
        "lends to farmers, gave £50,000 to the party in May.",
        "£50,000",
    ),
    (
        "Tomas Holm spoke in Brantwick on Monday. "
        "The prime minister opened a new hospital with 300 beds in Maren.",
        "300 beds",
    ),
    (COACH + "Anna Berg scored twice in the game in 2019.", "2019"),
    (
        "Phone firms met in Brantwick. " + QUOTE + "the minister told Halden Bank on 3 May.",
        "3 May",
    ),
    (
        "Phone firms met in Brantwick. Asked about Halden Bank on 3 May, he said: "
        '"Our brand is extremely important to us and we will defend it in court."',
        "3 May",
    ),
    (
        "Oscar race tightens\n\nMillion Dollar Baby won two awards in Los Angeles. "
        "According to critics, the film has overtaken The Aviator as favourite, "
        "with Clint Eastwood tipped to win in 2005.",
        "critics",
    ),
]


@pytest.mark.parametrize(("text", "asked", "kept"), KEPT)
def test_a_reference_its_sentence_settles_is_asked(text: str, asked: str, kept: str) -> None:
    ctx, facts = stem_context(text)
    stem = ctx.stem_cloze(fact_named(facts, asked))
    assert stem is not None and kept in stem, stem


@pytest.mark.parametrize(("text", "asked"), REFUSED)
def test_a_reference_its_sentence_leaves_open_gives_no_stem(text: str, asked: str) -> None:
    ctx, facts = stem_context(text)
    assert ctx.stem_cloze(fact_named(facts, asked)) is None
