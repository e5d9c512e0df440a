"""Whether a finished stem stands alone: it names what it is about, and leaves no word pointing
outside it.

Read alone, "Excluding the car sector, sales rose by just _____%." does not say whose sales;
"Many people use it in preference to the phone" does not say what "it" is; "Ms _____ said they
were excellent figures" asks for a surname of someone the stem never introduces. Each check
here names one such defect; the stem builder makes no stem when any applies.
"""

from __future__ import annotations

import re

from quizapp.nlp.model import Document, Fact, FactType, Sentence
from quizapp.nlp.questions.anchors import NAME_TYPES, QUOTED, article_names, lacks_anchor, unquoted
from quizapp.nlp.questions.bare_subjects import bare_subject
from quizapp.nlp.questions.blank_roles import (
    date_of_another_noun,
    group_of_a_person,
    person_as_attribute,
    place_of_a_person,
    unexplained_first_name,
    unnamed_role_holder,
)
from quizapp.nlp.questions.dangling import dangling_pronoun
from quizapp.nlp.questions.slips import copied_slip

# "Ms _____ said ...": the answer is a surname after a title, and nothing says who that is.
_TITLE_BEFORE_BLANK = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor)\.?\s+$")
# "Mr _____, who plans to launch Easymobile", "Mr _____, chief executive of ...": described.
_DESCRIBED_AFTER = re.compile(
    r"^,\s+(?:who\b|whose\b|the\s+[a-z]|an?\s+[a-z]|[A-Za-z]+(?:\s+[A-Za-z]+){0,3}\s+(?:of|at|for)\s)"
)


def bare_surname_answer(text: str, a: int, b: int) -> bool:
    """Whether the answer is a surname standing after "Mr", "Ms" or "Dr" with nothing in the
    stem saying who that person is ("Ms _____ said they were excellent figures")."""
    if len(text[a:b].split()) > 1:
        return False  # "Professor _____" for "Ida Marsh": the full name is asked
    return bool(_TITLE_BEFORE_BLANK.search(text[:a])) and not _DESCRIBED_AFTER.match(text[b:])


