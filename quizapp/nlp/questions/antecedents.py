"""Who "he", "it", "the company" or "Mr Evans" stands for, from the sentences just before.

A pronoun or a description is replaced by a name only when the nearest earlier sentences make
it unambiguous (their subject, their one speaker, the one entity of that type); otherwise the
resolvers say so (None) and the stem builder makes no stem.
"""

from __future__ import annotations

import re

from quizapp.nlp.distractors import common_noun_name, looks_like_place_or_body
from quizapp.nlp.model import Document, Fact, FactType, Sentence
from quizapp.nlp.questions.quoting import inside
from quizapp.nlp.questions.speakers import SPEECH_PRONOUN

PERSONAL = {"he": "", "she": "", "his": "'s", "her": "'s"}
THING = {"it": "", "its": "'s"}
UNRESOLVABLE = frozenset(
    {"they", "them", "their", "this", "these", "those", "that", "we", "i", "us", "our", "there"}
)
_NOUN_ANAPHORS = {
    "the country": ("place", "country"),
    "the nation": ("place", "country"),
    "the city": ("place", "city"),
    "the company": ("organisation", None),
    "the firm": ("organisation", None),
    "the group": ("organisation", None),
    "the bank": ("organisation", None),
    "the club": ("organisation", None),
    "the party": ("organisation", None),
}
NOUN_ANAPHOR = re.compile(r"(" + "|".join(re.escape(p) for p in _NOUN_ANAPHORS) + r")\b(?!-)", re.I)
LOOKBACK = 3
# The pronouns of each sex, to find a sentence that speaks of the other one.
_SEX_OF = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f"}
_OTHER_SEX = {
    "m": re.compile(r"\b(?:she|her|hers)\b", re.I),
    "f": re.compile(r"\b(?:he|his|him)\b", re.I),
}
_PRONOUNS_OF = {
    "m": re.compile(r"\b(?:he|his|him)\b", re.I),
    "f": re.compile(r"\b(?:she|her|hers)\b", re.I),
}
_ANY_PRONOUN = re.compile(r"\b(?:he|his|him|she|her|hers)\b", re.I)
_NOT_AGENT_VERBS = frozenset(
    {"is", "was", "s", "has", "had", "will", "would", "may", "might", "could", "can", "should"}
    | {"seems", "seemed", "appears", "appeared", "remains", "remained", "means", "meant"}
    | {"emerged", "follows", "followed", "comes", "came", "took", "takes", "became", "becomes"}
)


