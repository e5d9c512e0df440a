"""How central each fact is to its article: headline and lead, repetition, subjecthood, rarity."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.nlp.filler import (
    is_filler,
    is_throwaway,
    known_anyway,
    says_nothing,
    speaks_a_line,
)

# Key terms and word rarity live in key_terms.py; importers of salience keep their names.
from quizapp.nlp.key_terms import (  # noqa: F401
    RARE_ZIPF,
    TERM_HEAD_ZIPF,
    VERB_TAGS,
    defined,
    is_key_term,
    names_its_subject,
    textbook_prose,
    textbook_term,
    topic_term,
    topic_words,
    uncommon,
    zipf,
)
from quizapp.nlp.model import Document, Fact, FactType
from quizapp.nlp.side_details import (
    match_minute,
    match_report,
    reporting_period,
    side_detail,
    stock_compound,
    where_it_was_said,
)
from quizapp.nlp.text import normalise
from quizapp.nlp.titles import named_occasion, named_programme, titled_work
from quizapp.nlp.voices import passing_voices

# An untyped name not in the headline is asked when the article names it this often.
NAME_REPEATS = 3
# A one-word name this common in English is an everyday word a student fills in from the
# words around it ("the interior of the _____" for Earth), not a fact of the article.
EVERYDAY_NAME_ZIPF = 5.0
# The name of a battle, a treaty or a law is a fact of the text wherever it is met once.
_EVENT_NAME = re.compile(
    r"^(?:(?:First|Second|Third)\s+)?(?:Battle|Siege|Treaty|War|Wars|Law|Laws|Massacre|Peace|"
    r"Congress|Edict|Capture|Fall|Principle|Theory)\s+of\s+(?:the\s+)?[A-Z]"
)


@dataclass(frozen=True, slots=True)
class Salience:
    """A fact's centrality score and whether it is worth asking at all."""

    score: float
    askable: bool
    mentions: int
    # The parts of the score, for the learned ranker.
    in_headline: bool = False
    subject: bool = False
    lead: float = 0.0
    # Other facts in the same sentence (a cloze on one prints them all).
    crowd: int = 0


def plain(text: str) -> str:
    """Normalised text that keeps a percent sign as a word ("6%" -> "6 percent"), so a short
    number still matches only itself."""
    return normalise(text.replace("%", " percent "))


def identity(fact: Fact) -> str:
    """The thing a fact names, the same for every mention ("Putin" and "Vladimir Putin")."""
    # "first-time buyers" and "first time buyers" are one thing, asked once.
    name = fact.attr("canonical") or fact.attr("expansion") or fact.text
    return normalise(name.replace("-", " "))


def fact_forms(fact: Fact) -> set[str]:
    """Normalised ways the article may write a fact: text, canonical name, acronym, surname."""
    forms = {plain(fact.text), identity(fact)}
    for key in ("acronym", "expansion"):
        value = fact.attr(key)
        if value:
            forms.add(plain(value))
    if fact.type is FactType.PERSON or (fact.type is FactType.QUOTE and fact.attr("canonical")):
        words = identity(fact).split()
        if len(words) > 1 and len(words[-1]) > 2:
            forms.add(words[-1])
    if fact.type is FactType.QUANTITY and fact.attr("number"):
        number = plain(fact.attr("number") or "")
        if len(number) > 2 and not number.isalpha():
            forms.add(number)
    return {f for f in forms if f and not (f.isdigit() and len(f) < 3)}


def _a_person(fact: Fact, doc: Document) -> bool:
    """An untyped name the sentence gives a role or a voice ("William Gallas believes")."""
    from quizapp.nlp.distractors import introduced_as_person

    return introduced_as_person(doc.sentences[fact.sentence].text, fact)


# Verbs after a name that tell no deed: a voice (voices.py weighs those apart) or a state.
_SUBORDINATORS = frozenset(
    {"when", "after", "before", "because", "while", "although", "though", "until", "once", "if"}
)
_NO_DEED = frozenset(
    {"said", "told", "added", "warned", "claimed", "stated", "replied", "was", "were", "had", "did"}
)


def _acts(fact: Fact, doc: Document) -> bool:
    """An untyped name that opens a clause and is followed at once by a verb in the past
    ("Galileo constructed an experiment", "When he arrived, Abercrombie refused to act"): the
    sentence tells what it did, so it is one of the article's actors, whatever the gazetteers
    make of it (in every sentence that names it). Saying is not acting, "was" and "had" tell no deed, a verb before "by" is a
    passive ("England and Wales unveiled by ..."), and a name after a determiner or inside a
    noun phrase is a description or a part of one ("the Frenchman", "England and Wales")."""
    sentence = doc.sentences[fact.sentence]
    tokens = sentence.tokens
    at = next((i for i, t in enumerate(tokens) if t.start >= fact.end), None)
    if at is None or at + 1 >= len(tokens):
        return False
    verb, after = tokens[at], tokens[at + 1]
    before = [t for t in tokens if t.end <= fact.start]
    # A clause opens the sentence, follows a comma or a subordinating word; after a
    # preposition the name is an object and the verb another noun's ("a pass by Harry Kewell
    # set Baros free", "printers for PCs discovered").
    opens = not before or before[-1].text == "," or before[-1].text.lower() in _SUBORDINATORS
    return (
        opens
        and verb.tag in ("VBD", "VBN")
        and verb.start == fact.end + 1
        and verb.text.lower() not in _NO_DEED
        and after.text.lower() != "by"
    )


