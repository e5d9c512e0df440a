"""Separable parts of a stem left out where they print another item's answer.

"_____ emerged from bankruptcy protection in 2004, and is now known as MCI." reads well as
"_____ emerged from bankruptcy protection in 2004.", and a quiz may then ask MCI as well. A
part goes only where the sentence is whole without it, read from its part-of-speech tags:

- a closing clause after a comma ("..., and is now known as MCI", "..., as coach Andy Robinson
  makes one change"), where the clause kept has its own verb;
- an opening subordinate or coordinated clause ("Rooney received a hostile reception, but
  goals from ... silenced the jeers"), where what is kept opens on its own subject and leaves
  no pronoun pointing back into what was cut;
- an aside between a subject and its verb ("Bent, played onside by Gabriel Heintze,
  hesitated"; "rebuilding the theatre, at a cost of £8m is the only answer").

Never inside a quotation, never the aside next to the blank (it says who or what the blank
is), never a condition ("If ..., ") whose loss would change what the rest claims.
"""

from __future__ import annotations

import re

from quizapp.nlp.clause_splits import split_spans
from quizapp.nlp.cut_stem_checks import _reads_whole, tidy_cut
from quizapp.nlp.model import BLANK
from quizapp.nlp.stem_words import _QUOTES, _Word, _words

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NOUNISH = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP"})
# Words that open a closing clause a sentence reads well without.
_CLOSING_CLAUSE = frozenset(
    {"and", "but", "yet", "while", "whilst", "whereas", "although", "though", "as"}
    | {"after", "before", "because", "since", "until"}
)
# Openings of a leading clause that only sets the scene; "If", "Unless", "Once" and "Until"
# are conditions the rest depends on, and stay.
_OPENING_CLAUSE = frozenset(
    {"after", "before", "when", "while", "whilst", "although", "though", "as", "since"}
    | {"because", "despite", "following", "having", "amid", "with"}
)
# Not "while": its second clause leans on the first for what it is about ("..., while stars
# X and Y are both nominated": nominated for which film?).
_COORDINATORS = frozenset({"but", "and", "yet"})
# Connectors that join a whole clause even without a comma, when a subject follows them.
_BARE_CONNECTORS = frozenset(
    {"but", "while", "whereas", "before", "after", "until", "because", "although", "though"}
    | {"as", "when"}
)
# Of those, the ones that join clauses only; "before", "after" ... may open a phrase instead
# ("after 23 minutes"), so a subject and its verb must follow them.
_COORDINATING = frozenset({"but", "while", "whereas"})
_SUBJECT_START = frozenset({"DT", "NNP", "NNPS", "NN", "NNS", "PRP$", "CD"})
# A head with one of these goes on into the tail ("both ... and", "not only ... but").
_PAIRED = re.compile(r"\b(?:both|either|neither|not only|between)\b", re.IGNORECASE)
# "First Cueto was judged offside ..., and then ...": the opening word promises the tail.
_SEQUENCE = re.compile(r"(?:First|Firstly|Initially|At first)\b")
_DATED = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:19|20)\d\d)\b"
)
# Words pointing back at what a cut opening said ("he", "its", "also", "the same").
_POINTS_BACK = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "hers", "theirs"}
    | {"also", "too", "again", "instead", "then", "same", "this", "these", "those", "there"}
)
# Prepositions that open an aside ("at a cost of £8m"); "as", "because" ... open a clause.
_ASIDE_PREPOSITIONS = frozenset(
    {"at", "in", "on", "for", "by", "from", "under", "over", "during", "within", "despite"}
    | {"amid", "including", "with"}
)
_WH_QUESTION = re.compile(r"^(?:Who|What|Which|Where|When|How)\b[^?]*\?$")
_MAX_ASIDE = 16


def clause_cut(
    prompt: str, answer: str, mention: str, names: frozenset[str], keep_dates: bool = False
) -> str | None:
    """The prompt with one separable clause or aside holding ``mention`` left out, or None
    where no part holding it can go. ``names`` are the article's names (a stem must still
    name something besides its blank); with ``keep_dates`` (a stem on a figure) no part
    that dates it goes ("The _____% fall ..., coming after December's 4% rise")."""
    if mention not in prompt:
        return None
    if prompt.count(BLANK) == 1 and answer.strip():
        at = prompt.index(BLANK)
        filled = prompt[:at] + answer + prompt[at + len(BLANK) :]
        blank = (at, at + len(answer))
    elif BLANK not in prompt and _WH_QUESTION.match(prompt):
        # "Which firm emerged from bankruptcy in 2004, and is now known as MCI?": the WH
        # phrase stands where the blank would, so nothing before it is cut.
        at = -1
        filled = prompt
        blank = (0, len(prompt.split(" ", 1)[0]))
    else:
        return None
    words = _words(filled)
    if not words:
        return None
    pattern = re.compile(rf"(?<!\w){re.escape(mention)}(?!\w)")
    # A split takes the first half's dates with its figure ("rose 15.1% over the whole of
    # 2004, but by only _____ in the second half"): what dates the blank stays.
    splits = {(start, end) for start, end, _opening in split_spans(words, blank, _end(words))}
    for start, end, opening in _cuts(words, blank):
        cut = filled[start:end]
        if not pattern.search(cut) or any(q in cut for q in _QUOTES):
            continue
        if keep_dates and _DATED.search(cut) and (start, end) not in splits:
            continue
        if start < blank[1] and end > blank[0]:
            continue
        kept = filled[:start] + filled[end:]
        if opening:
            kept = kept.lstrip()
            kept = kept[:1].upper() + kept[1:]
        text = kept
        if at >= 0:
            at_kept = at if start >= blank[1] else at - (len(filled) - len(kept))
            text = kept[:at_kept] + BLANK + kept[at_kept + len(answer) :]
        text = tidy_cut(text)
        if _reads_whole(text, prompt, names, strict=opening and (start, end) not in splits):
            return text
    return None


