"""Bounds the sentence sets on a figure: "the _____ time in five years" is at most the fifth,
a goal's minute lies inside a match, an edition's number stays near the key's."""

from __future__ import annotations

import re

from quizapp.nlp.numbers import parse_number

# "the _____ time in five years", "his _____ win in six starts", "_____ of the 12 teams":
# the ordinal counts within the number the sentence gives.
_WITHIN = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?(?:in|from|of|out\s+of)\s+(?:the\s+(?:last|past)\s+)?"
    r"(?:the\s+)?(?P<n>\d[\d,]*|[a-z]+)\s+[a-z]+",
)


def ordinal_cap(sentence: str, start: int, end: int) -> int | None:
    """The largest ordinal the words after the key allow ("time in five years" -> 5)."""
    match = _WITHIN.match(sentence[end:])
    if not match:
        return None
    value = parse_number(match.group("n"))
    if value is None or value != int(value) or value < 1:
        return None
    return int(value)


# Words of a match: a minute given with them is a minute of play.
_MATCH_WORDS = re.compile(
    r"\b(?:goal|goals|scored|scores|scoring|header|headed|penalty|corner|free-kick|"
    r"equaliser|equalised|striker|kick-off|half-time|try|tries|converted|conversion|"
    r"match|game|ahead|lead|led|levelled|winner|opener|sent\s+off|red\s+card|booked|"
    r"substitute|substituted|whistle|fired|shot|finish)\b",
    re.I,
)
_RUGBY_WORDS = re.compile(r"\b(?:try|tries|rugby|scrum|fly-half|converted|conversion)\b", re.I)
# "after 31 minutes", "within 11 minutes", "in the 89th minute": a moment of the match.
_MOMENT_BEFORE = re.compile(
    r"\b(?:after|within|inside|in|on|before|until|by|with|at)\s+(?:the\s+)?(?:just\s+)?$", re.I
)
FOOTBALL_MINUTES = 90
RUGBY_MINUTES = 80


def match_minute_cap(sentence: str, start: int, end: int, key: float) -> float | None:
    """The last minute of a match (90, 80 for rugby) when the key is a moment of play in it
    ("put Newcastle ahead after _____ minutes"): an option past it is absurd."""
    text = sentence[start:end].lower()
    after = sentence[end : end + 8].lower()
    if "minute" not in text and not after.lstrip().startswith("minute"):
        return None
    if not _MOMENT_BEFORE.search(sentence[:start]) or not _MATCH_WORDS.search(sentence):
        return None
    cap = RUGBY_MINUTES if _RUGBY_WORDS.search(sentence) else FOOTBALL_MINUTES
    # Stoppage time: a key past the whistle ("in the 93rd minute") sets no cap.
    return float(cap) if key <= cap else None


# The widest an ordinal's options may stray from it (either way): "92nd" beside a "12th"
# edition, or "2nd" beside it, is no plausible wrong answer.
ORDINAL_SPREAD = 2.5
ORDINAL_NEAR = 3


def near_ordinal(value: int, key: int) -> bool:
    """Whether an ordinal option is close enough to the key to be believed."""
    if abs(value - key) <= ORDINAL_NEAR:
        return True
    return max(value, key) / max(1, min(value, key)) <= ORDINAL_SPREAD
