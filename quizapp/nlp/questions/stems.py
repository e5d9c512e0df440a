"""Stems that stand alone: pronouns resolved, discourse words dropped, quotations kept whole.

A cloze or true/false statement is the source sentence, lightly rewritten so that a student who
has read the article but does not have it open can follow it. "He said ..." becomes "Vince
Cable said ..." when the previous sentences name exactly one person; "But" and a dangling "also"
go. Where that cannot be done safely (an unresolved "It" or "They", a quotation that runs on
from or into another sentence, an answer inside someone's quoted words) no stem is made and the
builder offers another form or nothing.
"""

from __future__ import annotations

import re

from quizapp.nlp.distractors import looks_like_place_or_body
from quizapp.nlp.model import Document, Fact, FactType, Sentence
from quizapp.nlp.questions.anaphors import earlier_name, pointing_back
from quizapp.nlp.questions.anchors import article_names, lacks_anchor, unquoted
from quizapp.nlp.questions.answer_anchors import described_by_answer
from quizapp.nlp.questions.antecedents import (
    NOUN_ANAPHOR,
    PERSONAL,
    THING,
    UNRESOLVABLE,
    resolve_lead,
    resolve_speaker,
)
from quizapp.nlp.questions.long_stems import shortened_stem
from quizapp.nlp.questions.name_cuts import cuts_a_name
from quizapp.nlp.questions.opening_clauses import or_main_clause
from quizapp.nlp.questions.plural_possessives import plural_possessive
from quizapp.nlp.questions.plural_slips import number_slip
from quizapp.nlp.questions.quoting import (
    STRAY,
    Regions,
    in_sentence,
    inside,
    is_speech,
    opens_long_quote,
    partial_quote,
)
from quizapp.nlp.questions.references import (
    Description,
    embedded_pronoun,
    headline_compounds,
    late_pronoun,
    named_antecedent,
    points_back,
    relative_time,
    unnamed_references,
    vague_opening,
)
from quizapp.nlp.questions.slips import (
    STRAY_FOR,
    agreement_slip,
    bare_infinitive_slip,
    copied_slip,
    it_for_its,
    plural_its,
    subject_comma,
)
from quizapp.nlp.questions.speakers import body_speaks, people_outside_quotes
from quizapp.nlp.questions.stand_ins import stand_ins
from quizapp.nlp.questions.standing import stem_problem
from quizapp.nlp.questions.stem_limits import (
    CONVERTS,
    LISTED_TYPES,
    conversion,
    in_a_list_of_names,
    modifies_a_noun,
)
from quizapp.nlp.questions.stem_text import (
    ALSO,
    DISCOURSE,
    SET_OFF_CONNECTIVE,
    Stem,
    apply_edits,
    sequencing_then,
)
from quizapp.nlp.questions.subject_chains import named_it
from quizapp.nlp.questions.titled_names import full_names, untitled_answer
from quizapp.nlp.salience import names_its_subject

MAX_STEM_WORDS = 45
_LATE_PRONOUN = "a pronoun after an opening phrase"
_OPEN, _CLOSE = "“", "”"


# "told the _____", "quoted in _____", "in an interview with _____": the channel of a quote.
_OUTLET = re.compile(
    r"\b(?:told|tell|tells|telling|quoted\s+in|quoted\s+by|speaking\s+to|writing\s+in|wrote\s+in|"
    r"interview\s+with)\s+(the\s+)?$"
)

# A closing tag naming the paper that carried the story: "..., the _____ reports." ("the
# Halifax said" is a lender giving its own figures, and is asked.)
_REPORTED_BY = re.compile(r"\s+(?:reports|reported|has\s+reported)\W*$")
_CLOSING_THE = re.compile(r",\s+the\s+$", re.I)