_ASIDE_OPENERS = frozenset({"which", "who", "whose", "a", "an", "the", "another"})


def _opens_and_acts(fact: Fact, doc: Document) -> bool:
    """An untyped name that opens its sentence and does something there, past an aside on it
    ("Capital Economics, which has predicted a sharp fall, branded the findings ...", "Phoenix
    Torrents, another popular site, has decided to shut down"): the subject of the main clause
    and its deed, so the name is one of the article's actors though it is met once. Saying is
    not acting, "was" and "had" tell no deed, and a verb before "by" is a passive."""
    tokens = doc.sentences[fact.sentence].tokens
    if any(t.end <= fact.start for t in tokens):
        return False
    rest = [t for t in tokens if t.start >= fact.end]
    if len(rest) > 2 and rest[0].text == "," and rest[1].text.lower() in _ASIDE_OPENERS:
        closing = next((i for i, t in enumerate(rest[1:], 1) if t.text == ","), None)
        if closing is None or any(t.text in ('"', "“", "”") for t in rest[:closing]):
            return False
        rest = rest[closing + 1 :]
    if len(rest) < 2:
        return False
    verb, after = rest[0], rest[1]
    if verb.text.lower() in ("has", "have") and after.tag == "VBN":
        verb, after = after, rest[2] if len(rest) > 2 else after
    return (
        verb.tag in ("VBD", "VBN")
        and verb.text.lower() not in _NO_DEED
        and after.text.lower() != "by"
    )


def _everyday_name(fact: Fact) -> bool:
    """A one-word name that is an everyday English word ("Earth", "State", "Film"), or a
    people named by their nationality ("the _____ under his command" for Indians)."""
    from quizapp.nlp.gazetteers import demonyms

    word = fact.text.strip()
    if " " in word:
        return False
    return zipf(word) >= EVERYDAY_NAME_ZIPF or (word.endswith("s") and word[:-1] in demonyms())


# ("that" before a name is mostly "said that X ...", which points at nothing.)
_DEMONSTRATIVES = frozenset({"this", "these"})


def _pointed_at(fact: Fact, doc: Document) -> bool:
    """A name after "this" ("the reason to buy this DVD"): the sentence points at a thing the
    reader already has in mind; the name is its kind, not a fact to recall."""
    sentence = doc.sentences[fact.sentence]
    before = [t for t in sentence.tokens if t.end <= fact.start]
    return bool(before) and before[-1].text.lower() in _DEMONSTRATIVES


def _two_names(text: str) -> bool:
    """A span the name finder ran across two names: "X and Y Z" or "X for Y"."""
    if " for " in text:
        return True  # "Mathieu Amalric for Kings And Queen", "Arsenal for the Premiership"
    parts = re.split(r"\s+and\s+", text)
    return len(parts) > 1 and all(len(p.split()) >= 2 for p in parts) and len(text.split()) > 4


def _is_subject(fact: Fact, doc: Document) -> bool:
    """The fact stands before its sentence's first finite verb (it is what the sentence is about)."""
    sentence = doc.sentences[fact.sentence]
    for token in sentence.tokens:
        if token.tag in VERB_TAGS:
            return fact.end <= token.start
    return False


