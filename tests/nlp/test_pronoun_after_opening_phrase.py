"""The subject pronoun after an opening phrase ("In 2001 it put ...", "In 2004 he designed ...")
is named as an opening one would be (a person only where a profile is about them), never taken
for a name inside that phrase ("Leaving ... Ivar Lund, he began"), else stays unasked;
a verb's object pronoun ("X replaced her") is never its own subject; an existential "There is
..." stands alone, a pointing "There, ..." does not."""

from __future__ import annotations

import pytest

from tests.nlp.stem_context import fact_named, stem_context

PROFILE = """Tomas Holm: the quiet architect

Tomas Holm is known for his bridges across the Maren river. Holm was born in Brantwick in \
1961 and studied in Oslo. Holm designed his first bridge in 1990. """
LEAGUE = "The Maren League met in Brantwick in May. "

# (article, fact asked, how the stem opens)
STANDING = [
    (  # "it" after an opening date: the one company named before
        "Software firm Norvex said profits rose to £3bn last year. In 2001 it put $300m into "
        "a three-year research programme in Norway.",
        "$300m",
        "In 2001 Norvex put _____ into",
    ),
    (  # "he" after an opening phrase in a profile: its person
        PROFILE + "In 2004 he designed the Brantwick library with 40 reading rooms.",
        "40 reading rooms",
        "In 2004 Tomas Holm designed",
    ),
    (  # an existential "There were"
        LEAGUE + "There were 40 delegates at the summit of the Maren League in Brantwick.",
        "40 delegates",
        "There were _____ at the summit",
    ),
    (  # "her" after "replaced" may be a woman named in an earlier clause
        "Ivar Lund built the Maren bridge. After Anna Berg left Brantwick in 1755, Tomas Holm "
        "replaced her at the Maren League.",
        "Tomas Holm",
        "After Anna Berg left Brantwick in 1755, _____ replaced her at the Maren League.",
    ),
    (  # "her" after a verb owning a noun ("admitted her crew") is the subject's, not an object
        "Ivar Lund built the Maren bridge. Captain Anna Berg admitted her crew had started too "
        "slowly on the Maren river.",
        "Anna Berg",
        "Captain _____ admitted her crew",
    ),
]

# (article, fact that stays unasked)
UNASKED = [
    (  # "it" with nothing named before
        "Profits rose sharply last year across the sector. In 2001 it put $300m into a "
        "three-year research programme in Norway.",
        "$300m",
    ),
    (  # "he" after two men
        "Tomas Holm and Ivar Lund took command of the northern forts. At a meeting in "
        "Brantwick in December 1755, he laid out his plans for the spring campaign.",
        "December 1755",
    ),
    (  # naming him would print the answer of "_____ took command of the northern forts"
        "Following the death of the old governor, Tomas Holm took command of the northern "
        "forts. At a meeting in Brantwick in December 1755, he laid out his plans for the "
        "spring campaign on the Maren river.",
        "December 1755",
    ),
    (  # "his" inside the opening phrase
        PROFILE + "Leaving his office in Oslo, he designed the library with 40 reading rooms.",
        "40 reading rooms",
    ),
    (  # the subject after a participle is never the name inside it
        "The northern command planned one operation for 1757. Leaving a sizable force at Fort "
        "Maren to distract Ivar Lund, he began organizing the expedition to Brantwick.",
        "Fort Maren",
    ),
    (
        "The northern command planned one operation for 1757. Leaving a sizable force at Fort "
        "Maren to distract Ivar Lund, he began organizing the expedition to Brantwick.",
        "Ivar Lund",
    ),
    (  # a pointing "There,"
        "Tomas Holm sailed to Brantwick in May. There, he met 40 delegates of the Maren League.",
        "40 delegates",
    ),
    (  # "There would be": only under a plan the stem does not name
        LEAGUE + "There would be 40 delegates at the summit of the Maren League in Brantwick.",
        "40 delegates",
    ),
    (  # a verb's object pronoun is never its own subject
        "The Maren League was founded in 1740. Ivar Lund replaced her in January 1756 with "
        "Tomas Holm.",
        "Ivar Lund",
    ),
    (  # nor read as pointing ahead past the comma
        "The Maren League was founded in 1740. Ivar Lund replaced her in January 1756 with "
        "Tomas Holm, with Major Anna Berg as his deputy.",
        "Anna Berg",
    ),
]


@pytest.mark.parametrize(("article", "asked", "opening"), STANDING)
def test_a_resolved_or_existential_opening_stands_alone(
    article: str, asked: str, opening: str
) -> None:
    ctx, facts = stem_context(article)
    stem = ctx.stem_cloze(fact_named(facts, asked))
    assert stem is not None and stem.startswith(opening)


@pytest.mark.parametrize(("article", "asked"), UNASKED)
def test_a_pronoun_nothing_names_keeps_the_sentence_unasked(article: str, asked: str) -> None:
    ctx, facts = stem_context(article)
    assert ctx.stem_cloze(fact_named(facts, asked)) is None
