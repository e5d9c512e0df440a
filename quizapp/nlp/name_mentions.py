"""Another fact's name printed in a stem, said another way that prints it not: by the words
the sentence itself puts before it, or left out where it only qualifies a named thing.

- a descriptor before a name: "The owners of embattled Russian oil giant Yukos are to ..." ->
  "The owners of the embattled Russian oil giant are to ..." (the sentence's own words, and
  only where no other name in the article follows the same head noun);
- a possessor before a named thing: "Clint Eastwood's boxing drama Million Dollar Baby has
  become ..." -> "The boxing drama Million Dollar Baby has become ..." (never where the blank
  is the thing it qualifies: "Ireland's _____" needs its country to say which captain);
- an age or height before a noun: "Joss Stone, the 17-year-old soul singer from Devon" ->
  "Joss Stone, the soul singer from Devon".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizapp.nlp.model import BLANK

_WORD = re.compile(r"[\w'\u2019.&-]+|[^\w\s]")
# Tags a descriptor before a name may hold: adjectives, nouns, names inside it ("Pop Idol
# mogul"); never a participle ("Brown accused shadow chancellor X": a verb and its object).
_DESCRIPTOR_TAGS = frozenset({"JJ", "NN", "NNS", "NNP", "NNPS", "JJR", "JJS"})
_HEAD_TAGS = frozenset({"NN", "NNS"})
# Heads too wide to point at one thing ("the man", "the team") or that are measures.
_VAGUE_HEADS = frozenset(
    {"man", "woman", "people", "person", "team", "side", "player", "players", "one", "year"}
    | {"years", "time", "day", "week", "month", "number", "thing", "things"}
)
_DETERMINERS = frozenset({"the", "a", "an"})
_MIN_DESCRIPTOR_WORDS = 2


def described_name(prompt: str, name: str, sources: Iterable[str]) -> str | None:
    """The prompt with ``name`` and the descriptor before it said as "the <descriptor>", or
    None where no descriptor of two words or more, ending on a common noun, stands before it,
    or where the article puts the same head noun before another name."""
    at = _name_at(prompt, name)
    if at is None:
        return None
    found = _descriptor_before(prompt[:at], name, sources)
    if found is None:
        return None
    text_start, said = found
    rest = prompt[at + len(name) :]
    if re.match(r"['\u2019](?!s\b)", rest):
        rest = "'s" + rest[1:]  # "Yukos' shares" -> "the oil giant's shares"
    if text_start == 0:
        said = said[:1].upper() + said[1:]
    return prompt[:text_start] + said + rest


def article_descriptions(names: Iterable[str], sources: Iterable[str]) -> dict[str, str]:
    """For each name, "the <descriptor>" the article puts before it somewhere ("Russian oil
    giant Yukos" -> "the Russian oil giant"), where that descriptor points at it alone."""
    sources = list(sources)
    out: dict[str, str] = {}
    for name in names:
        for source in sources:
            at = _name_at(source, name)
            if at is None:
                continue
            found = _descriptor_before(source[:at], name, sources)
            if found is not None:
                said = found[1]
                out[name] = said if re.match(r"(?:the|a|an)\s", said) else f"the {said}"
                break
    return out


# What may stand before a bare mention a description can take the place of: a verb, a
# preposition, a conjunction, a comma, or the start of the stem.
_BARE_BEFORE = frozenset({"IN", "TO", "CC", "VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD", ","})
_BARE_AFTER = frozenset({"VBD", "VBZ", "VBP", "MD", "IN", "TO", "CC", "RB", ",", "."})


def named_by_description(prompt: str, name: str, description: str) -> str | None:
    """The prompt with a bare mention of ``name`` (a whole noun phrase on its own, outside a
    quotation) said by its description, or None."""
    if description.lower() in prompt.lower():
        return None
    for match in re.finditer(rf"(?<![\w'\u2019-]){re.escape(name)}(?![\w-])", prompt):
        start, end = match.span()
        if sum(prompt[:start].count(q) for q in ('"', "\u201c", "\u201d")) % 2:
            continue  # inside a quotation: its words are the speaker's
        before = _WORD.findall(prompt[:start].replace(BLANK, "Xyz"))
        after = _WORD.findall(prompt[end:].replace(BLANK, "Xyz"))[:1]
        from quizapp.nlp.tagging import tag_tokens

        if before:
            tags = tag_tokens([*before[-3:], "Name", *after])
            if tags[len(before[-3:]) - 1] not in _BARE_BEFORE:
                continue  # "state-owned Rosneft", "Spain's Moya": the name is modified
        else:
            tags = tag_tokens(["Name", *after])
        rest = prompt[end:]
        if rest.startswith(("'s", "\u2019s", "'", "\u2019")):
            if " of " in description:
                continue  # "the director of rugby's": reads badly
            rest = "'s" + re.sub(r"^['\u2019]s?", "", rest)
        elif after and tags[-1] not in _BARE_AFTER:
            continue  # "Yukos shareholders": the name modifies what follows
        said = description if before else description[:1].upper() + description[1:]
        return prompt[:start] + said + rest
    return None


def _descriptor_before(before: str, name: str, sources: Iterable[str]) -> tuple[int, str] | None:
    """Where a descriptor of the name ends ``before`` ("... embattled Russian oil giant "): its
    start in ``before`` and the words to say instead ("the embattled Russian oil giant"), the
    descriptor's own determiner kept; None where there is none that points at it alone."""
    words = _WORD.findall(before)
    if not words:
        return None
    from quizapp.nlp.tagging import tag_tokens

    tags = tag_tokens([w.replace(BLANK, "Xyz") for w in words])
    start = len(words)
    while start > 0 and tags[start - 1] in _DESCRIPTOR_TAGS and BLANK not in words[start - 1]:
        if words[start - 1].lower() in _DETERMINERS:
            break
        start -= 1
    descriptor = words[start:]
    if len(descriptor) < _MIN_DESCRIPTOR_WORDS or tags[-1] not in _HEAD_TAGS:
        return None
    head = descriptor[-1]
    if not head.islower() or head in _VAGUE_HEADS or not head.isalpha():
        return None
    if any(w.endswith(("'s", "\u2019s", "'", "\u2019")) for w in descriptor):
        return None  # "Yukos' owner Menatep": the possessor is part of whose it is
    if start and (
        tags[start - 1] in ("CD", "POS", "PRP$")
        or BLANK in words[start - 1]
        or words[start - 1].endswith(("'s", "\u2019s", "'", "\u2019"))
    ):
        return None  # "_____'s boxing drama X": whose it is stands before it
    if descriptor[0].lower() in ("former", "ex", "late"):
        return None  # a former manager is one of many
    if not any(
        w[:1].isupper() and (start + k > 0 or tags[0] in ("NNP", "NNPS"))
        for k, w in enumerate(descriptor)
    ):
        return None  # "the troubled oil giant" is any oil firm; "the Russian oil giant" is one
    if _head_before_another_name(head, name, sources):
        return None
    text_start = _offset_of_word(before, len(words) - len(descriptor))
    if text_start is None:
        return None
    said = before[text_start:].rstrip()
    # Where the descriptor opens its sentence its first word is capitalised as the sentence's.
    if start == 0 and said[:1].isupper() and tags[0] not in ("NNP", "NNPS"):
        said = said[:1].lower() + said[1:]
    own_determiner = start > 0 and words[start - 1].lower() in _DETERMINERS
    if start > 0 and not own_determiner and tags[start - 1] not in _BARE_BEFORE:
        return None  # "US telecoms firm X": a word that is not the descriptor's own
    if own_determiner:
        text_start = _offset_of_word(before, start - 1) or text_start
        said = words[start - 1].lower() + " " + said
    else:
        said = "the " + said
    return text_start, said


def without_possessor(prompt: str, possessor: str, people: frozenset[str]) -> str | None:
    """The prompt without "<possessor>'s" where what follows is a named thing that still says
    what is meant ("Clint Eastwood's boxing drama Million Dollar Baby" -> "the boxing drama
    Million Dollar Baby"; "Ireland's Brian O'Driscoll" -> "Brian O'Driscoll"), or None."""
    match = re.search(
        rf"(?<![\w'\u2019-]){re.escape(possessor)}['\u2019]s?\s+"
        r"(?P<rest>[^,;:.()\"\u201c\u201d]+)",
        prompt,
    )
    if match is None:
        return None
    words = match.group("rest").split()
    from quizapp.nlp.tagging import tag_tokens

    tags = tag_tokens([w.replace(BLANK, "Xyz") for w in words])
    # Adjectives and nouns (at most three) before the name: "boxing drama Million Dollar
    # Baby", never a noun and its phrase ("battle with Humberside chief X").
    lead = 0
    while (
        lead < min(3, len(words))
        and words[lead].isalpha()
        and words[lead].islower()
        and tags[lead] in ("JJ", "NN", "NNS")
    ):
        lead += 1
    end = lead
    while end < len(words) and words[end][:1].isupper() and words[end].lower() not in ("i",):
        end += 1
    # The whole noun phrase the possessor qualifies: "Holyrood's Chamber Office chief _____".
    phrase = 0
    while phrase < len(words) and (
        BLANK in words[phrase] or words[phrase][:1].isupper() or tags[phrase] in ("JJ", "NN", "NNS")
    ):
        phrase += 1
    if end == lead or BLANK in " ".join(words[: max(end, phrase) + 1]):
        return None  # no name follows, or "Ireland's _____": the possessor says which one
    if lead:
        article = "the "
    elif " ".join(words[:end]) in people:
        article = ""  # "Ireland's Brian O'Driscoll"
    elif end - lead >= 2 or (end < len(words) and words[end].isalpha() and words[end].islower()):
        article = "the "  # "Seville's Olympic Stadium", "Spain's Davis Cup victory"
    else:
        return None  # "Spain's Aguas de Barcelona": a one-word name reads badly with "the"
    if end < len(words) and words[end].lower() in ("de", "of", "and", "du", "del"):
        return None  # the name goes on
    said = article + prompt[match.start("rest") :]
    if match.start() == 0:
        said = said[:1].upper() + said[1:]
    return prompt[: match.start()] + said


_AGE = re.compile(
    r"\b(?P<article>the|a|an)?\s*(?P<age>\d{1,3}-year-old|\d[\d,.]*\s?(?:m|km|ft|metres?|feet)"
    r"[- ](?:tall|high|long|deep|wide))\s+(?=(?P<next>[\w'\u2019-]+))"
)


def without_measure(prompt: str, mention: str, people: frozenset[str]) -> str | None:
    """The prompt without an age or height said before a noun that holds ``mention`` ("the
    17-year-old soul singer" -> "the soul singer", "19-year-old Nadal" -> "Nadal"), or None."""
    from quizapp.nlp.tagging import tag_tokens

    for match in _AGE.finditer(prompt):
        if mention not in match.group("age") or BLANK in match.group():
            continue
        following = match.group("next")
        if BLANK in following:
            continue
        tag = tag_tokens([following])[0]
        if not (following[:1].isupper() or tag in ("NN", "NNS", "JJ")):
            continue  # "the 25-year-old said": the age is the noun
        if following.islower() and not re.search(r"\s", prompt[match.end() :].split(",")[0]):
            continue
        article = match.group("article")
        if article in ("a", "an"):
            article = "an" if following[:1].lower() in "aeiou" else "a"
        named = any(prompt[match.end() :].startswith(person) for person in people)
        keep = (article + " ") if article and not named else ""
        start = match.start() if article else match.start("age")
        if start == 0:
            out = keep + prompt[match.end() :]
            return out[:1].upper() + out[1:]
        return prompt[:start] + keep + prompt[match.end() :]
    return None


def _name_at(prompt: str, name: str) -> int | None:
    match = re.search(rf"(?<![\w'\u2019-]){re.escape(name)}(?![\w-])", prompt)
    return None if match is None else match.start()


def _offset_of_word(text: str, index: int) -> int | None:
    """Where the ``index``-th word of text (as _WORD splits it) starts."""
    for n, match in enumerate(_WORD.finditer(text)):
        if n == index:
            return match.start()
    return None


def _head_before_another_name(head: str, name: str, sources: Iterable[str]) -> bool:
    """Whether some sentence puts the head noun before a name other than ``name``."""
    pattern = re.compile(rf"\b{re.escape(head)}\s+(?P<next>[A-Z][\w'\u2019-]*)")
    first = name.split()[0]
    for source in sources:
        for match in pattern.finditer(source):
            if match.group("next") != first:
                return True
    return False
