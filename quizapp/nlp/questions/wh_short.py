"""Short WH questions: one fact of a sentence asked without printing its other facts.

Selection never lets an item print another item's answer, so two facts of one sentence can
share a quiz only when each is asked in a form that leaves the other out. These questions are
made from the clause that holds the fact (``wh_clauses``) and offered beside the whole-sentence
forms; selection takes them where the whole form would shut another fact out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizapp.nlp.model import Fact, FactType, Sentence
from quizapp.nlp.questions.wh_ambiguity import ambiguous
from quizapp.nlp.questions.wh_clauses import short_clauses

if TYPE_CHECKING:
    from quizapp.nlp.questions.base import BuildContext

# A pronoun, or a time told from the article's date ("this year's event"), that the words
# left out may have pinned down.
_PRONOUN = re.compile(
    r"\b(?:he|she|him|her|they|them|it|we|us)\b|\b(?:this|last|next) (?:year|month|week)", re.I
)
_PLACE_AND_BODY = frozenset(
    {
        "organisation",
        "organization",
        "country",
        "nation",
        "city",
        "club",
        "side",
        "team",
        "state",
        "government",
    }
)


def _stand_in(question: str) -> bool:
    """Whether the question names something only as "the organisation", "the player", "the
    country", which the words left out said ("In the MPAA's campaign, the organisation filed
    ..."): the student cannot tell which one."""
    from quizapp.nlp.questions.reference_words import (
        ORGANISATION_DESCRIPTIONS,
        PERSON_DESCRIPTIONS,
        REFERRING_NOUNS,
    )

    stand_ins = ORGANISATION_DESCRIPTIONS | PERSON_DESCRIPTIONS | REFERRING_NOUNS | _PLACE_AND_BODY
    for match in re.finditer(r"\b(?:the|this|that|these|those)\s+(\w+)\b", question[1:]):
        if match.group(1).lower() in stand_ins:
            return True
    return False


# "the Northern team", "the match", "the final": a side or an event named only by a word
# that says which one inside the article, and what it was (against whom, where, for what)
# no longer in the question.
_VAGUE_EVENT = re.compile(
    r"\bthe\s+((?:[\w'’-]+\s+){0,2}?)(team|side|squad|match|game|final|tie|fixture|event|"
    r"race|contest|tournament|competition|series|clash|encounter|party|show|ceremony)\b"
    r"(?!\s+(?:of|in|at|against|between|for|with|from|on|to)\b|['’])"
)


def _vague_event(question: str, ctx: BuildContext) -> bool:
    """Whether the question names a side or an event only by a description the cut left
    unexplained ("Who will coach the Northern team?" without "against Rod Macqueen's Southern
    Hemisphere team in a tsunami fund-raising match"). A place, a body, a person, a name of
    several words or a figure before the noun says which one ("the England team", "the Davis
    Cup final", "the 2004 final")."""
    found = list(_VAGUE_EVENT.finditer(question))
    if not found:
        return False
    names = _naming_names(ctx)
    for match in found:
        words = match.group(1).split()
        if any(w[:1].isdigit() for w in words):
            continue
        said = " " + " ".join(re.sub(r"['’]s?$", "", w) for w in words) + " "
        if any(f" {name} " in said for name in names):
            continue
        return True
    return False


def _naming_names(ctx: BuildContext) -> frozenset[str]:
    """The article's places, bodies, people and names of several words: names that say which
    side or which event a description means ("Northern" alone says neither)."""
    from quizapp.nlp.docindex import document_index

    def build(_: object) -> frozenset[str]:
        names: set[str] = set()
        for facts in ctx.pools.mentions.values():
            for fact in facts:
                several = fact.type is FactType.OTHER and len(fact.text.split()) > 1
                if fact.type in (FactType.PLACE, FactType.ORGANISATION, FactType.PERSON) or (
                    several and fact.attr("form") == "name"
                ):
                    names.add(re.sub(r"['’]s?$", "", fact.text))
        return frozenset(names)

    return document_index(ctx.pools, "short_wh_names", build)


# Words opening a clause that says when the asked act happened.
_WHEN_WORDS = frozenset({"before", "after", "until", "since", "when", "while", "during"})


def _cuts_when(sentence: Sentence, dropped: tuple[int, ...], at: int, others: list[Fact]) -> bool:
    """Whether the cut starts, after the asked fact, with a clause saying when that holds no
    other fact ("received 47,000 complaints [before the musical was broadcast], and ..."):
    leaving it out frees nothing and leaves a count or a name of no occasion."""
    tokens = sentence.tokens
    after = [i for i in dropped if tokens[i].start - sentence.start > at]
    if after and tokens[after[0]].text == "," and after[1:2] == [after[0] + 1]:
        after = after[1:]
    if not after or tokens[after[0]].text.lower() not in _WHEN_WORDS:
        return False
    last = after[0]
    while last + 1 < len(tokens) and last + 1 in after:
        if tokens[last + 1].text in (",", ";") or tokens[last + 1].tag == "CC":
            break
        last += 1
    begin, finish = tokens[after[0]].start, tokens[last].end
    return not any(begin <= f.start < finish for f in others)