def _recent(
    doc: Document,
    mentions: dict[int, tuple[Fact, ...]],
    sentence: Sentence,
    want: FactType,
    kind: str | None,
    depth: int = 0,
    *,
    subject_only: bool = False,
    sex: str | None = None,
) -> str | None:
    """What an opening pronoun or "the company" refers to, or None when that is not clear.

    The nearest earlier sentence that names such an entity decides: its subject if it opens
    with one ("Liam Fox said ..."), what its own opening pronoun referred to, or the one entity
    of the type it names. Two candidates and no clear subject leave the reference unresolved.
    """
    for back in range(1, LOOKBACK + 1):
        index = sentence.index - back
        if index < 0 or depth > LOOKBACK:
            return None
        earlier = doc.sentences[index]
        if sex is not None and _OTHER_SEX[sex].search(earlier.text):
            # "His involvement ..." before "She now combines ...": the sentences speak of a man
            # and a woman, and which name is hers is not clear from their order.
            return None
        found = [
            f
            for f in mentions.get(index, ())
            if f.type is want
            and (kind is None or f.attr("kind") == kind)
            and (want is not FactType.PERSON or " " in (f.attr("canonical") or f.text))
            and (want is not FactType.PERSON or not looks_like_place_or_body(f.text))
            # "Police Officers" is no antecedent of "he" ("Police Officers said police ...").
            and (want is not FactType.PERSON or not common_noun_name(f.text))
        ]
        opening = re.match(r"(?:\W*)(\w+)", earlier.text)
        first_word = opening.group(1).lower() if opening else ""
        pronouns = PERSONAL if want is FactType.PERSON else THING
        carried = first_word in pronouns or (
            want is FactType.PERSON and re.search(r"\b(?:he|she)\b", earlier.text) is not None
        )
        if carried and not _subject(earlier, found):
            # "He said ..." after "He insisted ...": the same referent as that sentence's.
            return _recent(
                doc, mentions, earlier, want, kind, depth + 1, subject_only=subject_only, sex=sex
            )
        subject = _subject(earlier, found)
        if subject is not None:
            return subject.attr("canonical") or subject.text
        names = {f.attr("canonical") or f.text for f in found}
        if subject_only and names:
            return None
        if want is FactType.PERSON and names and _DESCRIBED_SUBJECT.match(earlier.text):
            # "The former France boss ... to succeed Mark Hughes. He has been ...": "he" is
            # the described subject, not the man named later in the sentence.
            return None
        if len(names) == 1 and want is FactType.PERSON and _spoken_of_before(earlier, found, sex):
            # "His former wife introduced him to actor Nicolas Cage. He started ...": "him"
            # is a man named before, the one "He" goes on about; Cage is only the object.
            return None
        if len(names) == 1:
            return names.pop()
        if len(names) > 1:
            return None
    return None


def _spoken_of_before(sentence: Sentence, found: list[Fact], sex: str | None) -> bool:
    """Whether the sentence speaks of another person of that sex before it names its one
    person: a pronoun ahead of the name points at someone named earlier ("his former wife
    introduced him to ..."); one after it is the named person's ("..., full name Jamelia
    Davis, ... released her first single")."""
    first = min(f.start for f in found) - sentence.start
    pronouns = _PRONOUNS_OF[sex] if sex is not None else _ANY_PRONOUN
    return pronouns.search(sentence.text[:first]) is not None


# A clause after the first that opens on another person: "X's wealth rose ..., while theatre
# impresario Y's fortune rose ..." leaves a following "His" meaning either man.
_NEXT_CLAUSE = re.compile(
    r"(?:[,;:]\s*(?:and|but|while|whereas|although|though|as)?|\b(?:while|whereas))\s+"
    r"(?:(?:the|a|an|[a-z][\w'’-]*)\s+){0,3}$"
)


def _second_subject(sentence: Sentence, first: Fact, found: list[Fact]) -> bool:
    """Whether a later entity of the sentence may be the one a following "his" or "it" means
    as well as its first: any, when the first only owns the subject ("Andrew Lloyd-Webber's
    wealth rose ..., while Sir Cameron Mackintosh's ..."); another person opening a later
    clause ("X said ..., while theatre impresario Y ...")."""
    later = [f for f in found if f.start > first.start]
    if re.match(r"['’]s?\s", sentence.text[first.end - sentence.start :]) and found[1:]:
        return True
    if first.type is not FactType.PERSON:
        return False
    name = first.attr("canonical") or first.text
    for fact in later:
        if (fact.attr("canonical") or fact.text) == name:
            continue
        before = sentence.text[first.end - sentence.start : fact.start - sentence.start]
        if _NEXT_CLAUSE.search(before):
            return True
    return False


# A sentence whose subject is a description, not a name: "The former France boss has ...",
# "The 54-year-old was ...".
_DESCRIBED_SUBJECT = re.compile(r"\W*(?:The|A|An)\s+[a-z0-9]")
_SAYS = re.compile(r"^\s+(?:has\s+)?(?:said|says|told|tells|added|insisted|argued|warned)\b")