def _cuts(words: list[_Word], blank: tuple[int, int]) -> list[tuple[int, int, bool]]:
    """Character spans (start, end, opens the stem) of the parts the stem reads well without,
    smallest first."""
    end = _end(words)
    commas = [i for i in range(end) if words[i].text in (",", ";") and not words[i].quoted]
    in_blank = [blank[0] <= w.start < blank[1] for w in words]
    spans: list[tuple[int, int, bool]] = []
    spans += _asides(words, commas, in_blank, end)
    spans += _closing(words, commas, in_blank, end)
    spans += _opening(words, commas, in_blank, end)
    spans += split_spans(words, blank, end)
    return sorted(spans, key=lambda s: (s[1] - s[0], s[0]))


def _end(words: list[_Word]) -> int:
    """The index after the stem's last word, closing stops left out."""
    end = len(words)
    while end and words[end - 1].text in (".", "!", "?"):
        end -= 1
    return end


def _asides(
    words: list[_Word], commas: list[int], in_blank: list[bool], end: int
) -> list[tuple[int, int, bool]]:
    """An aside between a subject and its verb: ", played onside by X," or ", 63,"; also an
    opening-comma phrase ", at a cost of £8m" running straight into the verb."""
    out = []
    for n, i in enumerate(commas):
        if i == 0 or in_blank[i - 1] or words[i - 1].tag not in _NOUNISH or words[i].text != ",":
            continue
        if _indefinite(words, i):
            continue  # "A tie-up, seen as Rover's last chance, ...": the aside says which one
        closing = commas[n + 1] if n + 1 < len(commas) else None
        if closing is not None and words[closing].text == ",":
            inner = words[i + 1 : closing]
            if _an_aside(inner) and _verb_follows(words, closing + 1, end):
                if not any(in_blank[i + 1 : closing]):
                    out.append((words[i].start, words[closing].end, False))
                continue
        # ", at a cost of £8m is the only answer": the closing comma left out.
        stop = closing if closing is not None else end
        verb = next((k for k in range(i + 1, stop) if words[k].tag in _FINITE), None)
        if verb is None or words[i + 1].text.lower() not in _ASIDE_PREPOSITIONS:
            continue
        if _clause_has_verb(words, i):
            continue  # "will start on the bench, as coach X makes ...": the verb is the head's
        inner = words[i + 1 : verb]
        phrase = all(w.tag in _PHRASE_TAGS for w in inner)
        if _an_aside(inner) and phrase and not any(in_blank[i + 1 : verb]):
            out.append((words[i].start, words[verb - 1].end, False))
    return out


# Tags of a prepositional phrase with a noun phrase: "at a cost of £8m", "in the end".
_PHRASE_TAGS = frozenset(
    {"IN", "DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$", "$"}
)


def _indefinite(words: list[_Word], i: int) -> bool:
    """Whether the noun phrase ending before word i opens on "a", "an" or "some"."""
    k = i - 1
    while k > 0 and words[k].tag in _NOUN_PHRASE:
        k -= 1
    return words[k].text.lower() in ("a", "an", "some", "another")


_NOUN_PHRASE = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "CD", "POS", "VBN", "VBG"})


def _an_aside(inner: list[_Word]) -> bool:
    if not 1 <= len(inner) <= _MAX_ASIDE or any(w.quoted or w.tag in _FINITE for w in inner):
        return False
    first = inner[0].text.lower()
    if first in ("and", "or", "but", "nor", "who", "which", "that", "whose", "where"):
        return False
    if any(w.text in ("(", ")", "-", "\u2013", "\u2014") for w in inner):
        return False
    # "Leeds, Chelsea and Arsenal, ...": names only make a list, not an aside (an age may stand).
    return not all(w.tag in ("NNP", "NNPS", "CC") for w in inner)


def _clause_has_verb(words: list[_Word], i: int) -> bool:
    """Whether the clause that word i ends in (from the last "that" or the start) already has
    its finite verb."""
    k = i - 1
    while k >= 0 and words[k].text.lower() != "that":
        if words[k].tag in _FINITE and not words[k].quoted:
            return True
        k -= 1
    return False


def _verb_follows(words: list[_Word], k: int, end: int) -> bool:
    """Whether a finite verb (after at most one adverb) stands at word k."""
    if k < end and words[k].tag in ("RB", "RBR"):
        k += 1
    return k < end and words[k].tag in _FINITE and not words[k].quoted


