"""Stems that lean on the article: "The film ...", "such a size", "Since then he ...".

A student who has read the article but does not have it open cannot tell which film "The film"
is, what "such a size" was, or who "he" is in "Since then he ...". These find such references
and, where the article named the thing once before, the name to give it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.nlp.gazetteers import demonyms, place_kind
from quizapp.nlp.model import Document, Sentence, Token
from quizapp.nlp.questions.named_antecedents import named_antecedent as named_antecedent
from quizapp.nlp.questions.reference_words import (
    CALENDAR,
    DESCRIBING_NAME,
    FINITE,
    LOWER_WORD,
    NP_TAGS,
    PERSON_DESCRIPTIONS,
    REFERRING_NOUNS,
    TIME_HEADS,
)
from quizapp.nlp.questions.reported_pronouns import embedded_pronoun as embedded_pronoun

# A sentence opening on a determiner and only lower-case words: "The band ...", "This target".
_DEFINITE = re.compile(r"(?:The|This|That|These|Those|Such)\s+", re.I)
# Mid-sentence "such a size", "this problem", "these plans": they point back to text not shown.
_POINTING = re.compile(r"\b(?:such\s+(?:an?\s+)?|this\s+|these\s+)(?!as\b)([a-z][\w-]*)")
# "Since then he ...", "Last year she ...": an opening phrase, then an unresolved pronoun.
_LATE_PRONOUN = re.compile(
    r"^(?:Since|In|On|At|Last|Earlier|Later|After|Before|Then|Now|During|Until|By|Yesterday|"
    r"Today|Recently|Previously|Next|Within|Over|Throughout|Already|Still|Eventually|Finally|For)"
    r"(?:\s+(?:[a-z][\w'’-]*|\d[\w,.]*)){0,4},?\s+(he|she|they|it|his|her|their|"
    r"(?:this|that)(?=\s+(?:has|had|is|was|will|would|could|means|meant)\b))\b"
)


@dataclass(frozen=True, slots=True)
class Description:
    """An unnamed subject a sentence opens with: its head noun and where it sits."""

    head: str
    start: int
    end: int
    # The description's earlier words, for a head the tagger took for a noun ("researchers
    # estimate"): (word, start, end), nearest last.
    before: tuple[tuple[str, int, int], ...] = ()


def vague_opening(
    body: str, sentence: Sentence, offset: int, a: int, b: int | None = None
) -> Description | None:
    """The description the text opens with when the reader cannot identify it ("The dinner, on
    Tuesday, is ...", "The 29-year-old finished ..."); ``offset`` is where ``body`` starts in
    the sentence and ``a`` where the answer starts. A description that names something before
    its verb ("The sequel to Meet The Parents") or that holds the answer is not vague."""
    opening = _DEFINITE.match(body)
    if not opening:
        return None
    pos = opening.end()
    head: Description | None = None
    country = False
    tokens = sentence.tokens
    for k, token in enumerate(tokens):
        at = token.start - sentence.start - offset
        if at < pos:
            continue
        demonym = token.text in demonyms() or DESCRIBING_NAME.fullmatch(token.text) is not None
        # "The former France boss": a country says where the person is from, not who.
        nation = head is not None and token.tag == "NNP" and place_kind(token.text) == "country"
        country = country or nation
        # "The 600 component pictures": a count of things the article introduced before.
        count = (
            head is None
            and token.tag == "CD"
            and re.fullmatch(r"\d[\d,]*", token.text) is not None
            and k + 2 < len(tokens)
            and tokens[k + 1].tag in ("NN", "NNS")
            and tokens[k + 2].tag in ("NNS", *FINITE)
        )
        if at > pos + 1 or not (LOWER_WORD.fullmatch(token.text) or demonym or nation or count):
            break
        # "The finished image", "the proposed law": a participle before a noun describes it
        # (right after "The", one tagged as a past tense is one too).
        participle = (
            (token.tag in ("VBN", "VBG") or (head is None and token.tag == "VBD"))
            and k + 1 < len(tokens)
            and tokens[k + 1].tag in ("NN", "NNS")
            and LOWER_WORD.fullmatch(tokens[k + 1].text) is not None
        )
        if token.tag not in NP_TAGS and not (demonym or nation or participle):
            break
        earlier = (*head.before, (head.head, head.start, head.end)) if head else ()
        head = Description(token.text, offset + at, offset + at + len(token.text), earlier)
        pos = at + len(token.text)
    b = a if b is None else b
    if head is None or offset + pos > a:
        return None  # "The Xbox game ...", or the answer is the subject itself
    low = head.head.lower()
    if low in TIME_HEADS or low.rstrip("s") in TIME_HEADS:
        return None
    if country and low not in PERSON_DESCRIPTIONS:
        return None  # "The England team": a country's team or government is named by it
    if _says_its_content(tokens, sentence.start + offset + pos):
        return None  # "The decision to ban new factories ...": the clause says which decision
    # Up to the sentence's first verb, does the subject name anything?
    first, commas = True, 0
    for token in sentence.tokens:
        at = token.start - sentence.start
        if at < offset + pos:
            continue
        # A past form right after the subject or after an aside between commas is its verb
        # ("The band released ...", "The play, directed by X, won ...").
        if token.tag in FINITE or ((first or commas >= 2) and token.tag.startswith("VB")):
            return head
        first = False
        commas += token.text == ","
        if _technical_term(token):
            # "The concept of inertia ...": a term of the subject names it (blanked too: the
            # stem then asks which concept it is).
            return None
        if a <= at < b:
            continue  # the answer names nothing for the student: it is the blank
        if token.text[:1].isupper() and token.text not in CALENDAR | demonyms():
            return None  # a name; "The French international defender" still names nobody
    return head


def _says_its_content(tokens: list[Token] | tuple[Token, ...], end: int) -> bool:
    """Whether the description ending at ``end`` (a document offset) goes on with "to" and a
    verb's base form: "The decision to ban new factories", "The plan to sell the stake" name
    their content, so no earlier mention is needed to tell which one."""
    for k, token in enumerate(tokens[:-1]):
        if token.start < end:
            continue
        if token.text != "to" or not LOWER_WORD.fullmatch(tokens[k + 1].text):
            return False
        verb = tokens[k + 1].tag
        # The tagger reads a bare verb after "to" as a noun at times ("to ban further
        # factories"); an object after it says it is a verb ("to jobs" has none).
        has_object = k + 2 < len(tokens) and tokens[k + 2].tag in _OBJECT_OPENING
        return verb == "VB" or (verb in ("NN", "VBP") and has_object)
    return False


_OBJECT_OPENING = frozenset({"DT", "JJ", "JJR", "NN", "NNS", "PRP$", "CD"})


# A noun this rare in general English is a term of its subject ("inertia", "photosynthesis").
_TERM_ZIPF = 3.5


def _technical_term(token: Token) -> bool:
    """A common noun rare enough in English to name what it is about on its own."""
    from quizapp.nlp.salience import zipf

    return (
        token.tag in ("NN", "NNS")
        and token.text.isalpha()
        and token.text.islower()
        and zipf(token.text) <= _TERM_ZIPF
    )


def points_back(sentence: Sentence, a: int, b: int, quoted: list[tuple[int, int]]) -> bool:
    """'such a size', 'this problem' outside quoted words and outside the answer."""
    text = sentence.text
    nouns = {
        t.start - sentence.start for t in sentence.tokens if t.tag in ("NN", "NNS", "JJ", "VBN")
    }
    for m in _POINTING.finditer(text):
        if m.start() < b and a < m.end():
            continue
        if any(q0 <= m.start() < q1 for q0, q1 in quoted) or m.start(1) not in nouns:
            continue
        noun = m.group(1).lower()
        if noun in TIME_HEADS or noun.rstrip("s") in TIME_HEADS:
            continue
        return True
    return False


def late_pronoun(body: str) -> bool:
    """Whether the text opens on a phrase and then a pronoun: "Since then he ...", "In 2003 it"."""
    return _LATE_PRONOUN.match(body) is not None


# What may follow such a noun and name it: "the case of ...", "the deal with Sony", "the film
# Ray", "the film 'Ray'", a relative clause that says which one (not "called the new target
# 'hugely unambitious'": a quotation about it names nothing).
_SAYS_WHICH = re.compile(
    r"^(?:\s+(?:of|with|between|for|to|on|about|against|over|by|from|that|which|who|in)\b|"
    r"\s+(?:[A-Z0-9]|[\"“‘'][A-Z0-9]))"
)
# What may follow a blank that ends its phrase: "in _____ on Thursday", "in _____."
_PHRASE_ENDS = re.compile(
    r"(?:\s*[,.;:!?]|\s*$|\s+(?:on|in|at|after|before|following|during|with|and|but|as|by|for|"
    r"from|to|when|while|since|last|this|next)\b)"
)
# "gave Liverpool the lead", "took the lead", "were in the lead": the phrase says who is ahead
# (in a match, a race, a poll); no earlier "lead" is meant.
_GIVES_THE = re.compile(
    r"\b(?:give|gives|gave|given|giving|hand|hands|handed|take|takes|took|taken|taking|"
    r"regain|regains|regained|snatch|snatched|grab|grabbed|seize|seized|retake|retook|in)\s+"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}$"
)
# "fastest-selling", "best-known": a superlative the tagger takes for a plain adjective.
_SUPERLATIVE = re.compile(r"(?:best|worst|fastest|biggest|highest|largest|quickest|top)-[a-z]+")
# "According to _____, the film ...": the answer is a preposition's object, no apposition.
_GOVERNED = re.compile(r"\b(?:to|by|of|from|with|for|at|in|on|after|before)\s+$", re.I)
# "has been out of the game", "ready to return to the game": the sport or trade as a whole.
_IN_THE_GAME = re.compile(r"\b(?:out\s+of|return\s+to|back\s+(?:in|into|to)|quit|left|leave)\s+$")
# "34 years later", "two days earlier": a time counted from an event the stem does not give.
_RELATIVE_TIME = re.compile(
    r"\b(?:[\w-]+)\s+(?:years?|months?|weeks?|days?|decades?|hours?|minutes?|seconds?)\s+"
    r"(?:later|earlier)\b|"
    r"\b(?:[Tt]he\s+same|[Tt]hat)\s+(?:year|month|week|day|season|night|morning|afternoon)\b"
)


def unnamed_references(
    sentence: Sentence, a: int, b: int, quoted: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """Definite references the stem leaves unnamed ("the case", "the changes"), outside the
    answer and quoted words: (head noun, start, end) in the sentence. A noun named right after
    ("the case of ...", "the film Ray") or named before it ("the Kyoto agreement") is not one."""
    from quizapp.nlp.questions.anaphors import definite_phrases

    text = sentence.text
    tokens = sentence.tokens
    out = []
    for i, j in definite_phrases(tokens, counted=False):
        token = tokens[i]
        head_tags = ("NN", "NNS", "VB", "VBP") if j == i + 2 else ("NN", "NNS")
        if j == i + 1 or j - i > 4 or tokens[j - 1].tag not in head_tags:
            continue  # "the best foreign film prize": the head is "prize", not "film"
        head = tokens[j - 1]
        if head.text.lower() not in REFERRING_NOUNS or tokens[i + 1].text.lower() == "same":
            continue
        if any(
            t.tag in ("JJS", "RBS") or _SUPERLATIVE.fullmatch(t.text) for t in tokens[i + 1 : j - 1]
        ):
            continue  # "the fastest-selling video game", "the best director award": defined
        start, end = token.start - sentence.start, head.end - sentence.start
        if start < b and a < end:
            continue
        if any(q0 <= start < q1 for q0, q1 in quoted):
            continue
        says = _SAYS_WHICH.match(text[end:])
        if (
            says
            and re.fullmatch(r"\s+[a-z]+\s+(?:the\s+)?", text[end:a])
            and _PHRASE_ENDS.match(text[b:])
        ):
            says = None  # "announced the decision in _____": the blank says where, not which
        if says or text[end : end + 1] in ("'", "’", "-"):
            continue
        if head.text.lower() == "lead" and j == i + 2 and _GIVES_THE.search(text[:start]):
            continue  # "gave Liverpool the lead", "took the lead": a match's score, no reference
        if head.text.lower() == "game" and j == i + 2 and _IN_THE_GAME.search(text[:start]):
            continue  # "out of the game", "return to the game": the sport, no one match
        if b <= start and re.fullmatch(r"[\s,]*", text[b:start]) and not _GOVERNED.search(text[:a]):
            continue  # "_____, the film ...": the answer (a title or name) says which
        out.append((head.text, head.start - sentence.start, end))
    return out


def relative_time(sentence: Sentence, a: int, b: int) -> bool:
    """Whether the sentence counts time from an unnamed event ("34 years later"). A blanked
    count ("_____ minutes later") leaves the event unnamed all the same; only an answer that
    holds the "later" itself takes the reference away."""
    return any(not (a < m.end() <= b) for m in _RELATIVE_TIME.finditer(sentence.text))


# A product-like word qualifying a noun in the headline: "MP3 players", "DVD sales".
_PRODUCT_WORD = re.compile(r"(?=[\w-]*\d)[A-Za-z][\w-]*|[A-Z]{2,5}s?")
_MODIFIER_TAGS = frozenset(
    {"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "POS", "PRP$", "VBN", "VBG"}
)


def headline_compounds(
    doc: Document, sentence: Sentence, a: int, b: int, quoted: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Edits that give a bare noun the product word the headline gave it ("have players" ->
    "have MP3 players" under "Millions buy MP3 players in US"): the article shortens its topic,
    and read alone "players" says nothing. Only where the headline has one such word for the
    noun, and the noun stands bare (no word before it qualifies it)."""
    title = doc.title or ""
    found: dict[str, set[str]] = {}
    for m in re.finditer(r"(?<![\w-])([\w-]+)\s+([a-z]+)\b", title):
        word, noun = m.group(1), m.group(2)
        if _PRODUCT_WORD.fullmatch(word) and place_kind(word.rstrip("s")) is None:
            found.setdefault(noun.rstrip("s"), set()).add(word)
    if not found:
        return []
    tokens = sentence.tokens
    out = []
    for k, token in enumerate(tokens):
        words = found.get(token.text.rstrip("s"))
        if not words or len(words) != 1 or token.tag not in ("NN", "NNS"):
            continue
        if not LOWER_WORD.fullmatch(token.text):
            continue
        if k and tokens[k - 1].tag in _MODIFIER_TAGS:
            continue  # "digital players", "the MP3 players": qualified already
        if k + 1 < len(tokens) and tokens[k + 1].tag in ("NN", "NNS"):
            continue  # "player sales": a modifier itself
        start, end = token.start - sentence.start, token.end - sentence.start
        if (start < b and a < end) or any(q0 <= start < q1 for q0, q1 in quoted):
            continue
        word = next(iter(words))
        if word in sentence.text[max(0, start - len(word) - 4) : start]:
            continue  # "radio frequency ID (RFID) tags"
        out.append((start, start, f"{word} "))
    return out