def _subject(sentence: Sentence, found: list[Fact]) -> Fact | None:
    """The entity the sentence opens with (after its role or title words), or the speaker."""
    found = [f for f in found if not looks_like_place_or_body(f.text)]
    speakers = [f for f in found if _SAYS.match(sentence.text[f.end - sentence.start :])]
    if len({f.attr("canonical") or f.text for f in speakers}) == 1:
        return speakers[0]  # "..., Mr Neeson said that ...": the speaker is the subject
    for i, fact in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if after is not None and re.fullmatch(
            r",?\s+(?:and|or|,)\s+",
            sentence.text[fact.end - sentence.start : after.start - sentence.start],
        ):
            return None  # "Anna Berg and Tomas Holm said ...": two subjects, "he" is unclear
        before = sentence.text[: fact.start - sentence.start]
        role = fact.attr("role") or ""
        if role and before.rstrip().endswith(role):
            before = before.rstrip()[: -len(role)]
        words = re.findall(r"[A-Za-z][\w'’-]*", before)
        if not all(w[:1].isupper() or w.lower() in ("the", "a", "an") for w in words):
            return None
        # Two that may be the subject: which one a following "his" means is not clear.
        return None if _second_subject(sentence, fact, found) else fact
    return None


def resolve_lead(
    doc: Document,
    body: str,
    lead: int,
    a: int,
    sentence: Sentence,
    mentions: dict[int, tuple[Fact, ...]],
    *,
    late: bool = False,
) -> list[tuple[int, int, str]] | None:
    """Edits that replace an opening pronoun or "the country" with its antecedent; [] if none.
    With ``late``, ``body`` starts on the subject after an opening phrase."""
    first = re.match(r"(\w+)\b", body)
    if not first:
        return []
    word = first.group(1)
    low = word.lower()
    if len(word) > 1 and word.isupper():
        return []  # "US retail sales ...", "IT firms ...": an acronym, not "us" or "it"
    if lead + first.end() > a and lead <= a:
        return []  # the answer itself opens the sentence
    if _EXISTENTIAL.match(body):
        return []  # "There is an intimate coupling between ...": says what exists, points nowhere
    after_phrase = None if late else _late_subject(sentence, body, lead)
    if after_phrase is not None:
        # "In 2001 it put $300m into ...", "At a meeting in Albany, he laid out ...": the subject
        # after an opening phrase is resolved as an opening one would be; where it cannot be,
        # the stem's later checks refuse it as before.
        named = resolve_lead(
            doc, body[after_phrase:], lead + after_phrase, a, sentence, mentions, late=True
        )
        return named or []
    if low in ("this", "these"):  # squad: a textbook's "This rock" named from the sentence before
        from quizapp.nlp.questions.cloze_this import name_this_opening

        named = name_this_opening(doc, body, lead, a, sentence)
        return None if named is None else [named]
    if low in UNRESOLVABLE:
        return None
    if low in PERSONAL:
        sex = _SEX_OF[low]
        # After an opening phrase only a profile's person is named ("In 1990 he began ..."
        # under "Johnny Depp: ..."): the headline already gives that name away, while naming
        # anyone else would print another item's answer ("At a council in _____, William
        # Hestridge laid out ..." beside "_____ assumed command ...").
        name = None if late else _recent(doc, mentions, sentence, FactType.PERSON, None, sex=sex)
        if name is None:
            name = _protagonist(doc, mentions, sentence, sex)
        if name is None or _OTHER_SEX[sex].search(sentence.text):
            return None
        return [(lead, lead + first.end(), name + PERSONAL[low])]
    if low in THING:
        following = re.match(r"\w+\s+(\w+)", body)
        verb = following.group(1).lower() if following else ""
        if low == "it" and (
            verb in _NOT_AGENT_VERBS or not _tagged_verb(sentence, verb, lead + first.end(), late)
        ):
            return None  # "It is thought that ...", "It was announced ...": no antecedent
        name = _recent(doc, mentions, sentence, FactType.ORGANISATION, None, subject_only=True)
        if name is None:
            return None
        return [(lead, lead + first.end(), name + THING[low])]
    anaphor = NOUN_ANAPHOR.match(body)
    if anaphor:
        phrase = anaphor.group(1).lower()
        cls, kind = _NOUN_ANAPHORS[phrase]
        if lead + len(phrase) > a:
            return None
        fact_type = FactType.PLACE if cls == "place" else FactType.ORGANISATION
        if _unnamed_before(doc, sentence, phrase.split()[1]):
            return None  # "The group says" after "the all-party group": not the last party named
        name = _recent(doc, mentions, sentence, fact_type, kind)
        if name is None:
            return None
        return [(lead, lead + len(phrase), name)]
    return []