def _paired_place(sentence: Sentence, fact: Fact, mentions: dict[int, tuple[Fact, ...]]) -> bool:
    """Whether the place is one of exactly two places joined by "and", a country and a place
    the gazetteers know as no country or city ("_____ and Wales"): a nation and its neighbour
    part of one state named together are a set phrase, filled in from general knowledge.
    ("Iraq and Afghanistan", two countries, and "Dartmouth and Lunenburg", two towns, are
    each news.)"""
    from quizapp.nlp.gazetteers import place_kind

    places = [
        f
        for f in mentions.get(sentence.index, ())
        if f.type is FactType.PLACE or (f.type is FactType.OTHER and f.attr("form") == "name")
    ]
    text = sentence.text
    for other in places:
        if other.start == fact.end or other.end == fact.start:
            continue
        first, second = sorted((fact, other), key=lambda f: f.start)
        between = text[first.end - sentence.start : second.start - sentence.start]
        if between != " and ":
            continue
        before = text[: first.start - sentence.start]
        after = text[second.end - sentence.start :]
        if re.search(r",\s*$", before) or re.match(r"^,\s+[A-Z]", after):
            continue  # one of a longer list: the list rule decides
        kinds = {place_kind(fact.text), place_kind(other.text)}
        if kinds == {"country", None}:
            return True
    return False


