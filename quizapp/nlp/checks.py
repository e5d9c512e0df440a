"""Item lint: grounding, option validity, answer leaks. The generator drops what fails."""

from __future__ import annotations

import re

from quizapp.nlp.model import BLANK, FactType, Item, QuestionKind
from quizapp.nlp.questions.blank_articles import article_problems
from quizapp.nlp.questions.fairness import fairness_problems
from quizapp.nlp.questions.known_cues import known_cue_problems
from quizapp.nlp.questions.relative_references import QUOTED, relative_reference_problems
from quizapp.nlp.text import content_tokens, normalise

_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)\b", re.I)
_NEGATIVE_STEM = re.compile(r"\b(?:NOT|EXCEPT)\b")
_ABSOLUTE = re.compile(r"\b(?:all of the above|none of the above)\b", re.I)


def option_shape(option: str) -> str:
    """The surface class of an option: ordinal, year, number with its unit, acronym, name, phrase."""
    o = option.strip()
    if _ORDINAL.match(o):
        return "ordinal"
    if re.fullmatch(r"(1[0-9]|20)\d\d", o):
        return "year"
    if _NUMBER.search(o):
        return "number:" + normalise(_NUMBER.sub("#", o))
    if re.fullmatch(r"[A-Z]{2,7}s?", o):
        return "acronym"
    if o[:1].isupper():
        return "name"
    return "phrase"


_TYPED = frozenset({QuestionKind.FILL_IN, QuestionKind.NUMERIC, QuestionKind.SHORT_ANSWER})
_DESCRIPTION_BLANK = re.compile(r"^(?:The|This|These|That)\s+" + re.escape(BLANK))


def check_item(item: Item, text: str) -> list[str]:
    """The rules an item breaks (empty when it passes)."""
    problems: list[str] = []
    src, fact = item.source, item.fact
    if text[src.start : src.end] != src.quote:
        problems.append("source offsets do not match the quote")
    if text[fact.start : fact.end] != fact.text:
        problems.append("fact offsets do not match the fact text")
    if not (src.start <= fact.start and fact.end <= src.end):
        problems.append("fact lies outside the quoted sentence")
    prompt = item.prompt
    if not prompt.strip() or len(prompt.split()) > 70:
        problems.append("prompt empty or too long")
    if len(re.findall(r"[A-Za-z0-9]+", prompt.replace(BLANK, " "))) < 3:
        problems.append("prompt is only a blank or a word or two")
    if _NEGATIVE_STEM.search(prompt) or _ABSOLUTE.search(prompt):
        problems.append("negative or absolute stem")
    if item.kind is not QuestionKind.MATCHING:
        problems += reference_problems(prompt)
        problems += relative_reference_problems(prompt, text, src.start, item.answer)
        if _fragment(src.quote, prompt):
            problems.append("the stem is no whole sentence")
    if item.kind is QuestionKind.MULTIPLE_CHOICE:
        problems += _option_problems(item)
    problems += fairness_problems(item)
    if item.kind is QuestionKind.MULTIPLE_CHOICE:
        problems += article_problems(prompt, item.options, typed=False)
    elif item.kind in _TYPED and item.answer:
        problems += article_problems(prompt, [item.answer], typed=True)
    problems += known_cue_problems(item)
    if (
        fact.type is FactType.OTHER
        and fact.attr("form") != "name"
        and _DESCRIPTION_BLANK.match(prompt)
    ):
        # "The _____, which deals with abuse, hit number one": the answer is a description of
        # something the article named before, and the stem says nothing else about it.
        problems.append("the blank is an unnamed subject's description")
    if item.kind is QuestionKind.FILL_IN and prompt.count(BLANK) != 1:
        problems.append("fill-in prompt without exactly one blank")
    if item.kind is QuestionKind.FILL_IN and item.answer:
        filled = prompt.replace(BLANK, item.answer)
        if normalise(filled) != normalise(src.quote) and item.answer not in src.quote:
            problems.append("filling the blank does not give back the sentence")
    if item.kind is QuestionKind.CLOZE:
        problems += _cloze_problems(item, text)
    if item.kind is QuestionKind.MATCHING:
        if len(item.pairs) < 3 or len({left for left, _ in item.pairs}) != len(item.pairs):
            problems.append("matching needs three distinct pairs")
    elif not item.answer or not item.answer.strip():
        problems.append("no answer")
    if item.kind not in (QuestionKind.TRUE_FALSE, QuestionKind.MATCHING) and item.answer:
        problems += _leak_problems(item)
    return problems