# Named in this many sentences, the headline's person is who the article is about...
_PROTAGONIST_MENTIONS = 3
# ...and its pronouns of one sex, this many times those of the other, are that person's.
_PRONOUN_SHARE = 3


def _protagonist(
    doc: Document, mentions: dict[int, tuple[Fact, ...]], sentence: Sentence, sex: str
) -> str | None:
    """The person a profile is about, for an opening "He" the nearest sentences leave open:
    the one person the headline names, named again and again, whose sex the article's
    pronouns keep to, and named in the nearest earlier sentence that names anyone ("Another
    role under Burton starred Depp as Wood. He played ..." under "Johnny Depp: the acting
    outlaw"). None otherwise."""
    title = doc.title or ""
    people = {
        f.attr("canonical") or f.text
        for facts in mentions.values()
        for f in facts
        if f.type is FactType.PERSON
        and " " in (f.attr("canonical") or f.text)
        and not looks_like_place_or_body(f.text)
    }
    headlined = [n for n in people if re.search(rf"\b{re.escape(n.split()[-1])}\b", title)]
    if len(headlined) != 1:
        return None
    name = headlined[0]
    surname = re.compile(rf"\b{re.escape(name.split()[-1])}\b")
    if sum(1 for s in doc.sentences if surname.search(s.text)) < _PROTAGONIST_MENTIONS:
        return None
    body = doc.text[doc.sentences[0].start :] if doc.sentences else ""
    same, other = len(_PRONOUNS_OF[sex].findall(body)), len(_OTHER_SEX[sex].findall(body))
    if same < _PRONOUN_SHARE * max(1, other):
        return None
    for back in range(1, LOOKBACK + 1):
        named = [
            f
            for f in mentions.get(sentence.index - back, ())
            if f.type is FactType.PERSON and not looks_like_place_or_body(f.text)
        ]
        if named:
            return name if any(surname.search(f.text) for f in named) else None
    return name


def _unnamed_before(doc: Document, sentence: Sentence, noun: str) -> bool:
    """Whether the article, before this sentence, speaks of a "group" (the anaphor's noun) it
    never names: "a group of MPs", "the cross-party group" (not "the oil company Yukos" nor
    "Yukos, a company ...", which name it). "The group" then means that one."""
    described = re.compile(
        rf"\b(?:(?P<a>[Aa]n?)|[Tt]he)\s+(?P<mods>(?:[a-z][\w-]*\s+){{0,3}}){noun}\b(?!-|\s+[A-Z])"
    )
    start = doc.sentences[0].start if doc.sentences else 0
    text = doc.text[start : sentence.start]
    for match in described.finditer(text):
        if text[: match.start()].rstrip().endswith(","):
            continue  # "Yukos, a company ...": an apposition names it
        if match.group("a") or match.group("mods"):
            return True
    return False


def _tagged_verb(sentence: Sentence, word: str, after: int, late: bool) -> bool:
    """Whether the word after the pronoun (which ends at ``after`` in the sentence) is tagged
    as a finite verb (after an opening phrase, as any verb: "In 2001 it put ...")."""
    following = [t for t in sentence.tokens if t.start - sentence.start >= after][:3]
    tags = ("VBD", "VBZ", "VBN", "VB") if late else ("VBD", "VBZ")
    return any(t.text.lower() == word and t.tag in tags for t in following)


