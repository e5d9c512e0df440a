"""The clause that holds a fact, without the modifiers that carry the sentence's other facts.

"WorldCom emerged from bankruptcy protection in 2004, and is now known as MCI." holds two
clauses; asking MCI from the second ("What is WorldCom now known as?") leaves 2004 unprinted,
so another item may ask it. A clause is cut down by general rules on the tagged words only:
a parenthesis, an opening adverbial ("In July 2004, ..."), an apposition after the subject
(", a lecturer at Imperial College,"), the other half of a coordination, and a tail that
starts at a comma or a preposition after a noun ("... the Yugansk unit [for $9.3bn in a sale
...]"). A cut that would leave the question with two answers is refused (see ``ambiguous``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from quizapp.nlp.model import Fact, FactType, Sentence, Token
from quizapp.nlp.words import lemma


def _words(text: str) -> list[str]:
    return text.split()


_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
_NOUNISH = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "PRP"})
_NP_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$"})
_CLAUSE_JOINS = frozenset({"and", "but"})
# Prepositions that open a modifier a clause can do without. "of", "than", "as" and the
# subordinators tie what follows to the word before them.
_TAIL_PREPS = frozenset(
    _words(
        "in on at for from to by with during after before since until over under against "
        "between among into across through amid despite following"
    )
)
_LEAD_TAGS = frozenset({"IN", "RB", "VBG"})
_LEAD_WORDS = frozenset({"Last", "Earlier", "Later", "Next"})
_END_TAGS = frozenset({".", ":"})
_QUOTE_MARKS = frozenset({'"', "``", "''", "“", "”", "‘", "’"})
# Verbs whose object is a whole clause: "X said A and B fell" is one report, not two clauses.
_REPORT_VERBS = frozenset(
    _words(
        "say tell add warn argue believe think claim insist hope want expect fear admit "
        "deny announce agree decide promise suggest show reveal report know predict "
        "estimate forecast note explain confirm mean"
    )
)
_SUBORDINATORS = frozenset(
    {"that", "which", "who", "whom", "whose", "because", "while", "although", "if", "when"}
)
_CONTENT_TAGS = ("NN", "VB", "JJ")
_VALUES = frozenset({FactType.QUANTITY, FactType.DATE, FactType.ORDINAL})
_LIGHT_VERBS = frozenset({"be", "have", "do", "will", "would", "can", "could", "may", "might"})


@dataclass(frozen=True, slots=True)
class Clause:
    """Words of a sentence kept for a question, as a sentence of their own, with the fact
    re-placed in it and the token positions of the original that were left out."""

    sentence: Sentence
    fact: Fact
    dropped: tuple[int, ...]
    # The positions of the other conjunct, a clause (or verb phrase) of its own.
    apart: frozenset[int] = frozenset()
    # Who said it, when the clause is what someone said ("Halifax said prices rose 15.1%"):
    # the question ends "according to Halifax".
    speaker: str = ""


def fact_tokens(sentence: Sentence, fact: Fact) -> tuple[int, int] | None:
    """The token range [a, b) of the fact in its sentence, or None where it splits a token."""
    tokens = sentence.tokens
    a = next((i for i, t in enumerate(tokens) if t.start == fact.start), None)
    b = next((i + 1 for i, t in enumerate(tokens) if t.end == fact.end), None)
    if a is None or b is None or b <= a:
        return None
    return a, b


def short_clauses(sentence: Sentence, fact: Fact) -> list[Clause]:
    """Shorter sentences holding the fact, each a whole clause, longest first."""
    span = fact_tokens(sentence, fact)
    if span is None:
        return []
    a, b = span
    sentence = replace(sentence, tokens=_past_tense_fixed(sentence.tokens))
    tokens = sentence.tokens
    if _in_list(tokens, a, b):
        return []  # "Kunzru, Smith and Sayle": one of several answers, asked alone
    end = len(tokens)
    while end > b and (tokens[end - 1].tag in _END_TAGS or tokens[end - 1].text in _QUOTE_MARKS):
        end -= 1
    base = _without_brackets(tokens, list(range(end)), a)
    if base is None:
        return []
    speaker = ""
    trailing = _said_after(tokens, base, a)
    if trailing is not None:
        base, speaker = trailing
    clause = _inner_clause(tokens, base, a) or _own_clause(tokens, base, a)
    if clause is None:
        return []
    apart = frozenset(base) - frozenset(clause)
    reported = None if speaker else _reported(tokens, clause, a)
    if reported is not None:
        clause, speaker = reported
    shapes: list[list[int]] = []
    for lead in (False, True) if not speaker else (False,):
        kept = _without_lead(tokens, clause, a) if lead else clause
        if kept is None:
            continue
        kept = _without_apposition(tokens, kept, a, b)
        shapes.append(kept)
        for cut in _tail_cuts(tokens, kept, b):
            shapes.append(kept[:cut])
    out: list[Clause] = []
    seen: set[tuple[int, ...]] = set()
    for kept in sorted(shapes, key=lambda k: (-len(k), k)):
        key = tuple(kept)
        if key in seen or len(kept) == end:
            continue
        seen.add(key)
        out.append(_as_sentence(sentence, fact, kept, a, b, apart, speaker))
    return out


def _past_tense_fixed(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The tags with a past tense the tagger read as a participle ("UK house prices increased/VBN
    by 1.1%") made finite: the first verb after a noun, in a stretch up to a comma with no
    finite verb of its own."""
    out = list(tokens)
    stretch_start = 0
    for i, t in enumerate((*tokens, Token(",", 0, 0, ","))):
        if t.text not in (",", ";", ":"):
            continue
        stretch = range(stretch_start, i)
        stretch_start = i + 1
        if any(tokens[k].tag in _FINITE for k in stretch):
            continue
        verb = next((k for k in stretch if tokens[k].tag[:2] == "VB"), None)
        if verb is None or verb == stretch.start or tokens[verb].tag != "VBN":
            continue
        if tokens[verb - 1].tag in ("NN", "NNS", "NNP", "NNPS"):
            out[verb] = replace(tokens[verb], tag="VBD")
    return tuple(out)