def score_facts(facts: Sequence[Fact], doc: Document) -> dict[Fact, Salience]:
    """Salience of every fact, from what the whole article says about it."""
    keys = [identity(f) for f in facts]  # once per fact: a long document has thousands
    mentions = Counter(k for f, k in zip(facts, keys, strict=True) if f.type is not FactType.QUOTE)
    heads = Counter(f.attr("head") for f in facts if f.type is FactType.OTHER and f.attr("head"))
    frame = " " + plain(" ".join(filter(None, (doc.title, doc.standfirst)))) + " "
    per_sentence = Counter(f.sentence for f in facts if f.type is not FactType.QUOTE)
    # Worked out once per fact (a long document has thousands).
    # (Mentions of one name share their forms: worked out once per type, text and attributes.)
    in_frame: dict[tuple[FactType, str, tuple[tuple[str, str], ...]], bool] = {}
    headline = {}
    for f in facts:
        form_key = (f.type, f.text, f.attrs)
        shown = in_frame.get(form_key)
        if shown is None:
            shown = in_frame[form_key] = any(f" {form} " in frame for form in fact_forms(f))
        headline[f] = shown
    framed = {f for f in facts if headline[f]}
    voices = passing_voices(facts, doc, mentions, framed)
    # The speaker of a throwaway line is not asked in its sentence either ("said _____").
    throwaway = {(f.sentence, k) for f, k in zip(facts, keys, strict=True) if is_throwaway(f)}
    known = known_anyway(facts, doc)
    # An actor is one in every sentence that names it ("With _____ pinned down at Albany").
    actors = {
        identity(f)
        for f in facts
        if f.type is FactType.OTHER and f.attr("form") == "name" and _acts(f, doc)
    }
    topics = topic_words(doc)
    reports_a_game = match_report(doc)
    out: dict[Fact, Salience] = {}
    for fact, key in zip(facts, keys, strict=True):
        count = mentions[key]
        # Named again and again: central, though each further mention adds less.
        score = 0.15 * math.log2(1 + count)
        in_headline = headline[fact]
        if in_headline:
            score += 0.2
        # The lead sentences carry the news; the weight halves every two sentences.
        lead = 0.5 ** (fact.sentence / 2)
        score += 0.5 * lead
        subject = _is_subject(fact, doc)
        if subject:
            score += 0.1
        askable = True
        if fact.type is FactType.QUANTITY and fact.attr("form") == "words":
            # "two children", "six months": counts in words are rarely the point, and a typed
            # "three" is an everyday word, not a fact a student recalls.
            askable = False
        if fact.type is FactType.OTHER:
            if fact.attr("form") == "name":
                # An untyped name (a product, an event, a firm no gazetteer knows) is worth
                # asking when the article is about it: in the headline, or named again and
                # again; a name met once or twice ("Popular Securities", "Lycos" in a byline
                # aside) is a detail. Never two names run together.
                askable = (
                    in_headline
                    or count >= NAME_REPEATS
                    or _a_person(fact, doc)
                    or key in actors
                    or _opens_and_acts(fact, doc)
                    or _EVENT_NAME.match(fact.text) is not None
                ) and not (_two_names(fact.text) or _everyday_name(fact))
                # The title of a work the article introduces by its kind ("her 2000 album
                # Drama", "the BBC series British Isles"): the kind word says what the name
                # is, so even an everyday word is a fact of the text.
                askable = askable or (titled_work(fact, doc) and not _two_names(fact.text))
                # A named award or festival in the lead, a named programme or law: the head
                # word says what the name is, so a name met once is still a fact of the text.
                askable = askable or (
                    (named_occasion(fact, doc) or named_programme(fact, doc))
                    and not _two_names(fact.text)
                )
            else:
                askable = is_key_term(fact, heads, framed=in_headline, repeated=count)
                # A common-noun phrase the headline does not frame is asked only when it is
                # a term the article keeps using (graders failed nearly every other one).
                used = int(fact.attr("salience") or 1)  # its head noun's uses in the article
                askable = askable and (in_headline or count > 1 or used > 1)
                if " " not in fact.text.strip():
                    # A lone noun ("gadget", "stitching") is a key term only when the
                    # headline names it or it is itself a technical word.
                    askable = askable and (in_headline or zipf(fact.text) <= TERM_HEAD_ZIPF)
                    askable = askable and not fact.text.lower().endswith("ing")
                    # In a match report a lone noun is a word of play ("took a deflection",
                    # "a looping header"), not what the report is about.
                    askable = askable and (in_headline or not reports_a_game)
                # A term the text defines, or one built on what the text is about, is a key
                # term however common its words (textbook passages have no headline to frame it).
                askable = (
                    askable
                    or (
                        not fact.text.lower().endswith("ing")
                        and (
                            (uncommon(fact) and defined(fact, doc))
                            or topic_term(fact, topics, count)
                        )
                    )
                    or textbook_term(fact, doc, used)
                )
                score += 0.1 * min(3, heads[fact.attr("head")] - 1) if askable else 0.0
        # (Checked only while the fact is still askable, cheapest first: they decide nothing
        # else, and a long document has thousands of facts.)
        if askable and (
            fact in voices
            or fact in known
            or is_filler(fact)
            or is_throwaway(fact)
            or says_nothing(fact, doc)
            or (
                fact.type is not FactType.QUOTE
                and ((fact.sentence, key) in throwaway or speaks_a_line(fact, doc))
            )
            or match_minute(fact, doc)
            or reporting_period(fact, doc)
            or where_it_was_said(fact, doc, count, in_headline)
            or stock_compound(fact, doc)
            or side_detail(fact, doc, count, in_headline)
            or _pointed_at(fact, doc)
        ):
            askable = False  # a passing voice, a holiday, "a two-day event", "we could lose"
        out[fact] = Salience(
            score=round(score, 4),
            askable=askable,
            mentions=count,
            in_headline=in_headline,
            subject=subject,
            lead=lead,
            crowd=per_sentence[fact.sentence] - 1,
        )
    return out