@or_main_clause
def stand_alone_stem(
    doc: Document,
    sentence: Sentence,
    fact: Fact,
    mentions: dict[int, tuple[Fact, ...]],
    regions: Regions,
    *,
    alone: bool = True,
) -> Stem | None:
    """The sentence rewritten to stand alone, with the fact's place in it; None if it cannot.
    With ``alone`` False (a later sentence of a passage) it need not say what it is about.
    Where the whole sentence cannot stand alone, its main clause may ("When he arrived in
    Albany, Abercrombie refused ..." asked as "Abercrombie refused ...")."""
    reopened = False
    if partial_quote(doc, sentence, regions):
        if not opens_long_quote(doc, sentence, regions):
            return None
        reopened = True  # the quoted sentence is closed with a mark of its own below
    quotes = in_sentence(regions, sentence)
    if inside(tuple(quotes), fact.start, fact.end):
        return None  # the exact wording of someone's quote is not worth asking
    text = sentence.text
    a, b = fact.start - sentence.start, fact.end - sentence.start
    if not any(t.tag.startswith("VB") or t.tag == "MD" for t in sentence.tokens):
        return None  # a team sheet or a list of results, not a statement to ask about
    if (
        sentence.tokens
        and sentence.tokens[0].tag in ("VBZ", "VBD", "VBP", "MD")
        and not sentence.text.rstrip().endswith("?")
    ):
        return None  # "Is expected to sell ...": its subject was split off (a title's "?")
    outlet = _OUTLET.search(text[:a])
    if outlet and (
        outlet.group(1) or fact.type is not FactType.PERSON or looks_like_place_or_body(fact.text)
    ):
        return None  # "X told the _____:" asks which outlet a quote was given to
    if (
        fact.type is not FactType.PERSON
        and _REPORTED_BY.match(text[b:])
        and _CLOSING_THE.search(text[:a])
    ):
        return None  # "..., the _____ reports.": which paper carried the story, the same
    last_tag = next((t.tag for t in sentence.tokens if t.end == fact.end), None)
    if fact.type is not FactType.PERSON and plural_possessive(fact.text, text[b:], last_tag):
        return None  # "Saints' fortunes" would be asked as "_____'s fortunes": "Saints's"
    if fact.type is FactType.PLACE and _paired_place(sentence, fact, mentions):
        return None  # "_____ and Wales": the other half of a set pair gives it away
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), relative to the sentence
    edits += [
        (m.start(), m.end() + 1, "") for m in STRAY.finditer(text) if m.start() > b or m.end() < a
    ]
    if fact.type in LISTED_TYPES and in_a_list_of_names(text, a, b):
        return None  # "Dionne Warwick, Diana Ross and _____": any name of the list would do
    if text[:a].rstrip().endswith("(") and fact.text.isupper() and " " not in fact.text:
        return None  # "Low-fare Airlines Association (_____)": the name spells the acronym
    if fact.type in (FactType.PLACE, FactType.OTHER) and modifies_a_noun(sentence, fact):
        return None  # "_____ dollars", "_____ citizens": a place as an adjective, not a fact
    if fact.type is FactType.QUANTITY and CONVERTS.search(text):
        return None  # "The _____m/s top speed translates to about 38mph": worked out, not known
    if fact.type is FactType.QUANTITY:
        converted = conversion(text, a, b)
        if converted is None:
            return None
        edits += converted
    lead = 0
    match = DISCOURSE.match(text)
    if match and match.end() <= a:
        edits.append((0, match.end(), ""))
        lead = match.end()
    body = text[lead:]
    if body[:1] in ('"', _OPEN):
        first = re.match(r"[\"“]\s*(\w+)", body)
        word = first.group(1).lower() if first else ""
        if word in PERSONAL or word in THING or word in UNRESOLVABLE - {"we", "i", "us", "our"}:
            return None  # "“It is a triumph,” said ...": what "it" is stays unknown
    else:
        resolved = resolve_lead(doc, body, lead, a, sentence, mentions)
        if resolved is None:
            resolved = named_it(doc, body, lead, sentence, mentions)  # the subjects before
        if resolved is None:
            return None
        edits += resolved
    leaning = _leaning(sentence, fact, quotes)
    if leaning == _LATE_PRONOUN and any(s > lead for s, _, _ in edits):
        leaning = None  # "In 2001 it put ...": resolve_lead named the pronoun after the phrase
    if isinstance(leaning, Description) and any(s <= leaning.start < e for s, e, _ in edits):
        leaning = None  # squad: "This rock" already named from the sentence before
    if isinstance(leaning, Description) and (
        names_its_subject(doc, sentence, leaning.head)
        or described_by_answer(sentence, fact, leaning)  # "The owners of oil giant _____"
    ):
        # squad: "The main driving factor of the oxygen cycle is ..." in a textbook passage;
        # its head stays as written (no later edit may name it again).
        edits.append((leaning.start, leaning.end, text[leaning.start : leaning.end]))
    elif isinstance(leaning, Description):
        words = [*leaning.before, (leaning.head, leaning.start, leaning.end)]
        for word, start, end in reversed(words):
            if word[:1].isupper():
                continue  # "France" in "The former France boss" is no head to name
            named = named_antecedent(doc, sentence, word)
            if named is not None:
                edits.append((start, end, named))
                break
        else:
            standing = stand_ins(doc, sentence, fact, mentions, quotes, edits)
            if standing is None or not any(s <= leaning.start < e for s, e, _ in standing):
                return None  # "The band ..." with no one band named before
    elif leaning is not None:
        return None
    if relative_time(sentence, a, b):
        return None  # "34 years later": later than what, the stem cannot say
    names_it = fact.type in (FactType.ORGANISATION, FactType.PLACE)
    if embedded_pronoun(text, a, b, answer_is_body=names_it):
        return None  # "Latest figures suggest it has sold ...": what "it" is stays unknown
    quoted = [(q0 - sentence.start, q1 - sentence.start) for q0, q1, _ in quotes]
    described = {start for start, _, _ in edits}
    for head, start, end in unnamed_references(sentence, a, b, quoted):
        if start in described:
            continue
        named = named_antecedent(doc, sentence, head)
        if named is None:
            return None  # "the case", "the changes": which one, the stem cannot say
        edits.append((start, end, named))
    for head, start, end, counted in pointing_back(doc, sentence, a, b, quoted) if alone else ():
        if any(s <= start < e for s, e, _ in edits):
            continue
        named = None if counted else earlier_name(doc, sentence, head)
        if named is None:
            return None  # "the chip", "the three firms": which ones, the stem cannot say
        edits.append((start, end, named))
    standing = stand_ins(doc, sentence, fact, mentions, quotes, edits)
    if standing is None:
        return None  # "the company", "the Mallorcan": who is meant, the stem cannot say
    edits += standing
    if alone:
        taken = [(s, e) for s, e, _ in edits]
        edits += [
            edit
            for edit in headline_compounds(doc, sentence, a, b, quoted)
            if not any(s <= edit[0] < e for s, e in taken)
        ]
    speech = [q for q in quotes if is_speech(doc.text[q[0] : q[1]])]
    named_speaker = people_outside_quotes(mentions, sentence, quotes) or body_speaks(
        mentions, sentence, quotes
    )
    if speech and not named_speaker:
        speaker = resolve_speaker(doc, text, sentence, mentions, quotes, a, b)
        if speaker is None:
            return None
        edits += speaker
    edits += full_names(mentions, sentence, fact, quotes, edits)
    untitled = untitled_answer(sentence, fact, edits)
    edits += untitled
    for m in [
        *ALSO.finditer(text),
        *SET_OFF_CONNECTIVE.finditer(text),
        *sequencing_then(sentence),
        *STRAY_FOR.finditer(text),  # "won approval for to build": the stray "for" goes
    ]:
        if not (m.start() < b and a < m.end()) and not inside(
            tuple(quotes), sentence.start + m.start(), sentence.start + m.end()
        ):
            edits.append((m.start(), m.end(), ""))
    if reopened:
        closing = '"' if '"' in text else _CLOSE
        edits.append((len(text.rstrip()), len(text), closing))
    stem = apply_edits(text, sorted(edits), a, b)
    if len(stem.text.split()) > MAX_STEM_WORDS:
        # squad: a long encyclopedia sentence without the parts holding its other facts.
        cut = shortened_stem(
            doc, sentence, fact, stem.text, (stem.start, stem.end), mentions, MAX_STEM_WORDS
        )
        if cut is None:
            return None
        stem = Stem(*cut)
    span = (stem.start, stem.end)
    if alone and stem_problem(doc, sentence, fact, stem.text, span, lead, edits, mentions):
        return None  # "Excluding the car sector, sales rose ...": whose sales, it cannot say
    if untitled and lacks_anchor(
        unquoted(stem.text), *span, article_names(doc, (f for fs in mentions.values() for f in fs))
    ):
        return None  # "_____ said they were good figures": a speaker with nothing to say who
    if copied_slip(stem.text, *span) is not None:
        return None  # "a tsumani fund-raising match": the article's slip, not ours to print
    agreement = agreement_slip(sentence.tokens)
    if agreement is not None and agreement in stem.text:
        return None  # "the average users spends": the same
    tokens = sentence.tokens
    if plural_its(tokens) or bare_infinitive_slip(tokens) or subject_comma(tokens):
        return None  # "films like ... took £11.5m in its", "let 10,000 users shared": the same
    if it_for_its(tokens):
        return None  # "moving it arm as a pointer": the same
    if number_slip(doc, sentence, stem.text) is not None:
        return None  # "a stars", "one of the biggest company", "of BitTorrent server site"
    return stem