def _in_list(tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether the answer is one item of a list ("A, B and C", "A and B")."""
    before = tokens[a - 1].text.lower() if a > 0 else ""
    after = tokens[b].text.lower() if b < len(tokens) else ""
    if before in ("and", "or", "&"):
        return True
    if after in ("and", "or", "&"):
        return not _clause_follows(tokens, b + 1)
    if before == "," and a > 1 and tokens[a - 2].tag in ("NNP", "NNPS", "NNS", "CD"):
        return _list_goes_on(tokens, b) or after == ","
    if after == ",":
        return _list_goes_on(tokens, b + 1)
    return False


def _clause_follows(tokens: Sequence[Token], i: int) -> bool:
    """Whether a new clause starts at i: a short noun phrase and its finite verb ("and
    Staunton's award was announced"), not another item of a list."""
    n = i
    while n < len(tokens) and tokens[n].tag in _NP_TAGS and n - i < 7:
        n += 1
    return n > i and n < len(tokens) and tokens[n].tag in _FINITE


def _list_goes_on(tokens: Sequence[Token], i: int) -> bool:
    """Whether short noun phrases separated by commas run from i to an "and" or "or"."""
    run = 0
    for n, t in enumerate(tokens[i:], start=i):
        word = t.text.lower()
        if word in ("and", "or"):
            following = tokens[n + 1] if n + 1 < len(tokens) else None
            return run > 0 and following is not None and following.tag in _NP_TAGS
        if t.text == ",":
            run = 0
            continue
        if t.tag not in _NP_TAGS or run >= 4:
            return False
        run += 1
    return False


def _without_brackets(tokens: Sequence[Token], kept: list[int], a: int) -> list[int] | None:
    """The words outside any parenthesis ("$1.5bn (£800m)"), or None when the answer is in one."""
    out: list[int] = []
    depth_start: int | None = None
    for i in kept:
        text = tokens[i].text
        if text in ("(", "[", "-LRB-"):
            depth_start = i
            continue
        if text in (")", "]", "-RRB-"):
            if depth_start is not None and depth_start <= a <= i:
                return None
            depth_start = None
            continue
        if depth_start is None:
            out.append(i)
    if depth_start is not None:
        return None
    return out


def _finite_positions(tokens: Sequence[Token], kept: list[int]) -> list[int]:
    return [k for k, i in enumerate(kept) if tokens[i].tag in _FINITE]


def _own_clause(tokens: Sequence[Token], kept: list[int], a: int) -> list[int] | None:
    """The conjunct of "S V1 X, and V2 Y" or "S1 V1 X and S2 V2 Y" that holds the answer; a
    verb phrase of its own gets the shared subject back."""
    finite = _finite_positions(tokens, kept)
    if not finite:
        return None
    first = finite[0]
    joins: list[tuple[int, bool]] = []  # (position of the "and", whether it has its own subject)
    for k in range(first + 1, len(kept)):
        t = tokens[kept[k]]
        if t.text.lower() not in _CLAUSE_JOINS:
            continue
        between = [tokens[i] for i in kept[first + 1 : k]]
        if any(x.tag in _FINITE or x.text.lower() in _SUBORDINATORS for x in between):
            break  # a second verb or a subordinate clause before it: no simple coordination
        if lemma(tokens[kept[first]].text.lower(), "VB") in _REPORT_VERBS:
            break
        j = k + 1
        while j < len(kept) and tokens[kept[j]].tag == "RB":
            j += 1
        if j < len(kept) and tokens[kept[j]].tag in _FINITE:
            joins.append((k, False))
            break
        n = j
        while n < len(kept) and tokens[kept[n]].tag in _NP_TAGS and n - j < 7:
            n += 1
        if n > j and n < len(kept) and tokens[kept[n]].tag in _FINITE:
            subject = [tokens[i] for i in kept[j:n]]
            # "England and Wales unveiled": a bare name after "and" is more likely a list than
            # a new subject; a comma, an article or a possessive marks the new clause.
            marked = tokens[kept[k - 1]].text == "," or any(
                t.tag == "POS" or t.text.lower() == "the" for t in subject
            )
            pointing = subject[0].text.lower() in ("this", "that", "these", "those")
            if marked and subject[0].tag not in ("PRP", "PRP$") and not pointing:
                joins.append((k, True))
            break
    if not joins:
        return kept
    k, own_subject = joins[0]
    where = kept.index(a) if a in kept else -1
    if where < 0:
        return None
    if where < k:
        cut = k - 1 if tokens[kept[k - 1]].text == "," else k
        return kept[:cut]
    rest = kept[k + 1 :]
    if own_subject:
        return rest
    subject_start = _subject_start(tokens, kept, first)
    if subject_start is None:
        return None
    return kept[subject_start:first] + rest


def _reported(tokens: Sequence[Token], kept: list[int], a: int) -> tuple[list[int], str] | None:
    """For "Halifax said (that) prices rose 15.1%" with the answer in what was said: the words
    said, and who said them ("Halifax") when a named speaker or a plural group says it."""
    finite = _finite_positions(tokens, kept)
    if not finite:
        return None
    verb = finite[0]
    if lemma(tokens[kept[verb]].text.lower(), "VB") not in _SAYING or a <= kept[verb]:
        return None
    start = verb + 1
    if start < len(kept) and tokens[kept[start]].text.lower() == "that":
        start += 1
    inner = _finite_positions(tokens, kept[start:])
    if not inner or a < kept[start]:
        return None
    subject = [tokens[i] for i in kept[start : start + inner[0]]]
    if not subject or len(subject) > 6 or any(t.tag not in _NP_TAGS for t in subject):
        return None
    begin = _subject_start(tokens, kept, verb)
    if begin is None:
        return None
    words = _speaker([tokens[i] for i in kept[begin:verb]])
    if words is None:
        return None
    return kept[start:], words


def _said_after(tokens: Sequence[Token], kept: list[int], a: int) -> tuple[list[int], str] | None:
    """For "Prices rose 1.1% in December, the Halifax has said." with the answer before the
    comma: the words said, and who said them."""
    comma = max((k for k, i in enumerate(kept) if tokens[i].text == ","), default=-1)
    if comma < 3 or a >= kept[comma]:
        return None
    tail = [tokens[i] for i in kept[comma + 1 :]]
    if len(tail) < 2:
        return None
    verbs = [k for k, t in enumerate(tail) if t.tag[:2] == "VB"]
    if not verbs or lemma(tail[verbs[-1]].text.lower(), "VB") not in _SAYING:
        return None
    last = verbs[-1]
    if last == len(tail) - 1:  # ", the Halifax (has) said"
        who = tail[: verbs[0]]
        if [t.tag for t in tail[verbs[0] : last]] not in ([], ["VBZ"], ["VBP"]):
            return None
    elif last == 0:  # ", said Mr Ellis"
        who = tail[1:]
    else:
        return None
    words = _speaker(who)
    if words is None or not _finite_positions(tokens, kept[:comma]):
        return None
    return kept[:comma], words


def _speaker(who: Sequence[Token]) -> str | None:
    """A named speaker or a plural group ("Halifax", "the UK's biggest lender", "analysts")."""
    if not who or len(who) > 8 or any(t.tag not in _NP_TAGS for t in who):
        return None
    if not any(t.tag in ("NNP", "NNPS") for t in who) and who[-1].tag != "NNS":
        return None  # "the official said": nobody a student could tell apart
    words = " ".join(t.text for t in who).replace(" 's", "'s").replace(" '", "'")
    if who[0].tag in ("DT", "NNS", "JJ") and not who[0].text.isupper():
        words = words[:1].lower() + words[1:]
    return words


# Verbs that report what someone said or found; their clause is asked "according to" them.
_SAYING = frozenset(
    _words(
        "say believe claim insist argue warn show suggest reveal report predict estimate "
        "forecast announce confirm add note find"
    )
)


# Words opening a clause that states a fact of its own ("before Nadal faces Fish", "because
# the firm had lost money"); "if", "unless" and "as" (a comparison or a time) do not.
_INNER_OPENERS = frozenset(
    {"before", "after", "while", "when", "because", "although", "though", "whereas", "until"}
)


def _inner_clause(tokens: Sequence[Token], kept: list[int], a: int) -> list[int] | None:
    """The subordinate or relative clause holding the answer, as a clause of its own:
    "... before Rafael Nadal faces Mardy Fish" -> "Rafael Nadal faces Mardy Fish"; "Leroi, who
    teaches at Imperial College, won ..." -> "Leroi teaches at Imperial College"."""
    if a not in kept:
        return None
    where = kept.index(a)
    for k in range(where - 1, 0, -1):
        t = tokens[kept[k]]
        if t.text in (",", ";") and t.text != ",":
            return None
        word = t.text.lower()
        end = next((n for n in range(k + 1, len(kept)) if tokens[kept[n]].text in (",", ";")), None)
        end = len(kept) if end is None else end
        if where >= end:
            continue
        if word in _INNER_OPENERS and t.tag in ("IN", "WRB"):
            if not _clause_follows(tokens, kept[k + 1]):
                return None
            return kept[k + 1 : end]
        if word in ("who", "which") and tokens[kept[k - 1]].text == ",":
            name = k - 1
            while name > 0 and tokens[kept[name - 1]].tag in ("NNP", "NNPS"):
                name -= 1
            if name == k - 1 or k + 1 >= len(kept) or tokens[kept[k + 1]].tag not in _FINITE:
                return None
            if name != 0:
                return None  # "son of George Harrison, who has inherited": whose clause is it?
            return kept[name : k - 1] + kept[k + 1 : end]
    return None


def _subject_start(tokens: Sequence[Token], kept: list[int], verb: int) -> int | None:
    """Where the subject before the verb at position `verb` starts (after an opening comma)."""
    start = 0
    for k in range(verb):
        if tokens[kept[k]].text == ",":
            start = k + 1
    if start >= verb:
        return None
    return start


def _without_lead(tokens: Sequence[Token], kept: list[int], a: int) -> list[int] | None:
    """Without an opening adverbial ("In July 2004, ...", "Last year, ..."), or None if none."""
    finite = _finite_positions(tokens, kept)
    opening = tokens[kept[0]]
    if not finite or (opening.tag not in _LEAD_TAGS and opening.text not in _LEAD_WORDS):
        return None
    comma = next((k for k in range(finite[0]) if tokens[kept[k]].text == ","), None)
    if comma is None or comma + 1 >= finite[0] or a <= kept[comma]:
        return None
    if tokens[kept[comma + 1]].tag not in _NP_TAGS:
        return None
    return kept[comma + 1 :]


def _without_apposition(tokens: Sequence[Token], kept: list[int], a: int, b: int) -> list[int]:
    """Without ", a lecturer at Imperial College," or ", who ...," between subject and verb."""
    finite = _finite_positions(tokens, kept)
    if not finite:
        return kept
    verb = finite[0]
    if verb < 3 or tokens[kept[verb - 1]].text != ",":
        # The verb of a relative clause ("Leroi, who teaches at ..., scooped") comes first.
        verb = next(
            (k for k in finite if k >= 3 and tokens[kept[k - 1]].text == ","),
            -1,
        )
        if verb < 0:
            return kept
    opening = next((k for k in range(verb - 1) if tokens[kept[k]].text == ","), None)
    if opening is None or opening == 0 or tokens[kept[opening - 1]].tag not in _NOUNISH:
        return kept
    inside = kept[opening:verb]
    if any(i in range(a, b) for i in inside):
        return kept
    first = tokens[kept[opening + 1]]
    relative = first.text.lower() in ("who", "which")
    if not relative and any(tokens[i].tag in _FINITE for i in inside):
        return kept
    if any(tokens[i].tag in _FINITE for i in kept[:opening]):
        return kept
    return kept[:opening] + kept[verb:]


def _tail_cuts(tokens: Sequence[Token], kept: list[int], b: int) -> list[int]:
    """Positions in `kept` after the answer where a modifier starts that can be left off."""
    finite = _finite_positions(tokens, kept)
    if not finite:
        return []
    verb = finite[0]
    main = lemma(tokens[kept[verb]].text.lower(), "VB")
    if main in _REPORT_VERBS or (main == "be" and _copula(tokens, kept, verb)):
        # What was said is kept whole; "is the highest new entry [in the rich list]": what
        # a "be" clause says its subject is needs all its words.
        return []
    cuts = []
    for k in range(1, len(kept)):
        i = kept[k]
        if i < b or k <= verb + 1:
            continue
        t, prev = tokens[i], tokens[kept[k - 1]]
        if _splits_clause(tokens, kept[k:]) or _left_open(tokens, kept[verb + 1 : k]):
            continue
        comma = t.text == "," and not _list_goes_on(tokens, i + 1)
        # Not "to" ("an attempt [to halt ...]", "the need [to reform ...]"): what the noun is.
        preposition = (
            t.tag == "IN"
            and t.text in _TAIL_PREPS  # "Award For Comedy": a capital is inside a name
            and (prev.tag in _NOUNISH or prev.text in (")", "]"))
        )
        if comma or preposition:
            cuts.append(k)
    return cuts


def _copula(tokens: Sequence[Token], kept: list[int], verb: int) -> bool:
    """Whether the "be" at `verb` links its subject to a noun phrase or an adjective (not the
    auxiliary of "was named", "is spending")."""
    for i in kept[verb + 1 :]:
        if tokens[i].tag == "RB":
            continue
        return tokens[i].tag not in ("VBN", "VBG")
    return True


def _left_open(tokens: Sequence[Token], kept: list[int]) -> bool:
    """Whether the kept words end inside a clause they opened ("... when Roy Carroll")."""
    opener = max(
        (
            n
            for n, i in enumerate(kept)
            if (tokens[i].text.lower() in _OPENERS or tokens[i].tag in ("WDT", "WP"))
            and not (tokens[i].tag == "DT" or _determiner_that(tokens, i))
        ),
        default=-1,
    )
    return opener >= 0 and not any(tokens[i].tag in _FINITE for i in kept[opener + 1 :])


def _determiner_that(tokens: Sequence[Token], i: int) -> bool:
    """ "at that time": "that" before a noun is a determiner, not a clause."""
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return tokens[i].text.lower() == "that" and following is not None and following.tag == "NN"


_POINTING_ADVERBS = frozenset({"then", "also", "meanwhile", "subsequently", "later"})
_OPENERS = _SUBORDINATORS | {"where"}


def _splits_clause(tokens: Sequence[Token], removed: list[int]) -> bool:
    """Whether the words left off hold the verb of the clause they start ("raising the threshold
    [to £150,000 would prevent ...]"), not a clause of their own ("[in China which would ...]")."""
    for n, i in enumerate(removed):
        t = tokens[i]
        if n == 0 and t.text == ",":
            continue
        if t.text in (",", ";") or t.tag in ("WDT", "WP", "CC"):
            return False
        if t.text.lower() in _SUBORDINATORS or t.text.lower() in ("as", "after", "before"):
            return False
        if t.tag in _FINITE:
            return True
    return False


def _as_sentence(
    sentence: Sentence,
    fact: Fact,
    kept: list[int],
    a: int,
    b: int,
    apart: frozenset[int],
    speaker: str,
) -> Clause:
    """The kept words as a sentence of their own (offsets from 0), closed with a full stop."""
    tokens = sentence.tokens
    pieces: list[str] = []
    new_tokens: list[Token] = []
    at = 0
    previous: int | None = None
    fact_start = fact_end = 0
    for i in kept:
        t = tokens[i]
        if t.tag == "RB" and t.text.lower() in _POINTING_ADVERBS:
            continue  # "Jenas then missed": the question stands alone without what came before
        if previous is not None:
            gap = sentence.text[tokens[previous].end - sentence.start : t.start - sentence.start]
            glue = gap if previous == i - 1 else " "
            pieces.append(glue)
            at += len(glue)
        if i == a:
            fact_start = at
        new_tokens.append(Token(t.text, at, at + len(t.text), t.tag))
        pieces.append(t.text)
        at += len(t.text)
        if i == b - 1:
            fact_end = at
        previous = i
    new_tokens.append(Token(".", at, at + 1, "."))
    pieces.append(".")
    text = "".join(pieces)
    short = Sentence(
        index=sentence.index,
        start=0,
        end=len(text),
        text=text,
        paragraph=sentence.paragraph,
        tokens=tuple(new_tokens),
    )
    moved = Fact(fact.type, text[fact_start:fact_end], fact_start, fact_end, 0, fact.attrs)
    dropped = tuple(i for i in range(len(tokens)) if i not in set(kept))
    return Clause(short, moved, dropped, apart, speaker)