# A name or a figure: a question cut down to none of them lost what said which event it is.
_NAMED = re.compile(r"\b[A-Z0-9]")

# At most this many short forms per fact, each leaving out more of the sentence's facts.
MAX_SHORT_FORMS = 2


def short_wh_questions(ctx: BuildContext, fact: Fact) -> tuple[str, ...]:
    """WH questions on the fact from its clause alone, each leaving out at least one other fact
    of the sentence and none of them the whole-sentence question; longest first."""
    from quizapp.nlp.docindex import document_index

    # Asked by the multiple-choice and the short-answer builders alike: worked out once.
    made = document_index(ctx.pools, "short_wh_questions", lambda _: {})
    key = (fact.type, fact.start, fact.end)
    if key not in made:
        made[key] = _short_questions(ctx, fact)
    return made[key]


def _short_questions(ctx: BuildContext, fact: Fact) -> tuple[str, ...]:
    from quizapp.nlp.questions.anaphors import earlier_name, pointing_back
    from quizapp.nlp.questions.quoting import partial_quote
    from quizapp.nlp.questions.standing import question_problem
    from quizapp.nlp.questions.stems import leans_on_article
    from quizapp.nlp.questions.wh import make_wh_question
    from quizapp.nlp.questions.wh_agents import agent_question

    if fact.type in (FactType.OTHER, FactType.QUOTE):
        # "What did Rooney make?" (a winning return), "What resigned ...?" (Hugh Dalton, a
        # name of no known kind): the WH word cannot be trusted, and a cut makes it vaguer.
        return ()
    sentence = ctx.sentence(fact)
    # The facts another item may ask: names and values (a common-noun phrase left out is
    # seldom asked, and leaving it out only makes the question vaguer).
    others = [
        f
        for f in ctx.pools.mentions.get(sentence.index, ())
        if not (f.start == fact.start and f.end == fact.end)
        and (f.type is not FactType.OTHER or f.attr("form") == "name")
    ]
    if not others:
        return ()
    regions = ctx.sentence_quotes(sentence.index)
    if partial_quote(ctx.doc, sentence, regions) or any(
        a < sentence.end and sentence.start < b for a, b, _ in regions
    ):
        return ()  # quoted words are the speaker's; a question never cuts them down
    if leans_on_article(sentence, fact, regions):
        return ()
    at, end = fact.start - sentence.start, fact.end - sentence.start
    heads = []
    for head, _, _, counted in pointing_back(ctx.doc, sentence, at, end, []):
        heads.append((head, None if counted else earlier_name(ctx.doc, sentence, head)))
    whole = ctx.wh_question(fact)
    found: list[tuple[str, frozenset[str]]] = []
    for clause in short_clauses(sentence, fact):
        left_out = {sentence.tokens[i].start for i in clause.dropped}
        if not any(f.start in left_out for f in others):
            continue  # it prints every fact the whole sentence prints: nothing gained
        if _cuts_when(sentence, clause.dropped, at, others):
            continue  # "How many complaints did the BBC receive?" [before the musical aired]
        question = agent_question(clause.sentence, clause.fact) or make_wh_question(
            clause.sentence, clause.fact
        )
        if question is None:
            continue
        if clause.speaker:
            question = f"{question[:-1]}, according to {clause.speaker}?"
        for head, name in heads:
            if re.search(rf"\bthe {re.escape(head)}\b", question):
                if name is None:
                    question = None  # "Which organisation will make the chip?": which chip
                    break
                question = re.sub(rf"\bthe {re.escape(head)}\b", f"the {name}", question)
        if question is None or question == whole or any(question == q for q, _ in found):
            continue
        if _stand_in(question) or _PRONOUN.search(question) or _vague_event(question, ctx):
            continue  # "... said she had wanted to run": who she is, the cut left out
        if not _NAMED.search(question.partition(" ")[2]):
            continue  # "Who is tipped to win best actor?": for which film, at which awards
        if question.startswith("Which city") and question.split()[2] not in ("is", "was"):
            continue  # "Which city brought back Garcia?": a city that acts is mostly its club
        if question_problem(ctx.doc, question, ctx.pools.mentions):
            continue
        if ambiguous(ctx.doc, sentence, fact, clause, ctx.pools.mentions):
            continue
        question = re.sub(r"\s+also\b", "", question)
        omitted = frozenset(f.text for f in others if f.text not in question)
        # A shorter form only where it leaves out more facts: "... alive with victory [in
        # Saturday's doubles rubber]?" loses words and frees nothing.
        if found and omitted <= found[-1][1]:
            continue
        found.append((question, omitted))
    return tuple(question for question, _ in found[:MAX_SHORT_FORMS])