# "Mr Makower", "Ms Hutt" left as they are: the article gave no fuller name to put in.
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?!Justice\b)[A-Z][\w'’-]*")


def titled_stranger(
    doc: Document, text: str, a: int, b: int, quoted: list[tuple[int, int]]
) -> bool:
    """Whether the stem names someone only by title and surname ("said Mr Makower"), outside
    the answer and quoted words: out of the article, nobody knows who that is. The person the
    article is about (in its headline, or named again and again) is known to the student."""
    for m in _TITLED.finditer(text):
        if (m.start() < b and a < m.end()) or any(q0 <= m.start() < q1 for q0, q1 in quoted):
            continue
        surname = re.compile(rf"\b{re.escape(m.group().split()[-1])}\b")
        if surname.search(doc.title or ""):
            continue
        if sum(1 for s in doc.sentences if surname.search(s.text)) < _SUBJECT_MENTIONS:
            return True
    return False


# Named in this many sentences, a person is what the article is about.
_SUBJECT_MENTIONS = 3


# "More plaudits came ...", "Another ban ...", "a similar ban": more than, similar to what?
_MORE_OPENING = re.compile(r"^(?:More|Further|Another)\s+(?!than\b|of\b|and\b)[a-z]")
_SIMILAR = re.compile(r"\b(?:[Aa]\s+|[Tt]he\s+)?(similar)\b(?!\s+(?:to|in)\b)")
# "..., although games titles are more expensive than cinema tickets": a concession that
# answers a comparison the article made before, which the stem does not give.
_CONCEDED = re.compile(
    r",\s+(?:although|though|even though)\s+([^,;]*?\b(?:more|less|fewer|[a-z]{3,}er)\s+"
    r"(?:[a-z]+\s+)?than\b[^,;]*)"
)
# "McDonald's are listed as donating ...", "was ranked among ...": listed where, the stem
# does not say.
_LISTED = re.compile(
    r"\b(?:is|are|was|were|been|be)\s+(?:also\s+)?(?:listed|ranked|included)\s+(?:as|among)\b"
)


# "previously won in _____": what was won the stem leaves out (the article said it before).
_OBJECT_LEFT_OUT = re.compile(r"\b(?:won|win|wins|winning)\s+(?:in|on|at|during)\s+$")
# "The founder of Hambro Magan gave _____.": a gift or payment with no one it went to.
_GIFT = re.compile(r"\b(?:gave|give|gives|given|donated|donates|donating|handed|lent|pledged)\s+$")
# Words elsewhere in the stem that say whom a gift went to, or that it was a donation.
_RECIPIENT = re.compile(r"\b(?:to|donations?|gifts?|gave|given|donated)\b", re.IGNORECASE)
# "At number one is ...", "In third place is ...": a rank in a list the stem does not name.
_RANK_OPENING = re.compile(
    r"^(?:At|In)\s+(?:number\s+[a-z0-9]+|(?:first|second|third|fourth|fifth|top|last)\s+place)\b"
    r"(?![^,.;]*\b(?:list|chart|table|ranking|poll|league)\b)"
)


# "simply adding in a PS": a part of a document (a letter, a report) the stem never names.
_DOCUMENT_PART = re.compile(
    r"\b(?:a|the|his|her|its|their)\s+(?:PS|P\.S\.|postscript|footnote|appendix)\b"
    r"(?!\s+(?:to|of)\s+(?:the\s+)?[A-Z])"
)


def leaves_out_its_object(text: str, a: int, b: int) -> bool:
    """Whether the stem leaves out what it is about: "won in _____" (won what?), "gave
    _____." with nobody it was given to, a rank opening ("At number one is ...") of a list it
    never names, "adding in a PS" to a letter it never names."""
    if _OBJECT_LEFT_OUT.search(text[:a]):
        return True
    if (
        _GIFT.search(text[:a])
        and re.fullmatch(r"\s*[.!]?\s*", text[b:])
        and not _RECIPIENT.search(_GIFT.sub("", text[:a]))
    ):
        return True  # (not "Donations came from X, who gave the party £500,000, and Y who gave")
    if _DOCUMENT_PART.search(text):
        return True
    return _RANK_OPENING.match(text) is not None and a > 0


def points_past_itself(text: str, a: int, b: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether the stem compares with something it does not give: an opening "More plaudits"
    or "Another ban", "a similar ban" (not "similar to ..."), or "listed as" outside the answer
    and quoted words, or a closing concession that names nothing ("..., although games are
    more expensive than cinema tickets")."""
    if _MORE_OPENING.match(text) and a > 0:
        return True
    if any(not re.search(r"\b[A-Z]", m.group(1)) for m in _CONCEDED.finditer(text[b:])):
        return True
    found = [(m.start(1), m.end(1)) for m in _SIMILAR.finditer(text)]
    found += [(m.start(), m.end()) for m in _LISTED.finditer(text)]
    return any(
        not (start < b and a < end) and not any(q0 <= start < q1 for q0, q1 in quoted)
        for start, end in found
    )


_REPORTS_AFTER = re.compile(
    r"^,?\s+(?:has\s+|had\s+)?(?:said|says|added|told|warned|claimed|insisted|announced|"
    r"reported|estimated|predicted)\b"
)
_REPORTS_BEFORE = re.compile(r"\b(?:said|says|added|according\s+to)\s+(?:the\s+)?$")


_NAMED_SOURCE = re.compile(
    r",\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+)?[A-Z][\w'’&.-]*)*\s+"
    r"(?:said|says|added|reported|estimated)\b"
)


def reports(text: str, a: int, b: int) -> bool:
    """Whether the answer at [a, b) is the source the stem reports ("..., the _____ said",
    "according to the _____") rather than part of what is reported."""
    return bool(_REPORTS_AFTER.match(text[b:]) or _REPORTS_BEFORE.search(text[:a]))


# "A judgement from Mr Justice Sullivan is expected early in _____": a decision, a report or a
# vote the stem opens on with nothing saying what it is on (which case, which plan).
_UNSAID_DECISION = re.compile(
    r"^(?:A|An)\s+(?:[a-z]+\s+)?(?:judgement|judgment|ruling|decision|verdict|report|review|"
    r"inquiry|result|announcement|hearing|vote|outcome)\b([^,;:]*?)\s+(?:is|are|was|were|"
    r"will|would|could|should|has|had)\b"
)
_SAYS_ON_WHAT = re.compile(r"\b(?:on|into|over|about|of|in|for|against)\b")


def stem_problem(
    doc: Document,
    sentence: Sentence,
    fact: Fact,
    text: str,
    span: tuple[int, int],
    lead: int,
    edits: list[tuple[int, int, str]],
    mentions: dict[int, tuple[Fact, ...]],
) -> str | None:
    """Why the finished stem ``text`` (the answer at ``span``) would not stand alone, or None.
    ``lead`` is where the sentence's clause starts after a dropped "But" or "However", and
    ``edits`` the rewrites already made to the sentence (relative to it)."""
    a, b = fact.start - sentence.start, fact.end - sentence.start
    names = article_names(doc, (f for facts in mentions.values() for f in facts))
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    # The speaker of a quotation is asked about what they said: its words tell which one. The
    # named source of a report ("..., the _____ said") is what the stem asks: the answer names.
    named = fact.type in NAME_TYPES or (fact.type is FactType.OTHER and fact.text[:1].isupper())
    source = named and reports(text, *span)
    if not source and lacks_anchor(unquoted(text) if named and quoted else text, *span, names):
        return "names nothing"
    # "House prices rose by 1.1%, the Halifax said": the named source says whose prices. A
    # person's name does not ("Programs need to be tailored ..., said _____": which programs).
    voiced = source and fact.type in (FactType.PERSON, FactType.QUOTE)
    sourced = (source and not voiced) or _NAMED_SOURCE.search(text) is not None
    resolved = any(start <= lead < end for start, end, _ in edits)
    if not sourced and not resolved and bare_subject(sentence, lead, a, b, names):
        return "bare subject"
    in_sentence = [(m.start(), m.end()) for m in QUOTED.finditer(sentence.text)]
    pronoun = dangling_pronoun(
        sentence, a, b, fact, mentions.get(sentence.index, ()), in_sentence, edits
    )
    if pronoun is not None:
        return f"dangling '{pronoun}'"
    if bare_surname_answer(text, *span):
        return "surname after a title"
    if titled_stranger(doc, text, *span, quoted):
        return "title and surname only"
    if points_past_itself(text, *span, quoted):
        return "compares with something unsaid"
    if leaves_out_its_object(text, *span):
        return "leaves out what its verb is about"
    if _UNSAID_DECISION.match(text) and not _SAYS_ON_WHAT.search(_UNSAID_DECISION.match(text)[1]):
        return "a decision on something unsaid"
    return _blank_role(doc, sentence, fact, text, span, mentions)


# The last article's people (its mention map, held so that identity cannot be reused), as the
# builder asks for many stems of one article.
_LAST_PEOPLE: list[tuple[object, tuple[list[Fact], set[str]]]] = []


def _article_people(mentions: dict[int, tuple[Fact, ...]]) -> tuple[list[Fact], set[str]]:
    """The article's person facts in reading order, and their texts."""
    for seen, people in _LAST_PEOPLE:
        if seen is mentions:
            return people
    found = [f for facts in mentions.values() for f in facts if f.type is FactType.PERSON]
    people = (found, {f.text for f in found})
    _LAST_PEOPLE[:] = [(mentions, people)]
    return people


def _blank_role(
    doc: Document,
    sentence: Sentence,
    fact: Fact,
    text: str,
    span: tuple[int, int],
    mentions: dict[int, tuple[Fact, ...]],
) -> str | None:
    """Why the blank's place in the stem leaves its answer open, or None."""
    if date_of_another_noun(sentence, fact):
        return "dates the noun before it"
    if group_of_a_person(fact, text, *span):
        return "a person's team: captain or coach"
    if unnamed_role_holder(fact, text, *span):
        return "qualifies an unnamed role-holder"
    if person_as_attribute(fact, text, *span):
        return "a person's name qualifying a noun"
    people, names = _article_people(mentions)
    if place_of_a_person(fact, text, span[1], names):
        return "a person's country"
    if unexplained_first_name(people, fact, text, *span, doc):
        return "a first name only in the quotation"
    return None


def question_problem(
    doc: Document, question: str, mentions: dict[int, tuple[Fact, ...]]
) -> str | None:
    """Why a WH question would not stand alone, or None: it names nothing ("Who said hunt
    supporters were in tears?"), names someone by title and surname only, or copies a slip.
    A quotation it asks about counts: its words are what the student recalls."""
    names = article_names(doc, (f for facts in mentions.values() for f in facts))
    if lacks_anchor(unquoted(question), 0, 0, names):
        return "names nothing"
    if titled_stranger(doc, question, 0, 0, []):
        return "title and surname only"
    slip = copied_slip(question, 0, 0)
    if slip is not None:
        return f"copied slip '{slip}'"
    return None