# "told the BBC this was ...", "described this as ...": "this" standing for something said
# before the sentence, which the student does not have.
_THIS_STANDS_ALONE = re.compile(
    r"\b[Tt]his(?=\s*(?:[,.;:]|(?:was|is|would|will|could|can|has|had|meant|means|might|"
    r"may|should|as)\b))"
)
# "The list features ...", "in each department": a list, a department or a scheme the stem
# never names, so the student cannot tell which one is meant.
_UNNAMED_WHOLE = re.compile(
    r"\b(?:[Tt]he|[Ee]ach|[Ee]very)\s+(?P<n>list|lists|department|departments|division|"
    r"scheme|programme|report|study|survey|deal|proposal|proposals|plan|plans)\b"
    r"(?!\s+(?:of|for|by|on|to|at|from|into|called|named|led|published|announced)\b)"
    r"(?!\s+[A-Z])"
)


# "Judy Craymer, who developed _____!": a subject and its relative clause, and no verb of its own.
_ONLY_RELATIVE = re.compile(r"^[A-Z][^,]*,\s+(?:who|which|whose)\b[^,]*[.!?]$")


def _fragment(source: str, prompt: str) -> bool:
    """A source cut from the middle of a sentence ("with playwright ... is at number 31") or a
    stem that is only a name and its relative clause."""
    opening = source.lstrip("\"“‘'([ ")
    if opening[:1].islower():
        return True
    stem = prompt.removeprefix("True or false? ")
    # "The main factor of the cycle is _____, which ...": a whole clause before the relative.
    clause = re.search(r"\b(?:is|are|was|were|be|been)\b", stem.split(",", 1)[0]) is not None
    return _ONLY_RELATIVE.match(stem) is not None and not clause


def reference_problems(prompt: str) -> list[str]:
    """A stem that leans on text the student does not have: a "this" standing for what was said
    before, or "the list" / "each department" of something never named in it."""
    own = QUOTED.sub(" ", prompt)
    problems = []
    if _THIS_STANDS_ALONE.search(own):
        problems.append("'this' refers to text outside the stem")
    for match in _UNNAMED_WHOLE.finditer(own):
        # "the report, published by the Audit Commission": named right after it.
        if not re.match(r",\s+(?:[a-z]+\s+){0,2}(?:by|of|from)\s+[A-Z]", own[match.end() :]):
            problems.append(f"'{match.group(0)}' is never named")
            break
    return problems


def _option_problems(item: Item) -> list[str]:
    opts = list(item.options)
    norm = [normalise(o) for o in opts]
    problems = []
    if not 3 <= len(opts) <= 5:
        problems.append(f"{len(opts)} options")
    if len(set(norm)) != len(norm) or "" in norm:
        problems.append("repeated or empty option")
    if opts.count(item.answer or "") != 1:
        problems.append("answer is not exactly one of the options")
    for i, a in enumerate(norm):
        for j, b in enumerate(norm):
            if i != j and a and b and re.search(rf"\b{re.escape(a)}\b", b):
                problems.append("one option inside another")
    if len({option_shape(o) for o in opts}) > 1:
        problems.append("options of mixed type")
    stem = normalise(item.prompt)
    for option, folded in zip(opts, norm, strict=True):
        if option != item.answer and folded and re.search(rf"\b{re.escape(folded)}\b", stem):
            problems.append("a wrong option stands in the stem")
            break
    if any(_ABSOLUTE.search(o) for o in opts):
        problems.append("all/none of the above")
    return problems


def _cloze_problems(item: Item, text: str) -> list[str]:
    """A passage's gaps: 2–6, one per blank, grounded in its source; its bank holds each once."""
    problems = []
    blanks, src = item.blanks, item.source
    if not 2 <= len(blanks) <= 6 or item.prompt.count(BLANK) != len(blanks):
        problems.append("cloze needs 2 to 6 gaps, one per blank")
    for blank in blanks:
        fact = blank.fact
        if text[fact.start : fact.end] != fact.text or not (
            src.start <= fact.start and fact.end <= src.end
        ):
            problems.append("a gap's fact is not in the passage's source")
    if blanks and (item.answer != blanks[0].answer or item.fact != blanks[0].fact):
        problems.append("a cloze's answer is not its first gap's")
    if item.bank:
        answers = [blank.answer for blank in blanks]
        if any(item.bank.count(a) != 1 for a in answers) or len(set(item.bank)) != len(item.bank):
            problems.append("the word bank must hold every answer once")
    return problems


def _leak_problems(item: Item) -> list[str]:
    prompt = item.prompt
    answer_tokens = content_tokens(item.answer or "")
    problems = []
    if answer_tokens and answer_tokens <= content_tokens(prompt):
        problems.append("prompt contains the answer")
    for key in ("acronym", "expansion"):
        alias = item.fact.attr(key)
        if alias and re.search(rf"\b{re.escape(alias)}\b", prompt):
            problems.append("prompt contains the answer's acronym or expansion")
    return problems