def leans_on_article(
    sentence: Sentence, fact: Fact, quotes: list[tuple[int, int, bool]] | Regions
) -> bool:
    """Whether the sentence cannot be asked as it stands without the article at hand: it opens
    on an unnamed "The film ..." or "Since then he ...", points back with "such a size" or
    "this problem", or the answer is part of a longer name. (Quoted words are left alone.)"""
    return _leaning(sentence, fact, quotes) is not None


def _leaning(
    sentence: Sentence, fact: Fact, quotes: list[tuple[int, int, bool]] | Regions
) -> str | Description | None:
    """What makes the sentence lean on the article: a reason, or the unnamed description."""
    text = sentence.text
    a, b = fact.start - sentence.start, fact.end - sentence.start
    if cuts_a_name(fact, text, a, b):
        return "the answer is part of a longer name"
    match = DISCOURSE.match(text)
    lead = match.end() if match and match.end() <= a else 0
    body = text[lead:]
    quoted = [(q0 - sentence.start, q1 - sentence.start) for q0, q1, _ in quotes]
    if points_back(sentence, a, b, quoted):
        return "it points back ('such a size', 'this problem')"
    if body[:1] not in ('"', _OPEN):
        if late_pronoun(body):
            return _LATE_PRONOUN
        if not NOUN_ANAPHOR.match(body):
            return vague_opening(body, sentence, lead, a, b)
    return None