# "There is", "There were", "There has been": an existential "there" stands for nothing. ("There
# would be 385 members" holds only under a plan the stem does not name, and stays unasked.)
_EXISTENTIAL = re.compile(
    r"There\s+(?:is|are|was|were|(?:has|have|had)\s+been|exists?|existed|remains?|remained|"
    r"(?:will|may|can|must)\s+be)\b"
)
# An opening phrase without a verb of its own, and the subject pronoun after it: "In 2001 it
# put ...", "At a meeting in Albany in December 1755, he laid out ...", "Leaving a force at
# the fort to distract Montcalm, he began ...".
_OPENING_PHRASE = re.compile(
    r"(?:(?:In|On|At|During|After|Before|Since|By|Until|Following|Later|Earlier|Last|Then|Now)"
    r"(?:\s+[\w'’.-]+){0,8}?(,?)|(?P<participle>[A-Z][a-z]+(?:ing|ed))(?:\s+[\w'’.-]+){0,12}?(,))"
    r"\s+(?=(?:he|she|it|his|her|its)\s)"
)
_LATE_SUBJECTS = frozenset({"he", "she", "it", "his", "her", "its"})


def _late_subject(sentence: Sentence, body: str, lead: int) -> int | None:
    """Where, in ``body``, the subject pronoun after an opening phrase starts: the phrase has
    no finite verb and no pronoun of its own, and the pronoun is followed by a finite verb
    (or, for "his"/"its", by a noun). None when the sentence opens otherwise."""
    match = _OPENING_PHRASE.match(body)
    if match is None:
        return None
    at = match.end()
    ends = match.start(1) if match.group("participle") is None else match.start(3)
    phrase = [t for t in sentence.tokens if lead <= t.start - sentence.start < lead + ends]
    if match.group("participle") and phrase[0].tag not in ("VBG", "VBN", "VBD"):
        return None  # "Sterling fell ...": a capitalised word, not a participle
    if any(t.tag in ("VBD", "VBZ", "VBP", "MD") or t.tag.startswith("PRP") for t in phrase):
        return None  # "After he left, ...", "Since his arrival he ...": a clause, not a phrase
    following = [t for t in sentence.tokens if t.start - sentence.start >= lead + at][:3]
    if len(following) < 2 or following[0].text.lower() not in _LATE_SUBJECTS:
        return None
    possessive = following[0].text.lower() in ("his", "its", "her")
    # A verb right after "he" or "it" is finite whatever the tagger says ("he laid", "it put").
    wanted = ("NN", "NNS", "JJ") if possessive else ("VBD", "VBZ", "MD", "VBN", "VB")
    if following[1].tag not in wanted and not (
        following[1].tag == "RB" and len(following) > 2 and following[2].tag in wanted
    ):
        return None
    return at


def resolve_speaker(
    doc: Document,
    text: str,
    sentence: Sentence,
    mentions: dict[int, tuple[Fact, ...]],
    quotes: list[tuple[int, int, bool]],
    a: int,
    b: int,
) -> list[tuple[int, int, str]] | None:
    """'..., he said': the pronoun replaced by the one person the previous sentences name."""
    for m in SPEECH_PRONOUN.finditer(text):
        group = "p1" if m.group("p1") else "p2"
        p_start, p_end = m.start(group), m.end(group)
        if inside(tuple(quotes), sentence.start + p_start, sentence.start + p_end):
            continue
        if p_start < b and a < p_end:
            return None
        sex = _SEX_OF[m.group(group).lower()]
        if _OTHER_SEX[sex].search(text):
            return None
        name = _recent(doc, mentions, sentence, FactType.PERSON, None, sex=sex)
        if name is None:
            return None
        return [(p_start, p_end, name)]
    return None  # a quotation whose speaker is not named in the sentence