def _closing(
    words: list[_Word], commas: list[int], in_blank: list[bool], end: int
) -> list[tuple[int, int, bool]]:
    """A closing clause after a comma: ", and is now known as X", ", as coach X makes ...",
    ", with annual inflation running at ...", ", making it the first ..."; or after a "but"
    or "while" with no comma, where a new subject follows ("... 50 years ago but the doors
    opened ...")."""
    bare = [
        k
        for k in range(1, end - 1)
        if words[k].text.lower() in _BARE_CONNECTORS
        and not words[k].quoted
        and words[k - 1].text not in (",", ";")
        and words[k + 1].tag in _SUBJECT_START
        and (words[k].text.lower() in _COORDINATING or _clause_follows(words, k + 1, end))
    ]
    for i in sorted([*commas, *bare]):
        comma = words[i].text == ","
        if not (comma or i in bare) or i + 1 >= end or any(in_blank[i:end]):
            continue
        head, tail = words[:i], words[i + 1 : end] if comma else words[i:end]
        if not any(w.tag in _FINITE and not w.quoted for w in head):
            continue
        if any(w.quoted for w in tail) or not any(in_blank[:i]):
            continue
        first = tail[0].text.lower()
        head_text = " ".join(w.text for w in head)
        if first in _CLOSING_CLAUSE:
            if first in ("and", "but", "yet") and (
                _PAIRED.search(head_text) or _SEQUENCE.match(head_text)
            ):
                continue
            if not any(w.tag in _FINITE for w in tail[1:]) and not _gapped_tail(tail, comma):
                continue  # ", as a result of ...": the verb is the head's
        elif first == "with":
            if any(w.tag in _FINITE for w in tail) or _gerund_list(head, tail):
                continue
        elif tail[0].tag == "VBG":
            if _gerund_list(head, tail):
                continue
        else:
            continue
        start = words[i].start if comma else words[i - 1].end
        out = [(start, words[end - 1].end, False)]
        return out  # the first such place: everything after it goes
    return []


def _gapped_tail(tail: list[_Word], comma: bool) -> bool:
    """Whether a verbless tail is a second half sharing the head's verb (", but by only 2.8%
    in the second half"): the head's claim stands without it."""
    return (
        comma
        and len(tail) > 2
        and tail[0].text.lower() == "but"
        and tail[1].tag in ("IN", "RB", "CD", "$")
        and tail[1].text.lower() not in ("not", "never", "also", "then")
    )


def _clause_follows(words: list[_Word], k: int, end: int) -> bool:
    """Whether a subject and its finite verb start at word k ("before Ronaldo scored")."""
    for n in range(k, min(end, k + 7)):
        if words[n].tag in _FINITE:
            return n > k
        if words[n].tag not in _NOUN_PHRASE and words[n].tag not in ("DT", "PRP$"):
            return False
    return False


def _gerund_list(head: list[_Word], tail: list[_Word]) -> bool:
    """Whether ", improving X and modernising Y" goes on a list of "-ing" phrases the head
    began ("spent reducing waiting times, improving ...") rather than adding a clause."""
    if tail[0].tag != "VBG":
        return False
    last_verb = max((k for k, w in enumerate(head) if w.tag in _FINITE), default=-1)
    if any(w.tag == "VBG" for w in head[last_verb + 1 :]):
        return True
    return any(
        a.text.lower() in ("and", "or") and b.tag == "VBG"
        for a, b in zip(tail, tail[1:], strict=False)
    )


def _opening(
    words: list[_Word], commas: list[int], in_blank: list[bool], end: int
) -> list[tuple[int, int, bool]]:
    """An opening clause up to its comma: "After X did Y, ...", "X did Y, but ..."."""
    out = []
    for i in commas:
        if words[i].text != "," or any(in_blank[: i + 1]):
            break
        rest = i + 1
        first = words[0].text.lower()
        conj = rest < end and words[rest].text.lower() in _COORDINATORS
        if conj:
            if not any(w.tag in _FINITE and not w.quoted for w in words[:i]):
                continue
            rest += 1
        elif first == "according":
            break  # "According to X, ...": who reports it stays (see attribution)
        elif not (first in _OPENING_CLAUSE or words[0].tag in ("VBG", "VBN")):
            if any(w.tag in _FINITE and not w.quoted for w in words[:i]):
                continue  # "X did Y for Z, who ..., while W ...": a later comma may join clauses
            break
        if any(w.quoted for w in words[:i]) or rest >= end:
            break
        kept = words[rest:end]
        clause = kept[: next((k for k, w in enumerate(kept) if w.text == ","), len(kept))]
        if not any(w.tag in _FINITE for w in clause):
            continue  # "After leaving Leeds, Chelsea and ..., he": the comma is a list's
        if kept[0].tag in ("PRP", "PRP$", "RB", "CC", "IN", "TO", "WDT", "WP") or any(
            w.text.lower() in _POINTS_BACK and not w.quoted for w in kept
        ):
            break
        out.append((words[0].start, words[rest].start, True))
        break
    return out
