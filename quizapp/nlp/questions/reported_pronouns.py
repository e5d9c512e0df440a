"""A reported clause opening on a pronoun the stem leaves unresolved ("said it was a serious
matter"), told from an "it" that only stands for the clause after ("said it was time to ...")."""

from __future__ import annotations

import re

# "Latest figures suggest it has sold ...": a reported clause whose subject is a bare pronoun.
_REPORTED_PRONOUN = re.compile(
    r"\b(?:suggests?|suggested|shows?|showed|says?|said|believes?|believed|thinks?|thought|"
    r"claims?|claimed|hopes?|hoped|expects?|expected|reports?|reported|insists?|insisted)\s+"
    r"(?:that\s+)?(it|he|she|they)\b"
)


def embedded_pronoun(text: str, a: int, b: int, *, answer_is_body: bool = True) -> bool:
    """Whether a reported clause opens on an unresolved pronoun ("figures suggest it has
    sold ...") outside the answer and before any name the sentence gives. An answer that is no
    organisation or place does not say what "it" is ("_____ said it was a serious matter",
    with a person to name), and an "it" that only
    opens a clause ("said it was time to ...") points at nothing."""
    for m in _REPORTED_PRONOUN.finditer(text):
        if m.start(1) < b and a < m.end(1):
            continue
        answer_before = a < m.start() and b <= m.start()
        # The answer's own words are the blank: they name nothing for the student.
        before = (
            text[:a] + "_" * (b - a) + text[b : m.start()] if answer_before else text[: m.start()]
        )
        if m.group(1) == "it":
            if _EXPLETIVE_IT.match(text[m.end(1) :]) or _QUOTED_JUDGEMENT.match(text[m.end(1) :]):
                continue
            answer_before = answer_before and answer_is_body
            if a < m.start():
                # "Liberal Democrat _____ said it was ...": the speaker's role is no name "it"
                # could stand for.
                role = _ROLE_RUN.search(text[:a])
                before = before[: role.start()] + before[a:] if role else before
        named = re.search(r"(?<=\S )[A-Z][A-Za-z]", before) or answer_before
        if not named:
            return True
    return False


# "said it was time to ...", "believes it is likely that ...": "it" stands for the clause after.
_EXPLETIVE_IT = re.compile(
    r"^\s+(?:is|was|would\s+be|will\s+be|had\s+been|has\s+been|could\s+be|might\s+be)\s+"
    r"(?:(?:not|now|still|also|too|very|so|more|less|[a-z]+ly)\s+)*"
    r"(?:time|[a-z]+(?:ble|ary|ant|ent|ial|ous|ic|ive|ful|ult|ear|ood|ad|ong|ight|ard|asy|"
    r"ate|ain|uch|ess|ess))\s+(?:to|that|for)\b"
)


# "said it would be "crass and ignorant" to liken ...": "it" stands for the clause after.
_QUOTED_JUDGEMENT = re.compile(
    r"^\s+(?:is|was|would\s+be|will\s+be|had\s+been|has\s+been|could\s+be|might\s+be)\s+"
    r"[\"“'‘][^\"”’]{1,40}[\"”'’],?\s+(?:to|that|for)\b"
)
# Capitalised words right before the blank: the person's role or party ("Liberal Democrat").
_ROLE_RUN = re.compile(r"(?:\b[A-Z][\w'’-]*\s+)+$")
